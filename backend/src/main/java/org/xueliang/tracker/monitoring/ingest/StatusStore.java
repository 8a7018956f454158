package org.xueliang.tracker.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.SourceStatus;

/**
 * Persistence of device states and their intervals, in plain JDBC because ingest writes thousands
 * of rows a second. Instants are stored as UTC DATETIME(3) on every database.
 */
@Repository
public class StatusStore {

    private static final String STATE_COLUMNS = "INSERT INTO device_status (state, since, reason, consecutive_failures,"
            + " first_failure_at, last_result_at, last_latency_ms, interval_seconds, updated_at, device_id) VALUES";
    private static final String INSERT_STATE = STATE_COLUMNS + " (?,?,?,?,?,?,?,?,?,?)";
    private static final String SOURCE_STATUS_COLUMNS = "INSERT INTO device_source_status"
            + " (status, reason, observed_at, detail, device_id, source) VALUES";
    private static final String INSERT_SOURCE_STATUS = SOURCE_STATUS_COLUMNS + " (?,?,?,?,?,?)";
    /*
     * Rows known to exist (every result updates its device's state and source rows) are written as one multi-row
     * INSERT … ON DUPLICATE KEY UPDATE, which then always takes the update branch: see MultiRowUpsert for why not a
     * JDBC batch of UPDATEs.
     */
    private static final MultiRowUpsert UPDATE_STATES = new MultiRowUpsert(STATE_COLUMNS, 10,
            "ON DUPLICATE KEY UPDATE state = VALUES(state), since = VALUES(since),"
            + " reason = VALUES(reason), consecutive_failures = VALUES(consecutive_failures),"
            + " first_failure_at = VALUES(first_failure_at), last_result_at = VALUES(last_result_at),"
            + " last_latency_ms = VALUES(last_latency_ms), interval_seconds = VALUES(interval_seconds),"
            + " updated_at = VALUES(updated_at)");
    private static final MultiRowUpsert UPDATE_SOURCE_STATUSES = new MultiRowUpsert(SOURCE_STATUS_COLUMNS, 6,
            "ON DUPLICATE KEY UPDATE status = VALUES(status), reason = VALUES(reason),"
            + " observed_at = VALUES(observed_at), detail = VALUES(detail)");

    private final JdbcTemplate jdbc;

    StatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Current states of these devices, locked for this transaction so concurrent ingests serialise per device. */
    Map<Long, TrackedState> lockStates(Collection<Long> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        String in = deviceIds.stream().map(id -> "?").collect(Collectors.joining(","));
        Map<Long, TrackedState> states = new HashMap<>();
        jdbc.query("SELECT * FROM device_status WHERE device_id IN (" + in + ") ORDER BY device_id FOR UPDATE", rs -> {
            states.put(rs.getLong("device_id"), new TrackedState(
                    DeviceState.valueOf(rs.getString("state")), instant(rs.getTimestamp("since")),
                    rs.getString("reason") == null ? null : Reason.valueOf(rs.getString("reason")),
                    rs.getInt("consecutive_failures"), instant(rs.getTimestamp("first_failure_at")),
                    instant(rs.getTimestamp("last_result_at"))));
        }, deviceIds.toArray());
        return states;
    }

