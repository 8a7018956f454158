package org.xueliang.tracker.recording;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.recording.Spans.Span;

/** The tables {@code recording_interval}, {@code recording_window}, {@code recording_retention} (V24; UTC DATETIME(3)). */
@Component
class RecordingStore {

    /** Where a recording figure came from. */
    enum Source { ONVIF, GB28181 }

    /** A source's latest retention report: oldest and newest recording, when reported. */
    record Retention(Source source, Instant earliest, Instant latest, Instant reportedAt) {
    }

    private final JdbcTemplate jdbc;

    RecordingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A search over [windowStart, windowEnd) found {@code intervals}: what an earlier search stored inside that window
     * goes (the device's newer word), intervals crossing its edges stay (the union counts them once).
     */
    void searched(long deviceId, Source source, Instant windowStart, Instant windowEnd, List<Span> intervals, Instant at) {
        searched(deviceId, source, windowStart, windowEnd, intervals, at, false);
    }

    void searched(long deviceId, Source source, Instant windowStart, Instant windowEnd, List<Span> intervals, Instant at,
                  boolean synthetic) {
        // a synthetic search never removes a measured interval
        jdbc.update("DELETE FROM recording_interval WHERE device_id = ? AND source = ? AND start_at >= ? AND end_at <= ?"
                + (synthetic ? " AND synthetic = TRUE" : ""), deviceId, source.name(), ts(windowStart), ts(windowEnd));
        jdbc.batchUpdate("INSERT INTO recording_interval (device_id, source, start_at, end_at, reported_at, synthetic)"
                + " VALUES (?, ?, ?, ?, ?, ?)", intervals.stream().map(i -> new Object[] {deviceId, source.name(),
                ts(i.from()), ts(i.to()), ts(at), synthetic}).toList());
        answered(deviceId, source, windowStart, windowEnd, at, synthetic);
    }

    /** The source answered for [windowStart, windowEnd): that time was measured. */
    void answered(long deviceId, Source source, Instant windowStart, Instant windowEnd, Instant at) {
        answered(deviceId, source, windowStart, windowEnd, at, false);
    }

    private void answered(long deviceId, Source source, Instant windowStart, Instant windowEnd, Instant at, boolean synthetic) {
        jdbc.update("INSERT INTO recording_window (device_id, source, window_start, window_end, answered_at, synthetic)"
                + " VALUES (?, ?, ?, ?, ?, ?)", deviceId, source.name(), ts(windowStart), ts(windowEnd), ts(at), synthetic);
    }

    void retention(long deviceId, Source source, Instant earliest, Instant latest, Instant at) {
        retention(deviceId, source, earliest, latest, at, false);
    }

    /** The latest report replaces the previous one; a synthetic one never replaces a measured one. */
    void retention(long deviceId, Source source, Instant earliest, Instant latest, Instant at, boolean synthetic) {
        Object[] values = {ts(earliest), ts(latest), ts(at), synthetic, deviceId, source.name()};
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM recording_retention WHERE device_id = ? AND source = ?",
                Integer.class, deviceId, source.name());
        if (rows != null && rows > 0) {
            replaceRetention(values, synthetic);
            return;
        }
        try {
            jdbc.update("INSERT INTO recording_retention (earliest_at, latest_at, reported_at, synthetic, device_id, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", values);
        } catch (DuplicateKeyException raced) {
            // another writer inserted the first report between the count and the insert (seen at a demo's first start:
            // the probe's measured report and the synthetic past of the same camera); replace it by the same rule
            replaceRetention(values, synthetic);
        }
    }

    private void replaceRetention(Object[] values, boolean synthetic) {
        jdbc.update("UPDATE recording_retention SET earliest_at = ?, latest_at = ?, reported_at = ?, synthetic = ?"
                + " WHERE device_id = ? AND source = ?" + (synthetic ? " AND synthetic = TRUE" : ""), values);
    }

    /** Whether any synthetic window was written (demo mode's backfill ran). */
    boolean anySynthetic() {
        return !jdbc.queryForList("SELECT device_id FROM recording_window WHERE synthetic = TRUE LIMIT 1", Long.class).isEmpty();
    }

    /** The devices among {@code deviceIds} with a synthetic window overlapping [from, to). */
    java.util.Set<Long> synthetic(Collection<Long> deviceIds, Instant from, Instant to) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        forChunks(deviceIds, (in, args) -> {
            args.add(ts(to));
            args.add(ts(from));
            out.addAll(jdbc.queryForList("SELECT DISTINCT device_id FROM recording_window WHERE device_id IN (" + in + ")"
                    + " AND synthetic = TRUE AND window_start < ? AND window_end > ?", Long.class, args.toArray()));
        });
        return out;
    }

    /** Stored intervals overlapping [from, to), by device. */
    Map<Long, List<Span>> intervals(Collection<Long> deviceIds, Instant from, Instant to) {
        return spans("SELECT device_id, start_at, end_at FROM recording_interval WHERE device_id IN (%s)"
                + " AND start_at < ? AND end_at > ?", deviceIds, from, to);
    }

    /** Answered windows overlapping [from, to), by device. */
    Map<Long, List<Span>> windows(Collection<Long> deviceIds, Instant from, Instant to) {
        return spans("SELECT device_id, window_start, window_end FROM recording_window WHERE device_id IN (%s)"
                + " AND window_start < ? AND window_end > ?", deviceIds, from, to);
    }

    /** Each device's latest retention reports, newest first. */
    Map<Long, List<Retention>> retention(Collection<Long> deviceIds) {
        Map<Long, List<Retention>> out = new HashMap<>();
        forChunks(deviceIds, (in, args) -> jdbc.query("SELECT device_id, source, earliest_at, latest_at, reported_at"
                + " FROM recording_retention WHERE device_id IN (" + in + ") ORDER BY reported_at DESC", rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Retention(Source.valueOf(rs.getString(2)),
                            instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
                }, args.toArray()));
        return out;
    }

    private Map<Long, List<Span>> spans(String sql, Collection<Long> deviceIds, Instant from, Instant to) {
        Map<Long, List<Span>> out = new HashMap<>();
        forChunks(deviceIds, (in, args) -> {
            args.add(ts(to));
            args.add(ts(from));
            jdbc.query(String.format(sql, in), rs -> {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Span(instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))));
            }, args.toArray());
        });
        return out;
    }

    private interface Chunk {
        void run(String in, List<Object> args);
    }

    private static void forChunks(Collection<Long> ids, Chunk chunk) {
        List<Long> all = ids.stream().distinct().toList();
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> part = all.subList(i, Math.min(all.size(), i + 500));
            chunk.run(part.stream().map(x -> "?").collect(Collectors.joining(",")), new ArrayList<>(part));
        }
    }

    /** Cut to milliseconds here: MariaDB would compare a parameter at full precision with the truncated column. */
    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.valueOf(i.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
