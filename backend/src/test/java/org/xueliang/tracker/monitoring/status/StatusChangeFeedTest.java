package org.xueliang.tracker.monitoring.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

/** The feed rows: written with the change's transaction (or not at all), read by id, pruned by age. */
@OnH2
class StatusChangeFeedTest extends ApiTestSupport {

    @Autowired StatusChangeFeed feed;
    @Autowired StatusFeedRetention retention;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    @Test
    void aChangeIsInTheFeedOnlyWhenItsTransactionCommits() {
        long before = feed.lastId();
        DeviceStateChanged rolledBack = new DeviceStateChanged(424_242, DeviceState.UP, DeviceState.DOWN, Instant.EPOCH,
                Reason.GB_KEEPALIVE_TIMEOUT);
        transactions.executeWithoutResult(tx -> {
            feed.record(rolledBack);
            tx.setRollbackOnly();
        });
        assertThat(feed.after(before, 100)).isEmpty();

        DeviceStateChanged committed = new DeviceStateChanged(424_243, DeviceState.DOWN, DeviceState.UP,
                Instant.parse("2026-01-01T00:00:00Z"), Reason.OK);
        transactions.executeWithoutResult(tx -> feed.record(committed));
        var rows = feed.after(before, 100);
        assertThat(rows).extracting(StatusChangeFeed.Entry::change).containsExactly(committed);
        assertThat(feed.withIds(java.util.List.of(rows.get(0).id(), rows.get(0).id() + 1_000))).isEqualTo(rows);
    }

    @Test
    void rowsPastTheRetentionAreDeletedAndRecentOnesKept() {
        jdbc.update("INSERT INTO status_change_feed (device_id, from_state, to_state, changed_at, reason, recorded_at)"
                + " VALUES (525252, 'UP', 'DOWN', ?, NULL, ?)", StatusStore.ts(Instant.EPOCH),
                StatusStore.ts(clock.instant().minus(Duration.ofHours(2))));
        feed.record(new DeviceStateChanged(525_253, DeviceState.UP, DeviceState.DOWN, clock.instant(), null));

        assertThat(retention.prune()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("SELECT device_id FROM status_change_feed WHERE device_id IN (525252, 525253)", Long.class))
                .containsExactly(525_253L);
    }
}
