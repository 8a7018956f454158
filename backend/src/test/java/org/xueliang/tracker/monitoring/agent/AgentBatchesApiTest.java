package org.xueliang.tracker.monitoring.agent;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/agents/{id}/batches: the applied (agent, seq) rows, for sequence accounting of exactly-once ingest. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-batches;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.agent.embedded.enabled=false",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class AgentBatchesApiTest {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void listsAppliedBatchesInSeqOrderOncePerSeq() throws Exception {
        String created = mvc.perform(post("/api/v1/agents").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"batches-a\",\"zone\":\"zone-b\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        var node = json.readTree(created);
        String token = node.get("token").asString();
        long id = node.get("agent").get("id").asLong();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");

        send(token, 2, result(t0), result(t0.plusSeconds(10)));
        send(token, 1, result(t0.plusSeconds(20)));
        send(token, 2, result(t0), result(t0.plusSeconds(10)));   // a replay: acknowledged, not applied again
        send(token, 3);                                          // an empty batch still counts as applied

        mvc.perform(get("/api/v1/agents/" + id + "/batches").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].seq").value(1)).andExpect(jsonPath("$[0].resultCount").value(1))
                .andExpect(jsonPath("$[1].seq").value(2)).andExpect(jsonPath("$[1].resultCount").value(2))
                .andExpect(jsonPath("$[2].seq").value(3)).andExpect(jsonPath("$[2].resultCount").value(0))
                // device 1 is in zone local, this agent in zone-b: counted as refused, not stored
                .andExpect(jsonPath("$[1].refusedCount").value(2)).andExpect(jsonPath("$[2].refusedCount").value(0))
                .andExpect(jsonPath("$[0].receivedAt").isString());
        mvc.perform(get("/api/v1/agents/" + id + "/batches").param("fromSeq", "2").param("limit", "1")
                        .with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].seq").value(2));

        mvc.perform(get("/api/v1/agents/" + id + "/batches").param("limit", "0").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/agents/999999/batches").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/agents/" + id + "/batches")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/agents/" + id + "/batches").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Chief-Passw0rd-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"tech-batches\",\"displayName\":\"运维\",\"role\":\"TECHNICIAN\",\"allProjects\":true,"
                                + "\"password\":\"technician-pass-1\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/agents/" + id + "/batches").with(httpBasic("tech-batches", "technician-pass-1")))
                .andExpect(status().isForbidden());
    }

    private void send(String token, long seq, String... results) throws Exception {
        mvc.perform(post("/api/v1/agent/batches").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"seq\":" + seq + ",\"results\":[" + String.join(",", results) + "]}"))
                .andExpect(status().isOk());
    }

    private static String result(Instant at) {
        return "{\"deviceId\":1,\"method\":\"TCP\",\"startedAt\":\"" + at + "\",\"latencyMs\":2,\"status\":\"UP\",\"reason\":\"OK\"}";
    }
}
