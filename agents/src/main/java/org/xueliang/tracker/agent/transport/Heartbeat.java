package org.xueliang.tracker.agent.transport;

import java.time.Instant;

/**
 * {@code POST /api/v1/agent/heartbeat}: the agent is alive, and how far behind its spool is. {@code sentAt} is the
 * agent's clock when it sent the heartbeat (heartbeats are never spooled, so it is fresh): the backend compares it
 * with its own clock to report the agent's clock skew. Agents older than the field send none.
 */
public record Heartbeat(String agentVersion, Integer spoolDepth, Long spoolBytes, Long sendLagMs, Instant sentAt) {

    public Heartbeat(String agentVersion, Integer spoolDepth, Long spoolBytes, Long sendLagMs) {
        this(agentVersion, spoolDepth, spoolBytes, sendLagMs, null);
    }
}
