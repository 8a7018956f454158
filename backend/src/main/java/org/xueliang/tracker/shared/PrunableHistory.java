package org.xueliang.tracker.shared;

import java.time.Instant;

/**
 * A module's table of measurements that is kept as long as raw probe results are
 * ({@code xl.monitoring.raw-retention-days}) and no longer. The module that owns the table implements this; the one
 * {@link MeasurementRetention} job prunes them all, so retention has one schedule, one lease and one log line format.
 * It deletes in chunks: a day of raw results at prefecture scale is ~10⁸ rows, one statement for them would be one
 * transaction too large for Galera to replicate (its write-set limit) and a long stall for InnoDB's undo on any node.
 */
public interface PrunableHistory {

    /** What the rows are, for the log line ("clock samples", "VQD checks"). */
    String rowsName();

    /**
     * Deletes at most {@code limit} of the rows measured before {@code cutoff}, in one statement of its own (its own
     * transaction); answers how many. The job calls it again until fewer than {@code limit} went.
     */
    int deleteBefore(Instant cutoff, int limit);
}
