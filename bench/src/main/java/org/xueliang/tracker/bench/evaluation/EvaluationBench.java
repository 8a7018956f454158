package org.xueliang.tracker.bench.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.config.TaskManagementConfigUtils;
import org.xueliang.tracker.XueliangTrackerApplication;
import org.xueliang.tracker.bench.availability.AvailabilityBench;
import org.xueliang.tracker.bench.availability.FleetYearOptions;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.shared.TransactionRetries;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Issue 12 §6: create an evaluation (项目支出绩效自评) of a 100,000-device project over one year, end to end.
 * Creates {@code xl_bench_evaluation}, migrates it with the application's Flyway migrations, loads the availability
 * bench's fleet and year ({@link AvailabilityBench#load}: ledger, 36.5 M rollups, state intervals) plus what else an
 * evaluation reads (the project's dates and amounts, quantity targets, construction items), then starts the
 * application itself on a free loopback port against that database and times {@code POST /api/v1/evaluations} for
 * calendar 2023 as an admin (HTTP Basic): access check, every row computed, the rows and their evidence stored,
 * the audit entry written. Per run: wall time, CPU time of this JVM (application and client) and of the database
 * server, peak heap; then a one-line JSON summary.
 *
 * <pre>bench/evaluation/run.sh [--devices N] [--days D] [--runs R] [--reuse] [--no-catch-up]</pre>
 */
public final class EvaluationBench {

    static final String DB = "xl_bench_evaluation";
    /** Meets the password policy, so the first admin needs no password change before the API answers it. */
    static final String ADMIN_PASSWORD = "Bench-Evaluation-2023";
    static final double TARGET_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        FleetYearOptions o = FleetYearOptions.parse(args, 3, "--no-catch-up");
        int devices = o.devices;
        int days = o.days;
        int runs = o.runs;
        boolean catchUp = !o.has("--no-catch-up");
        String url = System.getProperty("bench.db", "jdbc:mariadb://127.0.0.1:3306/");
        try (HikariDataSource admin = AvailabilityBench.dataSource(url); AutoCloseable pool = FleetYearOptions.sizeBufferPool(admin)) {
            boolean fresh = o.prepareDatabase(admin, DB);
            try (HikariDataSource ds = AvailabilityBench.dataSource(url + DB + "?rewriteBatchedStatements=true")) {
                JdbcTemplate jdbc = new JdbcTemplate(ds);
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
                if (fresh) {
                    AvailabilityBench.load(jdbc, devices, days);
                    loadProjectFacts(jdbc);
                }
                // the tier figures read the category rollups (V6), as the application keeps them
                // (--no-catch-up: days without them are read from the daily rows, slower, same figures)
                if (catchUp) {
                    Clock clock = AvailabilityBench.clock(days);
                    long t = System.nanoTime();
                    int built = new CategoryRollups(jdbc, clock, new DataSourceTransactionManager(ds),
                            new TransactionRetries(new SimpleMeterRegistry())).buildMissing();
                    if (built > 0) {
                        System.out.printf(Locale.ROOT, "category rollups: %d days built in %.0f s%n", built, (System.nanoTime() - t) / 1e9);
                    }
                }
                System.out.printf(Locale.ROOT, "category rollups built for %d of %d days%n",
                        jdbc.queryForObject("SELECT COUNT(*) FROM category_rollup_day", Long.class), days);
                LocalDate from = AvailabilityBench.FIRST_DAY;
                LocalDate to = from.plusDays(days - 1);
                measure(jdbc, url + DB, from, to, runs);
            }
        }
    }

    /**
     * What the evaluation's other rows read: the project's dates and amounts (时效, 成本, 预算执行率), quantity targets
     * over the four categories weighing 30 (数量, each selecting tens of thousands of devices as evidence) and
     * construction items (progress).
     */
    static void loadProjectFacts(JdbcTemplate jdbc) {
        // the availability generator's sites have a kind the ledger's SiteKind does not know ('ROAD'): the ledger reads
        // sites here (progress, the 数量 selections), so they get real kinds, one in ten a township
        jdbc.update("UPDATE site SET kind = CASE WHEN id % 10 = 0 THEN 'TOWNSHIP' ELSE 'URBAN_POINT' END");
        jdbc.update("UPDATE project SET contract_amount = 98000000, audited_amount = 103586000, budget_amount = 100000000,"
                + " spent_amount = 97500000, planned_start = '2022-03-01', planned_end = '2022-09-28', actual_start = '2022-03-01',"
                + " actual_end = '2022-11-22' WHERE id = 1");
        String[][] targets = {{"高清摄像机", "85000", "12", "HD_CAMERA"}, {"卡口摄像机", "5000", "6", "CHECKPOINT_CAMERA"},
                {"服务器", "5000", "6", "SERVER"}, {"交换机", "5000", "6", "SWITCH"}};
        for (int i = 0; i < targets.length; i++) {
            String[] t = targets[i];
            jdbc.update("INSERT INTO quantity_target (id, project_id, seq, label, unit, planned_count, weight) VALUES (?, 1, ?, ?, '台', ?, ?)",
                    i + 1, i + 1, t[0], Integer.parseInt(t[1]), new java.math.BigDecimal(t[2]));
            jdbc.update("INSERT INTO quantity_target_category (target_id, category_code) VALUES (?, ?)", i + 1, t[3]);
        }
        String[] items = {"前端点位建设", "传输网络", "监控中心", "平台软件"};
        for (int i = 0; i < items.length; i++) {
            jdbc.update("INSERT INTO construction_item (project_id, seq, name, planned_completion, actual_completion) VALUES"
                    + " (1, ?, ?, '2022-09-28', ?)", i + 1, items[i], i == 2 ? "2022-11-22" : "2022-09-20");
        }
    }

    static void measure(JdbcTemplate jdbc, String dbUrl, LocalDate from, LocalDate to, int runs) throws Exception {
        long devices = jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class);
        long rollups = jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Long.class);
        System.out.printf(Locale.ROOT, "%n%,d devices, %,d rollup rows, %d cores, max heap %d MB%n", devices, rollups,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long t = System.nanoTime();
        try (ConfigurableApplicationContext app = start(dbUrl)) {
            String port = app.getEnvironment().getProperty("local.server.port");
            System.out.printf(Locale.ROOT, "application started on 127.0.0.1:%s in %.1f s%n", port, (System.nanoTime() - t) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            String body = "{\"projectId\":1,\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
            HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/evaluations"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            System.out.printf(Locale.ROOT, "%n== POST /api/v1/evaluations %s (%s … %s)%n", body, from, to);
            List<Run> results = new ArrayList<>();
            long evaluationId = 0;
            for (int r = 1; r <= runs; r++) {
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long cpu0 = processCpuNanos();
                long db0 = DatabaseCpu.nanos();
                long w0 = System.nanoTime();
                HttpResponse<String> answer = http.send(create, HttpResponse.BodyHandlers.ofString());
                double wall = (System.nanoTime() - w0) / 1e9;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                double db = db0 < 0 ? Double.NaN : (DatabaseCpu.nanos() - db0) / 1e9;
                long heap = AvailabilityBench.heapPeak() >> 20;
                if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                    throw new IllegalStateException("POST /api/v1/evaluations answered " + answer.statusCode() + ": " + answer.body());
                }
                Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(answer.body());
                evaluationId = id.find() ? Long.parseLong(id.group(1)) : 0;
                System.out.printf(Locale.ROOT, "run %d: %.3f s wall, %.2f s CPU (this JVM), %s s CPU (database server), peak heap %d MB"
                        + " → evaluation %d%n", r, wall, cpu, Double.isNaN(db) ? "?" : String.format(Locale.ROOT, "%.2f", db), heap,
                        evaluationId);
                results.add(new Run(wall, cpu, db, heap));
            }
            printRows(jdbc, evaluationId);
            summary(devices, rollups, results);
        }
    }

    record Run(double wall, double cpu, double db, long heapMb) {
    }

    /** The stored rows of the last evaluation: what was computed, and how much evidence each row carries. */
    static void printRows(JdbcTemplate jdbc, long evaluationId) {
        System.out.printf(Locale.ROOT, "%nrows of evaluation %d (evidence as stored):%n", evaluationId);
        jdbc.query("SELECT seq, level2, name, actual, weight, LENGTH(evidence_json) + (SELECT COALESCE(SUM(LENGTH(items_json)), 0)"
                + " FROM evaluation_evidence_part p WHERE p.row_id = r.id) AS bytes FROM evaluation_row r"
                + " WHERE evaluation_id = ? ORDER BY seq", rs -> {
                    System.out.printf(Locale.ROOT, "%3d %-20s %-12s actual=%-12s weight=%-6s evidence %,d bytes%n", rs.getInt("seq"),
                            rs.getString("level2"), rs.getString("name"), rs.getBigDecimal("actual"), rs.getBigDecimal("weight"),
                            rs.getLong("bytes"));
                }, evaluationId);
    }

    static void summary(long devices, long rollups, List<Run> runs) {
        double median = median(runs.stream().map(Run::wall).toList());
        System.out.printf(Locale.ROOT, "%nmedian %.3f s wall of %d runs (target ≤ %.0f s: %s)%n", median, runs.size(), TARGET_SECONDS,
                median <= TARGET_SECONDS ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "{\"bench\":\"evaluation\",\"devices\":%d,\"rollupRows\":%d,\"runs\":%d,\"medianSeconds\":%.3f,"
                        + "\"minSeconds\":%.3f,\"maxSeconds\":%.3f,\"medianCpuSeconds\":%.2f,\"medianDbCpuSeconds\":%s,\"peakHeapMb\":%d,"
                        + "\"targetSeconds\":%.0f,\"met\":%b}%n", devices, rollups, runs.size(), median,
                runs.stream().mapToDouble(Run::wall).min().orElse(0), runs.stream().mapToDouble(Run::wall).max().orElse(0),
                median(runs.stream().map(Run::cpu).toList()),
                runs.stream().anyMatch(r -> Double.isNaN(r.db())) ? "null" : String.format(Locale.ROOT, "%.2f",
                        median(runs.stream().map(Run::db).toList())),
                runs.stream().mapToLong(Run::heapMb).max().orElse(0), TARGET_SECONDS, median <= TARGET_SECONDS);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The application as {@code java -jar} runs it, on a free loopback port against the bench database, with no
     * seed, no embedded agent (it would probe the 100,000 generated addresses) and no scheduled work (rollup
     * catch-up, sweeps and gauges would compete with the timed requests): what is timed is the request alone.
     */
    static ConfigurableApplicationContext start(String dbUrl) throws Exception {
        Path dataDir = Files.createDirectories(Path.of("bench/target/evaluation-data"));
        SpringApplication app = new SpringApplication(XueliangTrackerApplication.class);
        // as command-line arguments: they outrank application.yml (whose XL_* defaults would pick H2 and port 8080)
        String[] settings = {
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + System.getProperty("bench.user", "root"),
                "--spring.datasource.password=" + System.getProperty("bench.password", ""),
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--xl.data-dir=" + dataDir.toAbsolutePath(),
                "--xl.seed=false",
                "--xl.agent.embedded.enabled=false",
                "--xl.admin-password=" + ADMIN_PASSWORD,
                "--xl.security.password.max-age-days=0",
                "--spring.main.banner-mode=off"};
        app.addInitializers(context -> context.addBeanFactoryPostProcessor(beanFactory -> {
            // after the configuration classes are read: drop the @Scheduled processor that @EnableScheduling registered
            String scheduling = TaskManagementConfigUtils.SCHEDULED_ANNOTATION_PROCESSOR_BEAN_NAME;
            if (beanFactory.containsBeanDefinition(scheduling)) {
                ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition(scheduling);
            }
        }));
        return app.run(settings);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
