package org.xueliang.tracker.monitoring.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Retires the embedded agents of replicas that are gone (docs/CLUSTER.md "Embedded agents"): every replica has a row
 * of its own ({@code embedded-<replica id>}), and a replica removed for good, or started again on a wiped data dir
 * under a new id, would otherwise leave a row that looks like an agent in trouble forever. Silent for longer than
 * {@code xl.monitoring.embedded-retire-after} (7 days) is far beyond any restart or upgrade, and a replica that does
 * come back takes its row up again.
 */
@Component
class EmbeddedAgentRetirement {

    static final String LEASE = "embedded-agent-retirement";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAgentRetirement.class);

    private final AgentService agents;
    private final SchedulerLease lease;
    private final Clock clock;
    private final Duration retireAfter;

    EmbeddedAgentRetirement(AgentService agents, SchedulerLease lease, Clock clock,
                            @Value("${xl.monitoring.embedded-retire-after:7d}") Duration retireAfter) {
        this.agents = agents;
        this.lease = lease;
        this.clock = clock;
        this.retireAfter = retireAfter;
    }

    @Scheduled(fixedDelayString = "${xl.monitoring.embedded-retire-check-ms:3600000}",
            initialDelayString = "${xl.monitoring.embedded-retire-check-ms:3600000}")
    void scheduled() {
        lease.runUnder(LEASE, Duration.ofMinutes(10), this::retire);
    }

    List<String> retire() {
        List<String> retired = agents.retireSilentEmbedded(clock.instant().minus(retireAfter));
        if (!retired.isEmpty()) {
            log.info("Retired the embedded agents of replicas silent for over {}: {}", retireAfter, retired);
        }
        return retired;
    }
}
