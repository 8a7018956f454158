package org.xueliang.tracker.demo;

import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;

/**
 * Writes the {@link SyntheticHistory} into the monitoring tables once: state intervals and daily
 * rollups marked {@code synthetic}, maintenance windows with a reason that says they are synthetic,
 * and reboots. Plain JDBC batches: about 160,000 rollup rows for the reference fleet.
 *
 * <p>It runs only while the database has no measured history from before this start and no synthetic
 * history yet, so it never mixes with a real installation's past. A device's synthetic past ends
 * exactly where its measured one begins, never overlapping it: devices the embedded agent has already
 * measured in the few seconds since start-up end it at their first result; results applied afterwards
 * but dated earlier (a probe that started before the backfill) cut it there when they arrive.
 */
@Component
@ConditionalOnBooleanProperty("xl.demo")
class HistoryBackfill {

    private static final Logger log = LoggerFactory.getLogger(HistoryBackfill.class);
    private static final int BATCH = 5000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final CategoryRollups categoryRollups;
    private final long seed;

    HistoryBackfill(JdbcTemplate jdbc, Clock clock, AuditTrail audit, CategoryRollups categoryRollups,
                    @Value("${xl.demo.history-seed:" + SyntheticHistory.DEFAULT_SEED + "}") long seed) {
        this.jdbc = jdbc;
        this.categoryRollups = categoryRollups;
        this.clock = clock;
        this.audit = audit;
        this.seed = seed;
    }

    /** Whether the database is still without history (nothing synthetic, nothing measured before this start). */
    boolean needed() {
        Timestamp started = ts(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        Integer synthetic = jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE synthetic = TRUE", Integer.class);
        Integer older = jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE started_at < ?", Integer.class, started);
        Integer rollups = jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Integer.class);
        return synthetic == 0 && older == 0 && rollups == 0;
    }

    /** Backfills when {@link #needed()}; returns the number of rollup rows written. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int backfillIfNeeded() {
        categoryRollups.lock(); // as RollupService.rollUp does: category rollups are built at the end
        // No batch is applied while the history is written (ingest locks its agent's row first): a batch applied
        // before is seen below as measurement that began, one applied after trims the synthetic past itself
        // (IngestService: a device's first result ends its synthetic history), so the two never overlap.
        jdbc.queryForList("SELECT id FROM probe_agent ORDER BY id FOR UPDATE", Long.class);
        if (!needed()) {
            return 0;
        }
        long t0 = System.nanoTime();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<SyntheticHistory.DeviceInfo> devices = jdbc.query("SELECT d.id, d.category_code, c.tier, d.probe_method,"
                + " d.in_service_on, d.retired_on FROM device d JOIN device_category c ON c.code = d.category_code"
                + " WHERE d.in_service_on IS NOT NULL ORDER BY d.id", (rs, n) -> new SyntheticHistory.DeviceInfo(
                rs.getLong("id"), rs.getString("category_code"), rs.getString("tier"), rs.getString("probe_method"),
                rs.getObject("in_service_on", LocalDate.class), rs.getObject("retired_on", LocalDate.class)));
        if (devices.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> endOf = new HashMap<>();
        devices.forEach(d -> endOf.put(d.id(), now));
        // Where measurement began, to the millisecond: the first measured interval, or the state of a device whose
        // first results have not changed its state yet (e.g. one or two failures: its DOWN interval, once the run
        // is long enough, will start at the first of them, which is its state's "since").
        jdbc.query("SELECT device_id, MIN(t) FROM (SELECT device_id, started_at AS t FROM device_state_interval"
                + " WHERE synthetic = FALSE UNION ALL SELECT device_id, since AS t FROM device_status) m GROUP BY device_id", rs -> {
            Instant first = instant(rs.getTimestamp(2));
            endOf.computeIfPresent(rs.getLong(1), (id, end) -> first.isBefore(end) ? first : end);
        });
        SyntheticHistory.History h = SyntheticHistory.generate(devices, endOf, clock.getZone(), seed);
        insert("INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at, synthetic) VALUES (?,?,?,?,?,TRUE)",
                h.intervals(), i -> new Object[] {i.deviceId(), i.state().name(), i.reason(), ts(i.start()), ts(i.end())});
        insert("INSERT INTO maintenance_window (scope_type, scope_ref, starts_at, ends_at, reason, created_by, created_at)"
                + " VALUES ('CATEGORY',?,?,?,?,?,?)", h.windows(), w -> new Object[] {w.category(), ts(w.start()), ts(w.end()),
                SyntheticHistory.MAINTENANCE_REASON, AuditTrail.SYSTEM_ACTOR, ts(now)});
        insert("INSERT INTO device_reboot (device_id, rebooted_at, detected_at, uptime_before, uptime_after) VALUES (?,?,?,?,?)",
                h.reboots(), r -> new Object[] {r.deviceId(), ts(r.rebootedAt()), ts(r.detectedAt()), r.uptimeBefore(), r.uptimeAfter()});
        insert("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,TRUE)", h.rollups(), HistoryBackfill::rollupRow);
        h.rollups().stream().map(DailyRollup::day).min(LocalDate::compareTo).ifPresent(first ->
                categoryRollups.build(first, h.rollups().stream().map(DailyRollup::day).max(LocalDate::compareTo).orElseThrow()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String summary = "Demo mode: synthetic history backfilled up to " + now + " (seed " + seed + "): "
                + h.intervals().size() + " intervals, " + h.rollups().size() + " daily rollups, " + h.windows().size()
                + " maintenance windows, " + h.reboots().size() + " reboots, for " + devices.size() + " devices";
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, "DEMO_BACKFILL", "Demo", "history", summary, null, null);
        log.info("{} in {} ms", summary, ms);
        return h.rollups().size();
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

    /** Instants are stored as UTC DATETIME(3), as the monitoring module does. */
    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
