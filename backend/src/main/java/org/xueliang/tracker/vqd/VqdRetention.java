package org.xueliang.tracker.vqd;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/** Deletes checks older than raw probe results are kept ({@code xl.monitoring.raw-retention-days}), on one replica. */
@Component
class VqdRetention {

    static final String LEASE = "vqd-retention";
    private static final Logger LOG = LoggerFactory.getLogger(VqdRetention.class);

    private final VqdStore store;
    private final SchedulerLease lease;
    private final Clock clock;
    private final Duration keep;

    VqdRetention(VqdStore store, SchedulerLease lease, Clock clock,
                 @Value("${xl.monitoring.raw-retention-days:90}") int retentionDays) {
        this.store = store;
        this.lease = lease;
        this.clock = clock;
        this.keep = Duration.ofDays(retentionDays);
    }

    @Scheduled(fixedDelayString = "${xl.vqd.retention-check-ms:3600000}", initialDelayString = "${xl.vqd.retention-initial-ms:100000}")
    void scheduled() {
        lease.runUnder(LEASE, Duration.ofHours(3), () -> {
            int deleted = prune();
            if (deleted > 0) {
                LOG.info("Deleted {} VQD checks older than {} days", deleted, keep.toDays());
            }
        });
    }

    int prune() {
        return store.deleteBefore(clock.instant().minus(keep));
    }
}
