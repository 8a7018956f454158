package org.xueliang.tracker.monitoring;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.xueliang.tracker.identity.AccessScope;

/**
 * Fans committed state changes out to the browsers watching the status board, each only the changes
 * of devices in its user's project scope (taken when it subscribed). Emitters that fail (a closed
 * tab) are dropped; a browser's EventSource reconnects by itself after a timeout.
 */
@Component
class StatusStream {

    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private record Subscriber(SseEmitter emitter, AccessScope scope) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final JdbcTemplate jdbc;

    StatusStream(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    SseEmitter subscribe(AccessScope scope) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber s = new Subscriber(emitter, scope);
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

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onChange(DeviceStateChanged change) {
        Long project = null;
        boolean projectLooked = false;
        for (Subscriber s : subscribers) {
            if (!s.scope().all()) {
                if (!projectLooked) { // once per change, and only when someone's scope is limited
                    project = jdbc.queryForList("SELECT project_id FROM device WHERE id = ?", Long.class, change.deviceId())
                            .stream().findFirst().orElse(null);
                    projectLooked = true;
                }
                if (!s.scope().allows(project)) {
                    continue;
                }
            }
            send(s, SseEmitter.event().name("state").data(change));
        }
    }

    /** A comment line every 20 s keeps proxies and load balancers from closing an idle stream. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
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
