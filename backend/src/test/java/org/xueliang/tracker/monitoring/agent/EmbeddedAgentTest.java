package org.xueliang.tracker.monitoring.agent;

import org.xueliang.tracker.monitoring.ingest.IngestService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The backend's own agent probes a device on loopback through the same ingest path as remote
 * agents: a TCP device whose port listens turns UP. Only this test runs the embedded agent, with
 * no seeded fleet so it probes nothing but its own device.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-embedded;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.agent.embedded.enabled=true",
        // a device registered mid-test is picked up at the next poll: every 2 s here, not the default 15 s
        "xl.agent.embedded.assignment-refresh-seconds=2",
        "xl.seed=false"})
@AutoConfigureMockMvc
class EmbeddedAgentTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired IngestService ingest;

    /** The test project and category, created once for the tests sharing this database. */
    private long ensureProject() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM project WHERE code = 'T'", Integer.class) == 0) {
            jdbc.update("INSERT INTO project (code, county, name, phase, contract_amount, created_at, updated_at)"
                    + " VALUES ('T', '测试县', '测试项目', '一期', 1, NOW(), NOW())");
            jdbc.update("INSERT INTO device_category (code, name_zh, name_en, tier, default_probe_method)"
                    + " VALUES ('SWITCH', '交换机', 'Switch', 'BACK_END', 'SNMP')");
        }
        return jdbc.queryForObject("SELECT id FROM project WHERE code = 'T'", Long.class);
    }

    private long register(String body) throws Exception {
        String created = mvc.perform(post("/api/v1/devices").with(httpBasic("admin", "Chief-Passw0rd-1"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(created).get("id").asLong();
    }

    /**
     * The acceptance check: a switch registered against Debian's snmpd (a real SNMP peer on
     * 127.0.0.1) turns UP through the embedded agent, and its sysDescr shows on the device status.
     */
    @Test
    void aDeviceRegisteredAgainstDebianSnmpdTurnsUpWithItsSysDescr(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path snmpdBinary = java.nio.file.Path.of("/usr/sbin/snmpd");
        assertThat(java.nio.file.Files.isExecutable(snmpdBinary))
                .as("Debian's snmpd is needed: ./scripts/test.sh installs it (apt-get install -y snmpd)").isTrue();
        int port;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        java.nio.file.Path conf = dir.resolve("snmpd.conf");
        java.nio.file.Files.writeString(conf, "rocommunity xl-community 127.0.0.1\nsysDescr Linux xl-backend-snmpd-peer\n");
        ProcessBuilder pb = new ProcessBuilder(snmpdBinary.toString(), "-f", "-C", "-c", conf.toString(),
                "-Lf", dir.resolve("snmpd.log").toString(), "-p", dir.resolve("snmpd.pid").toString(), "udp:127.0.0.1:" + port);
        pb.environment().put("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString());
        pb.environment().put("MIBS", "");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
        Process snmpd = pb.start();
        try {
            long id = register("{\"projectId\":" + ensureProject() + ",\"assetTag\":\"EMB-SNMPD\",\"category\":\"SWITCH\","
                    + "\"lifecycle\":\"INSTALLED\",\"installedOn\":\"2021-05-01\",\"ipAddress\":\"127.0.0.1\","
                    + "\"probe\":{\"method\":\"SNMP\",\"port\":" + port + ",\"intervalSeconds\":10,\"timeoutMs\":3000,"
                    + "\"snmp\":{\"version\":\"2c\",\"community\":\"xl-community\"}}}");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    mvc.perform(get("/api/v1/devices/" + id + "/status").with(httpBasic("admin", "Chief-Passw0rd-1")))
                            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state").value("UP"))
                            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.facts.sysDescr")
                                    .value("Linux xl-backend-snmpd-peer")));
        } finally {
            snmpd.destroy();
            if (!snmpd.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                snmpd.destroyForcibly();
            }
        }
    }

    @Test
    void probesALoopbackDeviceThroughTheSameIngestPath() throws Exception {
        try (ServerSocket device = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long projectId = ensureProject();
            long id = register("{\"projectId\":" + projectId + ",\"assetTag\":\"EMB-1\",\"category\":\"SWITCH\","
                    + "\"lifecycle\":\"INSTALLED\",\"installedOn\":\"2021-05-01\",\"ipAddress\":\"127.0.0.1\","
                    + "\"probe\":{\"method\":\"TCP\",\"port\":" + device.getLocalPort() + ",\"intervalSeconds\":10,\"timeoutMs\":2000}}");

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(jdbc.queryForList("SELECT state FROM device_status WHERE device_id = ?", String.class, id))
                            .containsExactly("UP"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agent_batch b JOIN probe_agent a ON a.id = b.agent_id"
                    + " WHERE a.embedded = TRUE", Integer.class)).isPositive();
            mvc.perform(get("/api/v1/agents").with(httpBasic("admin", "Chief-Passw0rd-1"))).andExpect(status().isOk());
        }
    }

    /** The embedded agent is zone {@code local}: results for another zone's device are refused on its path too. */
    @Test
    void theEmbeddedAgentReportsOnlyOnZoneLocal() throws Exception {
        long id = register("{\"projectId\":" + ensureProject() + ",\"assetTag\":\"EMB-ELSEWHERE\",\"category\":\"SWITCH\","
                + "\"lifecycle\":\"INSTALLED\",\"installedOn\":\"2021-05-01\",\"ipAddress\":\"127.0.0.1\","
                + "\"probe\":{\"method\":\"TCP\",\"port\":9,\"zone\":\"elsewhere\"}}");
        long embedded = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "SELECT id FROM probe_agent WHERE embedded = TRUE", Long.class), l -> !l.isEmpty()).get(0);
        var ack = ingest.ingest(embedded, new org.xueliang.tracker.agent.transport.Batch(1_000_000, java.time.Instant.now(),
                java.util.List.of(new org.xueliang.tracker.agent.transport.Batch.Result(id, org.xueliang.tracker.agent.probe.Method.TCP,
                        java.time.Instant.now(), 1L, org.xueliang.tracker.agent.probe.Status.DOWN,
                        org.xueliang.tracker.agent.probe.Reason.REFUSED, null, java.util.Map.of())), 0L));
        assertThat(ack.applied()).isZero();
        assertThat(ack.refused()).containsEntry("notAssigned", 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE device_id = ?", Integer.class, id)).isZero();
    }
}
