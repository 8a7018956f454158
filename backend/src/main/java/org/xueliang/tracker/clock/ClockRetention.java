package org.xueliang.tracker.clock;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/** Deletes clock samples older than raw probe results are kept ({@code xl.monitoring.raw-retention-days}), on one replica. */
@Component
class ClockRetention {

    static final String LEASE = "clock-retention";
    private static final Logger LOG = LoggerFactory.getLogger(ClockRetention.class);

    private final ClockStore store;
    private final ClockSettings settings;
    private final SchedulerLease lease;
    private final Clock clock;

    ClockRetention(ClockStore store, ClockSettings settings, SchedulerLease lease, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${xl.clock.retention-check-ms:3600000}", initialDelayString = "${xl.clock.retention-initial-ms:90000}")
    void scheduled() {
        lease.runUnder(LEASE, Duration.ofHours(3), this::prune);
    }

    /** Deletes the samples past retention; answers how many. */
    int prune() {
        int deleted = store.deleteBefore(clock.instant().minus(settings.retention()));
        if (deleted > 0) {
            LOG.info("Deleted {} clock samples older than {} days", deleted, settings.retention().toDays());
        }
        return deleted;
    }
}
