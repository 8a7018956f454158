package org.xueliang.tracker.monitoring.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.testing.OnMariaDb;
import org.xueliang.tracker.monitoring.ingest.IngestService;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two backend replicas' embedded agents on one MariaDB, running the real runtime against TCP devices on loopback:
 * each device is probed by exactly one of them, every batch each sealed is stored (seq 1..n of its own epoch, none
 * taken for another's duplicate), and when one stops its devices move to the other. Its own context (no seeded
 * fleet, so the agents probe only these devices) with short heartbeat and poll periods.
 */
@SpringBootTest(properties = {
        "xl.admin-password=Test-Chief-Passw0rd",
        "xl.seed=false",
        "xl.data-dir=target/test-data-two-replicas",
        "xl.security.bcrypt-strength=4",
        "xl.monitoring.silence-check-ms=3600000",
        "xl.agent.embedded.live-seconds=3",
        "xl.agent.embedded.assignment-refresh-seconds=1",
        "spring.main.banner-mode=off",
        "logging.level.root=WARN"})
@AutoConfigureMockMvc
@OnMariaDb
class TwoReplicasEmbeddedAgentsOnMariaDbTest {

    private static final int DEVICES = 8;

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired AgentService agents;
    @Autowired EmbeddedShare share;
    @Autowired IngestService ingest;
    @Autowired AgentVqdSnapshots vqdSnapshots;

    private EmbeddedAgent replica(Path dataDir, String id) {
        return new EmbeddedAgent(agents, share, ingest, vqdSnapshots, true, dataDir.toString(), id, 1, 3);
    }

    private long register(long project, int port, int n) throws Exception {
        String created = mvc.perform(post("/api/v1/devices").with(httpBasic("admin", "Test-Chief-Passw0rd"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"projectId\":" + project + ",\"assetTag\":\"REPLICA-" + n + "\","
                        + "\"category\":\"SWITCH\",\"lifecycle\":\"INSTALLED\",\"installedOn\":\"2021-05-01\",\"ipAddress\":\"127.0.0.1\","
                        + "\"probe\":{\"method\":\"TCP\",\"port\":" + port + ",\"intervalSeconds\":10,\"timeoutMs\":2000}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    /** Which agents probed each device since {@code since}. */
    private Map<Long, Set<Long>> probedBy(Instant since) {
        Map<Long, Set<Long>> by = new HashMap<>();
        jdbc.query("SELECT device_id, agent_id FROM probe_result WHERE probed_at > ?", rs -> {
            by.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
        }, StatusStore.ts(since));
        return by;
    }

    private long agentId(String name) {
        return jdbc.queryForObject("SELECT id FROM probe_agent WHERE name = ?", Long.class, name);
    }

    @Test
    void eachDeviceIsProbedByOneReplicaNoBatchIsLostAndADeadReplicasShareMoves(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        jdbc.update("INSERT INTO project (code, county, name, phase, contract_amount, created_at, updated_at)"
                + " VALUES ('R', '测试县', '副本测试', '一期', 1, NOW(), NOW())");
        jdbc.update("INSERT INTO device_category (code, name_zh, name_en, tier, default_probe_method)"
                + " VALUES ('SWITCH', '交换机', 'Switch', 'BACK_END', 'SNMP')");
        long project = jdbc.queryForObject("SELECT id FROM project WHERE code = 'R'", Long.class);
        List<ServerSocket> listening = new ArrayList<>();
        EmbeddedAgent a = replica(dirA, "ra");
        EmbeddedAgent b = replica(dirB, "rb");
        try {
            Set<Long> devices = new HashSet<>();
            for (int n = 0; n < DEVICES; n++) {
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                listening.add(socket);
                devices.add(register(project, socket.getLocalPort(), n));
            }
            // the ledger's minimum is 10 s; a 1 s interval keeps this test short
            jdbc.update("UPDATE device SET probe_interval_seconds = 1");

            a.start();
            b.start();
            Thread.sleep(6000); // both heartbeats seen, both polled since
            Instant settled = Instant.now();
            Thread.sleep(5000);
            Map<Long, Set<Long>> both = probedBy(settled);
            assertThat(both.keySet()).as("every device probed").isEqualTo(devices);
            both.forEach((device, by) -> assertThat(by).as("agents probing device %d", device).hasSize(1));
            long idA = agentId("embedded-ra");
            long idB = agentId("embedded-rb");
            Set<Long> probing = both.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            assertThat(probing).as("both replicas have a share").containsExactlyInAnyOrder(idA, idB);

            b.stop();
            Thread.sleep(3000 + 2000); // B's heartbeat stale, A polled since
            Instant takenOver = Instant.now();
            Thread.sleep(4000);
            Map<Long, Set<Long>> afterB = probedBy(takenOver);
            assertThat(afterB.keySet()).isEqualTo(devices);
            afterB.forEach((device, by) -> assertThat(by).as("agents probing device %d", device).containsExactly(idA));

            a.stop();
            for (long agent : List.of(idA, idB)) {
                List<String> epochs = jdbc.queryForList("SELECT DISTINCT epoch FROM agent_batch WHERE agent_id = ?", String.class, agent);
                assertThat(epochs).as("one spool, one epoch").hasSize(1);
                long rows = jdbc.queryForObject("SELECT COUNT(*) FROM agent_batch WHERE agent_id = ?", Long.class, agent);
                long last = jdbc.queryForObject("SELECT MAX(seq) FROM agent_batch WHERE agent_id = ?", Long.class, agent);
                assertThat(rows).as("batches 1..%d of agent %d all applied", last, agent).isEqualTo(last).isPositive();
                assertThat(jdbc.queryForObject("SELECT SUM(result_count - refused_count) FROM agent_batch WHERE agent_id = ?",
                        Long.class, agent)).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE agent_id = ?",
                        Long.class, agent));
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT epoch) FROM agent_batch", Long.class)).isEqualTo(2);
        } finally {
            a.stop();
            b.stop();
            for (ServerSocket s : listening) {
                s.close();
            }
        }
    }
}
