package org.xueliang.tracker.agent.runtime;

import java.time.Duration;

/**
 * How the agent runtime paces itself. {@link #defaults()} are the production values (docs/AGENT-PROTOCOL.md);
 * tests shorten them.
 *
 * @param concurrency       probes in flight at most
 * @param probeGrace        added to a target's timeout before the scheduler gives up on its prober
 * @param assignmentRefresh how often the assignment is fetched (with its ETag)
 * @param flushInterval     how often buffered results are sealed into a batch
 * @param maxBatchResults   a batch is sealed as soon as this many results wait
 * @param maxBatchBytes     a batch is sealed before its results' JSON would exceed this many bytes (the backend
 *                          refuses requests over 4 MB and batches over 5,000 results: both defaults stay well below)
 * @param heartbeatInterval how often a heartbeat is sent
 * @param retryInitial      first wait after a failed send (connection error, 5xx); doubles up to {@code retryMax}
 * @param retryMax          longest wait between send attempts
 * @param authRetry         wait after the backend refused the token (401/403)
 * @param rejectedRetry     wait before offering a refused (4xx) batch again
 * @param shutdownAwait     how long shutdown waits for running probes before sealing the last batch
 * @param agentVersion      reported in heartbeats
 */
public record AgentSettings(int concurrency, Duration probeGrace, Duration assignmentRefresh, Duration flushInterval,
                            int maxBatchResults, int maxBatchBytes, Duration heartbeatInterval, Duration retryInitial, Duration retryMax,
                            Duration authRetry, Duration rejectedRetry, Duration shutdownAwait, String agentVersion) {

    public static final int DEFAULT_CONCURRENCY = 512;
    public static final int DEFAULT_MAX_BATCH_RESULTS = 500;
    public static final int DEFAULT_MAX_BATCH_BYTES = 1024 * 1024;

    public static AgentSettings defaults() {
        String version = AgentSettings.class.getPackage().getImplementationVersion();
        return new AgentSettings(DEFAULT_CONCURRENCY, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1),
                DEFAULT_MAX_BATCH_RESULTS, DEFAULT_MAX_BATCH_BYTES,
                Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofSeconds(5), version == null ? "0.1.0-SNAPSHOT" : version);
    }

    public AgentSettings withConcurrency(int n) {
        return new AgentSettings(n, probeGrace, assignmentRefresh, flushInterval, maxBatchResults, maxBatchBytes, heartbeatInterval,
                retryInitial, retryMax, authRetry, rejectedRetry, shutdownAwait, agentVersion);
    }

    public AgentSettings withPacing(Duration assignmentRefresh, Duration flushInterval, Duration heartbeatInterval) {
        return new AgentSettings(concurrency, probeGrace, assignmentRefresh, flushInterval, maxBatchResults, maxBatchBytes, heartbeatInterval,
                retryInitial, retryMax, authRetry, rejectedRetry, shutdownAwait, agentVersion);
    }

    public AgentSettings withBatchLimits(int results, int bytes) {
        return new AgentSettings(concurrency, probeGrace, assignmentRefresh, flushInterval, results, bytes, heartbeatInterval,
                retryInitial, retryMax, authRetry, rejectedRetry, shutdownAwait, agentVersion);
    }

    public AgentSettings withRetries(Duration initial, Duration max, Duration auth, Duration rejected) {
        return new AgentSettings(concurrency, probeGrace, assignmentRefresh, flushInterval, maxBatchResults, maxBatchBytes, heartbeatInterval,
                initial, max, auth, rejected, shutdownAwait, agentVersion);
    }
}
