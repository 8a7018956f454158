package org.xueliang.tracker.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.xueliang.tracker.shared.ApiException;

/**
 * 档案完整率 (valid required fields ÷ required fields) and 建档率 (cameras with a complete archive ÷ cameras) of a set
 * of archives, per group. Plain Java.
 */
final class ArchiveRates {

    /** How the rates are grouped; {@code key} and {@code label} of each group. */
    enum GroupBy {
        PROJECT(a -> "project", a -> null),
        TOWNSHIP(a -> a.camera().township(), a -> a.camera().township()),
        SITE(a -> a.camera().siteId() == null ? null : String.valueOf(a.camera().siteId()), a -> a.camera().siteName()),
        MAINTENANCE_UNIT(a -> a.value(ArchiveField.MAINTENANCE_UNIT), a -> a.value(ArchiveField.MAINTENANCE_UNIT));

        final Function<CameraArchive, String> key;
        final Function<CameraArchive, String> label;

        GroupBy(Function<CameraArchive, String> key, Function<CameraArchive, String> label) {
            this.key = key;
            this.label = label;
        }

        String apiName() {
            return switch (this) {
                case PROJECT -> "project";
                case TOWNSHIP -> "township";
                case SITE -> "site";
                case MAINTENANCE_UNIT -> "maintenanceUnit";
            };
        }

        static GroupBy parse(String text) {
            for (GroupBy g : values()) {
                if (g.apiName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return g;
                }
            }
            throw ApiException.badRequest("groupBy", "groupBy must be project, township, site or maintenanceUnit, not '"
                    + text + "'");
        }
    }

    private ArchiveRates() {
    }

    /** The rate of {@code archives} as one group; rates are null without cameras. */
    static ArchiveView.Rate rate(String key, String label, List<CameraArchive> archives) {
        int cameras = archives.size();
        int complete = (int) archives.stream().filter(CameraArchive::complete).count();
        long valid = archives.stream().mapToLong(CameraArchive::validRequired).sum();
        long required = (long) cameras * CameraArchive.requiredCount();
        return new ArchiveView.Rate(key, label, cameras, complete, valid, required,
                required == 0 ? null : (double) valid / required, cameras == 0 ? null : (double) complete / cameras);
    }

    /** The groups of {@code archives} in order of first appearance (asset-tag order) (cameras without the key: key null, last). */
    static List<ArchiveView.Rate> grouped(List<CameraArchive> archives, GroupBy by) {
        Map<String, List<CameraArchive>> groups = new LinkedHashMap<>();
        List<CameraArchive> none = new ArrayList<>();
        for (CameraArchive a : archives) {
            String key = by.key.apply(a);
            if (key == null || key.isBlank()) {
                none.add(a);
            } else {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
        }
        List<ArchiveView.Rate> out = new ArrayList<>();
        groups.forEach((k, list) -> out.add(rate(k, by.label.apply(list.get(0)), list)));
        if (!none.isEmpty()) {
            out.add(rate(null, null, none));
        }
        return out;
    }
}
