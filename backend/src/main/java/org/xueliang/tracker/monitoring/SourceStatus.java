package org.xueliang.tracker.monitoring;

import java.time.Instant;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/** The latest observation of one source (ONVIF, SNMP, …, GB28181) of a device: table {@code device_source_status}. */
public record SourceStatus(Method source, Status status, Reason reason, Instant observedAt, String detail) {
}
