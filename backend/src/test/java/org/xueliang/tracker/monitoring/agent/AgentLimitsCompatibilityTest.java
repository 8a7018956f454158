package org.xueliang.tracker.monitoring.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

/** The documented limits (docs/AGENT-PROTOCOL.md "Limits") are the defaults, and the agent's batches fit in them. */
@OnH2
class AgentLimitsCompatibilityTest extends ApiTestSupport {

    /** Generous room for the batch envelope around the results: seq, sentAt, summarised. */
    private static final int ENVELOPE_BYTES = 200;

    @Autowired AgentLimits limits;

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(limits).isEqualTo(new AgentLimits(4L * 1024 * 1024, 5000, Duration.ofMinutes(5), Duration.ofDays(90),
                Duration.ofMinutes(5)));
    }

    @Test
    void theAgentNeverSealsABatchTheBackendRefuses() {
        AgentSettings agent = AgentSettings.defaults();
        assertThat(agent.maxBatchResults()).isLessThanOrEqualTo(limits.maxBatchResults());
        assertThat((long) agent.maxBatchBytes() + ENVELOPE_BYTES).isLessThanOrEqualTo(limits.maxRequestBytes());
    }
}
