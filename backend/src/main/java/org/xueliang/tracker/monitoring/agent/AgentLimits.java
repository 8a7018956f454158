package org.xueliang.tracker.monitoring.agent;

import java.time.Duration;


/**
 * What the backend accepts from an agent (docs/AGENT-PROTOCOL.md "Limits"): request size and results per batch,
 * the window a result's {@code startedAt} must fall in, the plausible latency, and the clock skew the agents page
 * tolerates before it warns. The bean is made in {@link AgentSecurityConfig} from these properties.
 *
 * @param maxRequestBytes  bytes of one agent protocol request body ({@code xl.agent.max-request-bytes}, 4MB)
 * @param maxBatchResults  results in one batch ({@code xl.agent.max-batch-results}, 5000)
 * @param maxClockSkew     how far in the future a result may be dated, and the skew shown as a warning
 *                         ({@code xl.agent.max-clock-skew}, 5m)
 * @param retention        how far in the past a result may be dated: the raw result retention
 *                         ({@code xl.monitoring.raw-retention-days}, 90), older ones would be deleted at once
 * @param maxLatency       the longest latency believed ({@code xl.agent.max-latency}, 5m; probe timeouts are at most 60 s)
 */
public record AgentLimits(long maxRequestBytes, int maxBatchResults, Duration maxClockSkew, Duration retention, Duration maxLatency) {
}
