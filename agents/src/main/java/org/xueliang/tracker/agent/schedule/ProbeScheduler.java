package org.xueliang.tracker.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/**
 * Runs every device's probe at its own interval, on one scheduler thread and a priority queue of due times:
 * no thread per device, at most {@code concurrency} probes in flight (a semaphore; the scheduler waits for a
 * permit, which is the back-pressure). Knows nothing of any protocol: probes go to the {@link Prober} of the
 * target's method.
 * <ul>
 * <li>A device's first probe starts at a random point within its interval (jitter, so 10,000 devices do not
 * start together), then every interval from its planned time: no drift.</li>
 * <li>A probe still running when its device is due again: the new one is skipped and counted; so are slots
 * the scheduler fell more than an interval behind on (it keeps the phase instead of bursting to catch up).</li>
 * <li>A prober that has not answered within the target's timeout plus a grace period yields DOWN/TIMEOUT.</li>
 * <li>{@link #update} replaces the set of targets; unchanged devices keep their schedule.</li>
 * </ul>
 */
public final class ProbeScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProbeScheduler.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** One device to probe every {@code interval}. */
    public record Job(ProbeTarget target, Duration interval) {

        public Job {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("interval must be positive: " + interval);
            }
        }
    }

    private static final class Slot {
        final long deviceId;
        final long intervalNanos;
        final AtomicBoolean busy;
        volatile ProbeTarget target;
        long due;
        boolean removed;

        Slot(Job job, long due, AtomicBoolean busy) {
            this.deviceId = job.target().deviceId();
            this.intervalNanos = job.interval().toNanos();
            this.target = job.target();
            this.due = due;
            this.busy = busy;
        }
    }

    private final ProberRegistry probers;
    private final Consumer<ProbeResult> results;
    private final AgentMetrics metrics;
    private final Clock clock;
    private final int concurrency;
    private final Duration grace;
    private final Semaphore permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Slot> queue = new PriorityQueue<>(Comparator.comparingLong(s -> s.due));
    private final SplittableRandom random = new SplittableRandom();
    private final Map<Method, AtomicLong> lastWarning = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();
    private Map<Long, Slot> slots = new HashMap<>();
    private volatile boolean running;
    private Thread thread;

    public ProbeScheduler(ProberRegistry probers, Consumer<ProbeResult> results, AgentMetrics metrics, Clock clock,
                          int concurrency, Duration grace) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more: " + concurrency);
        }
        this.probers = probers;
        this.results = results;
        this.metrics = metrics;
        this.clock = clock;
        this.concurrency = concurrency;
        this.grace = grace;
        this.permits = new Semaphore(concurrency);
        metrics.gauge("xl_agent_probes_in_flight", "Probes started and not yet finished", this::inFlight);
        metrics.gauge("xl_agent_targets", "Devices in the current assignment", this::size);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::loop, "xl-agent-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Replaces the targets. A device whose interval is unchanged keeps its schedule and gets the new target. */
    public void update(Collection<Job> jobs) {
        update(jobs, true);
    }

    /**
     * Like {@link #update}, but new devices are due at once instead of at a random point of their interval: one
     * burst over the whole set, paced only by the concurrency limit (benchmarks measure a full cycle this way).
     */
    public void updateDueNow(Collection<Job> jobs) {
        update(jobs, false);
    }

    private void update(Collection<Job> jobs, boolean spread) {
        lock.lock();
        try {
            long now = System.nanoTime();
            Map<Long, Slot> next = new HashMap<>(jobs.size() * 2);
            for (Job job : jobs) {
                long id = job.target().deviceId();
                Slot old = slots.remove(id);
                if (old == null) {
                    old = next.remove(id);
                }
                Slot slot;
                if (old != null && old.intervalNanos == job.interval().toNanos()) {
                    old.target = job.target();
                    slot = old;
                } else {
                    if (old != null) {
                        old.removed = true;
                    }
                    long interval = job.interval().toNanos();
                    slot = new Slot(job, spread ? now + random.nextLong(interval) : now, old == null ? new AtomicBoolean() : old.busy);
                    queue.add(slot);
                }
                next.put(id, slot);
            }
            slots.values().forEach(s -> s.removed = true);
            slots = next;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return slots.size();
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        return concurrency - permits.availablePermits();
    }

    /** Probes started since this scheduler was created. */
    public long probesStarted() {
        return started.get();
    }

    private void loop() {
        while (running) {
            Slot slot;
            lock.lock();
            try {
                Slot head = queue.peek();
                if (head == null) {
                    changed.await();
                    continue;
                }
                long now = System.nanoTime();
                long wait = head.due - now;
                if (wait > 0) {
                    changed.awaitNanos(wait);
                    continue;
                }
                slot = queue.poll();
                if (slot.removed) {
                    continue;
                }
                slot.due = nextDue(slot, now);
                queue.add(slot);
            } catch (InterruptedException e) {
                break;
            } finally {
                lock.unlock();
            }
            if (!dispatch(slot)) {
                break;
            }
        }
    }

    /** The next planned time after {@code slot.due}; planned times already passed are skipped and counted. */
    private long nextDue(Slot slot, long now) {
        long next = slot.due + slot.intervalNanos;
        if (next <= now) {
            long missed = (now - next) / slot.intervalNanos + 1;
            next += missed * slot.intervalNanos;
            metrics.probesSkipped(missed);
        }
        return next;
    }

    /** Starts the slot's probe unless its previous one still runs; false when interrupted (shutting down). */
    private boolean dispatch(Slot slot) {
        if (!slot.busy.compareAndSet(false, true)) {
            metrics.probeSkipped();
            return true;
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            slot.busy.set(false);
            return false;
        }
        ProbeTarget target = slot.target;
        started.incrementAndGet();
        Instant startedAt = clock.instant();
        CompletableFuture<ProbeResult> probe;
        try {
            probe = probers.forMethod(target.method()).probe(target);
        } catch (RuntimeException e) {
            probe = CompletableFuture.failedFuture(e);
        }
        long limitMs = target.timeout().plus(grace).toMillis();
        ProbeResult timedOut = ProbeResult.of(target, startedAt, Duration.ofMillis(limitMs), Status.DOWN, Reason.TIMEOUT,
                "no answer within " + limitMs + " ms", null);
        probe.thenApply(r -> r)
             .completeOnTimeout(timedOut, limitMs, TimeUnit.MILLISECONDS)
             .whenComplete((result, error) -> finish(slot, target, result, error));
        return true;
    }

    private void finish(Slot slot, ProbeTarget target, ProbeResult result, Throwable error) {
        slot.busy.set(false);
        permits.release();
        if (error != null || result == null) {
            metrics.probeError(target.method());
            warnThrottled(target.method(), "Probe of device " + target.deviceId() + " by " + target.method()
                    + " produced no result (" + (error == null ? "null result" : error) + "); the device will show as"
                    + " unknown until probes succeed. Further such errors for this method are logged at most once a minute.");
            return;
        }
        metrics.probe(result.method(), result.status(), result.latency());
        try {
            results.accept(result);
        } catch (RuntimeException e) {
            log.error("Result consumer failed for device {}", result.deviceId(), e);
        }
    }

    private void warnThrottled(Method method, String message) {
        AtomicLong last = lastWarning.computeIfAbsent(method, m -> new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= LOG_EVERY_NANOS && last.compareAndSet(before, now)) {
            log.warn(message);
        }
    }

    /**
     * Stops starting probes and waits up to {@code awaitInFlight} for the running ones to deliver their results.
     *
     * @return true when no probe is left running
     */
    public boolean stop(Duration awaitInFlight) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (permits.tryAcquire(concurrency, awaitInFlight.toMillis(), TimeUnit.MILLISECONDS)) {
                permits.release(concurrency);
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
