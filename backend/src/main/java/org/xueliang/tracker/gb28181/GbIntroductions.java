package org.xueliang.tracker.gb28181;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the first queries of newly registered devices to at most {@code perSecond} devices a second, on one thread of
 * their own. Why: each introduction is four requests and four answers to store; sent at once for a register storm
 * (a county's network coming back, 10,000 devices), they took the SIP threads and the database from the REGISTERs
 * themselves, and the storm took 107 s instead of seconds. A registration is what the 公安 platform counts; the
 * catalog can follow.
 * <p>
 * During a storm (more fresh registrations in the last second than {@code perSecond}) the pace drops to a tenth: the
 * answers of four queries are more SIP messages than the REGISTER itself, and they took a third of the server's CPU
 * from the registrations; the queue is worked off at the full pace once the storm has passed (the pace never drops
 * to nothing, so a fleet that keeps registering afresh is still introduced).
 * <p>
 * The queue is only the fast path. It lives in this replica's memory, so what a stopped replica had not sent is found
 * again by {@link GbQuerySchedule#introduceMissed}: every registration whose catalog never came after it registered.
 */
final class GbIntroductions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GbIntroductions.class);
    static final int CAPACITY = 100_000;
    static final int STORM_SLOWDOWN = 10;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final long pauseNanos;
    private final Consumer<String> introduce;
    private final Thread worker;
    private final int perSecond;
    private final LongSupplier nanos;
    /** Arrivals (offers) in the second that started at {@link #secondStart}, and in the second before it. */
    private int arrivals;
    private int arrivalsBefore;
    private long secondStart;
    private volatile boolean closed;

    GbIntroductions(int perSecond, Consumer<String> introduce) {
        this(perSecond, introduce, System::nanoTime);
    }

    GbIntroductions(int perSecond, Consumer<String> introduce, LongSupplier nanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("XL_GB_INTRODUCTIONS_PER_SECOND must be 1 or more");
        }
        this.perSecond = perSecond;
        this.nanos = nanos;
        this.secondStart = nanos.getAsLong();
        this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.introduce = introduce;
        this.worker = new Thread(this::drain, "gb-introductions");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a device; false when the queue is full (the periodic pass introduces it later). */
    boolean offer(String deviceCode) {
        synchronized (this) {
            tick();
            arrivals++;
        }
        return !closed && pending.offer(deviceCode);
    }

    /** Whether more devices arrived in the last second (or so far in this one) than are introduced in a second. */
    synchronized boolean storming() {
        tick();
        return Math.max(arrivals, arrivalsBefore) > perSecond;
    }

    private void tick() {
        long now = nanos.getAsLong();
        long elapsed = now - secondStart;
        if (elapsed >= SECOND) {
            arrivalsBefore = elapsed < 2 * SECOND ? arrivals : 0;
            arrivals = 0;
            secondStart = now;
        }
    }

    int waiting() {
        return pending.size();
    }

    private void drain() {
        while (!closed) {
            try {
                String code = pending.poll(1, TimeUnit.SECONDS);
                if (code == null) {
                    continue;
                }
                long started = System.nanoTime();
                try {
                    introduce.accept(code);
                } catch (RuntimeException e) {
                    log.warn("GB/T 28181 first queries of {} not sent: {}", code, e.toString());
                }
                long rest = (storming() ? pauseNanos * STORM_SLOWDOWN : pauseNanos) - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
