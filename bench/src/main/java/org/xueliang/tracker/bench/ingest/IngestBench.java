package org.xueliang.tracker.bench.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.xueliang.tracker.agent.transport.AgentAssignment;
import org.xueliang.tracker.agent.transport.BackendClient;
import org.xueliang.tracker.bench.probing.ProcStats;

/**
 * Ingest benchmark (issue 12 item 6; bench/README.md "Ingest"). Against a running backend (started by
 * bench/ingest/run.sh, embedded agent off, empty of bench data): imports {@code --devices} devices spread over
 * {@code --agents} zones through the API, creates one agent per zone, and lets that many {@link SimulatedAgent}s post
 * result batches concurrently over HTTP with the agent's own transport. After {@code --warmup} seconds it measures for
 * {@code --seconds}: results acknowledged per second, CPU per result of the backend JVM(s) and of the database
 * server(s) ({@code /proc/PID/stat}), the benchmark client's own CPU, p50/p99 batch latency (request to
 * acknowledgement). At the end it checks through SQL that the database holds exactly the acknowledged rows.
 *
 * <p>Options: {@code --base URL} (required), {@code --admin-password P} (required), {@code --jdbc URL} (the database
 * the backend uses, for the check; user root, no password unless {@code --jdbc-password}), {@code --backend-pids
 * P[,P]}, {@code --db-pids P[,P…]}, {@code --agents 8}, {@code --devices 20000}, {@code --batch 500} (the agent's
 * default), {@code --flapping-every 10} (one device in ten flaps), {@code --warmup 20}, {@code --seconds 60},
 * {@code --label single}, {@code --summary FILE} (writes the one-line JSON there too).
 */
public final class IngestBench {

