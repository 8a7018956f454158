package org.xueliang.tracker.bench.probing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.agent.runtime.StandardProbers;

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
 * </pre>
 */
public final class ProbingBench {

    private ProbingBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        Fleet fleet = Fleet.ofTotal(Integer.parseInt(a.getOrDefault("devices", "10000")));
        int cycles = Integer.parseInt(a.getOrDefault("cycles", "5"));
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", Integer.toString(AgentSettings.DEFAULT_CONCURRENCY)));
        int onvifFull = Integer.parseInt(a.getOrDefault("onvif-full", "1000"));
        Path peers = Path.of(a.getOrDefault("peers", "../shared/peers"));
        boolean exporters = !a.containsKey("no-exporters");

        System.out.printf("Probing benchmark %s: %d CPUs, Java %s, %s; fleet %s; agent concurrency %d%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Files.readString(
                        Path.of("/proc/cpuinfo")).lines().filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 2)).orElse("?"), fleet, concurrency);
        Process sim = startFleet(fleet);
        try (StandardProbers probers = StandardProbers.open(OnvifClient.LOOPBACK_ONLY)) {
            AgentCycles agent = new AgentCycles(probers.registry(), sim.pid());
            long self = ProcessHandle.current().pid();

            System.out.println("\n1. Mixed fleet, ONVIF without snapshot (GetSystemDateAndTime + GetDeviceInformation):");
            AgentCycles.Cycle mixed = agent.series("mixed " + fleet.total(), fleet.mixedTargets(false), concurrency, 1, cycles);
            double hwm = ProcStats.statusMiB(self, "VmHWM");
            double heap = ProcStats.heapPeakMiB();
            double simHwm = ProcStats.statusMiB(sim.pid(), "VmHWM");

            System.out.println("\n1b. The same mixed fleet, every result sealed into the real disk spool (H2 MVStore, fsync) in"
                    + " batches of " + AgentCycles.BATCH + " and acknowledged:");
            Path spoolDir = Files.createTempDirectory("xl-bench-spool");
            AgentCycles.Cycle spooled;
            try (org.xueliang.tracker.agent.spool.Spool spool = org.xueliang.tracker.agent.spool.Spool.open(spoolDir,
                    org.xueliang.tracker.agent.spool.Spool.DEFAULT_MAX_BYTES, new org.xueliang.tracker.agent.metrics.AgentMetrics())) {
                spooled = new AgentCycles(probers.registry(), sim.pid(), spool)
                        .series("mixed " + fleet.total() + " + spool", fleet.mixedTargets(false), concurrency, 1, 3);
            }

            System.out.println("\n2. Each method alone:");
            AgentCycles.Cycle onvif = agent.series("ONVIF no snapshot", fleet.onvifTargets(fleet.onvif(), false), concurrency, 1, 3);
            AgentCycles.Cycle full = onvifFull <= 0 ? null
                    : agent.series("ONVIF full (7 exchanges)", fleet.onvifTargets(onvifFull, true), concurrency, 1, 2);
            AgentCycles.Cycle snmp = agent.series("SNMP", fleet.snmpTargets(), concurrency, 1, 3);
            AgentCycles.Cycle snmp50 = agent.series("SNMP, 50 in flight", fleet.snmpTargets(), Exporter.IN_FLIGHT, 1, 3);
            AgentCycles.Cycle tcp = agent.series("TCP", fleet.tcpTargets(), concurrency, 1, 3);
            AgentCycles.Cycle tcp50 = agent.series("TCP, 50 in flight", fleet.tcpTargets(), Exporter.IN_FLIGHT, 1, 3);

            Exporter.Round snmpExp = null;
            Exporter.Round tcpExp = null;
            if (exporters) {
                System.out.println("\n3. Prometheus exporters on the same devices (" + Exporter.IN_FLIGHT + " scrapes in flight):");
                try (Exporter e = new Exporter("snmp_exporter", "prometheus-snmp-exporter", peers.resolve("snmp_exporter.yml"),
                        19116, "/snmp?module=peerbench&target=", "sysUpTime ")) {
                    snmpExp = e.series(hostPorts(fleet.snmpTargets()), 3, sim.pid());
                }
                try (Exporter e = new Exporter("blackbox_exporter tcp", "prometheus-blackbox-exporter",
                        peers.resolve("blackbox_exporter.yml"), 19115, "/probe?module=tcp_connect&target=", "probe_success 1")) {
                    tcpExp = e.series(hostPorts(fleet.tcpTargets()), 3, sim.pid());
                }
            }

            System.out.println("\nSummary (medians):");
            System.out.printf("  mixed cycle, %,d devices: %.2f s, %,.0f probes/s, agent CPU %.2f s (%.0f µs/probe),"
                            + " simulator CPU %.2f s, all up: %s%n", mixed.probes(), mixed.seconds(), mixed.probesPerSecond(),
                    mixed.agentCpu(), mixed.agentCpu() * 1e6 / mixed.probes(), mixed.simCpu(), mixed.allUp());
            System.out.printf("  agent peak RSS (VmHWM) %.0f MiB, peak heap %.0f MiB; simulator VmHWM %.0f MiB%n", hwm, heap, simHwm);
            System.out.printf("  with the disk spool: median cycle %.2f s, agent CPU %.2f s%n", spooled.seconds(), spooled.agentCpu());
            System.out.printf("  ONVIF alone: %,.0f probes/s without snapshot", onvif.probesPerSecond());
            System.out.println(full == null ? "" : String.format(", %,.0f full probes/s with snapshot (%.0f µs CPU each)",
                    full.probesPerSecond(), full.agentCpu() * 1e6 / full.probes()));
            ratio("SNMP", snmp, snmp50, snmpExp);
            ratio("TCP connect", tcp, tcp50, tcpExp);
        } finally {
            sim.getOutputStream().close(); // the fleet exits when its stdin closes
            sim.waitFor();
        }
    }

    private static void ratio(String what, AgentCycles.Cycle ours, AgentCycles.Cycle ours50, Exporter.Round theirs) {
        System.out.printf("  %s: agent %,.0f devices/s (%.0f µs CPU each), at 50 in flight %,.0f/s (%.0f µs)", what,
                ours.probesPerSecond(), ours.agentCpu() * 1e6 / ours.probes(), ours50.probesPerSecond(),
                ours50.agentCpu() * 1e6 / ours50.probes());
        if (theirs == null) {
            System.out.println();
            return;
        }
        System.out.printf("; exporter %,.0f devices/s (%.0f µs CPU each) -> agent/exporter: %.1fx throughput"
                        + " (%.1fx at 50 in flight), %.1fx less CPU per device%n", theirs.perSecond(),
                theirs.cpu() * 1e6 / theirs.scrapes(), ours.probesPerSecond() / theirs.perSecond(),
                ours50.probesPerSecond() / theirs.perSecond(),
                (theirs.cpu() / theirs.scrapes()) / (ours50.agentCpu() / ours50.probes()));
    }

    private static List<String> hostPorts(List<ProbeTarget> targets) {
        return targets.stream().map(t -> t.host() + ":" + t.port()).toList();
    }

    /** The fleet in its own JVM, with this classpath; returns once it printed READY. */
    private static Process startFleet(Fleet fleet) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                FleetMain.class.getName(), Integer.toString(fleet.onvif()), Integer.toString(fleet.snmp()),
                Integer.toString(fleet.tcp())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY")) {
                System.out.println("simulator pid " + p.pid() + ": " + line);
                return p;
            }
        }
        throw new IOException("the fleet simulator exited before READY (exit " + waitQuietly(p) + ")");
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
