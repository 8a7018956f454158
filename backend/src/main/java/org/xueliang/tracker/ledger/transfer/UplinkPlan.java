package org.xueliang.tracker.ledger.transfer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceFields;
import org.xueliang.tracker.ledger.UplinkChains;

/**
 * The file's {@value DeviceColumns#UPLINK_ASSET_TAG} column checked as the API checks {@code uplinkDeviceId}
 * ({@code ledger.DeviceUplinks}), but against the ledger as it will be after the import: the uplink is a device of the
 * ledger or of the file, in the row's project (as the file leaves it), not the row's own device, and following the
 * uplinks from it — the file's where a row gives one, else the ledger's — never comes back to the row's device. So a
 * file may bring a switch and the cameras under it, or swap two uplinks, in one go. Tags are compared lower-case, as
 * the asset tags of the rows are.
 */
final class UplinkPlan {

    private static final String NONE = "";

    /** Tag of each row that gives the column → the uplink tag it names (NONE: no uplink). */
    private final Map<String, String> uplinkOfRow = new HashMap<>();
    /** Tag of each row → the project its device has after the import. */
    private final Map<String, Long> projectOfRow = new HashMap<>();
    private final Map<String, Device> ledger;
    private final LongFunction<Optional<Device>> byId;
    private final LongPredicate inScope;

    /** {@code ledger}: the ledger's devices by lower-case tag (at least those the rows and their uplink cells name). */
    UplinkPlan(Map<String, Device> ledger, LongFunction<Optional<Device>> byId, LongPredicate inScope) {
        this.ledger = new HashMap<>(ledger);
        this.byId = byId;
        this.inScope = inScope;
    }

    static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    /** Takes note of a row before any is checked: a row may name a device of a later row as its uplink. */
    void add(RowValues row, DeviceFields fields) {
        String tag = row.assetTag();
        if (tag == null) {
            return;
        }
        projectOfRow.putIfAbsent(key(tag), fields.projectId());
        if (row.uplinkTag() != null) {
            uplinkOfRow.putIfAbsent(key(tag), row.uplinkTag().isEmpty() ? NONE : key(row.uplinkTag()));
        }
    }

    /** Adds a problem to the row when the uplink it names cannot be its uplink. */
    void check(RowValues row, DeviceFields fields) {
        String uplink = row.uplinkTag();
        if (uplink == null || uplink.isEmpty() || row.assetTag() == null) {
            return;
        }
        String self = key(row.assetTag());
        String target = key(uplink);
        Long targetProject = projectOf(target);
        if (targetProject == null) {
            problem(row, "no device has asset tag '" + uplink + "'");
        } else if (target.equals(self)) {
            problem(row, "a device cannot be its own uplink");
        } else if (!targetProject.equals(fields.projectId())) {
            problem(row, "device '" + uplink + "' belongs to another project");
        } else if (leadsBackTo(target, self)) {
            problem(row, "device '" + uplink + "' hangs off device '" + row.assetTag() + "' (directly or further up): that would be a loop");
        }
    }

    /** Whether the row gives the column, i.e. its device's uplink is written by the import. */
    boolean writes(String tag) {
        return tag != null && uplinkOfRow.containsKey(key(tag));
    }

    /** The uplink tag the row of {@code tag} names, lower-case; empty for none. */
    Optional<String> uplinkOf(String tag) {
        String uplink = uplinkOfRow.get(key(tag));
        return uplink == null || uplink.equals(NONE) ? Optional.empty() : Optional.of(uplink);
    }

    /** The project of a device of the file or (in the caller's scope) the ledger after the import; null when there is none. */
    private Long projectOf(String tag) {
        if (projectOfRow.containsKey(tag)) {
            return projectOfRow.get(tag);
        }
        Device d = ledger.get(tag);
        return d == null || !inScope.test(d.getProjectId()) ? null : d.getProjectId();
    }

    private boolean leadsBackTo(String start, String target) {
        return UplinkChains.leadsBackTo(start, target, this::uplinkAfterImport);
    }

    /** The uplink tag of a device once the file is in: the file's where its row gives one, else the ledger's. */
    private String uplinkAfterImport(String tag) {
        if (uplinkOfRow.containsKey(tag)) {
            String uplink = uplinkOfRow.get(tag);
            return uplink.equals(NONE) ? null : uplink;
        }
        Device d = ledger.get(tag);
        if (d == null || d.getUplinkDeviceId() == null) {
            return null;
        }
        Optional<Device> up = byId.apply(d.getUplinkDeviceId());
        up.ifPresent(u -> ledger.putIfAbsent(key(u.getAssetTag()), u));
        return up.map(u -> key(u.getAssetTag())).orElse(null);
    }

    private static void problem(RowValues row, String reason) {
        row.problem(DeviceColumns.UPLINK_ASSET_TAG, reason);
    }
}
