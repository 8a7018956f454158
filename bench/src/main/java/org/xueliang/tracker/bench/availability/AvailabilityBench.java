package org.xueliang.tracker.bench.availability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityQuery;
import org.xueliang.tracker.availability.AvailabilityRepository;
import org.xueliang.tracker.availability.AvailabilityService;
import org.xueliang.tracker.availability.Figures;
import org.xueliang.tracker.availability.GroupBy;
import org.xueliang.tracker.monitoring.CategoryRollups;
import org.xueliang.tracker.monitoring.RollupService;

import com.zaxxer.hikari.HikariDataSource;

/**
 * SPEC §8: the availability figures by tier for 100,000 devices over one year, on MariaDB.
 * Creates {@code xl_bench_availability}, migrates it with the application's Flyway migrations,
 * generates devices, 365 days of rollups per device (server-side INSERT … SELECT from MariaDB's
 * sequence tables, in primary-key order) and state intervals (a year of outages, today's states),
 * then times what {@link AvailabilityService#figures} runs after its access check
 * ({@link AvailabilityQuery#figures}): wall time and peak heap per run.
 *
 * Tier figures read the category rollups (V6), built here as {@code RollupService.catchUp} builds them
 * after an upgrade; the same figures are then computed once from daily rows only and compared (skip
 * with {@code --no-compare}), and the per-device figures of the 质量 rows' evidence are timed once.
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
        int devices = 100_000;
        int days = 365;
        int runs = 5;
        boolean reuse = false;
        boolean compare = true;
        boolean perDevice = true;
        String url = System.getProperty("bench.db", "jdbc:mariadb://127.0.0.1:3306/");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--reuse" -> reuse = true;
                case "--no-compare" -> compare = false;
                case "--no-per-device" -> perDevice = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --devices N --days D --runs R --reuse --no-compare --no-per-device)");
            }
        }
        String db = "xl_bench_availability";
        try (HikariDataSource admin = dataSource(url)) {
            JdbcTemplate a = new JdbcTemplate(admin);
            boolean fresh = !reuse || a.queryForList("SHOW DATABASES LIKE '" + db + "'").isEmpty();
            if (fresh) {
                a.execute("DROP DATABASE IF EXISTS " + db);
                a.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            }
            try (HikariDataSource ds = dataSource(url + db + "?rewriteBatchedStatements=true")) {
                JdbcTemplate jdbc = new JdbcTemplate(ds);
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
                if (fresh) {
                    load(jdbc, devices, days);
                }
                Clock clock = clock(days);
                CategoryRollups categoryRollups = new CategoryRollups(jdbc, clock, new DataSourceTransactionManager(ds));
                long t = System.nanoTime();
                int built = categoryRollups.buildMissing(); // what RollupService.catchUp does after an upgrade
                if (built > 0) {
                    System.out.printf(Locale.ROOT, "category rollups: %d days built in %.0f s, %,d rows%n", built,
                            (System.nanoTime() - t) / 1e9, jdbc.queryForObject("SELECT COUNT(*) FROM category_daily_rollup", Long.class));
                }
                measure(jdbc, clock, days, runs, compare, perDevice);
            }
        }
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

    static AvailabilityQuery query(JdbcTemplate jdbc, Clock clock, boolean categoryRollups) {
        // compute() only reads: the RollupService here never writes, so it needs no CategoryRollups
        return new AvailabilityQuery(new AvailabilityRepository(jdbc, categoryRollups),
                new RollupService(jdbc, clock, 90, null, null)::compute, clock, Duration.ofHours(1), 2, READS);
    }

    static void measure(JdbcTemplate jdbc, Clock clock, int days, int runs, boolean compare, boolean perDevice) {
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
        for (Case c : cases) {
            System.out.printf(Locale.ROOT, "%n== %s: %s … %s, GroupBy.TIER, default policy (category rollups)%n", c.name(),
                    c.from(), c.to());
            List<AvailabilityService.Group> groups = timed(runs,
                    () -> query.figures(1, c.from(), c.to(), GroupBy.TIER, AvailabilityPolicy.DEFAULT));
            groups.forEach(AvailabilityBench::print);
            wholeDays = wholeDays == null ? groups : wholeDays;
        }
        Case first = cases.get(0);
        if (perDevice) {
            System.out.printf(Locale.ROOT, "%n== per-device figures (the 质量 rows' evidence): %s … %s, GroupBy.DEVICE%n",
                    first.from(), first.to());
            List<AvailabilityService.Group> figures = timed(1,
                    () -> query.figures(1, first.from(), first.to(), GroupBy.DEVICE, AvailabilityPolicy.DEFAULT));
            System.out.printf(Locale.ROOT, "%,d devices with figures%n", figures.size());
        }
        if (compare) {
            System.out.printf(Locale.ROOT, "%n== the same tier figures from daily rows only (before V6): %s … %s%n", first.from(),
                    first.to());
            List<AvailabilityService.Group> daily = timed(1,
                    () -> query(jdbc, clock, false).figures(1, first.from(), first.to(), GroupBy.TIER, AvailabilityPolicy.DEFAULT));
            boolean same = AvailabilityService.fingerprint(daily, 10).equals(AvailabilityService.fingerprint(wholeDays, 10));
            System.out.println(same ? "identical figures from both paths" : "FIGURES DIFFER between the two paths:");
            if (!same) {
                daily.forEach(AvailabilityBench::print);
                throw new IllegalStateException("category rollups and daily rows disagree");
            }
        }
    }

    /** Runs {@code work} {@code runs} times, printing wall time and peak heap of each run; returns the last result. */
    static <T> T timed(int runs, java.util.function.Supplier<T> work) {
        T result = null;
        for (int r = 1; r <= runs; r++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long before = heapPeak();
            long t = System.nanoTime();
            result = work.get();
            double seconds = (System.nanoTime() - t) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.3f s wall, peak heap %d MB (%d MB before)%n", r, seconds,
                    heapPeak() >> 20, before >> 20);
        }
        return result;
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
