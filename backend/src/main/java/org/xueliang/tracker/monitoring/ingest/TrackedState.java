package org.xueliang.tracker.monitoring.ingest;

import java.time.Instant;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.monitoring.DeviceState;

/**
 * What the backend remembers of a device between results: its state since when, why, the run of
 * consecutive failures (and when that run began, which is where an outage starts), and the time of
 * the newest result applied.
 */
public record TrackedState(DeviceState state, Instant since, Reason reason, int consecutiveFailures,
                           Instant firstFailureAt, Instant lastResultAt) {

    /** A device nobody has measured yet: UNKNOWN from {@code since}. */
    public static TrackedState unmeasured(Instant since) {
        return new TrackedState(DeviceState.UNKNOWN, since, null, 0, null, null);
    }
}
