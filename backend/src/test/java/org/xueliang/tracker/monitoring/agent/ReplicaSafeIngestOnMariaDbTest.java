package org.xueliang.tracker.monitoring.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Ack;
import org.xueliang.tracker.agent.transport.AgentAssignment;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.transport.Heartbeat;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;
import org.xueliang.tracker.monitoring.ingest.IngestService;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12, agents and batches across replicas, on production's engine: batches are applied once per
 * (agent, epoch, seq), so a re-created spool and a second replica's embedded agent lose nothing; an agent without
 * epochs is deduplicated as before; zone {@code local} is shared out among the live embedded agents.
 */
@OnMariaDb
class ReplicaSafeIngestOnMariaDbTest extends ApiTestSupport {

    @Autowired IngestService ingest;
    @Autowired AgentService agents;
    @Autowired EmbeddedShare share;
    @Autowired AssignmentService assignments;

    private record Agent(long id, String token) {
    }

    private Agent newAgent() throws Exception {
        JsonNode created = read(perform(withJson(post("/api/v1/agents"), Map.of("name", unique("epoch-agent"), "zone", "local")),
                ADMIN).andExpect(status().isCreated()));
        return new Agent(created.get("agent").get("id").asLong(), created.get("token").asString());
    }

    private static Batch batch(long seq, String epoch, long device, Instant at) {
        return new Batch(seq, at, List.of(new Batch.Result(device, Method.TCP, at, 3L, Status.UP, Reason.OK, null, Map.of())), 0L, epoch);
    }

    private JsonNode send(Agent agent, Object body, int expectedStatus) throws Exception {
        return read(mvc.perform(post("/api/v1/agent/batches").header("Authorization", "Bearer " + agent.token())
                .contentType(MediaType.APPLICATION_JSON).content(toJson(body))).andExpect(status().is(expectedStatus)));
    }

