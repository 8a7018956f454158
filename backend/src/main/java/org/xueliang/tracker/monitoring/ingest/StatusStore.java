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
    private static final String SOURCE_STATUS_COLUMNS = "INSERT INTO device_source_status"
            + " (status, reason, observed_at, detail, device_id, source) VALUES";
    private static final MultiRowInsert.RowWriter<StateRow> STATE_ROW = (sql, r) -> sql.code(r.state().state()).sql(',')
            .instant(r.state().since()).sql(',').code(r.state().reason()).sql(',').number(r.state().consecutiveFailures()).sql(',')
            .instant(r.state().firstFailureAt()).sql(',').instant(r.state().lastResultAt()).sql(',')
            .number(r.latencyMs() == null ? null : Math.min(Integer.MAX_VALUE, r.latencyMs())).sql(',')
            .number(r.intervalSeconds()).sql(',').instant(r.updatedAt()).sql(',').number(r.deviceId());
    private static final MultiRowInsert.RowWriter<SourceRow> SOURCE_ROW = (sql, r) -> sql.code(r.status().status()).sql(',')
            .code(r.status().reason()).sql(',').instant(r.status().observedAt()).sql(',').text(r.status().detail()).sql(',')
            .number(r.deviceId()).sql(',').code(r.status().source());
    private static final MultiRowInsert<StateRow> INSERT_STATES = new MultiRowInsert<>(STATE_COLUMNS, "", 150, STATE_ROW);
    /*
     * State rows known to exist (locked by lockStates) are written as one multi-row INSERT … ON DUPLICATE KEY UPDATE,
     * which then always takes the update branch: see MultiRowInsert for why not a JDBC batch of UPDATEs. Source rows
     * go through the same kind of statement, known or not: a source seen first takes its insert branch.
     */
    private static final MultiRowInsert<StateRow> UPDATE_STATES = new MultiRowInsert<>(STATE_COLUMNS,
            "ON DUPLICATE KEY UPDATE state = VALUES(state), since = VALUES(since),"
            + " reason = VALUES(reason), consecutive_failures = VALUES(consecutive_failures),"
            + " first_failure_at = VALUES(first_failure_at), last_result_at = VALUES(last_result_at),"
            + " last_latency_ms = VALUES(last_latency_ms), interval_seconds = VALUES(interval_seconds),"
            + " updated_at = VALUES(updated_at)", 150, STATE_ROW);
    private static final MultiRowInsert<SourceRow> UPSERT_SOURCE_STATUSES = new MultiRowInsert<>(SOURCE_STATUS_COLUMNS,
            "ON DUPLICATE KEY UPDATE status = VALUES(status), reason = VALUES(reason),"
            + " observed_at = VALUES(observed_at), detail = VALUES(detail)", 70, SOURCE_ROW);

    /** A device's state row as written: its tracked state, the last result's latency, its interval, the write time. */
    record StateRow(long deviceId, TrackedState state, Long latencyMs, int intervalSeconds, Instant updatedAt) {
    }

    /** A device's latest observation of one source. */
    private record SourceRow(long deviceId, SourceStatus status) {
    }

    private final JdbcTemplate jdbc;

    StatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A device's state row as stored: its tracked state and the probe interval the row was written with. */
    record StoredState(TrackedState state, int intervalSeconds) {
    }

    /** Current states of these devices, locked for this transaction so concurrent ingests serialise per device. */
    Map<Long, StoredState> lockStates(Collection<Long> deviceIds) {
        Map<Long, StoredState> states = new HashMap<>();
        lockedRows(STATE_SELECT + " FROM device_status s", deviceIds, rs -> putState(states, rs));
        return states;
    }

    /**
     * What ingest reads of its devices, under the lock of {@link #lockStates}: each stored state (absent for a device
     * seen first) and the latest observation of each source. One statement, not two: a batch's reads were three
     * IN-list statements of 500 ids each, and each paid the server's parse and range analysis of its list
     * (docs/BENCHMARKS.md "Three cuts in MariaDB's share"). The source rows are locked with their state row.
     */
    Locked lockStatesWithSources(Collection<Long> deviceIds) {
        Map<Long, StoredState> states = new HashMap<>();
        Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> sources = new HashMap<>();
        lockedRows(STATE_SELECT + ", ss.source, ss.status, ss.reason, ss.observed_at, ss.detail FROM device_status s"
                + " LEFT JOIN device_source_status ss ON ss.device_id = s.device_id", deviceIds, rs -> {
            long deviceId = putState(states, rs); // a device with several sources comes as several rows
            if (rs.getString(9) != null) {
                SourceStatus s = sourceStatus(rs.getString(9), rs.getString(10), rs.getString(11), instantAt(rs, 12),
                        rs.getString(13));
                if (s != null) {
                    sources.computeIfAbsent(deviceId,
                            k -> new java.util.EnumMap<>(org.xueliang.tracker.agent.probe.Method.class)).put(s.source(), s);
                }
            }
        });
        return new Locked(states, sources);
    }

    /** A batch's devices as read under lock: their stored states and, for each, the latest observation per source. */
    record Locked(Map<Long, StoredState> states, Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> sources) {
    }

    /** The state row's columns, 1 to 8, that {@link #putState} reads. */
    private static final String STATE_SELECT = "SELECT s.device_id, s.state, s.since, s.reason, s.consecutive_failures,"
            + " s.first_failure_at, s.last_result_at, s.interval_seconds";

    /**
     * Runs {@code select … WHERE s.device_id IN (ids) ORDER BY s.device_id FOR UPDATE}: locks in id order. No ids, no
     * statement.
     */
    private void lockedRows(String select, Collection<Long> deviceIds, org.springframework.jdbc.core.RowCallbackHandler rows) {
        if (deviceIds.isEmpty()) {
            return;
        }
        in(new InlineSql(select + " WHERE s.device_id IN (", 300 + deviceIds.size() * 8), deviceIds)
                .sql(") ORDER BY s.device_id FOR UPDATE")
                .query(jdbc, rows);
    }

    /** Puts the row's state (columns 1–8) under its device id, once per device; returns the id. */
    private static long putState(Map<Long, StoredState> states, java.sql.ResultSet rs) throws java.sql.SQLException {
        long deviceId = rs.getLong(1);
        if (!states.containsKey(deviceId)) {
            states.put(deviceId, new StoredState(new TrackedState(DeviceState.valueOf(rs.getString(2)),
                    instantAt(rs, 3), rs.getString(4) == null ? null : Reason.valueOf(rs.getString(4)), rs.getInt(5),
                    instantAt(rs, 6), instantAt(rs, 7)), rs.getInt(8)));
        }
        return deviceId;
    }

    /** A device's newest result: when it was probed, and its latency. */
    public record NewestResult(Instant at, Integer latencyMs) {
    }

    /**
     * The newest raw result of one device, if it has any: what its state row shows once freshness moved a step
     * ({@link FreshnessStep}), exactly. One dive into the {@code (device_id, probed_at)} index.
     */
    public java.util.Optional<NewestResult> newestResult(long deviceId) {
        return jdbc.query("SELECT probed_at, latency_ms FROM probe_result WHERE device_id = ? ORDER BY probed_at DESC LIMIT 1",
                (rs, n) -> new NewestResult(instantAt(rs, 1), rs.getObject(2, Integer.class)), deviceId).stream().findFirst();
    }

    /**
     * The newest raw result of each of these devices that has one: exact where the state row's freshness is up to a
     * {@link FreshnessStep} behind. One dive per device into the {@code (device_id, probed_at)} index.
     */
    public Map<Long, Instant> lastProbedAt(Collection<Long> deviceIds) {
        Map<Long, Instant> out = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        in(new InlineSql("SELECT device_id, MAX(probed_at) FROM probe_result WHERE device_id IN (", 100 + deviceIds.size() * 8),
                deviceIds).sql(") GROUP BY device_id").query(jdbc, rs -> out.put(rs.getLong(1), instantAt(rs, 2)));
        return out;
    }

    /** The ids of an IN list as digits ({@link org.xueliang.tracker.shared.InLists#numbers}): nothing to bind. */
    private static InlineSql in(InlineSql sql, Collection<Long> ids) {
        return sql.sql(org.xueliang.tracker.shared.InLists.numbers(ids));
    }

    /** A DATETIME column read as UTC wall time, without the Calendar round trip of {@code getTimestamp}. */
    private static Instant instantAt(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.LocalDateTime t = rs.getObject(column, java.time.LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** A row of {@code device_source_status}; null for a source or code this version does not know. */
    public static SourceStatus sourceStatus(java.sql.ResultSet rs) throws java.sql.SQLException {
        return sourceStatus(rs.getString("source"), rs.getString("status"), rs.getString("reason"),
                instant(rs.getTimestamp("observed_at")), rs.getString("detail"));
    }

    private static SourceStatus sourceStatus(String source, String status, String reason, Instant observedAt, String detail) {
        try {
            return new SourceStatus(org.xueliang.tracker.agent.probe.Method.valueOf(source),
                    org.xueliang.tracker.agent.probe.Status.valueOf(status), Reason.valueOf(reason), observedAt, detail);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * Writes the latest observation per source that {@code freshness} says must be written, as one upsert: a source
     * seen first is inserted, a known one updated. Called under the locks of {@link #lockStatesWithSources}, after
     * {@link #insertStates}: two ingests that both saw a device first collide on its state row, not here.
     */
    void saveSourceStatuses(Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> latest,
                            Map<Long, Map<org.xueliang.tracker.agent.probe.Method, SourceStatus>> existing,
                            FreshnessStep freshness) {
        List<SourceRow> rows = new java.util.ArrayList<>();
        latest.forEach((deviceId, bySource) -> bySource.forEach((source, s) -> {
            if (freshness.mustWrite(existing.getOrDefault(deviceId, Map.of()).get(source), s)) {
                rows.add(new SourceRow(deviceId, s));
            }
        }));
        UPSERT_SOURCE_STATUSES.write(jdbc, rows);
    }

    /**
     * Rows of devices seen for the first time. Two agents (two replicas' embedded agents while the zone's share moves,
     * or two zones) may report a new device in the same instant: both transactions find no row to lock and insert, the
     * second gets a duplicate key. It is rerun ({@link org.xueliang.tracker.shared.RaceLost}) and then finds, locks and
     * updates the winner's row.
     */
    void insertStates(List<StateRow> rows) {
        try {
            INSERT_STATES.write(jdbc, rows);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw new org.xueliang.tracker.shared.RaceLost("a device's first status row was written by a concurrent ingest", raced);
        }
    }

    /** Rows of devices that have one, locked by {@link #lockStates}: see {@link #UPDATE_STATES} for why an upsert. */
    void updateStates(List<StateRow> rows) {
        UPDATE_STATES.write(jdbc, rows);
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
        List<Close> closes = new java.util.ArrayList<>();
        List<Object[]> opens = new java.util.ArrayList<>();
        changesByDevice.forEach((deviceId, changes) -> {
            closes.add(new Close(deviceId, changes.get(0).at()));
            for (int i = 0; i < changes.size(); i++) {
                StateChange c = changes.get(i);
                Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : null;
                opens.add(new Object[] {deviceId, c.to().name(), c.reason() == null ? null : c.reason().name(), utc(c.at()), utc(end)});
            }
        });
        closeOpenIntervals(closes);
        jdbc.batchUpdate("INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at) VALUES (?,?,?,?,?)", opens);
    }

    /** A device's open interval to end at {@code at}. */
    private record Close(long deviceId, Instant at) {
    }

    /**
     * Closes each device's open interval at its instant in one statement per chunk, not one UPDATE each: a batch in
     * which hundreds of devices change state was as many statements. The open interval is found through the index on
     * (device_id, ended_at) (V47), not by reading all of a device's history.
     */
    private void closeOpenIntervals(List<Close> closes) {
        MultiRowInsert.inChunks(closes, chunk -> {
            InlineSql sql = new InlineSql("UPDATE device_state_interval SET ended_at = CASE device_id", 120 + chunk.size() * 80);
            chunk.forEach(c -> sql.sql(" WHEN ").number(c.deviceId()).sql(" THEN CAST(").instant(c.at()).sql(" AS DATETIME(3))"));
            sql.sql(" END WHERE ended_at IS NULL AND device_id IN (");
            in(sql, chunk.stream().map(Close::deviceId).toList()).sql(')').update(jdbc);
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
