package org.xueliang.tracker.bench.probing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.agent.runtime.ProberWarmUp;
import org.xueliang.tracker.agent.runtime.StandardProbers;
import org.xueliang.tracker.agent.spool.Spool;

/**
 * SPEC §8 probing benchmark: one agent against a simulated fleet of mixed ONVIF/SNMP/TCP devices (cycle time,
 * probes/s, CPU, peak memory), then Prometheus' snmp_exporter and blackbox_exporter on the same SNMP and TCP
 * devices, then our agent on exactly those subsets, and the ratios. Run it with {@code bench/probing/run.sh}.
 * <pre>
 *   --devices 10000      fleet size, in thirds ONVIF / SNMP / TCP
 *   --cycles 5           measured cycles per series (after one warm-up cycle)
 *   --concurrency 512    the agent's probes in flight (production default)
 *   --onvif-full 1000    cameras for the separate full-probe (snapshot) series, 0 to skip
 *   --peers DIR          the exporters' configs (../shared/peers); --no-exporters skips the comparison
 *   --series a,b         only these series: mixed, spool, onvif, onvif-full, snmp, tcp, exporters (profiling)
 * </pre>
 * {@code XL_BENCH_FLEET_OPTS} adds JVM options to the fleet's JVM (a profiler agent, see {@link #fleetJvmOptions()}).
 * The last line of the output is a one-line JSON summary (see {@link Figures}) that outside scripts read.
 */
public final class ProbingBench {

    private ProbingBench() {
    }

