package org.xueliang.tracker.monitoring.status;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Deletes {@link StatusChangeFeed} rows older than {@code xl.monitoring.stream.feed-retention-minutes} (default 60),
 * every 10 minutes, on one replica (lease {@value #LEASE}). The rows only carry a change from the replica that made
 * it to the others' streams, which read it within a second; an hour leaves room for a stalled poll.
 */
@Component
class StatusFeedRetention {

    static final String LEASE = "status-feed-retention";

    private final StatusChangeFeed feed;
    private final SchedulerLease lease;
    private final Clock clock;
    private final Duration retention;

    StatusFeedRetention(StatusChangeFeed feed, SchedulerLease lease, Clock clock,
                        @Value("${xl.monitoring.stream.feed-retention-minutes:60}") long retentionMinutes) {
        this.feed = feed;
        this.lease = lease;
        this.clock = clock;
        this.retention = Duration.ofMinutes(Math.max(1, retentionMinutes));
    }

    @Scheduled(fixedDelayString = "${xl.monitoring.stream.feed-retention-check-ms:600000}",
            initialDelayString = "${xl.monitoring.stream.feed-retention-check-ms:600000}")
    void scheduled() {
        lease.runUnder(LEASE, Duration.ofMinutes(30), this::prune);
    }

    /** Deletes the rows past retention; answers how many. */
    int prune() {
        return feed.deleteBefore(clock.instant().minus(retention));
    }
}
