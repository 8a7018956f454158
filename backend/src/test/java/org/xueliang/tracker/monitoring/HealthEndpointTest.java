package org.xueliang.tracker.monitoring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Scripts and load balancers wait for UP: optional parts (no SMTP server configured) must not hold it DOWN. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-ingest;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class HealthEndpointTest {

    @Autowired MockMvc mvc;

    @Test
    void isUpWithoutAnSmtpServerAndAnswersAnonymously() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
