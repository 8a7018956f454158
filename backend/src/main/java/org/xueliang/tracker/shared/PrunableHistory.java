package org.xueliang.tracker.shared;

import java.time.Instant;
import java.util.function.IntSupplier;

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
     * Deletes every row measured before {@code cutoff}, in statements of at most {@code chunk} rows, each its own
     * transaction; answers how many went. How the rows are found is the owner's: most tables have an index on the
     * time ({@link #untilShort}); the raw results walk their per-device index instead.
     */
    long deleteBefore(Instant cutoff, int chunk);

    /**
     * Runs {@code deleteChunk} (one {@code DELETE … LIMIT chunk}) until it deletes fewer than {@code chunk} rows;
     * answers how many went in all.
     */
    static long untilShort(int chunk, IntSupplier deleteChunk) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteChunk.getAsInt();
            total += deleted;
        } while (deleted >= chunk);
        return total;
    }
}
