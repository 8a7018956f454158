package org.xueliang.tracker.monitoring.rollup;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.xueliang.tracker.monitoring.ingest.StatusStore;
import org.xueliang.tracker.shared.InLists;

/**
 * The device-month rollups (V38, {@code device_monthly_rollup}): per device and calendar month, the plain sums of that
 * device's daily rollup rows in the month. Per-device figures over long periods read a month's row where the device
 * was in service all month instead of its ~30 daily rows (docs/AVAILABILITY.md "Device-month rollups").
 *
 * <p>A month's rows are exact once it is listed in {@code device_rollup_month}, and only listed months are read
 * (the read model {@code monitoring_device_month}). A month is built when its last day has daily rollups and re-built
 * whenever one of its days is written again; both happen in {@link CategoryRollups#build}, which every writer of daily
 * rollups calls in the transaction that wrote them, under the category rollups' lock. The rows are not clipped to
 * service dates, so ledger edits (project, category, service dates) never change them.
 */
final class DeviceMonthRollups {

    private static final String SUMS = "up_s, degraded_s, down_s, unknown_s, maintenance_s, outages, reboots";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeviceMonthRollups(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * After the daily rollups of {@code from}…{@code to} were written: re-builds every month they touch whose last day
     * is rolled up, and un-lists the others (still in progress: read from daily rows until they close). Runs in the
     * writer's transaction, which holds the category rollups' lock.
     */
    void afterDaysWritten(LocalDate from, LocalDate to) {
        LocalDate lastRolledUp = jdbc.queryForObject("SELECT MAX(rollup_day) FROM device_daily_rollup", LocalDate.class);
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            if (lastRolledUp != null && !month.atEndOfMonth().isAfter(lastRolledUp)) {
                build(month);
            } else {
                forgetIfListed(month);
            }
        }
    }

    /**
     * The months that have daily rollups up to their last day but are not built: written before V38 (an upgrade) or by
     * a writer that did not build them. Oldest first.
     */
    List<YearMonth> missing() {
        LocalDate first = jdbc.queryForObject("SELECT MIN(rollup_day) FROM device_daily_rollup", LocalDate.class);
        LocalDate last = jdbc.queryForObject("SELECT MAX(rollup_day) FROM device_daily_rollup", LocalDate.class);
        if (first == null) {
            return List.of();
        }
        Set<LocalDate> built = new HashSet<>(jdbc.queryForList("SELECT month_first FROM device_rollup_month", LocalDate.class));
        YearMonth closed = YearMonth.from(last.plusDays(1)).minusMonths(1); // the last month whose last day is rolled up
        List<YearMonth> missing = new ArrayList<>();
        for (YearMonth month = YearMonth.from(first); !month.isAfter(closed); month = month.plusMonths(1)) {
            if (!built.contains(month.atDay(1))) {
                missing.add(month);
            }
        }
        return missing;
    }

    /**
     * Replaces the month's rows by the sums of its daily rows and lists it as built. The daily rows are read by
     * batches of devices ({@link InLists}) and the month's range of days, so MariaDB reads only those ranges of the
     * primary key: one
     * statement over the month's days prefers a scan of the whole table in key order (to group by device without
     * sorting), and the day index would visit every device's page once per day.
     */
    void build(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        Date last = Date.valueOf(month.atEndOfMonth());
        // every device with daily rows (a loose scan of the key's first column)
        List<Long> devices = jdbc.queryForList("SELECT DISTINCT device_id FROM device_daily_rollup ORDER BY device_id", Long.class);
        List<Object[]> rows = new ArrayList<>();
        for (List<Long> batch : InLists.batches(devices)) {
            List<Object> args = new ArrayList<>(batch);
            args.add(first);
            args.add(last);
            // read here and written in batches (as CategoryRollups.build does): the read takes no locks
            rows.addAll(jdbc.query("SELECT device_id, SUM(up_s), SUM(degraded_s), SUM(down_s), SUM(unknown_s),"
                    + " SUM(maintenance_s), SUM(outages), SUM(reboots) FROM device_daily_rollup WHERE device_id IN ("
                    + InLists.placeholders(batch.size()) + ") AND rollup_day >= ? AND rollup_day <= ?"
                    + " GROUP BY device_id", (rs, n) -> new Object[] {rs.getLong(1), first, rs.getLong(2), rs.getLong(3),
                    rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)}, args.toArray()));
        }
        // by month: a scan of the table (its key starts with the device), once per month built
        jdbc.update("DELETE FROM device_rollup_month WHERE month_first = ?", first);
        jdbc.update("DELETE FROM device_monthly_rollup WHERE month_first = ?", first);
        jdbc.batchUpdate("INSERT INTO device_monthly_rollup (device_id, month_first, " + SUMS + ") VALUES (?,?,?,?,?,?,?,?,?)",
                rows);
        jdbc.update("INSERT INTO device_rollup_month (month_first, built_at) VALUES (?, ?)", first, now());
    }

    /**
     * Un-lists the month and deletes its rows. Rows are written only with their month's listing, so an unlisted month
     * needs no delete (which, by month, scans the table: its key starts with the device); this runs every night for
     * the month in progress.
     */
    private void forgetIfListed(YearMonth month) {
        Date first = Date.valueOf(month.atDay(1));
        if (jdbc.update("DELETE FROM device_rollup_month WHERE month_first = ?", first) > 0) {
            jdbc.update("DELETE FROM device_monthly_rollup WHERE month_first = ?", first);
        }
    }

    private Timestamp now() {
        return StatusStore.ts(clock.instant());
    }
}
