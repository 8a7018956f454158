package org.xueliang.tracker.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table {@code camera_archive_version} (V29): every state a camera's stored archive has had, numbered from 1 per
 * camera, its own fields as JSON by API code. Written by {@link ArchiveStore#save} only, so no change to
 * {@code camera_archive} goes without its version.
 */
@Repository
class ArchiveVersions {

    /** Where a version came from. */
    enum Source {
        /** {@code PUT /api/v1/devices/{id}/archive}. */
        PUT,
        /** A row of an imported 一机一档 spreadsheet. */
        IMPORT,
        /** Start-up data: the demo fleet or the reference dataset. */
        DEMO,
        /** The archive as it was when versions began (V29), kept once before its first new version. */
        BEFORE_VERSIONS
    }

    /** One version: the own fields in force from {@code changedAt} until the next version. */
    record Version(long deviceId, int number, Map<ArchiveField, String> values, Source source, Instant changedAt,
                   String changedBy) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() { };
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ArchiveVersions(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Appends the next version of {@code deviceId}; answers its number. */
    int append(long deviceId, Map<ArchiveField, String> values, Source source, Instant at, String actor) {
        Integer last = jdbc.queryForObject("SELECT MAX(version_no) FROM camera_archive_version WHERE device_id = ?",
                Integer.class, deviceId);
        int number = last == null ? 1 : last + 1;
        jdbc.update("INSERT INTO camera_archive_version (device_id, version_no, fields_json, source, changed_at, changed_by)"
                + " VALUES (?, ?, ?, ?, ?, ?)", deviceId, number, json.writeValueAsString(ArchiveService.byCode(values)),
                source.name(), Timestamp.from(at), actor);
        return number;
    }

    boolean any(long deviceId) {
        return !versioned(List.of(deviceId)).isEmpty();
    }

    /** Those of {@code deviceIds} with at least one version. */
    java.util.Set<Long> versioned(Collection<Long> deviceIds) {
        List<Long> ids = deviceIds.stream().distinct().toList();
        java.util.Set<Long> out = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String in = String.join(",", part.stream().map(id -> "?").toList());
            out.addAll(jdbc.queryForList("SELECT DISTINCT device_id FROM camera_archive_version WHERE device_id IN (" + in
                    + ")", Long.class, part.toArray()));
        }
        return out;
    }

    /** The versions of {@code deviceId}, newest first. */
    List<Version> of(long deviceId) {
        return jdbc.query("SELECT * FROM camera_archive_version WHERE device_id = ? ORDER BY version_no DESC",
                (rs, n) -> version(rs), deviceId);
    }

    Optional<Version> one(long deviceId, int number) {
        return jdbc.query("SELECT * FROM camera_archive_version WHERE device_id = ? AND version_no = ?",
                (rs, n) -> version(rs), deviceId, number).stream().findFirst();
    }

    /** The version of each device in force at {@code at} (the last one written before it); absent = none yet. */
    Map<Long, Version> inForceAt(Collection<Long> deviceIds, Instant at) {
        List<Long> ids = deviceIds.stream().distinct().toList();
        Map<Long, Version> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String in = String.join(",", part.stream().map(id -> "?").toList());
            List<Object> args = new ArrayList<>(part);
            args.add(Timestamp.from(at));
            jdbc.query("SELECT * FROM camera_archive_version WHERE device_id IN (" + in + ") AND changed_at < ?"
                    + " ORDER BY device_id, version_no", rs -> {
                        Version v = version(rs);
                        out.put(v.deviceId(), v);
                    }, args.toArray());
        }
        return out;
    }

    private Version version(ResultSet rs) throws SQLException {
        Map<ArchiveField, String> values = new EnumMap<>(ArchiveField.class);
        json.readValue(rs.getString("fields_json"), FIELDS)
                .forEach((code, v) -> ArchiveField.byCode(code).ifPresent(f -> values.put(f, v)));
        return new Version(rs.getLong("device_id"), rs.getInt("version_no"), values, Source.valueOf(rs.getString("source")),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"));
    }
}
