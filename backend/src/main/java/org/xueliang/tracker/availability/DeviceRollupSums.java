package org.xueliang.tracker.availability;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.xueliang.tracker.shared.InLists;
import org.xueliang.tracker.availability.AvailabilityEngine.Device;
import org.xueliang.tracker.availability.AvailabilityEngine.Sums;

/**
 * Each device's rollup sums over the whole days of a period, inside its service: from the device-month rollups
 * (monitoring's read model {@code monitoring_device_month}, V38) for every built month that lies inside the period and
 * inside the device's service, from daily rows ({@code monitoring_device_day}) for every other day. The sums are
 * exactly those of the daily rows alone (a month row is the plain sum of the device's daily rows in that month), which
 * {@code DeviceMonthRollupsContract} and the benchmark check.
 *
 * <p>Reads go by device: each statement names a batch of devices ({@code device_id IN (…)}, {@link InLists}) and one
 * range of months or days, so MariaDB reads only those key ranges of the tables' primary keys (device, day or month).
 * A join from the devices instead reads every row of each device, its whole history (MariaDB looks rows up by the
 * device alone).
 */
final class DeviceRollupSums {

    private static final String SUMS = "SUM(r.up_s), SUM(r.degraded_s), SUM(r.down_s), SUM(r.unknown_s), SUM(r.maintenance_s),"
            + " SUM(r.outages), SUM(r.reboots)";

    /**
     * What to read: the sums of {@code devices} over the days {@code first}…{@code last}, or with {@code months} over the
     * month rows whose first day is {@code first}…{@code last}.
     */
    record Read(boolean months, LocalDate first, LocalDate last, List<Long> devices) {
    }

    private final JdbcTemplate jdbc;

    DeviceRollupSums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The built months of the device-month rollups that lie inside [from, to]. */
    List<YearMonth> builtMonths(LocalDate from, LocalDate to) {
        return jdbc.queryForList("SELECT month_first FROM monitoring_device_month_built WHERE month_first >= ?"
                + " AND month_first <= ? ORDER BY month_first", LocalDate.class, Date.valueOf(from), Date.valueOf(to)).stream()
                .map(YearMonth::from).filter(m -> !m.atEndOfMonth().isAfter(to)).toList();
    }

    /** Sums of each device in {@code bounds} over [from, to] inside its service; devices without rows are left out. */
    Map<Long, Sums> read(LocalDate from, LocalDate to, Map<Long, Device> bounds, Collection<YearMonth> builtMonths) {
        Map<Long, Sums> out = new HashMap<>();
        for (Read read : plan(from, to, bounds, builtMonths)) {
            for (List<Long> batch : InLists.batches(read.devices())) {
                sum(read, batch, out);
            }
        }
        return out;
    }

    /**
     * The reads that cover every device's days in [from, to] exactly once: per device, the months of
     * {@code builtMonths} that lie inside the period and inside its service from month rows (one run, grouped with the
     * devices of the same run), every other day from daily rows, by stretch of the period (a run of days outside
     * those months, or one built month the device was in service part of). Daily reads are clipped to each device's
     * service by the statement, as the daily-row path does.
     */
    static List<Read> plan(LocalDate from, LocalDate to, Map<Long, Device> bounds, Collection<YearMonth> builtMonths) {
        List<Stretch> stretches = stretches(from, to, Set.copyOf(builtMonths));
        Map<List<LocalDate>, List<Long>> monthReads = new LinkedHashMap<>();
        Map<Stretch, List<Long>> dayReads = new LinkedHashMap<>();
        bounds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Device d = e.getValue();
            LocalDate firstMonth = null;
            LocalDate lastMonth = null;
            for (Stretch s : stretches) {
                if (!overlapsService(d, s.first(), s.last())) {
                    continue;
                }
                if (s.wholeMonth() && inServiceThroughout(d, s.first(), s.last())) {
                    firstMonth = firstMonth == null ? s.first() : firstMonth;
                    lastMonth = s.first();
                } else {
                    dayReads.computeIfAbsent(s, k -> new ArrayList<>()).add(e.getKey());
                }
            }
            if (firstMonth != null) {
                monthReads.computeIfAbsent(List.of(firstMonth, lastMonth), k -> new ArrayList<>()).add(e.getKey());
            }
        });
        List<Read> reads = new ArrayList<>();
        monthReads.forEach((range, devices) -> reads.add(new Read(true, range.get(0), range.get(1), devices)));
        dayReads.forEach((s, devices) -> reads.add(new Read(false, s.first(), s.last(), devices)));
        return reads;
    }

    /** A part of the period: one built month inside it, or a run of days outside such months. */
    record Stretch(LocalDate first, LocalDate last, boolean wholeMonth) {
    }

    /** [from, to] cut into built months that lie inside it and the runs of days between them, in order. */
    static List<Stretch> stretches(LocalDate from, LocalDate to, Set<YearMonth> builtMonths) {
        List<Stretch> out = new ArrayList<>();
        LocalDate runStart = from;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            boolean whole = builtMonths.contains(m) && !m.atDay(1).isBefore(from) && !m.atEndOfMonth().isAfter(to);
            if (whole) {
                if (runStart.isBefore(m.atDay(1))) {
                    out.add(new Stretch(runStart, m.atDay(1).minusDays(1), false));
                }
                out.add(new Stretch(m.atDay(1), m.atEndOfMonth(), true));
                runStart = m.atEndOfMonth().plusDays(1);
            }
        }
        if (!runStart.isAfter(to)) {
            out.add(new Stretch(runStart, to, false));
        }
        return out;
    }

    private static boolean overlapsService(Device d, LocalDate first, LocalDate last) {
        return d.inServiceOn() != null && !d.inServiceOn().isAfter(last) && (d.retiredOn() == null || d.retiredOn().isAfter(first));
    }

    private static boolean inServiceThroughout(Device d, LocalDate first, LocalDate last) {
        return d.inServiceOn() != null && !d.inServiceOn().isAfter(first) && (d.retiredOn() == null || d.retiredOn().isAfter(last));
    }

    private void sum(Read read, List<Long> devices, Map<Long, Sums> out) {
        String in = InLists.placeholders(devices.size());
        List<Object> args = new ArrayList<>(devices);
        args.add(Date.valueOf(read.first()));
        args.add(Date.valueOf(read.last()));
        String sql = read.months()
                ? "SELECT r.device_id, " + SUMS + " FROM monitoring_device_month r WHERE r.device_id IN (" + in + ")"
                        + " AND r.month_first >= ? AND r.month_first <= ? GROUP BY r.device_id"
                // the device's service clips daily rows, in the statement as on the daily-row path
                : "SELECT r.device_id, " + SUMS + " FROM monitoring_device_day r JOIN ledger_device_dimension d ON d.id = r.device_id"
                        + " WHERE r.device_id IN (" + in + ") AND r.rollup_day >= ? AND r.rollup_day <= ?"
                        + " AND r.rollup_day >= d.in_service_on AND (d.retired_on IS NULL OR r.rollup_day < d.retired_on)"
                        + " GROUP BY r.device_id";
        jdbc.query(sql, rs -> {
            out.merge(rs.getLong(1), new Sums(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8)), Sums::plus);
        }, args.toArray());
    }
}
