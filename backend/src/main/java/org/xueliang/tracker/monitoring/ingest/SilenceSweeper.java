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
        List<Long> candidates = silentCandidates(now);
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

    /**
     * The devices whose stored state is silent by the state machine's rule ({@link StateMachine#onSilence}: no result
     * for {@link StateMachine#SILENT_INTERVALS} of the device's own interval), read without locks. The stored
     * last_result_at is never after the newest result (FreshnessStep), so no silent device is missed; the sweep then
     * decides on the newest. Only these are locked: a fixed 30 s cut made about half of a fleet probed every minute a
     * candidate at every sweep, each of its state rows locked against ingest and its newest result looked up.
     */
    List<Long> silentCandidates(Instant now) {
        return jdbc.queryForList("SELECT device_id FROM device_status WHERE state <> 'UNKNOWN'"
                + " AND TIMESTAMPADD(SECOND, interval_seconds * " + StateMachine.SILENT_INTERVALS + ", last_result_at) <= ?",
                Long.class, StatusStore.ts(now));
    }

    private static TrackedState withNewest(TrackedState state, Instant newestResult) {
        if (newestResult == null || state.lastResultAt() == null || !newestResult.isAfter(state.lastResultAt())) {
            return state;
        }
        return new TrackedState(state.state(), state.since(), state.reason(), state.consecutiveFailures(),
                state.firstFailureAt(), newestResult);
    }
}
