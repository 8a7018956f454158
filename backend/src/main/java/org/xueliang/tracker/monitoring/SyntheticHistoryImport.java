package org.xueliang.tracker.monitoring;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.monitoring.ingest.IngestService;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;

/**
 * Imports a synthetic past (demo mode, docs/DEMO.md) into monitoring's history tables, once per database: state
 * intervals and daily rollups marked {@code synthetic}, maintenance windows of scope CATEGORY (their reason says they
 * are synthetic), reboots; then the category rollups over the imported days. Plain JDBC batches (about 160,000 rollup
 * rows for the reference fleet). The caller generates the past; this class owns the tables and the rules that keep a
 * synthetic past from mixing with measured history:
 *
 * <ul>
 * <li>it imports only while the database has no measured history from before this start and no synthetic history
 *     (nor any rollup) yet, so it never mixes with a real installation's past;</li>
 * <li>it hands the generator, per device measured in the few seconds since start-up, the instant its measurement
 *     began, where that device's synthetic past must end; results applied afterwards but dated earlier cut it there
 *     when they arrive ({@link IngestService}: a device's first result ends its synthetic history);</li>
 * <li>no batch is applied while it writes: it locks every agent's row first, as ingest does for its own agent.</li>
 * </ul>
 */
@Service
public class SyntheticHistoryImport {

    private static final int BATCH = 5000;

    /** A synthetic state interval of a device; {@code reason} null for UP. */
    public record Interval(long deviceId, DeviceState state, String reason, Instant start, Instant end) {
    }

    /** A maintenance window over a device category; {@code reason} is what people read (say that it is synthetic). */
    public record CategoryWindow(String category, Instant start, Instant end, String reason) {
    }

    /** A sysUpTime reset: uptimes in hundredths of a second, as SNMP reports them. */
    public record Reboot(long deviceId, Instant rebootedAt, Instant detectedAt, long uptimeBefore, long uptimeAfter) {
    }

    /** A whole synthetic past; the rollups are those of the intervals, windows and reboots ({@link DailyRollup#compute}). */
    public record Past(List<Interval> intervals, List<CategoryWindow> windows, List<Reboot> reboots, List<DailyRollup> rollups) {
    }

    private final JdbcTemplate jdbc;
    private final CategoryRollups categoryRollups;
    private final Clock clock;

    SyntheticHistoryImport(JdbcTemplate jdbc, CategoryRollups categoryRollups, Clock clock) {
        this.jdbc = jdbc;
        this.categoryRollups = categoryRollups;
        this.clock = clock;
    }

    /** Whether the database is still without history (nothing synthetic, nothing measured before this start, no rollup). */
    @Transactional(readOnly = true)
    public boolean historyEmpty() {
        Timestamp started = ts(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        Integer synthetic = jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE synthetic = TRUE", Integer.class);
        Integer older = jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE started_at < ?", Integer.class, started);
        Integer rollups = jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Integer.class);
        return synthetic == 0 && older == 0 && rollups == 0;
    }

    /**
     * Imports the past that {@code generate} makes when {@link #historyEmpty()}; empty when the history was not empty
     * (nothing written). {@code generate} gets, per device measured since this start, the instant its measurement
     * began: the past it returns must end there for that device (and nowhere later than "now" for the others).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Optional<Past> importIfEmpty(Function<Map<Long, Instant>, Past> generate) {
        categoryRollups.lock(); // as RollupService.rollUp does: category rollups are built at the end
        // No batch is applied while the history is written (ingest locks its agent's row first): a batch applied
        // before is seen below as measurement that began, one applied after trims the synthetic past itself.
        jdbc.queryForList("SELECT id FROM probe_agent ORDER BY id FOR UPDATE", Long.class);
        if (!historyEmpty()) {
            return Optional.empty();
        }
        Past past = generate.apply(measurementBegan());
        insert("INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at, synthetic) VALUES (?,?,?,?,?,TRUE)",
                past.intervals(), i -> new Object[] {i.deviceId(), i.state().name(), i.reason(), ts(i.start()), ts(i.end())});
        Timestamp now = ts(clock.instant());
        insert("INSERT INTO maintenance_window (scope_type, scope_ref, starts_at, ends_at, reason, created_by, created_at)"
                + " VALUES ('CATEGORY',?,?,?,?,?,?)", past.windows(), w -> new Object[] {w.category(), ts(w.start()), ts(w.end()),
                w.reason(), AuditTrail.SYSTEM_ACTOR, now});
        insert("INSERT INTO device_reboot (device_id, rebooted_at, detected_at, uptime_before, uptime_after) VALUES (?,?,?,?,?)",
                past.reboots(), r -> new Object[] {r.deviceId(), ts(r.rebootedAt()), ts(r.detectedAt()), r.uptimeBefore(), r.uptimeAfter()});
        insert("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,TRUE)", past.rollups(), SyntheticHistoryImport::rollupRow);
        past.rollups().stream().map(DailyRollup::day).min(LocalDate::compareTo).ifPresent(first ->
                categoryRollups.build(first, past.rollups().stream().map(DailyRollup::day).max(LocalDate::compareTo).orElseThrow()));
        return Optional.of(past);
    }

    /**
     * Where measurement began, per measured device, to the millisecond: its first measured interval, or the state of a
     * device whose first results have not changed its state yet (e.g. one or two failures: its DOWN interval, once the
     * run is long enough, will start at the first of them, which is its state's "since").
     */
    private Map<Long, Instant> measurementBegan() {
        Map<Long, Instant> began = new HashMap<>();
        jdbc.query("SELECT device_id, MIN(t) FROM (SELECT device_id, started_at AS t FROM device_state_interval"
                + " WHERE synthetic = FALSE UNION ALL SELECT device_id, since AS t FROM device_status) m GROUP BY device_id",
                rs -> {
                    began.put(rs.getLong(1), instant(rs.getTimestamp(2)));
                });
        return began;
    }

    private static Object[] rollupRow(DailyRollup r) {
        return new Object[] {r.deviceId(), Date.valueOf(r.day()), r.upSeconds(), r.degradedSeconds(), r.downSeconds(),
                r.unknownSeconds(), r.maintenanceSeconds(), r.outages(), r.reboots()};
    }

    private <T> void insert(String sql, List<T> items, Function<T, Object[]> row) {
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (T item : items) {
            rows.add(row.apply(item));
            if (rows.size() == BATCH) {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** Instants are stored as UTC DATETIME(3), as the rest of the monitoring module does. */
    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
