package org.xueliang.tracker.bench.probing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a probing run measured, printed as the human summary and then as the one-line JSON summary that outside
 * scripts read (alone on the last line of output). A series that was not run is {@code null} in the JSON.
 * <pre>
 * {"mixedCycleMedianS":…, "coldCycleS":…, "warmUpS":…, "onvifProbesPerS":…, "onvifFullProbesPerS":…, "snmpPerS":…, "tcpPerS":…,
 *  "cpuUsPerProbe":…, "snmpVsExporter":…, "tcpVsExporter":…}
 * </pre>
 * {@code snmpPerS} and {@code tcpPerS} are at the agent's production concurrency; the ratios compare them with the
 * exporter's throughput on the same devices.
 */
final class Figures {

    AgentCycles.Cycle cold;
    AgentCycles.Cycle mixed;
    AgentCycles.Cycle spooled;
    AgentCycles.Cycle onvif;
    AgentCycles.Cycle full;
    AgentCycles.Cycle snmp;
    AgentCycles.Cycle snmp50;
    AgentCycles.Cycle tcp;
    AgentCycles.Cycle tcp50;
    Exporter.Round snmpExp;
    Exporter.Round tcpExp;
    double warmUpSeconds;
    double hwm;
    double heap;
    double simHwm;

    void print() {
        System.out.println("\nSummary (medians):");
        if (mixed != null) {
            System.out.printf("  mixed cycle, %,d devices: %.2f s, %,.0f probes/s, agent CPU %.2f s (%.0f µs/probe),"
                            + " simulator CPU %.2f s, all up: %s; first cycle after start %.2f s (after a %.2f s warm-up)%n",
                    mixed.probes(), mixed.seconds(), mixed.probesPerSecond(), mixed.agentCpu(), cpuUs(mixed), mixed.simCpu(),
                    mixed.allUp(), cold.seconds(), warmUpSeconds);
            System.out.printf("  agent peak RSS (VmHWM) %.0f MiB, peak heap %.0f MiB; simulator VmHWM %.0f MiB%n", hwm, heap, simHwm);
        }
        if (spooled != null) {
            System.out.printf("  with the disk spool: median cycle %.2f s, agent CPU %.2f s%n", spooled.seconds(), spooled.agentCpu());
        }
        if (onvif != null) {
            System.out.printf("  ONVIF alone: %,.0f probes/s without snapshot (%.0f µs CPU per probe, %.0f per SOAP exchange)%n",
                    onvif.probesPerSecond(), cpuUs(onvif), cpuUs(onvif) / 2);
        }
        if (full != null) {
            System.out.printf("  ONVIF full: %,.0f probes/s with snapshot (%.0f µs CPU each)%n", full.probesPerSecond(), cpuUs(full));
        }
        ratio("SNMP", snmp, snmp50, snmpExp);
        ratio("TCP connect", tcp, tcp50, tcpExp);
        System.out.println(json());
    }

    String json() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mixedCycleMedianS", mixed == null ? null : mixed.seconds());
        m.put("coldCycleS", cold == null ? null : cold.seconds());
        m.put("warmUpS", warmUpSeconds);
        m.put("onvifProbesPerS", onvif == null ? null : onvif.probesPerSecond());
        m.put("onvifFullProbesPerS", full == null ? null : full.probesPerSecond());
        m.put("snmpPerS", snmp == null ? null : snmp.probesPerSecond());
        m.put("tcpPerS", tcp == null ? null : tcp.probesPerSecond());
        m.put("cpuUsPerProbe", mixed == null ? null : cpuUs(mixed));
        m.put("snmpVsExporter", snmp == null || snmpExp == null ? null : snmp.probesPerSecond() / snmpExp.perSecond());
        m.put("tcpVsExporter", tcp == null || tcpExp == null ? null : tcp.probesPerSecond() / tcpExp.perSecond());
        return m.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() == null ? "null" : number(e.getValue())))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double cpuUs(AgentCycles.Cycle c) {
        return c.agentCpu() * 1e6 / c.probes();
    }

    private static void ratio(String what, AgentCycles.Cycle ours, AgentCycles.Cycle ours50, Exporter.Round theirs) {
        if (ours == null) {
            return;
        }
        System.out.printf("  %s: agent %,.0f devices/s (%.0f µs CPU each), at 50 in flight %,.0f/s (%.0f µs)", what,
                ours.probesPerSecond(), cpuUs(ours), ours50.probesPerSecond(), cpuUs(ours50));
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
}
