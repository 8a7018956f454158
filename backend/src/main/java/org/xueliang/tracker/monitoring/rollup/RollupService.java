package org.xueliang.tracker.monitoring.rollup;

import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.shared.RetryingTransactionTemplate;
import org.xueliang.tracker.shared.TransactionRetries;

/**
 * Turns state intervals into daily rollups (county days, {@link DailyRollup}) for every device in
 * service that day, once the day is over, and deletes raw probe results past their retention.
 * Re-rolling a day replaces it, so the job is safe to repeat.
 */
@Service
@org.springframework.modulith.NamedInterface("rollup")
public class RollupService {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CategoryRollups categoryRollups;
    private final TransactionTemplate dayTransaction;

    public RollupService(JdbcTemplate jdbc, Clock clock, CategoryRollups categoryRollups,
                         PlatformTransactionManager transactions, TransactionRetries retries) {
        this.jdbc = jdbc;
        this.categoryRollups = categoryRollups;
        // catchUp calls rollUp on this object, past the @Transactional proxy: each day gets its transaction here,
        // run again on a deadlock or certification failure like every @Transactional method
        this.dayTransaction = new RetryingTransactionTemplate(transactions, retries);
        this.dayTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /**
     * Rolls up every finished day not rolled up yet: after the newest day that has rollups of any kind, measured or
     * synthetic (demo mode backfills synthetic ones, docs/DEMO.md); with none at all, from the first recorded interval.
     * Raw results are pruned elsewhere ({@code shared.MeasurementRetention} through {@code ingest.ProbeResultHistory}).
     */
    public void catchUp() {
        ZoneId zone = clock.getZone();
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate last = jdbc.queryForObject("SELECT MAX(rollup_day) FROM device_daily_rollup", LocalDate.class);
        LocalDate from;
        if (last != null) {
            from = last.plusDays(1);
        } else {
            Instant first = StatusStore.instant(jdbc.queryForObject("SELECT MIN(started_at) FROM device_state_interval",
                    java.sql.Timestamp.class));
            if (first == null) {
                return;
            }
            from = first.atZone(zone).toLocalDate();
        }
        for (LocalDate day = from; !day.isAfter(yesterday); day = day.plusDays(1)) {
            LocalDate d = day;
            dayTransaction.execute(status -> rollUp(d));
        }
        int built = categoryRollups.buildMissing();
        if (built > 0) {
            log.info("Built category rollups for {} days that had daily rollups only", built);
        }
    }

    /**
     * Writes the day's rollups and re-builds its category rollups in one transaction. READ COMMITTED,
     * with the category rollups' lock taken first: see {@link CategoryRollups#build}.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int rollUp(LocalDate day) {
        categoryRollups.lock();
        List<Object[]> rows = new ArrayList<>();
        for (DailyRollup r : compute(day, day.plusDays(1).atStartOfDay(clock.getZone()).toInstant())) {
            rows.add(new Object[] {r.deviceId(), Date.valueOf(day), r.upSeconds(), r.degradedSeconds(), r.downSeconds(),
                    r.unknownSeconds(), r.maintenanceSeconds(), r.outages(), r.reboots()});
        }
        // Whatever the day held before (an earlier run, or synthetic rows) is replaced: the primary key is (device, day).
        jdbc.update("DELETE FROM device_daily_rollup WHERE rollup_day = ?", Date.valueOf(day));
        jdbc.batchUpdate("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s,"
                + " maintenance_s, outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,FALSE)", rows);
        categoryRollups.build(day, day);
        return rows.size();
    }

    /**
     * The rollups of county day {@code day} from its start until {@code until} (the day's end, or now
     * for today's partial day), for every device that had a state interval then or was in service
     * that day. Reads intervals, maintenance windows and reboots; writes nothing.
     */
    @Transactional(readOnly = true)
    public List<DailyRollup> compute(LocalDate day, Instant until) {
        ZoneId zone = clock.getZone();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant end = until.isBefore(dayEnd) ? until : dayEnd;
        if (!start.isBefore(end)) {
            return List.of();
        }
        Map<Long, List<DailyRollup.Span>> spans = new HashMap<>();
        jdbc.query("SELECT device_id, state, started_at, ended_at FROM device_state_interval"
                + " WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY device_id, started_at", rs -> {
            spans.computeIfAbsent(rs.getLong("device_id"), k -> new ArrayList<>()).add(new DailyRollup.Span(
                    DeviceState.valueOf(rs.getString("state")), StatusStore.instant(rs.getTimestamp("started_at")),
                    StatusStore.instant(rs.getTimestamp("ended_at"))));
        }, StatusStore.ts(end), StatusStore.ts(start));
        Set<Long> devices = new HashSet<>(spans.keySet());
        Map<Long, Long> siteOf = new HashMap<>();
        Map<Long, String> categoryOf = new HashMap<>();
        jdbc.query("SELECT id, site_id, category_code, in_service_on, retired_on FROM ledger_device_dimension", rs -> {
            long id = rs.getLong("id");
            siteOf.put(id, rs.getObject("site_id", Long.class));
            categoryOf.put(id, rs.getString("category_code"));
            LocalDate inService = rs.getObject("in_service_on", LocalDate.class);
            LocalDate retired = rs.getObject("retired_on", LocalDate.class);
            if (inService != null && !inService.isAfter(day) && (retired == null || retired.isAfter(day))) {
                devices.add(id);
            }
        });
        Map<Long, List<DailyRollup.Window>> windows = maintenanceByDevice(start, end, devices, siteOf, categoryOf);
        Map<Long, Integer> reboots = new HashMap<>();
        jdbc.query("SELECT device_id, COUNT(*) FROM device_reboot WHERE rebooted_at >= ? AND rebooted_at < ? GROUP BY device_id",
                rs -> { reboots.put(rs.getLong(1), rs.getInt(2)); }, StatusStore.ts(start), StatusStore.ts(end));
        List<DailyRollup> out = new ArrayList<>();
        for (long deviceId : devices) {
            out.add(DailyRollup.compute(deviceId, day, start, end, spans.getOrDefault(deviceId, List.of()),
                    windows.getOrDefault(deviceId, List.of()), reboots.getOrDefault(deviceId, 0)));
        }
        return out;
    }

    /** The maintenance windows overlapping [start, end) that apply to each device, by device, site or category. */
    Map<Long, List<DailyRollup.Window>> maintenanceByDevice(Instant start, Instant end, Set<Long> devices,
                                                           Map<Long, Long> siteOf, Map<Long, String> categoryOf) {
        Map<Long, List<DailyRollup.Window>> byDevice = new HashMap<>();
        jdbc.query("SELECT scope_type, scope_ref, starts_at, ends_at FROM maintenance_window WHERE starts_at < ? AND ends_at > ?", rs -> {
            String type = rs.getString("scope_type");
            String ref = rs.getString("scope_ref");
            var window = new DailyRollup.Window(StatusStore.instant(rs.getTimestamp("starts_at")),
                    StatusStore.instant(rs.getTimestamp("ends_at")));
            for (long deviceId : devices) {
                boolean applies = switch (type) {
                    case "DEVICE" -> ref.equals(Long.toString(deviceId));
                    case "SITE" -> ref.equals(String.valueOf(siteOf.get(deviceId)));
                    case "CATEGORY" -> ref.equals(categoryOf.get(deviceId));
                    default -> false;
                };
                if (applies) {
                    byDevice.computeIfAbsent(deviceId, k -> new ArrayList<>()).add(window);
                }
            }
        }, StatusStore.ts(end), StatusStore.ts(start));
        return byDevice;
    }
}