    private int batchRows(long agent) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agent_batch WHERE agent_id = ?", Integer.class, agent);
    }

    private long storedResults(long agent) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE agent_id = ?", Long.class, agent);
    }

    @Test
    void aFreshSpoolAfterSeq100IsANewEpochWhoseSeqOneIsApplied() throws Exception {
        Agent agent = newAgent();
        long device = seededDeviceId("JS-XL1-SW-001");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String oldSpool = UUID.randomUUID().toString();
        for (int seq = 1; seq <= 100; seq++) {
            assertThat(ingest.ingest(agent.id(), batch(seq, oldSpool, device, at.plusSeconds(seq))).duplicate()).isFalse();
        }

        String newSpool = UUID.randomUUID().toString();
        JsonNode first = send(agent, batch(1, newSpool, device, at.plusSeconds(3600)), 200);
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(first.get("applied").asInt()).isEqualTo(1);
        assertThat(send(agent, batch(1, newSpool, device, at.plusSeconds(3600)), 200).get("duplicate").asBoolean()).isTrue();
        assertThat(send(agent, batch(100, oldSpool, device, at.plusSeconds(100)), 200).get("duplicate").asBoolean())
                .as("the old spool's batches stay applied once").isTrue();

        assertThat(batchRows(agent.id())).isEqualTo(101);
        assertThat(storedResults(agent.id())).isEqualTo(101);
        JsonNode view = getJson("/api/v1/agents/{id}", agent.id());
        assertThat(view.get("lastSeq").asLong()).as("last_seq follows the epoch applied last").isEqualTo(1);
        assertThat(view.get("lastEpoch").asString()).isEqualTo(newSpool);
    }

    @Test
    void aBatchWithoutEpochIsDeduplicatedOnSeqAsBeforeAndABadEpochChangesNothing() throws Exception {
        Agent agent = newAgent();
        long device = seededDeviceId("JS-XL1-SW-002");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> oldProtocol = Map.of("seq", 5, "sentAt", at.toString(), "results", List.of(Map.of("deviceId", device,
                "method", "TCP", "startedAt", at.toString(), "latencyMs", 3, "status", "UP", "reason", "OK")));

        assertThat(send(agent, oldProtocol, 200).get("duplicate").asBoolean()).isFalse();
        assertThat(send(agent, oldProtocol, 200).get("duplicate").asBoolean()).isTrue();
        assertThat(ingest.ingest(agent.id(), batch(5, null, device, at.plusSeconds(1))).duplicate())
                .as("no epoch is the legacy epoch, whichever way it arrives").isTrue();
        assertThat(jdbc.queryForList("SELECT epoch FROM agent_batch WHERE agent_id = ?", String.class, agent.id()))
                .containsExactly(IngestService.LEGACY_EPOCH);

        send(agent, batch(6, "not an epoch!", device, at.plusSeconds(2)), 422);
        assertThat(batchRows(agent.id())).isEqualTo(1);
        assertThat(storedResults(agent.id())).isEqualTo(1);
    }

    /**
     * The bug of issue 12: two replicas' embedded agents shared one row and numbered batches from their own spools, so
     * replica B's seq N was acknowledged as a duplicate of A's and lost. Now each replica has its own row, and even two
     * spools on one row (two epochs) are told apart: every batch sent concurrently from both is stored.
     */
    @Test
    void twoReplicasSendingTheSameSeqsAtOnceLoseNoBatch() throws Exception {
        long replicaA = agents.ensureEmbedded(unique("embedded-ra"), "local");
        long replicaB = agents.ensureEmbedded(unique("embedded-rb"), "local");
        Agent shared = newAgent();
        long[] devices = {seededDeviceId("JS-XL1-SW-001"), seededDeviceId("JS-XL1-SW-002"), seededDeviceId("JS-XL1-SV-001")};
        Instant at = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String[] epochs = {UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString()};
        long[] senders = {replicaA, replicaB, shared.id(), shared.id()};

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int s = 0; s < senders.length; s++) {
                int sender = s;
                work.add(() -> {
                    int duplicates = 0;
                    for (int seq = 1; seq <= 20; seq++) {
                        Batch batch = batch(seq, epochs[sender], devices[seq % devices.length], at.plusMillis(seq * 1000L + sender));
                        duplicates += sendAsAnAgentDoes(senders[sender], batch).duplicate() ? 1 : 0;
                    }
                    return duplicates;
                });
            }
            for (Future<Integer> f : pool.invokeAll(work)) {
                assertThat(f.get()).as("batches answered duplicate").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batchRows(replicaA)).isEqualTo(20);
        assertThat(batchRows(replicaB)).isEqualTo(20);
        assertThat(batchRows(shared.id())).isEqualTo(40);
        assertThat(storedResults(replicaA) + storedResults(replicaB) + storedResults(shared.id())).isEqualTo(80);
    }

    /**
     * Concurrent first results for one device can deadlock on MariaDB (two inserts of its missing status row); the
     * transaction rolls back whole and the agent sends the batch again (a 5xx, or RETRYABLE in-process), as here.
     */
    private Ack sendAsAnAgentDoes(long agent, Batch batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return ingest.ingest(agent, batch);
            } catch (CannotAcquireLockException deadlock) {
                if (attempt == 10) {
                    throw deadlock;
                }
                Thread.sleep(20L * attempt);
            }
        }
    }

    private static Set<Long> ids(AgentAssignment a) {
        Set<Long> ids = new HashSet<>();
        a.devices().forEach(t -> ids.add(t.deviceId()));
        return ids;
    }

    private void beat(long agent) {
        agents.heartbeat(agent, new Heartbeat("test", 0, 0L, 0L, Instant.now()));
    }

    @Test
    void zoneLocalIsSharedOutAmongLiveEmbeddedAgentsAndADeadOnesShareMoves() {
        String nameA = unique("embedded-a");
        String nameB = unique("embedded-b");
        long a = agents.ensureEmbedded(nameA, "local");
        long b = agents.ensureEmbedded(nameB, "local");
        try {
            Set<Long> zone = ids(assignments.forAgent(a, "local"));
            assertThat(zone).as("the seeded fleet has devices in zone local").hasSizeGreaterThan(10);

            beat(a);
            beat(b);
            Set<Long> ofA = ids(share.assignment(a, nameA, "local"));
            Set<Long> ofB = ids(share.assignment(b, nameB, "local"));
            assertThat(ofA).isNotEmpty().doesNotContainAnyElementsOf(ofB);
            assertThat(ofB).isNotEmpty();
            Set<Long> union = new HashSet<>(ofA);
            union.addAll(ofB);
            assertThat(union).as("every device probed by exactly one replica").isEqualTo(zone);

            jdbc.update("UPDATE probe_agent SET last_heartbeat_at = ? WHERE id = ?",
                    StatusStore.ts(Instant.now().minus(2, ChronoUnit.MINUTES)), b);
            assertThat(ids(share.assignment(a, nameA, "local"))).as("B died: A takes its share").isEqualTo(zone);
        } finally {
            // leave no live embedded agent behind for other tests sharing this database
            jdbc.update("UPDATE probe_agent SET last_heartbeat_at = NULL WHERE id IN (?, ?)", a, b);
        }
    }

    @Test
    void aReplicaDecryptsOnlyTheSecretsOfItsOwnShare() {
        String nameA = unique("embedded-a");
        String nameB = unique("embedded-b");
        long a = agents.ensureEmbedded(nameA, "local");
        long b = agents.ensureEmbedded(nameB, "local");
        long device = 0;
        Long credentialBefore = null;
        Long broken = null;
        try {
            beat(a);
            beat(b);
            device = ids(share.assignment(b, nameB, "local")).iterator().next();
            credentialBefore = jdbc.queryForObject("SELECT credential_id FROM device WHERE id = ?", Long.class, device);
            // one of B's devices gets a credential whose stored secret cannot be decrypted: only B may try to read it
            Timestamp now = StatusStore.ts(Instant.now());
            jdbc.update("INSERT INTO credential (kind, username, secret_cipher, created_at, updated_at)"
                    + " VALUES ('ONVIF', 'admin', 'not-a-secret-of-this-system', ?, ?)", now, now);
            broken = jdbc.queryForObject("SELECT MAX(id) FROM credential", Long.class);
            jdbc.update("UPDATE device SET credential_id = ? WHERE id = ?", broken, device);

            assertThat(ids(share.assignment(a, nameA, "local"))).as("A's poll reads no secret of B's devices")
                    .isNotEmpty().doesNotContain(device);
            assertThatThrownBy(() -> share.assignment(b, nameB, "local")).as("B does decrypt its own device's secret")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> assignments.forAgent(a, "local")).as("the whole zone would have decrypted it")
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            if (device > 0) {
                jdbc.update("UPDATE device SET credential_id = ? WHERE id = ?", credentialBefore, device);
            }
            if (broken != null) {
                jdbc.update("DELETE FROM credential WHERE id = ?", broken);
            }
            jdbc.update("UPDATE probe_agent SET last_heartbeat_at = NULL WHERE id IN (?, ?)", a, b);
        }
    }

    @Test
    void rendezvousOwnersMoveOnlyTheDeadReplicasDevices() {
        List<String> three = List.of("embedded-x", "embedded-y", "embedded-z");
        List<String> two = List.of("embedded-x", "embedded-y");
        int[] owned = new int[3];
        for (long device = 1; device <= 3000; device++) {
            String before = EmbeddedShare.owner(device, three);
            owned[three.indexOf(before)]++;
            String after = EmbeddedShare.owner(device, two);
            if (!before.equals("embedded-z")) {
                assertThat(after).as("device %d stays with its live owner", device).isEqualTo(before);
            }
        }
        for (int n : owned) {
            assertThat(n).as("each of three replicas gets about a third").isBetween(850, 1150);
        }
    }
}
