package org.xueliang.tracker.monitoring.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.xueliang.tracker.monitoring.SourceStatus;

/**
 * When a device's state row and its source rows must be rewritten (docs/ARCHITECTURE.md "Freshness in steps").
 * Every result used to rewrite both, only to move "last result at" (and latency) and "observed at"; in the ingest
 * benchmark those two upserts were a fifth of MariaDB's CPU. A row is now rewritten when anything but its freshness
 * changes, or when its freshness has moved by {@code step} or more since the stored value. So the stored freshness is
 * never more than {@code step} behind the newest result, and a device reporting once per step or less often (a probe
 * interval is 10 s or more) is written as before. Where exactness matters, readers take the newest raw result: the
 * silence sweeper ({@link StatusStore#lastProbedAt}) and the device page ({@link StatusStore#newestResult}). A step of
 * zero writes every result.
 */
public final class FreshnessStep {

    private final Duration step;

    public FreshnessStep(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the freshness step cannot be negative");
        }
        this.step = step;
    }

    /** Whether {@code next} must be written over {@code stored} (null: nothing stored, always written). */
    public boolean mustWrite(TrackedState stored, int storedInterval, TrackedState next, int nextInterval) {
        if (stored == null) {
            return true;
        }
        boolean sameState = stored.state() == next.state() && Objects.equals(stored.since(), next.since())
                && stored.reason() == next.reason() && stored.consecutiveFailures() == next.consecutiveFailures()
                && Objects.equals(stored.firstFailureAt(), next.firstFailureAt()) && storedInterval == nextInterval;
        return !sameState || movedAStep(stored.lastResultAt(), next.lastResultAt());
    }

    /** Whether {@code next} must be written over {@code stored} (null: nothing stored, always written). */
    public boolean mustWrite(SourceStatus stored, SourceStatus next) {
        if (stored == null) {
            return true;
        }
        if (stored.equals(next)) {
            return false;
        }
        boolean sameSaying = stored.status() == next.status() && stored.reason() == next.reason()
                && Objects.equals(stored.detail(), next.detail());
        return !sameSaying || movedAStep(stored.observedAt(), next.observedAt());
    }

    private boolean movedAStep(Instant stored, Instant next) {
        if (stored == null || next == null) {
            return !Objects.equals(stored, next);
        }
        return Duration.between(stored, next).compareTo(step) >= 0;
    }
}
