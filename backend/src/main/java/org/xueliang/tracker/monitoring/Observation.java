package org.xueliang.tracker.monitoring;

import java.time.Instant;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/** One probe result as the state machine needs it: when, what status, and why. */
public record Observation(Instant at, Status status, Reason reason) {
}