    private static final int IMPORT_ROWS_PER_FILE = 5_000;
    private static final String ZONE_PREFIX = "bench-";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        URI base = URI.create(withSlash(require(o, "base")));
        int agents = Integer.parseInt(o.getOrDefault("agents", "8"));
        int devices = Integer.parseInt(o.getOrDefault("devices", "20000"));
        int batchSize = Integer.parseInt(o.getOrDefault("batch", "500"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        String label = o.getOrDefault("label", "single");
        List<Long> backendPids = pids(o.get("backend-pids"));
        List<Long> dbPids = pids(o.get("db-pids"));
        ResultMix mix = new ResultMix(Integer.parseInt(o.getOrDefault("flapping-every", "10")));

        AdminApi admin = new AdminApi(base, "admin", require(o, "admin-password"));
        long setupStarted = System.nanoTime();
        // Fixed zone names and asset tags, so a second run on the same database (run.sh --reuse) finds the fleet
        // already imported: importing 20,000 devices (audited one by one) takes minutes, the load does not.
        List<AdminApi.CreatedAgent> created = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int a = 0; a < agents; a++) {
            created.add(admin.createAgent("bench-agent-" + a + "-" + run, ZONE_PREFIX + a));
        }
        List<BackendClient> clients = created.stream()
                .map(agent -> new BackendClient(base, agent.token(), Duration.ofSeconds(5), Duration.ofSeconds(60))).toList();
        if (assignedDevices(clients.get(0)).isEmpty()) {
            importFleet(admin, agents, devices);
        }
        BenchClock window = new BenchClock();
        List<SimulatedAgent> simulated = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            List<Long> ids = assignedDevices(clients.get(a));
            int expected = devices / agents + (a < devices % agents ? 1 : 0);
            if (ids.size() != expected) {
                throw new IllegalStateException("zone " + ZONE_PREFIX + a + " has " + ids.size() + " devices, expected " + expected
                        + ": the database holds another fleet (drop it, or run with the same --agents and --devices)");
            }
            simulated.add(new SimulatedAgent(clients.get(a), ids, mix, batchSize, window));
        }
        System.out.printf(Locale.ROOT, "[%s] %d devices in %d zones, %d agents, set up in %.1f s; batches of %d, 1 device in %s flapping%n",
                label, devices, agents, agents, (System.nanoTime() - setupStarted) / 1e9, batchSize,
                o.getOrDefault("flapping-every", "10"));

        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < simulated.size(); a++) {
            Thread t = new Thread(simulated.get(a), "bench-agent-" + a);
            t.start();
            threads.add(t);
        }
        Thread.sleep(warmup * 1000L);
        double backendCpu0 = cpu(backendPids);
        List<Map<String, Long>> jit0 = backendPids.stream().map(ProcStats::jitTicks).toList();
        double dbCpu0 = cpu(dbPids);
        double ownCpu0 = ProcStats.ownCpuSeconds();
        SqlCounters counters = o.containsKey("jdbc")
                ? new SqlCounters(o.get("jdbc"), o.getOrDefault("jdbc-user", "root"), o.getOrDefault("jdbc-password", "")) : null;
        Map<String, Long> sql0 = counters == null ? Map.of() : counters.read();
        long from = System.nanoTime();
        window.open(from);
        Thread.sleep(seconds * 1000L);
        long to = System.nanoTime();
        window.close(to);
        double backendCpu = cpu(backendPids) - backendCpu0;
        double backendJit = 0;
        for (int i = 0; i < backendPids.size(); i++) {
            backendJit += ProcStats.jitCpuSecondsBetween(jit0.get(i), ProcStats.jitTicks(backendPids.get(i)));
        }
        double dbCpu = cpu(dbPids) - dbCpu0;
        double ownCpu = ProcStats.ownCpuSeconds() - ownCpu0;
        Map<String, Long> sql1 = counters == null ? Map.of() : counters.read();
        simulated.forEach(SimulatedAgent::stop);
        for (Thread t : threads) {
            t.join(120_000);
        }

        long applied = 0;
        long batches = 0;
        long rejected = 0;
        long duplicates = 0;
        long failures = 0;
        long acknowledgedInAll = 0;
        long failuresInAll = 0;
        List<Long> latencies = new ArrayList<>();
        for (SimulatedAgent s : simulated) {
            SimulatedAgent.Tally t = s.measured();
            applied += t.applied;
            batches += t.batches;
            rejected += t.rejected;
            duplicates += t.duplicates;
            failures += t.failures;
            latencies.addAll(t.latencyNanos);
            acknowledgedInAll += s.appliedInAll();
            failuresInAll += s.failuresInAll();
        }
        latencies.sort(null);
        double wall = (to - from) / 1e9;
        double perSecond = applied / wall;
        double cpuUs = applied == 0 ? 0 : backendCpu * 1e6 / applied;
        double jitUs = applied == 0 ? 0 : backendJit * 1e6 / applied;
        double dbCpuUs = applied == 0 ? 0 : dbCpu * 1e6 / applied;
        double clientCpuUs = applied == 0 ? 0 : ownCpu * 1e6 / applied;
        double p50 = percentileMs(latencies, 0.50);
        double p99 = percentileMs(latencies, 0.99);

        Stored stored = o.containsKey("jdbc") ? stored(o, created) : null;
        System.out.printf(Locale.ROOT, "[%s] measured %.1f s after %d s warm-up: %,d results in %,d batches acknowledged"
                        + " → %,.0f results/s (%,.1f batches/s); refused %d, duplicates %d, failed sends %d%n",
                label, wall, warmup, applied, batches, perSecond, batches / wall, rejected, duplicates, failures);
        System.out.printf(Locale.ROOT, "[%s] CPU per result: backend %.1f µs (%.2f cores; of which its JIT compiler %.1f µs),"
                        + " database %.1f µs (%.2f cores), benchmark client %.1f µs (%.2f cores)%n",
                label, cpuUs, backendCpu / wall, jitUs, dbCpuUs, dbCpu / wall, clientCpuUs, ownCpu / wall);
        System.out.printf(Locale.ROOT, "[%s] batch latency (request to acknowledgement): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                label, p50, p99, percentileMs(latencies, 1.0));
        if (counters != null) {
            System.out.printf(Locale.ROOT, "[%s] database counters per batch acknowledged in the window (server-wide: an upper"
                    + " bound): %s%n", label, SqlCounters.perBatch(sql0, sql1, batches));
        }
        boolean honest = true;
        if (stored != null) {
            honest = stored.probeResults == acknowledgedInAll;
            System.out.printf(Locale.ROOT, "[%s] check: probe_result holds %,d rows of the bench's agents, acknowledged %,d in all"
                            + " (warm-up included; %d failed sends retried until acknowledged) → %s; %,d state intervals written,"
                            + " %,d devices DOWN now%n",
                    label, stored.probeResults, acknowledgedInAll, failuresInAll, honest ? "equal" : "NOT EQUAL", stored.intervals,
                    stored.down);
        }
        String json = String.format(Locale.ROOT, "{\"label\":\"%s\",\"agents\":%d,\"devices\":%d,\"batch\":%d,\"seconds\":%.1f,"
                        + "\"resultsPerS\":%.0f,\"cpuUsPerResult\":%.1f,\"jitUsPerResult\":%.1f,\"dbCpuUsPerResult\":%.1f,\"clientCpuUsPerResult\":%.1f,"
                        + "\"p50BatchMs\":%.1f,\"p99BatchMs\":%.1f,\"statementsPerBatch\":%.1f,\"acknowledged\":%d,\"stored\":%s,\"storedEqualsAcknowledged\":%s}",
                label, agents, devices, batchSize, wall, perSecond, cpuUs, jitUs, dbCpuUs, clientCpuUs, p50, p99,
                (sql1.getOrDefault("Questions", 0L) - sql0.getOrDefault("Questions", 0L)) / (double) Math.max(1, batches), acknowledgedInAll,
                stored == null ? "null" : Long.toString(stored.probeResults), stored == null ? "null" : Boolean.toString(honest));
        if (o.containsKey("summary")) {
            Files.writeString(Path.of(o.get("summary")), json + "\n", StandardCharsets.UTF_8);
        }
        System.out.println(json);
        System.exit(honest ? 0 : 1);
    }

    private static List<Long> assignedDevices(BackendClient client) throws Exception {
        return client.fetch(null).orElseThrow().assignment().devices().stream().map(AgentAssignment.Target::deviceId).toList();
    }

    /** The devices, {@code devices / agents} per zone, on 127.20.0.0/16 (never probed: the agents are simulated). */
    private static void importFleet(AdminApi admin, int agents, int devices) {
        String header = "projectId,assetTag,name,category,ipAddress,lifecycle,inServiceOn,probeMethod,probePort,probeZone,"
                + "probeIntervalSeconds\n";
        String today = LocalDate.now().toString();
        long project = admin.firstProjectId();
        StringBuilder csv = new StringBuilder(header);
        int rows = 0;
        for (int i = 0; i < devices; i++) {
            csv.append(project).append(",BENCH-").append(i).append(",ingest bench ").append(i)
                    .append(",SERVER,127.20.").append(100 + i / 250).append('.').append(i % 250 + 1).append(",IN_SERVICE,")
                    .append(today).append(",TCP,80,").append(ZONE_PREFIX).append(i % agents).append(",60\n");
            if (++rows == IMPORT_ROWS_PER_FILE || i == devices - 1) {
                admin.importDevices(csv.toString());
                csv = new StringBuilder(header);
                rows = 0;
            }
        }
    }

    private record Stored(long probeResults, long intervals, long down) {
    }

    private static Stored stored(Map<String, String> o, List<AdminApi.CreatedAgent> agents) throws Exception {
        String ids = agents.stream().map(a -> Long.toString(a.id())).collect(Collectors.joining(","));
        try (Connection c = DriverManager.getConnection(o.get("jdbc"), o.getOrDefault("jdbc-user", "root"),
                o.getOrDefault("jdbc-password", ""));
             Statement s = c.createStatement()) {
            return new Stored(count(s, "SELECT COUNT(*) FROM probe_result WHERE agent_id IN (" + ids + ")"),
                    count(s, "SELECT COUNT(*) FROM device_state_interval"),
                    count(s, "SELECT COUNT(*) FROM device_status WHERE state = 'DOWN'"));
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double cpu(List<Long> pids) {
        return pids.stream().mapToDouble(ProcStats::cpuSeconds).sum();
    }

    private static double percentileMs(List<Long> sortedNanos, double p) {
        if (sortedNanos.isEmpty()) {
            return 0;
        }
        int i = (int) Math.min(sortedNanos.size() - 1, Math.max(0, Math.ceil(p * sortedNanos.size()) - 1));
        return sortedNanos.get(i) / 1e6;
    }

    private static List<Long> pids(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(",")).map(String::trim).map(Long::parseLong).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options are --name value pairs; see the class comment (" + args[i] + ")");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String require(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static String withSlash(String s) {
        return s.endsWith("/") ? s : s + "/";
    }
}
