package org.xueliang.tracker.monitoring;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-ingest;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=admin-password-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class MaintenanceWindowApiTest {

    @Autowired MockMvc mvc;

    @Test
    void createsListsAndDeletesAWindowForACategory() throws Exception {
        String location = mvc.perform(post("/api/v1/maintenance-windows").with(httpBasic("admin", "admin-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeType\":\"CATEGORY\",\"scopeRef\":\"FACE_CAMERA\",\"startsAt\":\"2021-09-01T01:00:00Z\","
                                + "\"endsAt\":\"2021-09-01T03:00:00Z\",\"reason\":\"固件升级\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.createdBy").value("admin"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get("/api/v1/maintenance-windows").param("from", "2021-09-01T00:00:00Z").param("to", "2021-09-02T00:00:00Z")
                        .with(httpBasic("admin", "admin-password-1")))
                .andExpect(jsonPath("$.items[?(@.reason == '固件升级')]").exists());
        mvc.perform(delete(location).with(httpBasic("admin", "admin-password-1"))).andExpect(status().isNoContent());
        mvc.perform(get(location).with(httpBasic("admin", "admin-password-1"))).andExpect(status().isNotFound());
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStartsOrNamesNothing() throws Exception {
        mvc.perform(post("/api/v1/maintenance-windows").with(httpBasic("admin", "admin-password-1"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeType\":\"SITE\",\"scopeRef\":\"99999\",\"startsAt\":\"2021-09-01T03:00:00Z\","
                                + "\"endsAt\":\"2021-09-01T01:00:00Z\",\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'scopeRef')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'endsAt')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
    }
}
