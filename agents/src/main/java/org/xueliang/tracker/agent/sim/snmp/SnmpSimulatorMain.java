package org.xueliang.tracker.agent.sim.snmp;

import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;
import org.xueliang.tracker.agent.snmp.rec.SnmprecFile;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Command line for the SNMP half of the device simulator.
 *
 * <pre>
 *   --snmprec DIR            replay every *.snmprec in DIR (default: a synthetic Linux-like agent)
 *   --listen 127.0.0.1:PORT  first agent address and the UDP port of all (same as --base A --port P)
 *   --agents N               number of agents (default: one per recording), on consecutive 127.x.y.z addresses
 *   --base 127.22.0.1        first address        --port 16100     UDP port (default 161)
 *   --threads 2              selector threads     --community public
 *   --fault INDEX=KIND       KIND: down | flapping | auth | slow | reboot-every-SECONDS  (INDEX counts from 0)
 * </pre>
 * Prints one line per agent (address, port, recording) and serves until killed.
 */
public final class SnmpSimulatorMain {

    private SnmpSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        String base = "127.22.0.1";
        int port = 161;
        int agents = -1;
        int threads = 2;
        String community = SnmpAgentSimulator.DEFAULT_COMMUNITY;
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--snmprec" -> dir = Path.of(need(a, v));
                case "--listen" -> {
                    String hp = need(a, v);
                    base = hp.substring(0, hp.lastIndexOf(':'));
                    port = Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1));
                }
                case "--base" -> base = need(a, v);
                case "--port" -> port = Integer.parseInt(need(a, v));
                case "--agents" -> agents = Integer.parseInt(need(a, v));
                case "--threads" -> threads = Integer.parseInt(need(a, v));
                case "--community" -> community = need(a, v);
                case "--fault" -> faults.add(need(a, v));
                case "-h", "--help" -> {
                    System.out.println("see the class comment of " + SnmpSimulatorMain.class.getName() + " and docs/PROBING.md");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + a + " (try --help)");
            }
            i++;
        }
        List<SnmprecFile> recordings = dir == null ? List.of() : SnmpAgentSimulator.readRecordings(dir);
        if (agents < 0) {
            agents = Math.max(1, recordings.size());
        }
        InetAddress first = LoopbackAddresses.parse(base);
        SnmpAgentSimulator sim = new SnmpAgentSimulator(threads, community, SnmpAgentSimulator.DEFAULT_V3_USER,
                SnmpAgentSimulator.DEFAULT_V3_AUTH, SnmpAgentSimulator.DEFAULT_V3_PRIV);
        List<SimulatedSnmpAgent> fleet = sim.addFleet(agents, first, port, recordings);
        for (String f : faults) {
            apply(fleet, f);
        }
        for (SimulatedSnmpAgent a : fleet.subList(0, Math.min(fleet.size(), 50))) {
            System.out.println(a.host() + ":" + a.port() + " " + a.recordingName() + " " + a.fault());
        }
        if (fleet.size() > 50) {
            System.out.println("… " + fleet.size() + " agents up to " + fleet.get(fleet.size() - 1).host());
        }
        System.out.println("SNMP simulator ready: " + fleet.size() + " agents, community " + community + ", v3 user "
                + SnmpAgentSimulator.DEFAULT_V3_USER + " (SHA/AES)");
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        new CountDownLatch(1).await();
    }

    static void apply(List<SimulatedSnmpAgent> fleet, String spec) {
        int eq = spec.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("--fault wants INDEX=KIND, got " + spec);
        }
        SimulatedSnmpAgent a = fleet.get(Integer.parseInt(spec.substring(0, eq)));
        String kind = spec.substring(eq + 1).toLowerCase(Locale.ROOT);
        if (kind.startsWith("reboot-every-")) {
            long s = Long.parseLong(kind.substring("reboot-every-".length()));
            Thread t = new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(Duration.ofSeconds(s).toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    a.reboot();
                }
            }, "reboot-" + a.host());
            t.setDaemon(true);
            t.start();
            return;
        }
        a.fault(switch (kind) {
            case "down" -> SnmpFault.DOWN;
            case "flapping" -> SnmpFault.FLAPPING;
            case "auth" -> SnmpFault.AUTH_FAILURE;
            case "slow" -> SnmpFault.SLOW;
            default -> throw new IllegalArgumentException("Unknown fault " + kind + " (down, flapping, auth, slow, reboot-every-S)");
        });
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
