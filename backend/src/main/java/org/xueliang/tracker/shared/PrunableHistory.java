package org.xueliang.tracker.shared;

import java.time.Instant;

/**
 * A module's table of measurements that is kept as long as raw probe results are
 * ({@code xl.monitoring.raw-retention-days}) and no longer. The module that owns the table implements this; the one
 * {@link MeasurementRetention} job prunes them all, so retention has one schedule, one lease and one log line format.
 */
public interface PrunableHistory {

    /** What the rows are, for the log line ("clock samples", "VQD checks"). */
    String rowsName();

    /** Deletes the rows measured before {@code cutoff}; answers how many. */
    int deleteBefore(Instant cutoff);
}
