package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xueliang.tracker.testing.ApiTestSupport;

/**
 * The site map's boundary over the API: upload, read, replace, remove, who may, and what is refused
 * unchanged. Runs on H2 ({@link SiteBoundaryOnH2Test}) and on MariaDB ({@link SiteBoundaryOnMariaDbTest}):
 * the single-row upsert and the MEDIUMTEXT column are the parts that differ between engines.
 */
abstract class SiteBoundaryApiContract extends ApiTestSupport {

    private static final String URL = "/api/v1/sites/boundary";

    static final String SQUARE = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"稷山县"},
             "geometry":{"type":"Polygon","coordinates":[[[110.9,35.5],[111.1,35.5],[111.1,35.7],[110.9,35.7],[110.9,35.5]]]}}]}""";
    static final String TWO_TOWNSHIPS = """
            {"type":"MultiPolygon","coordinates":[
             [[[110.9,35.5],[111.0,35.5],[111.0,35.6],[110.9,35.5]]],
             [[[111.0,35.5],[111.1,35.5],[111.1,35.6],[111.0,35.5]]]]}""";

    private static MockHttpServletRequestBuilder upload(String body) {
        return put(URL).contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
    }

    private long auditEntries() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'SiteBoundary'", Long.class);
    }

    @BeforeEach
    void noBoundary() throws Exception {
        ensureUser("boundary-manager", "MANAGER");
        perform(delete(URL), ADMIN).andExpect(status().isNoContent());
    }

    @Test
    void anAdminUploadsReplacesAndRemovesTheBoundaryAndEveryStepIsAudited() throws Exception {
        perform(get(URL), "boundary-manager").andExpect(status().isNoContent());
        long audited = auditEntries();

        perform(upload(SQUARE), ADMIN).andExpect(status().isOk()).andExpect(jsonPath("$.polygons").value(1))
                .andExpect(jsonPath("$.uploadedBy").value(ADMIN));
        String stored = perform(get(URL), "boundary-manager").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json.readTree(stored)).isEqualTo(json.readTree(SQUARE));

        perform(upload(TWO_TOWNSHIPS), ADMIN).andExpect(status().isOk()).andExpect(jsonPath("$.polygons").value(2));
        assertThat(read(perform(get(URL), ADMIN)).get("type").asString()).isEqualTo("MultiPolygon");

        perform(delete(URL), ADMIN).andExpect(status().isNoContent());
        perform(get(URL), ADMIN).andExpect(status().isNoContent());
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'SiteBoundary' ORDER BY id DESC LIMIT 3",
                String.class)).containsExactly("SITE_BOUNDARY_DELETE", "SITE_BOUNDARY_REPLACE", "SITE_BOUNDARY_UPLOAD");
        assertThat(auditEntries()).isEqualTo(audited + 3);
    }

    @Test
    void onlyAnAdminMayUploadOrRemoveIt() throws Exception {
        perform(upload(SQUARE), ADMIN).andExpect(status().isOk());
        perform(upload(TWO_TOWNSHIPS), "boundary-manager").andExpectAll(problem(403));
        perform(delete(URL), "boundary-manager").andExpectAll(problem(403));
        perform(get(URL), null).andExpect(status().isUnauthorized());
        assertThat(read(perform(get(URL), "boundary-manager")).get("type").asString()).isEqualTo("FeatureCollection");
    }

    @Test
    void aDocumentThatIsNotABoundaryIsRefusedAndChangesNothing() throws Exception {
        perform(upload(SQUARE), ADMIN).andExpect(status().isOk());
        long audited = auditEntries();
        String[] bad = {
            "",
            "not json",
            "[1,2]",
            "{\"type\":\"Point\",\"coordinates\":[111,35.6]}",
            "{\"type\":\"FeatureCollection\",\"features\":[]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[110.9,35.5],[111.1,35.5],[110.9,35.5]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[110.9,35.5],[111.1,35.5],[111.1,35.7],[110.9,35.7]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[110.9,95.5],[111.1,35.5],[111.1,35.7],[110.9,95.5]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[\"110.9\",35.5],[111.1,35.5],[111.1,35.7],[\"110.9\",35.5]]]}",
        };
        for (String body : bad) {
            perform(upload(body), ADMIN).andExpectAll(problem(422)).andExpect(jsonPath("$.errors[0].field").value("geojson"));
        }
        assertThat(read(perform(get(URL), ADMIN)).get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(auditEntries()).isEqualTo(audited);
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedAsTooLarge() throws Exception {
        StringBuilder big = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[[110.9,35.5]");
        while (big.length() <= BoundaryGeoJson.MAX_BYTES) {
            big.append(",[111.00000000,35.60000000]");
        }
        big.append(",[110.9,35.5]]]}");
        perform(upload(big.toString()), ADMIN).andExpectAll(problem(413));
        perform(get(URL), ADMIN).andExpect(status().isNoContent());
    }
}
