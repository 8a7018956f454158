package org.xueliang.tracker.monitoring.rollup;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;
import org.xueliang.tracker.monitoring.ingest.SilenceSweeper;

/**
 * When the silence sweeper and the daily rollups run: each on one replica at a time, under its lease
 * (docs/ARCHITECTURE.md "Scheduled work"). Both would be correct on several replicas at once, but only through row
 * locks they wait on (and on Galera, certification failures); a lease makes that the exception, not every run.
 * The jobs are called through their beans, so their transactions apply.
 */
@Component
class MonitoringSchedule {

    static final String SILENCE_LEASE = "silence-sweep";
    static final String ROLLUP_LEASE = "rollup";

    private final SilenceSweeper sweeper;
    private final RollupService rollups;
    private final SchedulerLease lease;
    /** A few sweep intervals: another replica takes over within that long after the holder stops. */
    private final Duration silenceLease;

    MonitoringSchedule(SilenceSweeper sweeper, RollupService rollups, SchedulerLease lease,
                       @Value("${xl.monitoring.silence-check-ms:15000}") long silenceCheckMs) {
        this.sweeper = sweeper;
        this.rollups = rollups;
        this.lease = lease;
        this.silenceLease = Duration.ofMillis(Math.max(60_000, 4 * silenceCheckMs));
    }

    @Scheduled(fixedDelayString = "${xl.monitoring.silence-check-ms:15000}", initialDelayString = "${xl.monitoring.silence-check-ms:15000}")
    void sweepSilence() {
        lease.runUnder(SILENCE_LEASE, silenceLease, sweeper::sweep);
    }

    /** Hourly by default; a catch-up after a long stop may run long, hence a lease of hours. */
    @Scheduled(fixedDelayString = "${xl.monitoring.rollup-check-ms:3600000}", initialDelayString = "${xl.monitoring.rollup-initial-ms:60000}")
    void rollUp() {
        lease.runUnder(ROLLUP_LEASE, Duration.ofHours(3), rollups::catchUp);
    }
}
