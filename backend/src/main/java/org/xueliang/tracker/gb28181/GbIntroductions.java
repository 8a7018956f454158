package org.xueliang.tracker.gb28181;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the first queries of newly registered devices to at most {@code perSecond} devices a second, on one thread of
 * their own. Why: each introduction is four requests and four answers to store; sent at once for a register storm
 * (a county's network coming back, 10,000 devices), they took the SIP threads and the database from the REGISTERs
 * themselves, and the storm took 107 s instead of seconds. A registration is what the 公安 platform counts; the
 * catalog can follow.
 * <p>
 * The queue is only the fast path. It lives in this replica's memory, so what a stopped replica had not sent is found
 * again by {@link GbQuerySchedule#introduceMissed}: every registration whose catalog never came after it registered.
 */
final class GbIntroductions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GbIntroductions.class);
    static final int CAPACITY = 100_000;

    private final BlockingQueue<String> pending = new ArrayBlockingQueue<>(CAPACITY);
    private final long pauseNanos;
    private final Consumer<String> introduce;
    private final Thread worker;
    private volatile boolean closed;

    GbIntroductions(int perSecond, Consumer<String> introduce) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("XL_GB_INTRODUCTIONS_PER_SECOND must be 1 or more");
        }
        this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        this.introduce = introduce;
        this.worker = new Thread(this::drain, "gb-introductions");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a device; false when the queue is full (the periodic pass introduces it later). */
    boolean offer(String deviceCode) {
        return !closed && pending.offer(deviceCode);
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
                long rest = pauseNanos - (System.nanoTime() - started);
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
