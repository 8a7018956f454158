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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.xueliang.tracker.shared.InLists;
import org.xueliang.tracker.availability.AvailabilityEngine.Device;
import org.xueliang.tracker.availability.AvailabilityEngine.Sums;

/**
 * Each device's rollup sums over the whole days of a period, inside its service: from the device-month rollups
 * (monitoring's read model {@code monitoring_device_month}, V38) for every built month the device was in service
 * throughout and the period covers wholly or mostly (then less the daily rows of the month's other days), from daily
 * rows ({@code monitoring_device_day}) for every other day. The sums are exactly those of the daily rows alone (a month
 * row is the plain sum of the device's daily rows in that month, and every sum is additive), which
 * {@code DeviceMonthRollupsContract} and the benchmark check. A rolling year that starts on the 2nd of a month reads
 * that month as one month row less one day, not as 30 daily rows per device.
 *
 * <p>Reads go by device: each statement names a batch of devices ({@code device_id IN (…)}, {@link InLists}) and one
 * range of months or days, so MariaDB reads only those key ranges of the tables' primary keys (device, day or month).
 * A join from the devices instead reads every row of each device, its whole history (MariaDB looks rows up by the
 * device alone).
 */
final class DeviceRollupSums {

    private static final String SUMS = "SUM(r.up_s), SUM(r.degraded_s), SUM(r.down_s), SUM(r.unknown_s), SUM(r.maintenance_s),"
            + " SUM(r.outages), SUM(r.reboots)";

    /*
     * The reads of one figures call run side by side on this many connections: the per-device figures of a year are
     * MariaDB's work (reading ~1.2 M month rows for 100,000 devices), one statement at a time used one core of two.
     * Shared by all calls, so concurrent reports together never hold more connections than this for it.
     */
    private static final int READERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService READ_POOL = Executors.newFixedThreadPool(READERS, runnable -> {
        Thread t = new Thread(runnable, "availability-read");
        t.setDaemon(true);
        return t;
    });

    /**
     * What to read: the sums of {@code devices} over the days {@code first}…{@code last}, or with {@code months} over the
     * month rows whose first day is {@code first}…{@code last}; {@code subtract} takes them away instead of adding them.
     */
    record Read(boolean months, LocalDate first, LocalDate last, List<Long> devices, boolean subtract) {

        Read(boolean months, LocalDate first, LocalDate last, List<Long> devices) {
            this(months, first, last, devices, false);
        }
    }

    private final JdbcTemplate jdbc;

