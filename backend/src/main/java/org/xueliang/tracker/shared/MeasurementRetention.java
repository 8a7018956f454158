package org.xueliang.tracker.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes every {@link PrunableHistory}'s rows older than raw probe results are kept
 * ({@code xl.monitoring.raw-retention-days}, 90), hourly and on one replica (lease {@value #LEASE}), in chunks of
 * {@value #CHUNK} rows, each its own transaction. The raw probe results themselves are one of the histories;
 * measurements derived from them (clock samples, VQD checks) must not outlive the results an auditor would trace them
 * to.
 */
@Component
class MeasurementRetention {

    static final String LEASE = "measurement-retention";
    /** Rows per DELETE: a few MB of write set, well under Galera's limits, and short row locks. */
    static final int CHUNK = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MeasurementRetention.class);

    private final List<PrunableHistory> histories;
    private final SchedulerLease lease;
    private final Clock clock;
    private final Duration keep;

    MeasurementRetention(List<PrunableHistory> histories, SchedulerLease lease, Clock clock,
                         @Value("${xl.monitoring.raw-retention-days:90}") int retentionDays) {
        this.histories = List.copyOf(histories);
        this.lease = lease;
        this.clock = clock;
        this.keep = Duration.ofDays(retentionDays);
    }

    @Scheduled(fixedDelayString = "${xl.measurement.retention-check-ms:3600000}",
            initialDelayString = "${xl.measurement.retention-initial-ms:90000}")
    void scheduled() {
        lease.runUnder(LEASE, Duration.ofHours(3), this::prune);
    }

    /** Prunes every history; answers how many rows went in all. */
    long prune() {
        Instant cutoff = clock.instant().minus(keep);
        long total = 0;
        for (PrunableHistory history : histories) {
            long deleted = history.deleteBefore(cutoff, CHUNK);
            if (deleted > 0) {
                LOG.info("Deleted {} {} older than {} days", deleted, history.rowsName(), keep.toDays());
            }
            total += deleted;
        }
        return total;
    }
}
