package org.xueliang.tracker.monitoring;

import java.time.Instant;

import org.xueliang.tracker.agent.probe.Reason;

/** Published after the ingest transaction commits, for the live stream, notifications and metrics. */
public record DeviceStateChanged(long deviceId, DeviceState from, DeviceState to, Instant at, Reason reason) {
}