    DeviceRollupSums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The built months of the device-month rollups that [from, to] touches, also those it covers only in part: a
     * month row less the daily rows of the days outside the period is cheaper than the days inside, when they are most
     * of the month ({@link #stretches}).
     */
    List<YearMonth> builtMonthsTouching(LocalDate from, LocalDate to) {
        return jdbc.queryForList("SELECT month_first FROM monitoring_device_month_built WHERE month_first >= ?"
                + " AND month_first <= ? ORDER BY month_first", LocalDate.class, Date.valueOf(from.withDayOfMonth(1)),
                Date.valueOf(to)).stream().map(YearMonth::from).toList();
    }

    /** Sums of each device in {@code bounds} over [from, to] inside its service; devices without rows are left out. */
    Map<Long, Sums> read(LocalDate from, LocalDate to, Map<Long, Device> bounds, Collection<YearMonth> builtMonths) {
        List<CompletableFuture<Map<Long, Sums>>> parts = new ArrayList<>();
        for (Read read : plan(from, to, bounds, builtMonths)) {
            for (List<Long> batch : InLists.batches(read.devices())) {
                parts.add(CompletableFuture.supplyAsync(() -> sum(read, batch), READ_POOL));
            }
        }
        Map<Long, Sums> out = new HashMap<>();
        for (CompletableFuture<Map<Long, Sums>> part : parts) {
            try {
                part.join().forEach((id, sums) -> out.merge(id, sums, Sums::plus));
            } catch (CompletionException failed) {
                parts.forEach(p -> p.cancel(false));
                throw failed.getCause() instanceof RuntimeException r ? r : failed;
            }
        }
        return out;
    }

    /**
     * The reads that cover every device's days in [from, to] exactly once: per device, the months of
     * {@code builtMonths} it was in service throughout from month rows (one run, grouped with the devices of the same
     * run) — for a month the period covers only mostly, less the daily rows of the month's days outside the period —
     * and every other day from daily rows, by stretch of the period. Daily reads are clipped to each device's service by
     * the statement, as the daily-row path does.
     */
    static List<Read> plan(LocalDate from, LocalDate to, Map<Long, Device> bounds, Collection<YearMonth> builtMonths) {
        List<Stretch> stretches = stretches(from, to, Set.copyOf(builtMonths));
        Map<List<LocalDate>, List<Long>> monthReads = new LinkedHashMap<>();
        Map<Stretch, List<Long>> dayReads = new LinkedHashMap<>();
        Map<List<LocalDate>, List<Long>> lessReads = new LinkedHashMap<>();
        bounds.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Device d = e.getValue();
            LocalDate firstMonth = null;
            LocalDate lastMonth = null;
            for (Stretch s : stretches) {
                if (!overlapsService(d, s.first(), s.last())) {
                    continue;
                }
                YearMonth month = YearMonth.from(s.first());
                if (s.monthRow() && inServiceThroughout(d, month.atDay(1), month.atEndOfMonth())) {
                    firstMonth = firstMonth == null ? month.atDay(1) : firstMonth;
                    lastMonth = month.atDay(1);
                    for (List<LocalDate> outside : s.outsideDays()) {
                        lessReads.computeIfAbsent(outside, k -> new ArrayList<>()).add(e.getKey());
                    }
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
        lessReads.forEach((days, devices) -> reads.add(new Read(false, days.get(0), days.get(1), devices, true)));
        return reads;
    }

    /**
     * A part of the period: days read by day ({@code monthRow} false), or days of one built month read as its month row
     * ({@code monthRow} true) — the whole month, or most of it, less the days outside the part.
     */
    record Stretch(LocalDate first, LocalDate last, boolean monthRow) {

        /** The runs of days of this month-row stretch's month outside it ([first, last] pairs), to subtract. */
        List<List<LocalDate>> outsideDays() {
            YearMonth month = YearMonth.from(first);
            List<List<LocalDate>> out = new ArrayList<>(2);
            if (first.getDayOfMonth() > 1) {
                out.add(List.of(month.atDay(1), first.minusDays(1)));
            }
            if (last.isBefore(month.atEndOfMonth())) {
                out.add(List.of(last.plusDays(1), month.atEndOfMonth()));
            }
            return out;
        }
    }

    /**
     * [from, to] cut by month, in order: a built month's part of the period is read as its month row when it is the whole
     * month or more than half of it (less the other days), every other day by day, with neighbouring runs of days
     * joined.
     */
    static List<Stretch> stretches(LocalDate from, LocalDate to, Set<YearMonth> builtMonths) {
        List<Stretch> out = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            LocalDate first = from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            LocalDate last = to.isBefore(m.atEndOfMonth()) ? to : m.atEndOfMonth();
            long days = last.toEpochDay() - first.toEpochDay() + 1;
            if (builtMonths.contains(m) && days * 2 > m.lengthOfMonth()) {
                out.add(new Stretch(first, last, true));
            } else if (!out.isEmpty() && !out.get(out.size() - 1).monthRow()) {
                Stretch run = out.remove(out.size() - 1);
                out.add(new Stretch(run.first(), last, false));
            } else {
                out.add(new Stretch(first, last, false));
            }
        }
        return out;
    }

    private static boolean overlapsService(Device d, LocalDate first, LocalDate last) {
        return d.inServiceOn() != null && !d.inServiceOn().isAfter(last) && (d.retiredOn() == null || d.retiredOn().isAfter(first));
    }

    private static boolean inServiceThroughout(Device d, LocalDate first, LocalDate last) {
        return d.inServiceOn() != null && !d.inServiceOn().isAfter(first) && (d.retiredOn() == null || d.retiredOn().isAfter(last));
    }

    private Map<Long, Sums> sum(Read read, List<Long> devices) {
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
        Map<Long, Sums> out = new HashMap<>();
        long sign = read.subtract() ? -1 : 1;
        jdbc.query(sql, rs -> {
            out.merge(rs.getLong(1), new Sums(sign * rs.getLong(2), sign * rs.getLong(3), sign * rs.getLong(4), sign * rs.getLong(5),
                    sign * rs.getLong(6), sign * rs.getLong(7), sign * rs.getLong(8)), Sums::plus);
        }, args.toArray());
        return out;
    }
}
