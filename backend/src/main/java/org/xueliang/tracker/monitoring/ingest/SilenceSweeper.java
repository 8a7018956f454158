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

    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        // Cheap pre-filter in SQL (10 s is the shortest interval allowed); the exact rule is the state machine's.
        List<Long> candidates = jdbc.queryForList("SELECT device_id FROM device_status WHERE state <> 'UNKNOWN'"
                + " AND last_result_at < ?", Long.class, StatusStore.ts(now.minusSeconds(30)));
        if (candidates.isEmpty()) {
            return;
        }
        Map<Long, TrackedState> states = store.lockStates(candidates);
        Map<Long, Integer> intervals = new java.util.HashMap<>();
        jdbc.query("SELECT device_id, interval_seconds FROM device_status WHERE device_id IN ("
                        + String.join(",", candidates.stream().map(c -> "?").toList()) + ")",
                rs -> { intervals.put(rs.getLong(1), rs.getInt(2)); }, candidates.toArray());
        List<StatusStore.StateRow> updates = new ArrayList<>();
        Map<Long, List<StateChange>> changes = new java.util.LinkedHashMap<>();
        states.forEach((deviceId, state) -> {
            StateMachine.Step step = machine.onSilence(state, now, Duration.ofSeconds(intervals.getOrDefault(deviceId, 60)));
            step.change().ifPresent(c -> {
                changes.put(deviceId, List.of(c));
                updates.add(new StatusStore.StateRow(deviceId, step.next(), null, intervals.getOrDefault(deviceId, 60), now));
                events.publishEvent(new DeviceStateChanged(deviceId, c.from(), c.to(), c.at(), c.reason()));
            });
        });
        store.updateStates(updates);
        store.applyChanges(changes);
    }
}
