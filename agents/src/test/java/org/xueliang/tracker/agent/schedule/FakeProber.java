package org.xueliang.tracker.agent.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.Status;

/**
 * An asynchronous prober without a network: answers after a random delay on two shared timer threads, with the
 * status a function of the target decides (null: never answer). Counts probes per device and the peak in flight.
 */
public final class FakeProber implements Prober {

    private final Method method;
    private final int maxDelayMs;
    private final Function<ProbeTarget, Status> outcome;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-prober");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, LongAdder> probes = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public FakeProber(Method method, int maxDelayMs, Function<ProbeTarget, Status> outcome) {
        this.method = method;
        this.maxDelayMs = maxDelayMs;
        this.outcome = outcome;
    }

    public static FakeProber alwaysUp(Method method, int maxDelayMs) {
        return new FakeProber(method, maxDelayMs, t -> Status.UP);
    }

    @Override
    public Method method() {
        return method;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target) {
        Instant started = Instant.now();
        probes.computeIfAbsent(target.deviceId(), id -> new LongAdder()).increment();
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Status status = outcome.apply(target);
        CompletableFuture<ProbeResult> f = new CompletableFuture<>();
        if (status == null) {
            return f;
        }
        int delay = maxDelayMs == 0 ? 0 : ThreadLocalRandom.current().nextInt(maxDelayMs + 1);
        timer.schedule(() -> {
            inFlight.decrementAndGet();
            f.complete(ProbeResult.of(target, started, Duration.ofMillis(delay), status,
                    status == Status.UP ? org.xueliang.tracker.agent.probe.Reason.OK : org.xueliang.tracker.agent.probe.Reason.REFUSED,
                    null, Map.of()));
        }, delay, TimeUnit.MILLISECONDS);
        return f;
    }

    public long probes(long deviceId) {
        LongAdder a = probes.get(deviceId);
        return a == null ? 0 : a.sum();
    }

    public Map<Long, LongAdder> probesByDevice() {
        return probes;
    }

    public int peakInFlight() {
        return peak.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
