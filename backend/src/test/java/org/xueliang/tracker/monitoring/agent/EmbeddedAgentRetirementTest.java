package org.xueliang.tracker.monitoring.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

/**
 * The embedded agents of replicas gone for good are retired after a week of silence, once, audited, and no longer
 * count among the live ones; a replica that comes back under its id takes its row up again.
 */
@OnH2
class EmbeddedAgentRetirementTest extends ApiTestSupport {

    @Autowired AgentService agents;
    @Autowired EmbeddedAgentRetirement retirement;

    private void lastHeard(long agentId, Instant at) {
        jdbc.update("UPDATE probe_agent SET last_heartbeat_at = ? WHERE id = ?", Timestamp.from(at), agentId);
    }

    private Instant revokedAt(long agentId) {
        Timestamp at = jdbc.queryForObject("SELECT revoked_at FROM probe_agent WHERE id = ?", Timestamp.class, agentId);
        return at == null ? null : at.toInstant();
    }

    private int auditEntries(String action, long agentId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_type = 'Agent' AND entity_id = ?",
                Integer.class, action, String.valueOf(agentId));
    }

    @Test
    void aReplicaSilentForAWeekIsRetiredOnceAndComesBackWhenItStartsAgain() {
        String goneName = unique("embedded-gone");
        String aliveName = unique("embedded-alive");
        long gone = agents.ensureEmbedded(goneName, "local");
        long alive = agents.ensureEmbedded(aliveName, "local");
        Instant now = Instant.now();
        lastHeard(gone, now.minus(Duration.ofDays(8)));
        lastHeard(alive, now.minus(Duration.ofSeconds(10)));

        assertThat(retirement.retire()).contains(goneName).doesNotContain(aliveName);
        assertThat(revokedAt(gone)).isNotNull();
        assertThat(revokedAt(alive)).isNull();
        assertThat(auditEntries("RETIRE", gone)).isEqualTo(1);
        assertThat(retirement.retire()).as("a retired agent is not retired again").doesNotContain(goneName);
        assertThat(auditEntries("RETIRE", gone)).isEqualTo(1);
        lastHeard(gone, now);
        assertThat(agents.liveEmbedded("local", now.minusSeconds(45))).as("retired is never live").doesNotContain(goneName)
                .contains(aliveName);

        assertThat(agents.ensureEmbedded(goneName, "local")).as("the same row").isEqualTo(gone);
        assertThat(revokedAt(gone)).as("reinstated at its replica's start").isNull();
        assertThat(auditEntries("REINSTATE", gone)).isEqualTo(1);
        assertThat(agents.liveEmbedded("local", now.minusSeconds(45))).contains(goneName);
    }

    @Test
    void aStandaloneAgentIsNeverRetiredHowEverLongItIsSilent() {
        long standalone = agents.create(unique("standalone-silent"), "far-zone", false).agent().id();
        lastHeard(standalone, Instant.now().minus(Duration.ofDays(400)));
        retirement.retire();
        assertThat(revokedAt(standalone)).isNull();
    }
}
