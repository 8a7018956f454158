package org.xueliang.tracker.monitoring.ingest;

import java.time.Instant;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/**
 * One probe result as the state machine needs it: when, what status, and why. A {@code decisive} DOWN is a verdict the
 * source reached itself after waiting (GB/T 28181: the server already waited for the missed keepalives), so it is not
 * debounced again: the device is DOWN from {@code at} at once.
 */
public record Observation(Instant at, Status status, Reason reason, boolean decisive) {

    public Observation(Instant at, Status status, Reason reason) {
        this(at, status, reason, false);
    }
}
