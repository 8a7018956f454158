package org.xueliang.tracker.monitoring.status;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.monitoring.DeviceStateChanged;

/**
 * Fans committed state changes out to the browsers watching the status board, each only the changes
 * of devices in its user's project scope (taken when it subscribed). The changes come from the database
 * ({@link StatusChangeFeed}), polled every {@code xl.monitoring.stream.poll-ms} (default 500 ms), so a change
 * committed on any replica reaches the browsers connected to every replica; a single node goes the same way.
 * Each replica polls for itself (its subscribers are its own): no lease. Emitters that fail (a closed
 * tab) are dropped; a browser's EventSource reconnects by itself after a timeout.
 */
@Component
class StatusStream {

    private static final long TIMEOUT_MS = 30 * 60 * 1000L;
    /** Rows read per query; a poll that fills it reads on, up to {@link #MAX_BATCHES_PER_POLL} times. */
    static final int BATCH = 500;
    private static final int MAX_BATCHES_PER_POLL = 20;
    /** Longer than any transaction that changes states (see {@link FeedCursor}). */
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int MAX_PENDING = 2_000;

    private record Subscriber(SseEmitter emitter, AccessScope scope) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final JdbcTemplate jdbc;
    private final StatusChangeFeed feed;
    /**
     * Null until the first poll or the first subscriber, whichever comes first; it starts at the feed's end: a replica
     * that starts shows what happens from now. Written by a subscribing request thread too, hence volatile.
     */
    private volatile FeedCursor cursor;

    StatusStream(JdbcTemplate jdbc, StatusChangeFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    SseEmitter subscribe(AccessScope scope) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber s = new Subscriber(emitter, scope);
        // Before the subscriber is visible: were the first poll to start the cursor after this browser subscribed, a
        // change committed in between would lie behind the cursor and never reach it.
        startCursor();
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}"));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    private synchronized void startCursor() {
        if (cursor == null) {
            cursor = new FeedCursor(feed.lastId(), GRACE, MAX_PENDING);
        }
    }

    /**
     * Reads the feed rows committed since the last poll and fans them out. With nobody subscribed it only moves to
     * the feed's end (one index look-up), so an idle replica reads no rows.
     */
    @Scheduled(fixedDelayString = "${xl.monitoring.stream.poll-ms:500}", initialDelayString = "${xl.monitoring.stream.poll-ms:500}")
    void poll() {
        if (cursor == null || subscribers.isEmpty()) {
            // The end is read before looking for subscribers again: a change made after someone subscribed lies beyond it.
            long end = feed.lastId();
            if (cursor == null || subscribers.isEmpty()) {
                cursor = new FeedCursor(end, GRACE, MAX_PENDING);
                return;
            }
        }
        long now = System.nanoTime();
        List<StatusChangeFeed.Entry> rows = new ArrayList<>();
        List<Long> late = new ArrayList<>(cursor.pending(now));
        for (int from = 0; from < late.size(); from += BATCH) {
            rows.addAll(feed.withIds(late.subList(from, Math.min(late.size(), from + BATCH))));
        }
        fanOut(cursor.take(rows, now));
        for (int i = 0; i < MAX_BATCHES_PER_POLL; i++) {
            List<StatusChangeFeed.Entry> batch = feed.after(cursor.last(), BATCH);
            fanOut(cursor.take(batch, now));
            if (batch.size() < BATCH) {
                break;
            }
        }
    }

    private void fanOut(List<StatusChangeFeed.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // Projects are looked up once per poll, and only when someone's scope is limited.
        Map<Long, Long> projects = subscribers.stream().allMatch(s -> s.scope().all())
                ? Map.of() : projectsOf(entries.stream().map(e -> e.change().deviceId()).collect(java.util.stream.Collectors.toSet()));
        for (StatusChangeFeed.Entry entry : entries) {
            DeviceStateChanged change = entry.change();
            for (Subscriber s : subscribers) {
                if (s.scope().all() || s.scope().allows(projects.get(change.deviceId()))) {
                    send(s, SseEmitter.event().name("state").data(change));
                }
            }
        }
    }

    private Map<Long, Long> projectsOf(Set<Long> deviceIds) {
        Map<Long, Long> projects = new HashMap<>();
        jdbc.query("SELECT id, project_id FROM ledger_device_dimension WHERE id IN (" + String.join(",", deviceIds.stream().map(i -> "?").toList()) + ")",
                rs -> { projects.put(rs.getLong(1), rs.getObject(2, Long.class)); }, deviceIds.toArray());
        return projects;
    }

    /** A comment line every 20 s keeps proxies and load balancers from closing an idle stream. */
    @Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
    void keepAlive() {
        for (Subscriber s : subscribers) {
            send(s, SseEmitter.event().comment("keep-alive"));
        }
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(s);
        }
    }

    /**
     * Ends every open stream as soon as the application is asked to stop, before the web server's
     * graceful shutdown, which would otherwise wait its whole timeout for these never-ending responses.
     * The browsers' EventSource reconnects by itself (to another replica, or after the restart).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        for (Subscriber s : subscribers) {
            try {
                s.emitter().complete();
            } catch (IllegalStateException alreadyDone) {
                // completed or failed meanwhile: nothing to close
            }
        }
        subscribers.clear();
    }

    int subscribers() {
        return subscribers.size();
    }
}
