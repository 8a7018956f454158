package org.xueliang.tracker.bench.availability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityQuery;
import org.xueliang.tracker.availability.AvailabilityRepository;
import org.xueliang.tracker.availability.AvailabilityService;
import org.xueliang.tracker.availability.Figures;
import org.xueliang.tracker.availability.GroupBy;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.monitoring.rollup.RollupService;
import org.xueliang.tracker.shared.TransactionRetries;

import com.zaxxer.hikari.HikariDataSource;

/**
 * SPEC §8: the availability figures by tier for 100,000 devices over one year, on MariaDB.
 * Creates {@code xl_bench_availability}, migrates it with the application's Flyway migrations,
 * generates devices, 365 days of rollups per device (server-side INSERT … SELECT from MariaDB's
 * sequence tables, in primary-key order) and state intervals (a year of outages, today's states),
 * then times what {@link AvailabilityService#figures} runs after its access check
 * ({@link AvailabilityQuery#figures}): wall time and peak heap per run.
 *
 * Tier figures read the category rollups (V6) and per-device figures the device-month rollups (V38), both built
 * here as {@code RollupService.catchUp} builds them after an upgrade; the per-device figures of the 质量 rows'
 * evidence are timed once; then the tier and the per-device figures are computed once more from daily rows only
 * and compared (skip with {@code --no-compare}).
 *
 * <pre>bench/availability/run.sh [--devices N] [--days D] [--runs R] [--reuse] [--no-compare] [--no-per-device]</pre>
 */
public final class AvailabilityBench {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate FIRST_DAY = LocalDate.parse("2023-01-01");
    /** As AvailabilityService's pool (xl.availability.read-threads). */
    static final java.util.concurrent.ExecutorService READS = java.util.concurrent.Executors.newFixedThreadPool(4,
            AvailabilityService.readThreadFactory());

