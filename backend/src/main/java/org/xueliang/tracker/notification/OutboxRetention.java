package org.xueliang.tracker.notification;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Deletes SENT and FAILED notices older than {@code xl.notify.retention-days} (90 by default), on one
 * replica at a time (lease {@value #LEASE}). Pending notices are never deleted. It deletes in small
 * chunks so that no single transaction grows large (a Galera write set is replicated whole).
 */
@Component
class OutboxRetention {

    static final String LEASE = "notification-retention";
    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final int CHUNK = 1000;

    private final NotificationOutbox outbox;
    private final SchedulerLease lease;
    private final Clock clock;
    private final int days;

    OutboxRetention(NotificationOutbox outbox, SchedulerLease lease, Clock clock, @Value("${xl.notify.retention-days:90}") int days) {
        if (days < 1) {
            throw new IllegalStateException("xl.notify.retention-days (XL_NOTIFY_RETENTION_DAYS) must be at least 1, not " + days);
        }
        this.outbox = outbox;
        this.lease = lease;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(fixedDelayString = "${xl.notify.retention.check-ms:3600000}", initialDelayString = "${xl.notify.retention.check-ms:3600000}")
    void onSchedule() {
        try {
            lease.runUnder(LEASE, Duration.ofMinutes(30), this::purge);
        } catch (RuntimeException e) {
            log.warn("Notification retention did not run: {}", e.getMessage());
        }
    }

    /** Deletes the old rows; answers how many. */
    long purge() {
        var cutoff = clock.instant().minus(Duration.ofDays(days));
        long removed = 0;
        int chunk;
        do {
            chunk = outbox.purgeChunk(cutoff, CHUNK);
            removed += chunk;
        } while (chunk == CHUNK);
        return removed;
    }
}
