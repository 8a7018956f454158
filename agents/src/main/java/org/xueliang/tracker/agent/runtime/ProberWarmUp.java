package org.xueliang.tracker.agent.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.sim.OnvifSimulator;
import org.xueliang.tracker.agent.sim.SimulatedCamera;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;

/**
 * Runs the agent's own probers against a camera, an SNMP agent and a TCP device simulated on 127.0.0.1 inside this
 * JVM, for a moment before the first real cycle. A fresh JVM probes several times slower than a warm one (class
 * loading, the interpreter, the JIT compiling the HTTP, XML and SNMP paths while the first thousands of devices wait):
 * the benchmark's cold first cycle over 10,000 devices took 10–14 s against 2–3 s warm. Doing that work on loopback
 * at start means the first real cycle runs on compiled code, and no device sees the slow first probes.
 *
 * <p>Only loopback is touched (ephemeral ports on 127.0.0.1, closed afterwards). Setting {@code agent.warmUp}
 * in the agent's config bounds the time ({@link #DEFAULT_BUDGET}; PT0S turns it off).
 */
public final class ProberWarmUp {

    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(4);
    /** Probes of each method per round; a round ends before the next starts. */
    private static final int ROUND = 500;
    /** SNMP and TCP probes in flight. */
    private static final int IN_FLIGHT = 64;
    /**
     * ONVIF probes in flight: all go to the one simulated camera, whose kept-alive connections the client pools 4 at a
     * time (a real camera sees one probe at a time). More would open and close a connection per exchange, thousands a
     * second, and run the loopback out of ephemeral ports (TIME_WAIT).
     */
    private static final int ONVIF_IN_FLIGHT = 4;
    /** Enough for C2 to compile the hot paths; more rounds bring little. */
    private static final int MAX_ROUNDS = 12;
    private static final String USER = "warm-up";
    private static final String PASSWORD = "warm-up-only";

    /** What the warm-up did: probes run, of them UP, the others by method, status and reason, and the time it took. */
    public record Report(int probes, int up, Map<String, Integer> notUp, Duration took) {
    }

    private ProberWarmUp() {
    }

    public static Report run(ProberRegistry probers, Duration budget) {
        long t0 = System.nanoTime();
        if (budget.isZero() || budget.isNegative()) {
            return new Report(0, 0, Map.of(), Duration.ZERO);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int probes = 0;
        int up = 0;
        Map<String, Integer> notUp = new TreeMap<>();
        try (OnvifSimulator onvif = OnvifSimulator.start(List.of(SimulatedCamera.standard(loopback, USER, PASSWORD)), 0);
             SnmpAgentSimulator snmp = new SnmpAgentSimulator();
             TcpDeviceSimulator tcp = new TcpDeviceSimulator()) {
            InetSocketAddress camera = onvif.boundTo();
            InetSocketAddress agent = snmp.add(loopback, 0, SnmpAgentSimulator.synthetic()).address();
            TcpDeviceSimulator.Device device = tcp.add(TcpDeviceSimulator.Kind.TCP, loopback, 0);
            long deadline = t0 + budget.toNanos();
            for (int r = 0; r < MAX_ROUNDS && System.nanoTime() - deadline < 0; r++) {
                List<ProbeTarget> round = targets(r, loopback.getHostAddress(), camera.getPort(), agent.getPort(), device.port());
                for (ProbeResult res : runRound(probers, round, deadline)) {
                    probes++;
                    if (res.status() == Status.UP) {
                        up++;
                    } else {
                        notUp.merge(res.method() + " " + res.status() + "/" + res.reason(), 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("warm-up simulators could not start on loopback", e);
        }
        return new Report(probes, up, notUp, Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * One round's probes. Device ids are negative (never a ledger id) and new in every round: the probers remember
     * devices (a snapshot's hash for FROZEN, sysUpTime for reboots), and a warm-up device seen twice could look frozen.
     */
    private static List<ProbeTarget> targets(int round, String host, int onvifPort, int snmpPort, int tcpPort) {
        Duration timeout = Duration.ofSeconds(2);
        List<ProbeTarget> out = new ArrayList<>(3 * ROUND);
        for (int n = 0; n < ROUND; n++) {
            int i = round * ROUND + n;
            // one probe in ten fetches and judges a snapshot, as cameras with video checks do
            Map<String, String> onvif = Map.of(OnvifProber.SNAPSHOT, Boolean.toString(n % 10 == 0),
                    OnvifProber.RECORDINGS, "false", OnvifProber.VQD_INTERVAL, "PT0S");
            out.add(new ProbeTarget(-1 - i, Method.ONVIF, host, onvifPort, timeout, onvif, Secrets.onvif(USER, PASSWORD)));
            out.add(new ProbeTarget(-1 - i, Method.SNMP, host, snmpPort, timeout, Map.of(),
                    Secrets.community(SnmpAgentSimulator.DEFAULT_COMMUNITY)));
            out.add(new ProbeTarget(-1 - i, Method.TCP, host, tcpPort, timeout, Map.of(), Secrets.NONE));
        }
        return out;
    }

    private static List<ProbeResult> runRound(ProberRegistry probers, List<ProbeTarget> round, long deadline) {
        Semaphore onvif = new Semaphore(ONVIF_IN_FLIGHT);
        Semaphore others = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<ProbeResult>> all = new ArrayList<>(round.size());
        for (ProbeTarget t : round) {
            Semaphore inFlight = t.method() == Method.ONVIF ? onvif : others;
            try {
                if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            all.add(probers.forMethod(t.method()).probe(t).whenComplete((res, err) -> inFlight.release()));
        }
        return all.stream().map(CompletableFuture::join).toList();
    }
}
