package org.xueliang.tracker.monitoring.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.shared.RetryingTransactionTemplate;
import org.xueliang.tracker.shared.TransactionRetries;
import org.xueliang.tracker.ledger.DeviceFactsChanged;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

/**
 * The pre-aggregated {@code category_daily_rollup} (V6): per project, category and day, the summed
 * daily rollups of the devices in service that day. Tier and category figures over long periods read
 * it instead of one row per device and day (docs/AVAILABILITY.md, "Category rollups").
 *
 * <p>Two writers keep it equal to what the same query over {@code device_daily_rollup} would give:
 * {@link #build} re-aggregates whole days after their daily rows were written, and
 * {@link #onDeviceFactsChanged} moves one device's rows between groups (by delta, from its own daily
 * rows) when its project, category or service dates change. Both hold the one row of
 * {@code category_rollup_lock} until they commit, so they never interleave. Readers use only the days
 * listed in {@code category_rollup_day}.
 *
 * <p>{@link #build} and {@link #buildMissing} also keep the device-month rollups ({@link DeviceMonthRollups}, V38)
 * exact: every writer of daily rollups already calls {@link #build} in its transaction, under the same lock.
 */
@Component
@org.springframework.modulith.NamedInterface("rollup")
public class CategoryRollups {

    private static final String SUMS = "up_s, degraded_s, down_s, unknown_s, maintenance_s, outages, reboots";

    /** Days built per transaction when catching up (a month of 100,000 devices is ~3 M daily rows). */
    private static final int CATCH_UP_DAYS = 31;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate readCommitted;
    private final DeviceMonthRollups deviceMonths;

    public CategoryRollups(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions, TransactionRetries retries) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deviceMonths = new DeviceMonthRollups(jdbc, clock);
        // built by hand for its isolation level (bench/ builds this class too), retried like every transaction
        this.readCommitted = new RetryingTransactionTemplate(transactions, retries);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Builds every day that has daily rollups but no category rollups yet: days written before V6
     * (an upgrade) or by a writer that does not build them. Each run of up to a month in its own
     * transaction. Then builds the device-month rollups of every closed month that lacks them (before V38), a month
     * per transaction. Returns the number of days built (category rollups).
     */
    public int buildMissing() {
        int days = buildMissingDays();
        buildMissingDeviceMonths();
        return days;
    }

    /** The device-month rollups of every closed month that lacks them, a month per transaction; returns how many. */
    public int buildMissingDeviceMonths() {
        List<YearMonth> missing = deviceMonths.missing();
        for (YearMonth month : missing) {
            readCommitted.executeWithoutResult(status -> {
                lock();
                deviceMonths.build(month);
            });
        }
        return missing.size();
    }

    /** The category rollups of every day that lacks them, a run of up to a month per transaction; returns how many. */
    public int buildMissingDays() {
        LocalDate first = jdbc.queryForObject("SELECT MIN(rollup_day) FROM device_daily_rollup", LocalDate.class);
        LocalDate last = jdbc.queryForObject("SELECT MAX(rollup_day) FROM device_daily_rollup", LocalDate.class);
        if (first == null) {
            return 0;
        }
        Set<LocalDate> built = new HashSet<>(jdbc.queryForList("SELECT rollup_day FROM category_rollup_day", LocalDate.class));
        int days = 0;
        LocalDate runStart = null;
        for (LocalDate day = first; !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
            boolean missing = !day.isAfter(last) && !built.contains(day);
            if (missing && runStart == null) {
                runStart = day;
            }
            boolean runFull = runStart != null && ChronoUnit.DAYS.between(runStart, day) >= CATCH_UP_DAYS;
            if (runStart != null && (!missing || runFull)) {
                LocalDate from = runStart;
                LocalDate to = day.minusDays(1);
                readCommitted.executeWithoutResult(status -> build(from, to));
                days += (int) ChronoUnit.DAYS.between(from, to) + 1;
                runStart = missing ? day : null;
            }
        }
        return days;
    }

