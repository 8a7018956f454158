package org.xueliang.tracker.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.shared.ApiException;

/**
 * How the video-assessment figures group a project's cameras — the one place that says which key and raw label a
 * camera has per grouping, for {@code /api/v1/metrics/indicators} and the per-module endpoints
 * ({@code /projects/{id}/clock-accuracy}, {@code /image-intactness}). A camera without a site, township or vendor
 * falls in the group {@value #NONE}. The raw label is the ledger's text (site name, township, vendor, device name) or,
 * for a category, its code; callers that speak to people replace the code by the category's name.
 */
public enum CameraGrouping {
    PROJECT(c -> Long.toString(c.projectId()), c -> Long.toString(c.projectId())),
    SITE(c -> c.siteId() == null ? null : c.siteId().toString(), Camera::siteName),
    TOWNSHIP(Camera::township, Camera::township),
    CATEGORY(Camera::categoryCode, Camera::categoryCode),
    VENDOR(Camera::vendor, Camera::vendor),
    DEVICE(c -> Long.toString(c.id()), Camera::name);

    /** The key and label of the group of cameras that lack what is grouped by. */
    public static final String NONE = "-";

    private final Function<Camera, String> key;
    private final Function<Camera, String> label;

    CameraGrouping(Function<Camera, String> key, Function<Camera, String> label) {
        this.key = key;
        this.label = label;
    }

    /** One group: its key, raw label and members in the order they came. */
    public record Group<T>(String key, String label, List<T> members) {
    }

    public String key(Camera c) {
        String k = key.apply(c);
        return k == null || k.isBlank() ? NONE : k;
    }

    public String label(Camera c) {
        String k = key(c);
        String l = label.apply(c);
        return NONE.equals(k) ? NONE : l == null || l.isBlank() ? k : l;
    }

    /** {@code items} grouped by their camera, groups in order of first appearance. */
    public <T> List<Group<T>> group(List<T> items, Function<T, Camera> cameraOf) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<T>> members = new LinkedHashMap<>();
        for (T item : items) {
            Camera c = cameraOf.apply(item);
            members.computeIfAbsent(key(c), k -> new ArrayList<>()).add(item);
            labels.putIfAbsent(key(c), label(c));
        }
        List<Group<T>> out = new ArrayList<>();
        members.forEach((k, list) -> out.add(new Group<>(k, labels.get(k), list)));
        return out;
    }

    /** The grouping a query parameter names (case-insensitive); 400 problem detail on {@code field} otherwise. */
    public static CameraGrouping parse(String field, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest(field, field + " must be one of "
                    + Arrays.toString(values()).toLowerCase(Locale.ROOT) + ", not '" + value + "'");
        }
    }

    /** The query parameter's spelling. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
