package org.xueliang.tracker.clock;

import java.time.Instant;

/** One measurement of a device's clock: device clock − server clock at {@code at}, in milliseconds. */
public record ClockSample(long deviceId, ClockSource source, Instant at, long offsetMs, boolean synthetic) {

    /** Whether the offset is within {@code thresholdMs} either way (the threshold itself counts as within). */
    public boolean within(long thresholdMs) {
        return Math.abs(offsetMs) <= thresholdMs;
    }
}
