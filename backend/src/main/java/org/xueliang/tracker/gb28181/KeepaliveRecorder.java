package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * Counts keepalives in {@code gb_registration} cheaply: 10,000 devices at 60 s are 167 a second, so they are
 * gathered per device and written once a second in one batch (a keepalive reaches the database within a second,
 * or at the stop). The UPDATE counts only a device registered now from the host it registered from: a keepalive
 * from anyone else is answered 200 (devices retry forever on errors) but not counted.
 */
@Component
class KeepaliveRecorder {

    private static final Logger log = LoggerFactory.getLogger(KeepaliveRecorder.class);
    static final long FLUSH_MILLIS = 1000;

    private record Pending(String host, Instant lastAt, int count) {
        Pending plus(Pending later) {
            return new Pending(later.host, later.lastAt.isAfter(lastAt) ? later.lastAt : lastAt,
                    host.equals(later.host) ? count + later.count : later.count);
        }
    }

    private final JdbcTemplate jdbc;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    KeepaliveRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void received(String deviceCode, String host, Instant at) {
        pending.merge(deviceCode, new Pending(host, at, 1), Pending::plus);
    }

    synchronized void start() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "gb-keepalive-flush");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void stop() {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flusher = null;
            flushQuietly();
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("GB/T 28181 keepalives not written this time: {}", e.toString());
        }
    }

    /** Writes what arrived since the last flush; answers how many devices' rows it tried. */
    int flush() {
        List<Object[]> rows = new ArrayList<>();
        for (String code : pending.keySet()) {
            Pending p = pending.remove(code);
            if (p != null) {
                rows.add(new Object[] {GbDb.ts(p.lastAt()), p.count(), code, p.host(), GbDb.ts(p.lastAt())});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("UPDATE gb_registration SET last_keepalive_at = ?, keepalive_count = keepalive_count + ?"
                    + " WHERE device_code = ? AND remote_host = ? AND unregistered_at IS NULL AND expires_at > ?", rows);
        }
        return rows.size();
    }
}
