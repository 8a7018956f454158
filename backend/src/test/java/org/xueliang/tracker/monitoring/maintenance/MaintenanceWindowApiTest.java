package org.xueliang.tracker.monitoring.maintenance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

/** Maintenance windows over the API, in the shared H2 context of the API tests. */
@OnH2
class MaintenanceWindowApiTest extends ApiTestSupport {

    @Test
    void createsListsAndDeletesAWindowForACategory() throws Exception {
        String location = mvc.perform(post("/api/v1/maintenance-windows").with(as(ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeType\":\"CATEGORY\",\"scopeRef\":\"FACE_CAMERA\",\"startsAt\":\"2021-09-01T01:00:00Z\","
                                + "\"endsAt\":\"2021-09-01T03:00:00Z\",\"reason\":\"固件升级\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.createdBy").value("admin"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get("/api/v1/maintenance-windows").param("from", "2021-09-01T00:00:00Z").param("to", "2021-09-02T00:00:00Z")
                        .with(as(ADMIN)))
                .andExpect(jsonPath("$.items[?(@.reason == '固件升级')]").exists());
        mvc.perform(delete(location).with(as(ADMIN))).andExpect(status().isNoContent());
        mvc.perform(get(location).with(as(ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void rejectsAWindowThatEndsBeforeItStartsOrNamesNothing() throws Exception {
        mvc.perform(post("/api/v1/maintenance-windows").with(as(ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scopeType\":\"SITE\",\"scopeRef\":\"99999\",\"startsAt\":\"2021-09-01T03:00:00Z\","
                                + "\"endsAt\":\"2021-09-01T01:00:00Z\",\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'scopeRef')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'endsAt')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reason')]").exists());
    }
}
