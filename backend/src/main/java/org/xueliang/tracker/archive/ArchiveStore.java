package org.xueliang.tracker.archive;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code camera_archive}: the archive's own fields (not the ledger's) as text by field, one row per camera.
 * A column is named after its field ({@code REGION_CODE} → {@code region_code}); NULL = not filled in.
 */
@Repository
class ArchiveStore {

    /** The archive's own fields, in column order. */
    static final List<ArchiveField> OWN = Arrays.stream(ArchiveField.values()).filter(f -> !f.ledger()).toList();
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ArchiveVersions versions;

    ArchiveStore(JdbcTemplate jdbc, ArchiveVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /** A stored archive: its values (absent = not filled in) and when it was last written. */
    record Stored(Map<ArchiveField, String> values, Instant updatedAt, String updatedBy) {
    }

    Map<Long, Stored> load(Collection<Long> deviceIds) {
        List<Long> ids = deviceIds.stream().distinct().toList();
        Map<Long, Stored> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String in = String.join(",", part.stream().map(id -> "?").toList());
            jdbc.query("SELECT * FROM camera_archive WHERE device_id IN (" + in + ")",
                    rs -> { out.put(rs.getLong("device_id"), stored(rs)); }, part.toArray());
        }
        return out;
    }

    /**
     * Writes the archive of {@code deviceId} (every own field, absent ones as NULL) and its next version. An archive
     * stored before versions began first becomes a version of its own, so its history starts where it did.
     */
    void save(long deviceId, Map<ArchiveField, String> values, Instant at, String actor, ArchiveVersions.Source source) {
        if (!versions.any(deviceId)) {
            Stored before = load(List.of(deviceId)).get(deviceId);
            if (before != null) {
                versions.append(deviceId, before.values(), ArchiveVersions.Source.BEFORE_VERSIONS,
                        before.updatedAt() == null ? at : before.updatedAt(), before.updatedBy());
            }
        }
        versions.append(deviceId, normalized(values), source, at, actor);
        List<Object> args = new ArrayList<>();
        for (ArchiveField f : OWN) {
            args.add(typed(f, values.get(f)));
        }
        args.add(Timestamp.from(at));
        args.add(actor);
        args.add(deviceId);
        String set = String.join(", ", OWN.stream().map(f -> column(f) + " = ?").toList());
        if (jdbc.update("UPDATE camera_archive SET " + set + ", updated_at = ?, updated_by = ? WHERE device_id = ?",
                args.toArray()) == 0) {
            String columns = String.join(", ", OWN.stream().map(ArchiveStore::column).toList());
            String marks = String.join(", ", OWN.stream().map(f -> "?").toList());
            jdbc.update("INSERT INTO camera_archive (" + columns + ", updated_at, updated_by, device_id) VALUES ("
                    + marks + ", ?, ?, ?)", args.toArray());
        }
    }

    /** The values as a read of the row gives them back (coordinates without trailing zeros), for the version. */
    static Map<ArchiveField, String> normalized(Map<ArchiveField, String> values) {
        Map<ArchiveField, String> out = new EnumMap<>(ArchiveField.class);
        values.forEach((f, v) -> {
            Object typed = typed(f, v);
            if (typed instanceof BigDecimal d) {
                out.put(f, d.stripTrailingZeros().toPlainString());
            } else if (typed != null) {
                out.put(f, typed.toString());
            }
        });
        return out;
    }

    boolean anyOf(Collection<Long> deviceIds) {
        return !load(deviceIds).isEmpty();
    }

    static String column(ArchiveField f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    private static Object typed(ArchiveField f, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        return switch (f.kind()) {
            case LONGITUDE, LATITUDE -> new BigDecimal(t);
            case DAYS -> Integer.valueOf(t);
            default -> t;
        };
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Map<ArchiveField, String> values = new EnumMap<>(ArchiveField.class);
        for (ArchiveField f : OWN) {
            Object v = rs.getObject(column(f));
            if (v instanceof BigDecimal d) {
                values.put(f, d.stripTrailingZeros().toPlainString());
            } else if (v != null) {
                values.put(f, v.toString());
            }
        }
        Timestamp at = rs.getTimestamp("updated_at");
        return new Stored(values, at == null ? null : at.toInstant(), rs.getString("updated_by"));
    }
}
