package org.xueliang.tracker.agent.net;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * ICMP echo probe through {@link InetAddress#isReachable(int)}: Java has no raw sockets, and the JDK sends
 * a real ICMP echo only when the process may open a raw socket (root or CAP_NET_RAW, as the agent's
 * service unit grants); otherwise it falls back to a TCP connect to port 7 (echo), where a RST counts as
 * reachable — so a host that drops port 7 silently looks down. {@link #mode()} says which one is in force
 * and every result's detail names it.
 *
 * <p>isReachable blocks a thread for up to the timeout, so the probes run on a bounded pool (default 64
 * threads): a fleet of down hosts probes at threads / timeout per second. Spawning {@code ping}/{@code fping}
 * per probe was rejected (a process per probe; not installed by default).
 */
public final class IcmpProber implements Prober {

    /** How echo requests are sent. */
    public enum Mode { ICMP_ECHO, TCP_ECHO_PORT_7 }

    private final ThreadPoolExecutor pool;
    private final Mode mode = detectMode();

    public IcmpProber() {
        this(64);
    }

    public IcmpProber(int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100_000), r -> {
            Thread t = new Thread(r, "icmp-probe");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    public Mode mode() {
        return mode;
    }

    /** ICMP echo if the effective capabilities include CAP_NET_RAW (bit 13), which root has. */
    static Mode detectMode() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).trim(), 16);
                    return (caps & (1L << 13)) != 0 ? Mode.ICMP_ECHO : Mode.TCP_ECHO_PORT_7;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: assume the fallback
        }
        return Mode.TCP_ECHO_PORT_7;
    }

    @Override
    public Method method() {
        return Method.ICMP;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            return CompletableFuture.supplyAsync(() -> echo(t, started, t0), pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(ProbeResult.of(t, started, Duration.ZERO, Status.DOWN,
                    Reason.UNREACHABLE, "ICMP probe queue full (100,000 waiting)", Map.of()));
        }
    }

    private ProbeResult echo(ProbeTarget t, Instant started, long t0) {
        long left = t.timeout().toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        try {
            boolean reachable = left > 0 && InetAddress.getByName(t.host()).isReachable((int) left);
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            if (reachable) {
                return ProbeResult.of(t, started, latency, Status.UP, Reason.OK, "echo via " + mode, Map.of());
            }
            return ProbeResult.of(t, started, latency, Status.DOWN, Reason.TIMEOUT,
                    "no echo reply within " + t.timeout().toMillis() + " ms (" + mode + ")", Map.of());
        } catch (IOException e) {
            return ProbeResult.of(t, started, Duration.ofNanos(System.nanoTime() - t0), Status.DOWN, Reason.UNREACHABLE,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), Map.of());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
