package org.xueliang.tracker.agent.transport;

/** {@code POST /api/v1/agent/heartbeat}: the agent is alive, and how far behind its spool is. */
public record Heartbeat(String agentVersion, Integer spoolDepth, Long spoolBytes, Long sendLagMs) {
}
