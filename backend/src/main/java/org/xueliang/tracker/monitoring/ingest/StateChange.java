package org.xueliang.tracker.monitoring.ingest;

import java.time.Instant;

import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.monitoring.DeviceState;

/**
 * A device moved from one state to another at {@code at}. {@code at} can lie before the result that
 * revealed the change: a device declared DOWN on its third failed probe went down at the first.
 */
public record StateChange(DeviceState from, DeviceState to, Instant at, Reason reason) {
}
