package org.xueliang.tracker.monitoring.ingest;

import org.xueliang.tracker.monitoring.DeviceStateChanged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks devices UNKNOWN when their agent has gone silent (no result for three probe intervals), so
 * a dead agent never shows as a field full of DOWN cameras and never counts against availability.
 */
@Component
public class SilenceSweeper {

    private final JdbcTemplate jdbc;
    private final StatusStore store;
    private final StateMachine machine;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SilenceSweeper(JdbcTemplate jdbc, StatusStore store, ApplicationEventPublisher events, Clock clock,
                   @Value("${xl.monitoring.failures-for-down:3}") int failuresForDown) {
        this.jdbc = jdbc;
        this.store = store;
        this.machine = new StateMachine(failuresForDown);
        this.events = events;
        this.clock = clock;
    }

    /*
     * Read committed: the newest raw results are read after the state rows are locked, and must include what an ingest
     * committed while this sweep waited for those locks (a repeatable-read snapshot taken by the first query would not).
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void sweep() {
        Instant now = clock.instant();
        // Cheap pre-filter in SQL (10 s is the shortest interval allowed); the exact rule is the state machine's. The
        // stored last_result_at is never after the newest result (FreshnessStep), so no silent device is missed here.
        List<Long> candidates = jdbc.queryForList("SELECT device_id FROM device_status WHERE state <> 'UNKNOWN'"
                + " AND last_result_at < ?", Long.class, StatusStore.ts(now.minusSeconds(30)));
        if (candidates.isEmpty()) {
            return;
        }
        Map<Long, StatusStore.StoredState> states = store.lockStates(candidates);
        // The stored freshness may be up to a freshness step behind; silence is decided on the newest raw result.
        Map<Long, Instant> newest = store.lastProbedAt(states.keySet());
        List<StatusStore.StateRow> updates = new ArrayList<>();
        Map<Long, List<StateChange>> changes = new java.util.LinkedHashMap<>();
        states.forEach((deviceId, stored) -> {
            TrackedState state = withNewest(stored.state(), newest.get(deviceId));
            int interval = stored.intervalSeconds();
            StateMachine.Step step = machine.onSilence(state, now, Duration.ofSeconds(interval));
            step.change().ifPresent(c -> {
                changes.put(deviceId, List.of(c));
                updates.add(new StatusStore.StateRow(deviceId, step.next(), null, interval, now));
                events.publishEvent(new DeviceStateChanged(deviceId, c.from(), c.to(), c.at(), c.reason()));
            });
        });
        store.updateStates(updates);
        store.applyChanges(changes);
    }

    private static TrackedState withNewest(TrackedState state, Instant newestResult) {
        if (newestResult == null || state.lastResultAt() == null || !newestResult.isAfter(state.lastResultAt())) {
            return state;
        }
        return new TrackedState(state.state(), state.since(), state.reason(), state.consecutiveFailures(),
                state.firstFailureAt(), newestResult);
    }
}