    /** The latest observation of each source of these devices (call after {@link #lockStates}, under its locks). */
    Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> sourceStatuses(Collection<Long> deviceIds) {
        Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> out = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        String in = deviceIds.stream().map(id -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT * FROM device_source_status WHERE device_id IN (" + in + ")", rs -> {
            SourceStatus s = sourceStatus(rs);
            if (s != null) {
                out.computeIfAbsent(rs.getLong("device_id"), k -> new java.util.EnumMap<>(org.xueliang.tracker.agent.probe.Method.class))
                        .put(s.source(), s);
            }
        }, deviceIds.toArray());
        return out;
    }

    /** A row of {@code device_source_status}; null for a source or code this version does not know. */
    public static SourceStatus sourceStatus(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new SourceStatus(org.xueliang.tracker.agent.probe.Method.valueOf(rs.getString("source")),
                    org.xueliang.tracker.agent.probe.Status.valueOf(rs.getString("status")),
                    Reason.valueOf(rs.getString("reason")), instant(rs.getTimestamp("observed_at")), rs.getString("detail"));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** Writes the latest observation per source: {@code existing} rows are updated, the others inserted. */
    void saveSourceStatuses(Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> latest,
                            Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> existing) {
        List<Object[]> updates = new java.util.ArrayList<>();
        List<Object[]> inserts = new java.util.ArrayList<>();
        latest.forEach((deviceId, bySource) -> bySource.forEach((source, s) -> {
            Map<org.xueliang.tracker.agent.probe.Method, SourceStatus> before = existing.getOrDefault(deviceId, Map.of());
            if (s.equals(before.get(source))) {
                return;
            }
            Object[] row = {s.status().name(), s.reason().name(), utc(s.observedAt()), s.detail(), deviceId, source.name()};
            (before.containsKey(source) ? updates : inserts).add(row);
        }));
        UPDATE_SOURCE_STATUSES.write(jdbc, updates);
        firstInserts(INSERT_SOURCE_STATUS, inserts);
    }

    void insertStates(List<Object[]> rows) {
        firstInserts(INSERT_STATE, rows);
    }

    /**
     * Rows of devices seen for the first time. Two agents (two replicas' embedded agents while the zone's share moves,
     * or two zones) may report a new device in the same instant: both transactions find no row to lock and insert, the
     * second gets a duplicate key. It is rerun ({@link org.xueliang.tracker.shared.RaceLost}) and then finds, locks and updates the winner's row.
     */
    private void firstInserts(String sql, List<Object[]> rows) {
        try {
            jdbc.batchUpdate(sql, rows);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new org.xueliang.tracker.shared.RaceLost("a device's first status row was written by a concurrent ingest", raced);
        }
    }

    /** Rows of devices that have one, locked by {@link #lockStates}: see {@link #UPDATE_STATES} for why an upsert. */
    void updateStates(List<Object[]> rows) {
        UPDATE_STATES.write(jdbc, rows);
    }

    static Object[] stateRow(long deviceId, TrackedState s, Long latencyMs, int intervalSeconds, Instant now) {
        return new Object[] {s.state().name(), utc(s.since()), s.reason() == null ? null : s.reason().name(),
                s.consecutiveFailures(), utc(s.firstFailureAt()), utc(s.lastResultAt()),
                latencyMs == null ? null : (int) Math.min(Integer.MAX_VALUE, latencyMs), intervalSeconds, utc(now), deviceId};
    }

    /**
     * Records state changes as intervals. Per device, the first change closes the interval open in
     * the database; each change opens an interval that the device's next change (in this batch)
     * closes, so a device may change several times in one batch.
     */
    void applyChanges(Map<Long, List<StateChange>> changesByDevice) {
        if (changesByDevice.isEmpty()) {
            return;
        }
        List<Object[]> closes = new java.util.ArrayList<>();
        List<Object[]> opens = new java.util.ArrayList<>();
        changesByDevice.forEach((deviceId, changes) -> {
            closes.add(new Object[] {deviceId, utc(changes.get(0).at())});
            for (int i = 0; i < changes.size(); i++) {
                StateChange c = changes.get(i);
                Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : null;
                opens.add(new Object[] {deviceId, c.to().name(), c.reason() == null ? null : c.reason().name(), utc(c.at()), utc(end)});
            }
        });
        closeOpenIntervals(closes);
        jdbc.batchUpdate("INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at) VALUES (?,?,?,?,?)", opens);
    }

    /**
     * Closes each device's open interval at its instant ({@code {deviceId, end}} rows) in one statement per chunk, not
     * one UPDATE each: a batch in which hundreds of devices change state was as many statements. The open interval is
     * found through the index on (device_id, ended_at) (V47), not by reading all of a device's history.
     */
    private void closeOpenIntervals(List<Object[]> closes) {
        MultiRowUpsert.inChunks(closes, chunk -> {
            List<Object> args = new java.util.ArrayList<>(chunk.size() * 3);
            chunk.forEach(c -> java.util.Collections.addAll(args, c));
            chunk.forEach(c -> args.add(c[0]));
            jdbc.update("UPDATE device_state_interval SET ended_at = CASE device_id "
                    + String.join(" ", java.util.Collections.nCopies(chunk.size(), "WHEN ? THEN CAST(? AS DATETIME(3))"))
                    + " END WHERE ended_at IS NULL AND device_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", args.toArray());
        });
    }

    /**
     * Ends the synthetic history (demo mode) of devices at the instant their measurement begins: synthetic
     * intervals from then on are dropped, the one running then is cut. Measured history wins; nothing overlaps.
     */
    void endSyntheticHistory(Map<Long, Instant> measuredFrom) {
        if (measuredFrom.isEmpty()) {
            return;
        }
        List<Object[]> rows = measuredFrom.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), ts(e.getValue())}).toList();
        jdbc.batchUpdate("DELETE FROM device_state_interval WHERE device_id = ? AND synthetic = TRUE AND started_at >= ?", rows);
        jdbc.batchUpdate("UPDATE device_state_interval SET ended_at = ? WHERE device_id = ? AND synthetic = TRUE AND ended_at > ?",
                rows.stream().map(r -> new Object[] {r[1], r[0], r[1]}).toList());
    }

    /**
     * The UTC wall time the ingest path binds: Connector/J encodes a {@link java.time.LocalDateTime} with a
     * DateTimeFormatter, a {@link Timestamp} through a new GregorianCalendar and SimpleDateFormat per value, which the
     * profile of bench/ingest showed among the top frames (a batch of 500 results binds ~2,500 instants).
     */
    static java.time.LocalDateTime utc(Instant instant) {
        return instant == null ? null : java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    public static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
