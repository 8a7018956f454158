package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document: title, version, a module tag and a summary on every operation, the security schemes. */
@OnH2
class ApiDocsTest extends ApiTestSupport {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode docs;

    @BeforeEach
    void readDocs() throws Exception {
        docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void titleVersionAndDescription() {
        JsonNode info = docs.get("info");
        assertThat(info.get("title").asString()).isEqualTo("Xueliang Tracker API / 雪亮工程资产与部署台账");
        assertThat(info.get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*"); // the Maven project version
        assertThat(info.get("description").asString()).contains("RFC 9457", "X-XSRF-TOKEN");
    }

    @Test
    void everyOperationHasASummaryAndItsModuleAsTag() {
        List<String> missing = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        int operations = 0;
        for (var path : docs.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode summary = op.getValue().get("summary");
                if (summary == null || summary.asString().isBlank()) {
                    missing.add(where + " (operationId " + op.getValue().get("operationId").asString() + ")");
                }
                JsonNode tags = op.getValue().get("tags");
                assertThat(tags).as(where).hasSize(1);
                modules.add(tags.get(0).asString());
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(missing).as("operations without a line in " + ApiDocs.SUMMARIES).isEmpty();
        assertThat(modules).contains("ledger", "identity", "audit", "progress", "evaluation", "monitoring", "availability", "notification");
        List<String> declared = new ArrayList<>();
        docs.get("tags").forEach(t -> {
            declared.add(t.get("name").asString());
            assertThat(t.get("description")).as("description of tag " + t.get("name")).isNotNull();
        });
        assertThat(declared).containsExactlyInAnyOrderElementsOf(modules);
        assertThat(docs.get("paths").get("/api/v1/devices").get("get").get("tags").get(0).asString()).isEqualTo("ledger");
        assertThat(docs.get("paths").get("/api/v1/devices/export").get("get").get("tags").get(0).asString())
                .as("a sub-package belongs to its module").isEqualTo("ledger");
    }

    @Test
    void everySummaryNamesAnExistingOperation() {
        Set<String> operations = new TreeSet<>();
        handlers.getHandlerMethods().values().forEach(h -> operations.add(ApiDocs.keyOf(h)));
        assertThat(ApiDocs.load(ApiDocs.SUMMARIES).stringPropertyNames()).as("lines of " + ApiDocs.SUMMARIES + " without an operation")
                .allMatch(operations::contains);
    }

    @Test
    void securitySchemesAreDeclared() {
        JsonNode schemes = docs.get("components").get("securitySchemes");
        assertThat(schemes.get("basicAuth").get("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.get("sessionCookie").get("in").asString()).isEqualTo("cookie");
        assertThat(schemes.get("sessionCookie").get("name").asString()).isEqualTo("XL_SESSION");
        assertThat(schemes.get("csrfHeader").get("in").asString()).isEqualTo("header");
        assertThat(schemes.get("csrfHeader").get("name").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(schemes.get("agentToken").get("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.get("security").toString()).contains("basicAuth", "sessionCookie", "csrfHeader");
        assertThat(docs.get("paths").get("/api/v1/agent/batches").get("post").get("security").toString())
                .contains("agentToken").doesNotContain("basicAuth");
    }
}