    public static void main(String[] args) throws Exception {
        FleetYearOptions o = FleetYearOptions.parse(args, 5, "--no-compare", "--no-per-device", "--no-tier");
        int devices = o.devices;
        int days = o.days;
        int runs = o.runs;
        boolean compare = !o.has("--no-compare");
        boolean perDevice = !o.has("--no-per-device");
        boolean tier = !o.has("--no-tier");
        String url = System.getProperty("bench.db", "jdbc:mariadb://127.0.0.1:3306/");
        String db = "xl_bench_availability";
        try (HikariDataSource admin = dataSource(url); AutoCloseable pool = FleetYearOptions.sizeBufferPool(admin)) {
            boolean fresh = o.prepareDatabase(admin, db);
            try (HikariDataSource ds = dataSource(url + db + "?rewriteBatchedStatements=true")) {
                JdbcTemplate jdbc = new JdbcTemplate(ds);
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
                if (fresh) {
                    load(jdbc, devices, days);
                }
                Clock clock = clock(days);
                CategoryRollups categoryRollups = new CategoryRollups(jdbc, clock, new DataSourceTransactionManager(ds),
                        new TransactionRetries(new SimpleMeterRegistry()));
                long t = System.nanoTime();
                int months = jdbc.queryForObject("SELECT COUNT(*) FROM device_rollup_month", Integer.class);
                // what RollupService.catchUp does after an upgrade (the category rollups only where tier figures are timed)
                int built = tier ? categoryRollups.buildMissingDays() : 0;
                categoryRollups.buildMissingDeviceMonths();
                int monthsBuilt = jdbc.queryForObject("SELECT COUNT(*) FROM device_rollup_month", Integer.class) - months;
                if (built > 0 || monthsBuilt > 0) {
                    System.out.printf(Locale.ROOT, "category rollups: %d days built, %,d rows; device-month rollups: %d months"
                            + " built, %,d rows; in %.0f s%n", built,
                            jdbc.queryForObject("SELECT COUNT(*) FROM category_daily_rollup", Long.class), monthsBuilt,
                            jdbc.queryForObject("SELECT COUNT(*) FROM device_monthly_rollup", Long.class), (System.nanoTime() - t) / 1e9);
                }
                measure(jdbc, clock, days, runs, compare, perDevice, tier);
            }
        }
        // the summary alone on the last line (bench/README.md)
        System.out.println("{\"bench\":\"availability\",\"devices\":" + devices + ",\"days\":" + days + ",\"runs\":" + runs + ","
                + SUMMARY.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",")) + "}");
    }

    public static HikariDataSource dataSource(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(System.getProperty("bench.user", "root"));
        ds.setPassword(System.getProperty("bench.password", ""));
        ds.setMaximumPoolSize(2);
        return ds;
    }

    public static void load(JdbcTemplate jdbc, int devices, int days) {
        long t0 = System.nanoTime();
        jdbc.update("INSERT INTO project (id, code, county, name, phase, contract_amount, created_at, updated_at)"
                + " VALUES (1, 'BENCH', '基准县', '基准县雪亮工程', 'PHASE_1', 1000000, NOW(3), NOW(3))");
        jdbc.update("INSERT INTO device_category (code, name_zh, name_en, tier, default_probe_method, sort_order) VALUES"
                + " ('HD_CAMERA', '高清摄像机', 'HD camera', 'FRONT_END', 'ONVIF', 1),"
                + " ('CHECKPOINT_CAMERA', '卡口摄像机', 'Checkpoint camera', 'FRONT_END', 'ONVIF', 2),"
                + " ('SERVER', '服务器', 'Server', 'BACK_END', 'SNMP', 3),"
                + " ('SWITCH', '交换机', 'Switch', 'BACK_END', 'SNMP', 4)");
        jdbc.update("INSERT INTO site (id, code, name, kind, latitude, longitude) SELECT seq, CONCAT('S', seq), CONCAT('点位', seq),"
                + " 'ROAD', CASE WHEN seq % 100 = 0 THEN NULL ELSE 35.6 + seq / 100000 END, 110.9 FROM seq_1_to_1000");
        // in service since 2022-12-15; 5 % enter during the year, 1 % retire on 2023-07-01, 2 % lack a serial number
        jdbc.update("INSERT INTO device (id, project_id, asset_tag, category_code, site_id, serial_number, ip_address, lifecycle,"
                + " installed_on, in_service_on, retired_on, created_at, updated_at)"
                + " SELECT seq, 1, CONCAT('B', seq), CASE seq % 20 WHEN 0 THEN 'SERVER' WHEN 1 THEN 'SWITCH'"
                + " WHEN 2 THEN 'CHECKPOINT_CAMERA' ELSE 'HD_CAMERA' END, 1 + seq % 1000,"
                + " CASE WHEN seq % 50 = 0 THEN NULL ELSE CONCAT('SN', seq) END,"
                + " CONCAT('127.', 20 + seq DIV 65536, '.', (seq DIV 256) % 256, '.', seq % 256),"
                + " CASE WHEN seq % 100 = 1 THEN 'RETIRED' ELSE 'IN_SERVICE' END, '2022-12-01',"
                + " CASE WHEN seq % 20 = 7 THEN DATE_ADD('2023-01-01', INTERVAL seq % 365 DAY) ELSE '2022-12-15' END,"
                + " CASE WHEN seq % 100 = 1 THEN '2023-07-01' END, NOW(3), NOW(3) FROM seq_1_to_" + devices);
        System.out.printf(Locale.ROOT, "ledger: %,d devices in %.1f s%n", devices, (System.nanoTime() - t0) / 1e9);

        // Rollups: one row per device and day. A hash of (device, day) picks the day's events:
        // 2 % an hour down (one outage), 2 % two hours degraded, 0.5 % a silent day, 0.3 % four hours
        // of maintenance, ~1 % a reboot. Loaded without the secondary index, which is built after.
        jdbc.execute("DROP INDEX ix_rollup_day ON device_daily_rollup");
        long t1 = System.nanoTime();
        String h = "((d.seq * 7919 + s.seq * 104729) % 1000)";
        String down = "CASE WHEN " + h + " < 20 THEN 3600 ELSE 0 END";
        String degraded = "CASE WHEN " + h + " BETWEEN 20 AND 39 THEN 7200 ELSE 0 END";
        String unknown = "CASE WHEN " + h + " BETWEEN 40 AND 44 THEN 86400 ELSE 0 END";
        String maintenance = "CASE WHEN " + h + " BETWEEN 45 AND 47 THEN 14400 ELSE 0 END";
        int chunk = 2000;
        for (int from = 1; from <= devices; from += chunk) {
            int to = Math.min(devices, from + chunk - 1);
            jdbc.update("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s,"
                    + " maintenance_s, outages, reboots, synthetic)"
                    + " SELECT STRAIGHT_JOIN d.seq, DATE_ADD(?, INTERVAL s.seq DAY), 86400 - " + down + " - " + degraded + " - "
                    + unknown + " - " + maintenance + ", " + degraded + ", " + down + ", " + unknown + ", " + maintenance + ","
                    + " CASE WHEN " + h + " < 20 THEN 1 ELSE 0 END, CASE WHEN " + h + " % 97 = 0 THEN 1 ELSE 0 END, TRUE"
                    + " FROM seq_" + from + "_to_" + to + " d JOIN seq_0_to_" + (days - 1) + " s ORDER BY d.seq, s.seq",
                    java.sql.Date.valueOf(FIRST_DAY));
            if (to % 20_000 == 0 || to == devices) {
                System.out.printf(Locale.ROOT, "rollups: %,d devices × %d days after %.0f s%n", to, days,
                        (System.nanoTime() - t1) / 1e9);
            }
        }
        long t2 = System.nanoTime();
        jdbc.execute("CREATE INDEX ix_rollup_day ON device_daily_rollup (rollup_day)");
        System.out.printf(Locale.ROOT, "rollups: %,d rows in %.0f s, index in %.0f s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Long.class), (t2 - t1) / 1e9,
                (System.nanoTime() - t2) / 1e9);

        // Intervals: every 10th device down once a month (1–48 h) during the year; today (the day after
        // the last rollup) everyone up from midnight, every 7th device down 02:00–03:00.
        long t3 = System.nanoTime();
        LocalDate today = FIRST_DAY.plusDays(days);
        String midnightUtc = today.atStartOfDay(ZONE).withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime()
                .toString().replace('T', ' ');
        String ins = "INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at) ";
        jdbc.update(ins + "SELECT d.seq, 'DOWN', 'TIMEOUT', TIMESTAMP('2023-01-14 18:00:00') + INTERVAL m.seq MONTH,"
                + " TIMESTAMP('2023-01-14 18:00:00') + INTERVAL m.seq MONTH + INTERVAL (1 + d.seq % 48) HOUR"
                + " FROM seq_10_to_" + devices + "_step_10 d JOIN seq_0_to_" + Math.min(11, days / 31) + " m");
        jdbc.update(ins + "SELECT seq, 'UP', 'OK', TIMESTAMP(?), CASE WHEN seq % 7 = 0 THEN TIMESTAMP(?) + INTERVAL 2 HOUR END"
                + " FROM seq_1_to_" + devices, midnightUtc, midnightUtc);
        jdbc.update(ins + "SELECT seq, 'DOWN', 'TIMEOUT', TIMESTAMP(?) + INTERVAL 2 HOUR, TIMESTAMP(?) + INTERVAL 3 HOUR"
                + " FROM seq_7_to_" + devices + "_step_7", midnightUtc, midnightUtc);
        jdbc.update(ins + "SELECT seq, 'UP', 'OK', TIMESTAMP(?) + INTERVAL 3 HOUR, NULL FROM seq_7_to_" + devices + "_step_7",
                midnightUtc);
        jdbc.update("INSERT INTO maintenance_window (scope_type, scope_ref, starts_at, ends_at, reason, created_by, created_at)"
                + " VALUES ('CATEGORY', 'SERVER', TIMESTAMP(?) + INTERVAL 1 HOUR, TIMESTAMP(?) + INTERVAL 2 HOUR, '巡检', 'bench', NOW(3))",
                midnightUtc, midnightUtc);
        System.out.printf(Locale.ROOT, "intervals: %,d rows in %.1f s%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval", Long.class), (System.nanoTime() - t3) / 1e9);
        jdbc.execute("ANALYZE TABLE device, device_daily_rollup, device_state_interval");
    }

    /** Noon of the day after the last rollup day. */
    public static Clock clock(int days) {
        return Clock.fixed(LocalDateTime.of(FIRST_DAY.plusDays(days), java.time.LocalTime.NOON).atZone(ZONE).toInstant(), ZONE);
    }

    /** @param preAggregates false: daily rows only, as before V6 (tiers) and V38 (devices) */
    static AvailabilityQuery query(JdbcTemplate jdbc, Clock clock, boolean preAggregates) {
        // compute() only reads: the RollupService here never writes, so it needs no CategoryRollups
        return new AvailabilityQuery(new AvailabilityRepository(jdbc, preAggregates),
                new RollupService(jdbc, clock, null, null, null)::compute, clock, Duration.ofHours(1), 2, READS);
    }

    static void measure(JdbcTemplate jdbc, Clock clock, int days, int runs, boolean compare, boolean perDevice, boolean tier) {
        LocalDate today = LocalDate.now(clock);
        AvailabilityQuery query = query(jdbc, clock, true);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Long.class);
        long devices = jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class);
        System.out.printf(Locale.ROOT, "%n%,d devices, %,d rollup rows, %d cores, max heap %d MB, now %s%n", devices, rows,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, clock.instant());
        record Case(String name, LocalDate from, LocalDate to) {
        }
        List<Case> cases = List.of(
                new Case("whole days (" + days + " days of rollups)", FIRST_DAY, today.minusDays(1)),
                new Case("rolling year ending now (" + (days - 1) + " rollup days + today from intervals)", FIRST_DAY.plusDays(1),
                        today));
        List<AvailabilityService.Group> wholeDays = null;
        for (Case c : tier ? cases : List.<Case>of()) {
            System.out.printf(Locale.ROOT, "%n== %s: %s … %s, GroupBy.TIER, default policy (category rollups)%n", c.name(),
                    c.from(), c.to());
            List<AvailabilityService.Group> groups = timed("tier" + (wholeDays == null ? "CalendarYearS" : "RollingYearS"), runs,
                    () -> query.figures(1, c.from(), c.to(), GroupBy.TIER, AvailabilityPolicy.DEFAULT));
            groups.forEach(AvailabilityBench::print);
            wholeDays = wholeDays == null ? groups : wholeDays;
        }
        Case first = cases.get(0);
        List<List<AvailabilityService.Group>> perDeviceFigures = new java.util.ArrayList<>();
        if (perDevice) {
            for (Case c : cases) {
                System.out.printf(Locale.ROOT, "%n== per-device figures (the 质量 rows' evidence), %s: %s … %s, GroupBy.DEVICE%n",
                        c.name(), c.from(), c.to());
                List<AvailabilityService.Group> figures = timed("perDevice" + (perDeviceFigures.isEmpty() ? "CalendarYearS"
                        : "RollingYearS"), runs,
                        () -> query.figures(1, c.from(), c.to(), GroupBy.DEVICE, AvailabilityPolicy.DEFAULT));
                System.out.printf(Locale.ROOT, "%,d devices with figures; the first: %n", figures.size());
                print(figures.get(0));
                perDeviceFigures.add(figures);
            }
        }
        if (compare) {
            if (tier) {
                System.out.printf(Locale.ROOT, "%n== the same tier figures from daily rows only (before V6): %s … %s%n",
                        first.from(), first.to());
                List<AvailabilityService.Group> daily = timed("tierFromDailyRowsS", 1, () -> query(jdbc, clock, false)
                        .figures(1, first.from(), first.to(), GroupBy.TIER, AvailabilityPolicy.DEFAULT));
                same("tier", daily, wholeDays);
            }
            for (int i = 0; i < perDeviceFigures.size(); i++) {
                Case c = cases.get(i);
                System.out.printf(Locale.ROOT, "%n== the same per-device figures from daily rows only (before V38), %s: %s … %s%n",
                        c.name(), c.from(), c.to());
                same("per-device", timed("perDeviceFromDailyRows" + (i == 0 ? "CalendarYearS" : "RollingYearS"), 1, () -> query(jdbc, clock, false).figures(1, c.from(), c.to(), GroupBy.DEVICE,
                        AvailabilityPolicy.DEFAULT)), perDeviceFigures.get(i));
            }
        }
    }

    /** Fails unless every figure of every group is the same on both paths (shares to 10 places; all else exact). */
    static void same(String what, List<AvailabilityService.Group> daily, List<AvailabilityService.Group> preAggregated) {
        boolean same = AvailabilityService.fingerprint(daily, 10).equals(AvailabilityService.fingerprint(preAggregated, 10));
        SUMMARY.put(what.replace("-d", "D") + "Identical", same);
        System.out.println(same ? "identical " + what + " figures from both paths (" + daily.size() + " groups)"
                : "FIGURES DIFFER between the two paths:");
        if (!same) {
            daily.forEach(AvailabilityBench::print);
            throw new IllegalStateException(what + " figures: pre-aggregates and daily rows disagree");
        }
    }

    /** The figures of the JSON summary line, by name (medians of the timed runs, in seconds). */
    static final Map<String, Object> SUMMARY = new LinkedHashMap<>();

    /**
     * Runs {@code work} {@code runs} times, printing wall time, CPU time (this JVM's, and the MariaDB server's: the
     * server may be serving others too) and peak heap of each run; records the median wall time under {@code name}
     * in the summary; returns the last result.
     */
    static <T> T timed(String name, int runs, java.util.function.Supplier<T> work) {
        T result = null;
        List<Double> walls = new java.util.ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = heapPeak();
            long cpu = jvmCpuNanos();
            long server = ServerCpu.ticks();
            long t = System.nanoTime();
            result = work.get();
            double seconds = (System.nanoTime() - t) / 1e9;
            walls.add(seconds);
            long serverTicks = ServerCpu.ticks() - server;
            System.out.printf(Locale.ROOT, "run %d: %.3f s wall, CPU %.2f s (JVM) + %s (MariaDB server), peak heap %d MB (%d MB"
                    + " before)%n", r, seconds, (jvmCpuNanos() - cpu) / 1e9, server < 0 ? "?" : String.format(Locale.ROOT, "%.2f s",
                    serverTicks / (double) ServerCpu.TICKS_PER_SECOND), heapPeak() >> 20, before >> 20);
        }
        walls.sort(null);
        SUMMARY.put(name, Math.round(walls.get(walls.size() / 2) * 1000) / 1000.0);
        return result;
    }

    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the local MariaDB server process (Linux /proc; -1 when not found, e.g. a remote server). */
    static final class ServerCpu {
        static final int TICKS_PER_SECOND = 100;
        private static final java.nio.file.Path STAT = find();

        private static java.nio.file.Path find() {
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                    try {
                        String comm = java.nio.file.Files.readString(p.resolve("comm")).trim();
                        return comm.equals("mariadbd") || comm.equals("mysqld");
                    } catch (java.io.IOException | RuntimeException e) {
                        return false;
                    }
                }).map(p -> p.resolve("stat")).findFirst().orElse(null);
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }

        /** utime + stime in clock ticks, or -1. */
        static long ticks() {
            if (STAT == null) {
                return -1;
            }
            try {
                String stat = java.nio.file.Files.readString(STAT);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
            } catch (java.io.IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    public static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    static void print(AvailabilityService.Group g) {
        Figures f = g.figures();
        System.out.printf(Locale.ROOT, "%-9s %s devices=%d S=%d W=%d U=%d D=%d degraded=%d%n", g.key(), g.label(), f.devices(),
                f.inServiceSeconds(), f.maintenanceSeconds(), f.unknownSeconds(), f.downSeconds(), f.degradedSeconds());
        System.out.printf(Locale.ROOT, "          availability=%s coverage=%s 在线率 sampled=%s time=%s 完好率=%s%n",
                pct(f.availability()), pct(f.coverage()), pct(f.onlineRateSampled()), pct(f.onlineRateTime()), pct(f.intactRate()));
        System.out.printf(Locale.ROOT, "          reboots=%d outages=%d 故障率=%.2f/device MTTR=%.2f h (n=%d) ≤24h=%s 建档率=%s%n",
                f.reboots(), f.outages(), f.faultRate(), f.mttrHours() == null ? Double.NaN : f.mttrHours(), f.repairs(),
                pct(f.repairedWithin24h()), pct(f.recordCompleteness()));
    }

    static String pct(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.4f%%", share * 100);
    }
}
