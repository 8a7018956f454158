package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Freshness in steps ({@link FreshnessStep}) end to end, on a database of its own (the sweep here touches every device):
 * a steady device's state and source rows are rewritten only once its freshness moved a step (10 s), yet the device
 * page shows the newest result and the silence sweeper dates the silence from it, not from the stored value.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-freshness;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.agent.embedded.enabled=false",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class FreshnessInStepsTest {

    private static final long DEVICE = 1;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired SilenceSweeper sweeper;

    @Test
    void aSteadyDeviceIsRewrittenOncePerStepAndItsSilenceIsDatedFromTheNewestResult() throws Exception {
        jdbc.update("UPDATE device SET probe_method = 'TCP', probe_port = 80, probe_interval_seconds = 60 WHERE id = ?", DEVICE);
        String token = json.readTree(mvc.perform(post("/api/v1/agents").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"freshness\",\"zone\":\"local\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("token").asString();
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

        send(token, 1, t0, 3);
        assertThat(stored("last_result_at")).isEqualTo(t0);
        send(token, 2, t0.plusSeconds(4), 5);
        assertThat(stored("last_result_at")).as("4 s later, same state: the row is not rewritten").isEqualTo(t0);
        assertThat(jdbc.queryForObject("SELECT last_latency_ms FROM device_status WHERE device_id = ?", Integer.class, DEVICE)).isEqualTo(3);
        assertThat(instant(jdbc.queryForObject("SELECT observed_at FROM device_source_status WHERE device_id = ? AND source = 'TCP'",
                java.sql.Timestamp.class, DEVICE))).as("nor is the source's").isEqualTo(t0);
        mvc.perform(get("/api/v1/devices/{id}/status", DEVICE).with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.state").value("UP"))
                .andExpect(jsonPath("$.lastResultAt").value(t0.plusSeconds(4).toString()))
                .andExpect(jsonPath("$.lastLatencyMs").value(5));

        send(token, 3, t0.plusSeconds(12), 7);
        assertThat(stored("last_result_at")).as("12 s after the stored one: a step, rewritten").isEqualTo(t0.plusSeconds(12));
        send(token, 4, t0.plusSeconds(20), 9);
        assertThat(stored("last_result_at")).isEqualTo(t0.plusSeconds(12));

        // Silent since t0 + 20 s for ~10 minutes, over 3 intervals of 60 s: UNKNOWN from the newest result + one interval,
        // not from the stored t0 + 12 s.
        sweeper.sweep();
        assertThat(jdbc.queryForObject("SELECT state FROM device_status WHERE device_id = ?", String.class, DEVICE)).isEqualTo("UNKNOWN");
        assertThat(stored("since")).isEqualTo(t0.plusSeconds(20 + 60));
        assertThat(stored("last_result_at")).isEqualTo(t0.plusSeconds(20));
        assertThat(instant(jdbc.queryForObject("SELECT started_at FROM device_state_interval WHERE device_id = ? AND ended_at IS NULL",
                java.sql.Timestamp.class, DEVICE))).isEqualTo(t0.plusSeconds(80));
    }

    @Test
    void aStepOfZeroWritesEveryResult() {
        FreshnessStep everyResult = new FreshnessStep(java.time.Duration.ZERO);
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        TrackedState up = new TrackedState(org.xueliang.tracker.monitoring.DeviceState.UP, t, null, 0, null, t);
        TrackedState later = new TrackedState(org.xueliang.tracker.monitoring.DeviceState.UP, t, null, 0, null, t.plusMillis(1));
        assertThat(everyResult.mustWrite(up, 60, later, 60)).isTrue();
        FreshnessStep tenSeconds = new FreshnessStep(java.time.Duration.ofSeconds(10));
        assertThat(tenSeconds.mustWrite(up, 60, up, 60)).as("an older result, ignored for state").isFalse();
        assertThat(tenSeconds.mustWrite(up, 60, later, 60)).isFalse();
        assertThat(tenSeconds.mustWrite(up, 60, later, 30)).as("a new probe interval is written at once").isTrue();
        TrackedState failing = new TrackedState(org.xueliang.tracker.monitoring.DeviceState.UP, t, null, 1, t.plusMillis(1), t.plusMillis(1));
        assertThat(tenSeconds.mustWrite(up, 60, failing, 60)).as("a failure counted is written at once").isTrue();
    }

    private void send(String token, long seq, Instant at, int latencyMs) throws Exception {
        String result = "{\"deviceId\":" + DEVICE + ",\"method\":\"TCP\",\"startedAt\":\"" + at + "\",\"latencyMs\":" + latencyMs
                + ",\"status\":\"UP\",\"reason\":\"OK\"}";
        mvc.perform(post("/api/v1/agent/batches").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"seq\":" + seq + ",\"results\":[" + result + "]}")).andExpect(status().isOk());
    }

    private Instant stored(String column) {
        return instant(jdbc.queryForObject("SELECT " + column + " FROM device_status WHERE device_id = ?", java.sql.Timestamp.class, DEVICE));
    }

    private static Instant instant(java.sql.Timestamp t) {
        return StatusStore.instant(t);
    }
}
