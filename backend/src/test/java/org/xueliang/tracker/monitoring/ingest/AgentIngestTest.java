package org.xueliang.tracker.monitoring.ingest;

import org.xueliang.tracker.monitoring.rollup.RollupService;
import org.xueliang.tracker.monitoring.status.MonitoringMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The agent protocol end to end on H2: token auth, assignment with ETag, exactly-once batches, states, outages. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-ingest;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class AgentIngestTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired MonitoringMetrics metrics;
    @Autowired RollupService rollups;
    @Autowired ProbeResultHistory rawResults;
    @Autowired java.util.List<org.xueliang.tracker.shared.PrunableHistory> histories;

    private String token;
    private static int agentCounter;

    @BeforeEach
    void createAgent() throws Exception {
        String body = mvc.perform(post("/api/v1/agents").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"zone-a-" + (++agentCounter) + "\",\"zone\":\"local\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        token = json.readTree(body).get("token").asString();
        jdbc.update("UPDATE device SET probe_method = 'TCP', probe_port = 80 WHERE id = 1");
    }

    @Test
    void refusesCallsWithoutAValidToken() throws Exception {
        mvc.perform(get("/api/v1/agent/assignment")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
        mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer xla_not-a-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agent/assignment").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void servesTheAssignmentWithAnEtag() throws Exception {
        var first = mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andReturn().getResponse();
        JsonNode assignment = json.readTree(first.getContentAsString());
        assertThat(assignment.get("devices").size()).isGreaterThan(0);
        assertThat(first.getContentAsString()).contains("\"deviceId\":1");
        mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer " + token)
                        .header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified());
    }

    @Test
    void appliesEachBatchOnceAndOpensAnOutageAtTheFirstFailure() throws Exception {
        // a recent UTC midnight: results older than the raw retention (90 days) are refused
        Instant t0 = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        send(1, result(t0, "UP"));
        send(2, result(t0.plusSeconds(60), "DOWN"), result(t0.plusSeconds(120), "DOWN"));
        String again = send(2, result(t0.plusSeconds(60), "DOWN"), result(t0.plusSeconds(120), "DOWN"));
        assertThat(json.readTree(again).get("duplicate").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE device_id = 1", Integer.class)).isEqualTo(3);
        mvc.perform(get("/api/v1/devices/1/status").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.state").value("UP")).andExpect(jsonPath("$.consecutiveFailures").value(2));

        send(3, result(t0.plusSeconds(180), "DOWN"));
        mvc.perform(get("/api/v1/devices/1/status").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.state").value("DOWN")).andExpect(jsonPath("$.since").value(t0.plusSeconds(60).toString()));
        send(4, result(t0.plusSeconds(240), "UP"));
        mvc.perform(get("/api/v1/devices/1/outages").param("from", t0.minusSeconds(86_400).toString()).param("to", t0.plusSeconds(86_400).toString())
                        .with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].start").value(t0.plusSeconds(60).toString()))
                .andExpect(jsonPath("$[0].end").value(t0.plusSeconds(240).toString()));
        mvc.perform(get("/api/v1/status/summary").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.total.UP").value(1));
        java.time.LocalDate county = t0.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(); // 08:00 there
        rollups.rollUp(county);
        var day = jdbc.queryForMap("SELECT * FROM device_daily_rollup WHERE device_id = 1 AND rollup_day = ?",
                java.sql.Date.valueOf(county));
        assertThat(((Number) day.get("down_s")).longValue()).isEqualTo(180);
        assertThat(((Number) day.get("outages")).intValue()).isEqualTo(1);
        assertThat(((Number) day.get("unknown_s")).longValue()).isEqualTo(8 * 3600);
        assertThat(((Number) day.get("up_s")).longValue()).isEqualTo(86_400 - 8 * 3600 - 180);
        metrics.refresh();
        String prometheus = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(prometheus).contains("xl_devices{category=\"FACE_CAMERA\"").contains("xl_probe_duration_seconds_count{method=\"TCP\"")
                .contains("xl_ingest_results_total");
    }

    @Test
    void aDuplicateAnswerRepeatsTheRefusalsOfTheFirstApplication() throws Exception {
        // The answer to the first send is lost (a killed replica): the agent only ever sees the duplicate answer,
        // and its ack log must still say that one result of the batch was refused (issue 12's fault test).
        Instant recent = Instant.now().minus(java.time.Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant pastRetention = Instant.now().minus(java.time.Duration.ofDays(400));
        JsonNode first = json.readTree(send(40, result(recent, "UP"), result(pastRetention, "UP")));
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(first.get("applied").asInt()).isEqualTo(1);
        assertThat(first.get("rejected").asInt()).isEqualTo(1);
        JsonNode again = json.readTree(send(40, result(recent, "UP"), result(pastRetention, "UP")));
        assertThat(again.get("duplicate").asBoolean()).isTrue();
        assertThat(again.get("applied").asInt()).as("nothing is applied by the second send").isZero();
        assertThat(again.get("rejected").asInt()).as("the first application's refusals").isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsRefusedAndARenamedAgentKeepsItsToken() throws Exception {
        String body = mvc.perform(post("/api/v1/agents").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"revoke-me-" + (++agentCounter) + "\",\"zone\":\"z1\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("agent").get("id").asLong();
        String own = json.readTree(body).get("token").asString();
        mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer " + own)).andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("z1"));
        // moved to zone local: the same token now pulls that zone's devices
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/agents/" + id)
                        .with(httpBasic("admin", "Chief-Passw0rd-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"renamed-" + agentCounter + "\",\"zone\":\"local\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.zone").value("local"));
        mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer " + own)).andExpect(status().isOk())
                .andExpect(jsonPath("$.zone").value("local")).andExpect(jsonPath("$.devices[?(@.deviceId == 1)]").exists());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/agents/" + id)
                        .with(httpBasic("admin", "Chief-Passw0rd-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"zone\":\"local\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/agents/" + id)
                .with(httpBasic("admin", "Chief-Passw0rd-1"))).andExpect(status().isOk()).andExpect(jsonPath("$.revokedAt").isNotEmpty());
        mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer " + own)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/agent/heartbeat").header("Authorization", "Bearer " + own).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agentVersion\":\"t\",\"spoolDepth\":0}")).andExpect(status().isUnauthorized());
    }

    @Test
    void rawResultsPastTheirRetentionAreDeletedAndHeartbeatsShowInTheMetrics() throws Exception {
        long agent = jdbc.queryForObject("SELECT MAX(id) FROM probe_agent", Long.class);
        String insert = "INSERT INTO probe_result (device_id, agent_id, probed_at, method, status, reason) VALUES (1, ?, ?, 'TCP', 'UP', 'OK')";
        java.sql.Timestamp old = java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(91)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        java.sql.Timestamp recent = java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(89)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        java.sql.Timestamp older = java.sql.Timestamp.from(old.toInstant().minusSeconds(60));
        jdbc.update(insert, agent, old);
        jdbc.update(insert, agent, older);
        jdbc.update(insert, agent, recent);
        String at = "SELECT COUNT(*) FROM probe_result WHERE device_id = 1 AND probed_at = ?";
        assertThat(jdbc.queryForObject(at, Long.class, old)).isEqualTo(1);
        assertThat(histories).as("pruned by shared.MeasurementRetention").contains(rawResults);
        Instant cutoff = Instant.now().minus(java.time.Duration.ofDays(90)); // xl.monitoring.raw-retention-days
        long pastRetention = jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE probed_at < ?", Long.class,
                java.sql.Timestamp.from(cutoff));
        assertThat(pastRetention).isGreaterThanOrEqualTo(2);
        // in chunks of 1 row: every old row goes, whatever the chunk
        long deleted = rawResults.deleteBefore(cutoff, 1);
        assertThat(deleted).isEqualTo(pastRetention);
        assertThat(jdbc.queryForObject(at, Long.class, old)).isZero();
        assertThat(jdbc.queryForObject(at, Long.class, recent)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE probed_at < ?", Long.class,
                java.sql.Timestamp.from(cutoff))).isZero();

        mvc.perform(post("/api/v1/agent/heartbeat").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agentVersion\":\"0.1.0\",\"spoolDepth\":3,\"spoolBytes\":2250,\"sendLagMs\":1500,\"sentAt\":\""
                        + Instant.now().plusSeconds(420) + "\"}"))
                .andExpect(status().isNoContent());
        // the agent's clock is 7 minutes ahead: stored, listed with the allowed skew, exported as a gauge
        mvc.perform(get("/api/v1/agents/" + agent).with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.clockSkewMs").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.greaterThan(415_000), org.hamcrest.Matchers.lessThan(421_000))))
                .andExpect(jsonPath("$.clockSkewAllowedMs").value(300_000));
        metrics.refresh();
        String prometheus = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String name = jdbc.queryForObject("SELECT name FROM probe_agent WHERE id = ?", String.class, agent);
        assertThat(prometheus).containsPattern("xl_agent_heartbeat_age_seconds\\{agent=\"" + name + "\"\\} [0-9.]+")
                .containsPattern("xl_agent_clock_skew_seconds\\{agent=\"" + name + "\"\\} 4[12][0-9]\\.[0-9]+")
                .containsPattern("xl_devices\\{category=\"[A-Z_]+\",site=\"[^\"]+\",state=\"[A-Z]+\"\\}");
    }

    @Test
    void countsASysUpTimeDropAsARebootAndFlagsWhatDisagreesWithTheLedger() throws Exception {
        Instant t0 = Instant.now().minus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String serial = jdbc.queryForObject("SELECT serial_number FROM device WHERE id = 1", String.class);
        send(10, withFacts(t0, "{\"sysUpTimeTicks\":\"500000\",\"serial\":\"" + serial + "\"}"));
        send(11, withFacts(t0.plusSeconds(60), "{\"sysUpTimeTicks\":\"506000\"}"));
        send(12, withFacts(t0.plusSeconds(120), "{\"sysUpTimeTicks\":\"3000\",\"serial\":\"OTHER-SERIAL\"}"));
        mvc.perform(get("/api/v1/devices/1/status").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.reboots").value(1))
                .andExpect(jsonPath("$.recentReboots[0]").value(t0.plusSeconds(90).toString()))
                .andExpect(jsonPath("$.discrepancies[0].field").value("serialNumber"))
                .andExpect(jsonPath("$.discrepancies[0].reported").value("OTHER-SERIAL"));
    }

    @Test
    void aDevicesFirstSysUpTimeIsABaselineAndThe32BitWrapIsNoReboot() throws Exception {
        Instant t0 = Instant.now().minus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // first observation: uptime 2 s (the device has just started), and nothing before it to compare with
        send(30, snmpUptime(2, t0, 200));
        send(31, snmpUptime(2, t0.plusSeconds(60), 6200));
        // 497 days on: 2^32 - 300 ticks, then 60 s later the counter has wrapped to 5,700 as predicted
        Instant late = t0.plusSeconds(3600);
        send(32, snmpUptime(2, late, 4294967296L - 300));
        send(33, snmpUptime(2, late.plusSeconds(60), 5700));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_reboot WHERE device_id = 2", Integer.class))
                .as("neither the first reading nor the wrap is a reboot").isZero();
        send(34, snmpUptime(2, late.plusSeconds(120), 300));
        mvc.perform(get("/api/v1/devices/2/status").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.reboots").value(1))
                .andExpect(jsonPath("$.recentReboots[0]").value(late.plusSeconds(117).toString()));
    }

    private static String snmpUptime(long deviceId, Instant at, long ticks) {
        return "{\"deviceId\":" + deviceId + ",\"method\":\"SNMP\",\"startedAt\":\"" + at
                + "\",\"status\":\"UP\",\"reason\":\"OK\",\"facts\":{\"sysUpTimeTicks\":\"" + ticks + "\"}}";
    }

    @Test
    void keepsProbeSecretsWriteOnlyAndHandsThemOnlyToTheAgent() throws Exception {
        String body = "{\"projectId\":1,\"assetTag\":\"SNMP-TEST-" + agentCounter + "\",\"category\":\"SWITCH\",\"lifecycle\":\"INSTALLED\","
                + "\"installedOn\":\"2021-05-01\",\"ipAddress\":\"127.0.0.1\","
                + "\"probe\":{\"method\":\"SNMP\",\"port\":16161,\"intervalSeconds\":30,\"settings\":{\"snmp.uplinks\":\"1,2\"},"
                + "\"snmp\":{\"version\":\"2c\",\"community\":\"s3cret-community\"}}}";
        String created = mvc.perform(post("/api/v1/devices").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.probe.method").value("SNMP"))
                .andExpect(jsonPath("$.probe.host").value("127.0.0.1"))
                .andExpect(jsonPath("$.probe.settings['snmp.uplinks']").value("1,2"))
                .andExpect(jsonPath("$.probe.credential.kind").value("SNMP_V2C"))
                .andExpect(jsonPath("$.probe.credential.secretSet").value(true))
                // the read mirrors the write, less the secret
                .andExpect(jsonPath("$.probe.snmp.version").value("2c")).andExpect(jsonPath("$.probe.snmp.secretSet").value(true))
                .andExpect(jsonPath("$.probe.snmp.community").doesNotExist()).andExpect(jsonPath("$.probe.onvif").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain("s3cret-community");
        long id = json.readTree(created).get("id").asLong();
        assertThat(jdbc.queryForObject("SELECT secret_cipher FROM credential c JOIN device d ON d.credential_id = c.id WHERE d.id = ?",
                String.class, id)).startsWith("v1:").doesNotContain("s3cret");
        String audit = mvc.perform(get("/api/v1/audit").param("entityType", "Device").param("entityId", Long.toString(id))
                .with(httpBasic("admin", "Chief-Passw0rd-1"))).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("snmp.uplinks").doesNotContain("s3cret-community");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/devices/" + id)
                        .with(httpBasic("admin", "Chief-Passw0rd-1")).contentType("application/merge-patch+json")
                        .content("{\"notes\":\"uplink check\",\"probe\":{\"intervalSeconds\":60}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.probe.intervalSeconds").value(60))
                .andExpect(jsonPath("$.probe.credential.secretSet").value(true));

        String assignment = mvc.perform(get("/api/v1/agent/assignment").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat(assignment).contains("s3cret-community");
    }

    @Test
    void rejectsUnusableProbeSettings() throws Exception {
        mvc.perform(post("/api/v1/devices").with(httpBasic("admin", "Chief-Passw0rd-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":1,\"assetTag\":\"BAD-PROBE\",\"category\":\"SWITCH\","
                                + "\"probe\":{\"method\":\"SNMP\",\"port\":70000,\"intervalSeconds\":5,"
                                + "\"snmp\":{\"version\":\"3\",\"authProtocol\":\"ROT13\"}}}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'probePort')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'probeIntervalSeconds')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'probe.snmp.username')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'probe.snmp.authProtocol')]").exists());
    }

    private static String withFacts(Instant at, String facts) {
        return "{\"deviceId\":1,\"method\":\"SNMP\",\"startedAt\":\"" + at + "\",\"status\":\"UP\",\"reason\":\"OK\",\"facts\":" + facts + "}";
    }

    private String send(long seq, String... results) throws Exception {
        String body = "{\"seq\":" + seq + ",\"results\":[" + String.join(",", results) + "]}";
        return mvc.perform(post("/api/v1/agent/batches").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String result(Instant at, String status) {
        return "{\"deviceId\":1,\"method\":\"TCP\",\"startedAt\":\"" + at + "\",\"latencyMs\":3,\"status\":\"" + status
                + "\",\"reason\":\"" + ("UP".equals(status) ? "OK" : "TIMEOUT") + "\",\"facts\":{\"sysName\":\"cam-1\"}}";
    }
}
