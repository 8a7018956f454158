package org.xueliang.tracker.monitoring;

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
        "xl.admin-password=admin-password-1",
        "xl.agent.embedded.enabled=true",
        "xl.seed=false"})
@AutoConfigureMockMvc
class EmbeddedAgentTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    @Test
    void probesALoopbackDeviceThroughTheSameIngestPath() throws Exception {
        try (ServerSocket device = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            jdbc.update("INSERT INTO project (code, county, name, phase, contract_amount, created_at, updated_at)"
                    + " VALUES ('T', '测试县', '测试项目', '一期', 1, NOW(), NOW())");
            jdbc.update("INSERT INTO device_category (code, name_zh, name_en, tier, default_probe_method) VALUES ('SWITCH', '交换机', 'Switch', 'BACK_END', 'SNMP')");
            long projectId = jdbc.queryForObject("SELECT id FROM project WHERE code = 'T'", Long.class);
            String body = "{\"projectId\":" + projectId + ",\"assetTag\":\"EMB-1\",\"category\":\"SWITCH\",\"lifecycle\":\"INSTALLED\","
                    + "\"installedOn\":\"2021-05-01\",\"ipAddress\":\"127.0.0.1\","
                    + "\"probe\":{\"method\":\"TCP\",\"port\":" + device.getLocalPort() + ",\"intervalSeconds\":10,\"timeoutMs\":2000}}";
            String created = mvc.perform(post("/api/v1/devices").with(httpBasic("admin", "admin-password-1"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                    .andReturn().getResponse().getContentAsString();
            long id = json.readTree(created).get("id").asLong();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(jdbc.queryForList("SELECT state FROM device_status WHERE device_id = ?", String.class, id))
                            .containsExactly("UP"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agent_batch b JOIN probe_agent a ON a.id = b.agent_id"
                    + " WHERE a.name = 'embedded-local'", Integer.class)).isPositive();
            mvc.perform(get("/api/v1/agents").with(httpBasic("admin", "admin-password-1"))).andExpect(status().isOk());
        }
    }
}