    /** The series a run can be limited to with {@code --series a,b,…} (profiling one of them). */
    private static final Set<String> SERIES = Set.of("mixed", "spool", "onvif", "onvif-full", "snmp", "tcp", "exporters");

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        Fleet fleet = Fleet.ofTotal(Integer.parseInt(a.getOrDefault("devices", "10000")));
        int cycles = Integer.parseInt(a.getOrDefault("cycles", "5"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", Integer.toString(AgentSettings.DEFAULT_CONCURRENCY)));
        int onvifFull = Integer.parseInt(a.getOrDefault("onvif-full", "1000"));
        Path peers = Path.of(a.getOrDefault("peers", "../shared/peers"));
        Set<String> series = a.containsKey("series") ? Set.of(a.get("series").split(",")) : SERIES;
        if (!SERIES.containsAll(series)) {
            throw new IllegalArgumentException("--series takes some of " + SERIES);
        }
        boolean exporters = !a.containsKey("no-exporters") && series.contains("exporters");

        System.out.printf("Probing benchmark %s: %d CPUs, Java %s, %s; fleet %s; agent concurrency %d%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Files.readString(
                        Path.of("/proc/cpuinfo")).lines().filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 2)).orElse("?"), fleet, concurrency);
        Process sim = startFleet(fleet);
        Figures f = new Figures();
        try (StandardProbers probers = StandardProbers.open(OnvifClient.LOOPBACK_ONLY)) {
            AgentCycles agent = new AgentCycles(probers.registry(), sim.pid());
            long self = ProcessHandle.current().pid();

            // what the standalone agent does before its first cycle (AgentMain), in its default budget
            ProberWarmUp.Report warm = ProberWarmUp.run(probers.registry(), ProberWarmUp.DEFAULT_BUDGET);
            f.warmUpSeconds = warm.took().toNanos() / 1e9;
            System.out.printf("agent start-up warm-up on loopback: %,d probes (%,d up) in %.2f s%n", warm.probes(), warm.up(),
                    f.warmUpSeconds);
            if (series.contains("mixed")) {
                System.out.println("\n1. Mixed fleet, ONVIF without snapshot (GetSystemDateAndTime + GetDeviceInformation);"
                        + " the first cycle is the agent's first after its start-up warm-up (new connections to every device):");
                List<ProbeTarget> targets = fleet.mixedTargets(false);
                f.cold = agent.run(targets, concurrency);
                System.out.printf("  %-28s cold    %s%n", "mixed " + fleet.total(), f.cold);
                f.mixed = agent.series("mixed " + fleet.total(), targets, concurrency, 0, cycles);
                f.hwm = ProcStats.statusMiB(self, "VmHWM");
                f.heap = ProcStats.heapPeakMiB();
                f.simHwm = ProcStats.statusMiB(sim.pid(), "VmHWM");
            }
            if (series.contains("spool")) {
                System.out.println("\n1b. The same mixed fleet, every result sealed into the real disk spool (H2 MVStore,"
                        + " fsync) in batches of " + AgentCycles.BATCH + " and acknowledged:");
                Path spoolDir = Files.createTempDirectory("xl-bench-spool");
                try (Spool spool = Spool.open(spoolDir, Spool.DEFAULT_MAX_BYTES, new AgentMetrics())) {
                    f.spooled = new AgentCycles(probers.registry(), sim.pid(), spool)
                            .series("mixed " + fleet.total() + " + spool", fleet.mixedTargets(false), concurrency, 1, 3);
                }
            }

            System.out.println("\n2. Each method alone:");
            if (series.contains("onvif")) {
                f.onvif = agent.series("ONVIF no snapshot", fleet.onvifTargets(fleet.onvif(), false), concurrency, 1, 3);
            }
            if (series.contains("onvif-full") && onvifFull > 0) {
                f.full = agent.series("ONVIF full (7 exchanges)", fleet.onvifTargets(onvifFull, true), concurrency, 1, 3);
            }
            if (series.contains("snmp")) {
                f.snmp = agent.series("SNMP", fleet.snmpTargets(), concurrency, 1, 3);
                f.snmp50 = agent.series("SNMP, 50 in flight", fleet.snmpTargets(), Exporter.IN_FLIGHT, 1, 3);
            }
            if (series.contains("tcp")) {
                f.tcp = agent.series("TCP", fleet.tcpTargets(), concurrency, 1, 3);
                f.tcp50 = agent.series("TCP, 50 in flight", fleet.tcpTargets(), Exporter.IN_FLIGHT, 1, 3);
            }

            if (exporters) {
                System.out.println("\n3. Prometheus exporters on the same devices (" + Exporter.IN_FLIGHT + " scrapes in flight):");
                try (Exporter e = new Exporter("snmp_exporter", "prometheus-snmp-exporter", peers.resolve("snmp_exporter.yml"),
                        19116, "/snmp?module=peerbench&target=", "sysUpTime ")) {
                    f.snmpExp = e.series(hostPorts(fleet.snmpTargets()), 3, sim.pid());
                }
                try (Exporter e = new Exporter("blackbox_exporter tcp", "prometheus-blackbox-exporter",
                        peers.resolve("blackbox_exporter.yml"), 19115, "/probe?module=tcp_connect&target=", "probe_success 1")) {
                    f.tcpExp = e.series(hostPorts(fleet.tcpTargets()), 3, sim.pid());
                }
            }
        } finally {
            sim.getOutputStream().close(); // the fleet exits when its stdin closes
            sim.waitFor();
        }
        f.print();
    }

    private static List<String> hostPorts(List<ProbeTarget> targets) {
        return targets.stream().map(t -> t.host() + ":" + t.port()).toList();
    }

    /** The fleet in its own JVM, with this classpath; returns once it printed READY. */
    private static Process startFleet(Fleet fleet) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g"));
        cmd.addAll(fleetJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FleetMain.class.getName(),
                Integer.toString(fleet.onvif()), Integer.toString(fleet.snmp()), Integer.toString(fleet.tcp())));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY")) {
                System.out.println("simulator pid " + p.pid() + ": " + line);
                return p;
            }
        }
        throw new IOException("the fleet simulator exited before READY (exit " + waitQuietly(p) + ")");
    }

    /**
     * Extra JVM options for the fleet's JVM from {@code XL_BENCH_FLEET_OPTS} (space-separated), so the simulator can be
     * profiled on its own, e.g. {@code -agentpath:/tmp/ap/libasyncProfiler.so=start,event=itimer,file=fleet.txt,collapsed}.
     */
    private static List<String> fleetJvmOptions() {
        String opts = System.getenv().getOrDefault("XL_BENCH_FLEET_OPTS", "").strip();
        return opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
    }

    private static int waitQuietly(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + " (see the class comment)");
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            out.put(key, flag ? "" : args[++i]);
        }
        return out;
    }
}
