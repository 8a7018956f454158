package org.xueliang.tracker.monitoring.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.agent.sim.SimulatedCamera;
import org.xueliang.tracker.agent.sim.WsDiscoveryResponder;

/**
 * POST /api/v1/discovery against the simulator's WS-Discovery responder, by unicast on loopback. The multicast
 * probe is never sent here: every request without a target fails validation first.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-disc;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class DiscoveryApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private static SimulatedCamera cam(String ip) throws Exception {
        return SimulatedCamera.standard(InetAddress.getByName(ip), "admin", "pw");
    }

    @Test
    void listsTheCamerasThatAnswerAndTellsWhichTheLedgerLacks() throws Exception {
        long known1 = jdbc.queryForObject("SELECT id FROM device WHERE ip_address = '127.20.1.1'", Long.class);
        long known2 = jdbc.queryForObject("SELECT id FROM device WHERE ip_address = '127.20.1.2'", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE ip_address = '127.20.9.9' OR probe_host = '127.20.9.9'",
                Integer.class)).isZero();
        try (WsDiscoveryResponder responder = WsDiscoveryResponder.start(new InetSocketAddress("127.20.0.1", 0),
                List.of(cam("127.20.1.1"), cam("127.20.1.2"), cam("127.20.9.9")), 8000)) {
            String target = "127.20.0.1:" + responder.address().getPort();
            mvc.perform(post("/api/v1/discovery").with(httpBasic("admin", "Chief-Passw0rd-1"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"target\":\"" + target + "\",\"timeoutMs\":600}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.target").value(target))
                    .andExpect(jsonPath("$.probedAt").exists())
                    .andExpect(jsonPath("$.found.length()").value(3))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.1.1')].inLedger").value(true))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.1.1')].deviceId").value((int) known1))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.1.2')].deviceId").value((int) known2))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.9.9')].inLedger").value(false))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.9.9')].deviceId").value(org.hamcrest.Matchers.contains(
                            org.hamcrest.Matchers.nullValue())))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.9.9')].xaddrs[0]")
                            .value("http://127.20.9.9:8000/onvif/device_service"))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.9.9')].name").value("SIM-127-20-9-9"))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.9.9')].hardware").value("XL-IPC-2000"))
                    .andExpect(jsonPath("$.found[?(@.address == '127.20.9.9')].fromAddress").value("127.20.9.9"));
            mvc.perform(get("/api/v1/audit").param("entityType", "Discovery").with(httpBasic("admin", "Chief-Passw0rd-1")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].action").value("DISCOVERY"))
                    .andExpect(jsonPath("$.items[0].summary").value("WS-Discovery probe of " + target
                            + ": 3 found, 1 not in the ledger"));
        }
    }

    @Test
    void rejectsBadTargetsInterfacesAndTimeoutsWithoutSendingAnything() throws Exception {
        for (String body : List.of("{\"target\":\"camera.local:3702\"}", "{\"target\":\"239.255.255.250:3702\"}",
                "{\"target\":\"127.20.0.1:70000\"}", "{\"target\":\"300.1.1.1\"}", "{\"target\":\"0.0.0.0:3702\"}")) {
            expectProblem(body, "target");
        }
        expectProblem("{\"target\":\"127.20.0.1:3702\",\"timeoutMs\":50}", "timeoutMs");
        expectProblem("{\"target\":\"127.20.0.1:3702\",\"timeoutMs\":10001}", "timeoutMs");
        expectProblem("{\"target\":\"127.20.0.1:3702\",\"interface\":\"lo\"}", "interface");
        // multicast wanted (no target): the interface must exist, be up, do multicast — none of these gets that far
        expectProblem("{\"target\":null,\"interface\":\"nosuch0\"}", "interface");
        expectProblem("{\"timeoutMs\":3000}", "interface");
        mvc.perform(post("/api/v1/discovery").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void needsAgentAdmin() throws Exception {
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", "Chief-Passw0rd-1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"tech-disc\",\"displayName\":\"运维\",\"role\":\"TECHNICIAN\",\"allProjects\":true,"
                                + "\"password\":\"technician-pass-1\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/discovery").with(httpBasic("tech-disc", "technician-pass-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"target\":\"127.20.0.1:3702\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Your role does not allow this"));
    }

    private void expectProblem(String body, String field) throws Exception {
        mvc.perform(post("/api/v1/discovery").with(httpBasic("admin", "Chief-Passw0rd-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.field == '" + field + "')]").exists());
    }
}
