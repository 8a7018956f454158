package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.shared.TransientRetry;

/**
 * Hands device bodies to the {@link ManscdpHandler} beans of their CmdType on a small worker pool, never on the SIP
 * stack's threads (a handler writes to the database; the stack must keep answering). The queue is bounded: when it
 * is full the body is dropped with a warning — the device was already answered 200, and the periodic queries ask
 * again.
 */
@Component
class ManscdpDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ManscdpDispatcher.class);
    private static final int QUEUE = 10_000;

    private final ObjectProvider<ManscdpHandler> handlerBeans;
    private volatile Map<String, List<ManscdpHandler>> byCmdType;
    private final ThreadPoolExecutor workers;

    ManscdpDispatcher(ObjectProvider<ManscdpHandler> handlerBeans) {
        this.handlerBeans = handlerBeans;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "gb-manscdp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether some handler takes this CmdType (case as the device wrote it, compared ignoring case). */
    boolean handles(String cmdType) {
        return !handlers(cmdType).isEmpty();
    }

    void dispatch(String deviceCode, ManscdpMessage message, Instant receivedAt) {
        for (ManscdpHandler h : handlers(message.cmdType())) {
            try {
                workers.execute(() -> run(h, deviceCode, message, receivedAt));
            } catch (RejectedExecutionException full) {
                log.warn("GB/T 28181 {} of {} dropped: the handlers are {} bodies behind", message.cmdType(), deviceCode, QUEUE);
            }
        }
    }

    /**
     * Runs a handler; a transient database failure (a deadlock, a lock wait timeout) is tried again a few times
     * ({@link TransientRetry}). Found on MariaDB: the parts of one Catalog and a NOTIFY of the same NVR, handled at once
     * on two workers, deadlocked on the gb_channel rows, and the losing part was lost.
     */
    private static void run(ManscdpHandler h, String deviceCode, ManscdpMessage message, Instant receivedAt) {
        try {
            TransientRetry.run(() -> h.handle(deviceCode, message, receivedAt));
        } catch (RuntimeException e) {
            log.warn("GB/T 28181 {} of {} not handled by {}: {}", message.cmdType(), deviceCode, h.getClass().getSimpleName(), e.toString());
        }
    }

    private List<ManscdpHandler> handlers(String cmdType) {
        Map<String, List<ManscdpHandler>> m = byCmdType;
        if (m == null) {
            Map<String, List<ManscdpHandler>> built = new HashMap<>();
            handlerBeans.orderedStream().forEach(h -> h.cmdTypes().forEach(t ->
                    built.merge(t.toLowerCase(), List.of(h), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList())));
            m = Map.copyOf(built);
            byCmdType = m;
        }
        return cmdType == null ? List.of() : m.getOrDefault(cmdType.toLowerCase(), List.of());
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