    /**
     * Re-aggregates the days {@code from}…{@code to} from their daily rollups and marks them built.
     * Joins the caller's transaction (the daily rows and their aggregate commit together), which should
     * be READ COMMITTED and hold {@link #lock()} from its start: then the aggregate reads the device
     * facts as last committed, and a device edit still in flight moves its rows afterwards. The
     * aggregate is read without locks and written from Java, so it never waits on a device row that such
     * an edit holds while it waits for the lock. Also re-builds the device-month rollups of the months these days
     * close or change ({@link DeviceMonthRollups#afterDaysWritten}).
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void build(LocalDate from, LocalDate to) {
        lock();
        Date f = Date.valueOf(from);
        Date t = Date.valueOf(to);
        List<Object[]> rows = jdbc.query("SELECT d.project_id, d.category_code, r.rollup_day, SUM(r.up_s), SUM(r.degraded_s),"
                + " SUM(r.down_s), SUM(r.unknown_s), SUM(r.maintenance_s), SUM(r.outages), SUM(r.reboots)"
                + " FROM device_daily_rollup r JOIN ledger_device_dimension d ON d.id = r.device_id"
                + " WHERE r.rollup_day >= ? AND r.rollup_day <= ? AND d.in_service_on IS NOT NULL"
                + " AND r.rollup_day >= d.in_service_on AND (d.retired_on IS NULL OR r.rollup_day < d.retired_on)"
                + " GROUP BY d.project_id, d.category_code, r.rollup_day", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2),
                rs.getDate(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)},
                f, t);
        jdbc.update("DELETE FROM category_daily_rollup WHERE rollup_day >= ? AND rollup_day <= ?", f, t);
        jdbc.update("DELETE FROM category_rollup_day WHERE rollup_day >= ? AND rollup_day <= ?", f, t);
        jdbc.batchUpdate("INSERT INTO category_daily_rollup (project_id, category_code, rollup_day, " + SUMS + ")"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)", rows);
        Timestamp now = StatusStore.ts(clock.instant());
        List<Object[]> days = from.datesUntil(to.plusDays(1)).map(d -> new Object[] {Date.valueOf(d), now}).toList();
        jdbc.batchUpdate("INSERT INTO category_rollup_day (rollup_day, built_at) VALUES (?, ?)", days);
        deviceMonths.afterDaysWritten(from, to);
    }

    /**
     * Moves a device's daily rollups on built days from the group its old facts counted it in to the
     * one its new facts count it in. Runs inside the ledger's transaction (a synchronous listener).
     * The daily rows and the built days are read FOR UPDATE: that reads the newest committed rows even
     * where the transaction's snapshot is older than the lock, and keeps them still until commit.
     */
    @EventListener
    public void onDeviceFactsChanged(DeviceFactsChanged e) {
        lock();
        Set<LocalDate> built = new HashSet<>(jdbc.queryForList("SELECT rollup_day FROM category_rollup_day FOR UPDATE",
                LocalDate.class));
        if (built.isEmpty()) {
            return;
        }
        Map<List<Object>, long[]> delta = new LinkedHashMap<>();
        jdbc.query("SELECT rollup_day, " + SUMS + " FROM device_daily_rollup WHERE device_id = ? FOR UPDATE", rs -> {
            LocalDate day = rs.getObject(1, LocalDate.class);
            if (!built.contains(day)) {
                return;
            }
            long[] sums = new long[7];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = rs.getLong(i + 2);
            }
            add(delta, e.before(), day, sums, -1);
            add(delta, e.after(), day, sums, 1);
        }, e.deviceId());
        delta.forEach(this::apply);
    }

    private static void add(Map<List<Object>, long[]> delta, DeviceFactsChanged.Facts facts, LocalDate day, long[] sums, int sign) {
        if (facts == null || !facts.inService(day)) {
            return;
        }
        long[] d = delta.computeIfAbsent(List.of(facts.projectId(), facts.categoryCode(), day), k -> new long[sums.length]);
        for (int i = 0; i < sums.length; i++) {
            d[i] += sign * sums[i];
        }
    }

    /** Adds one group-day's delta: to its row, or as a new row where the group had none that day. */
    private void apply(List<Object> key, long[] d) {
        Object[] args = {d[0], d[1], d[2], d[3], d[4], d[5], d[6], key.get(0), key.get(1), Date.valueOf((LocalDate) key.get(2))};
        int updated = jdbc.update("UPDATE category_daily_rollup SET up_s = up_s + ?, degraded_s = degraded_s + ?,"
                + " down_s = down_s + ?, unknown_s = unknown_s + ?, maintenance_s = maintenance_s + ?, outages = outages + ?,"
                + " reboots = reboots + ? WHERE project_id = ? AND category_code = ? AND rollup_day = ?", args);
        if (updated == 0) {
            jdbc.update("INSERT INTO category_daily_rollup (" + SUMS + ", project_id, category_code, rollup_day)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)", args);
        }
    }

    /** Takes the writers' lock until the current transaction ends. */
    public void lock() {
        jdbc.queryForObject("SELECT id FROM category_rollup_lock WHERE id = 1 FOR UPDATE", Integer.class);
    }
}
