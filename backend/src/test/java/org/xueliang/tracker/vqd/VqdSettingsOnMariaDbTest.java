package org.xueliang.tracker.vqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.xueliang.tracker.agent.onvif.ScheduledVqd;
import org.xueliang.tracker.agent.transport.AgentAssignment;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.monitoring.agent.AssignmentService;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * What the picture-quality checks judge by, on MariaDB (docs/VQD.md "Thresholds", "Reference pictures"): thresholds
 * per camera category and a camera's approved reference — validation (400 problem details that change nothing),
 * audit, permissions, and both reaching the agent's assignment.
 */
@OnMariaDb
class VqdSettingsOnMariaDbTest extends ApiTestSupport {

    private static final String THRESHOLDS = "/api/v1/vqd/thresholds";
    private static final String ZONE = "vqd-settings";

    @Autowired AssignmentService assignments;

    private long camera;
    /** The audit log is append-only and shared by this class's tests: each test reads the entries after this id. */
    private long auditFrom;

    @BeforeEach
    void aCameraAssignedToItsOwnZone() throws Exception {
        camera = seededDeviceId("JS-XL1-FC-001");
        jdbc.update("UPDATE device SET probe_method = 'ONVIF', lifecycle = 'IN_SERVICE', probe_zone = ? WHERE id = ?", ZONE, camera);
        jdbc.update("DELETE FROM vqd_threshold");
        jdbc.update("DELETE FROM vqd_reference");
        auditFrom = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM audit_log", Long.class);
    }

    @Test
    void anAdministratorSetsACategorysThresholdsWhichAreAuditedAndReachTheAgentAndTheAnalysis() throws Exception {
        JsonNode before = getJson(THRESHOLDS);
        assertThat(before.get("defaultThreshold").asDouble()).isEqualTo(0.5);
        JsonNode face = category(before, "FACE_CAMERA");
        assertThat(face.get("classes")).hasSize(9).allMatch(c -> c.get("threshold").asDouble() == 0.5 && !c.get("custom").asBoolean());
        assertThat(settings()).doesNotContainKey(ScheduledVqd.THRESHOLDS);

        JsonNode set = read(perform(withJson(put(THRESHOLDS + "/FACE_CAMERA"),
                Map.of("thresholds", Map.of("BLUR", 0.7, "noise", 0.35, "SIGNAL_LOSS", 0.5))), ADMIN).andExpect(status().isOk()));
        assertThat(threshold(set, "BLUR")).isEqualTo(0.7);
        assertThat(threshold(set, "NOISE")).isEqualTo(0.35);
        assertThat(set.get("updatedBy").asString()).isEqualTo(ADMIN);
        JsonNode after = category(getJson(THRESHOLDS + "?lang=zh-CN"), "FACE_CAMERA");
        assertThat(after.get("classes").findValuesAsString("label")).contains("模糊", "噪声/雪花");
        assertThat(classOf(after, "BLUR").get("custom").asBoolean()).isTrue();
        assertThat(classOf(after, "SIGNAL_LOSS").get("custom").asBoolean()).as("the default is not stored").isFalse();
        assertThat(threshold(category(getJson(THRESHOLDS), "DOME_CAMERA"), "BLUR")).as("other categories keep theirs").isEqualTo(0.5);

        assertThat(settings()).containsEntry(ScheduledVqd.THRESHOLDS, "BLUR=0.7,NOISE=0.35");
        assertThat(audit("DeviceCategory")).containsExactly("VQD_THRESHOLDS_UPDATE admin FACE_CAMERA");

        // the analysis takes a category: BLUR at 0.7 judges the same picture's score against 0.7
        JsonNode judged = read(perform(multipart("/api/v1/vqd/analyze").file(png("image", street()))
                .param("category", "FACE_CAMERA"), ADMIN).andExpect(status().isOk()));
        assertThat(judged.get("findings").findValues("threshold").stream().map(JsonNode::asDouble)).contains(0.7, 0.35);
        perform(multipart("/api/v1/vqd/analyze").file(png("image", street())).param("category", "NO_SUCH"), ADMIN)
                .andExpectAll(problem(400));

        // {} = every default again
        perform(withJson(put(THRESHOLDS + "/FACE_CAMERA"), Map.of("thresholds", Map.of())), ADMIN).andExpect(status().isOk());
        assertThat(settings()).doesNotContainKey(ScheduledVqd.THRESHOLDS);
    }

    @Test
    void badThresholdsAre400ProblemsThatChangeNothingAndOnlyAnAdministratorSetsThem() throws Exception {
        perform(withJson(put(THRESHOLDS + "/FACE_CAMERA"), Map.of("thresholds", Map.of("BLUR", 0.6))), ADMIN)
                .andExpect(status().isOk());
        for (Object body : List.of(Map.of("thresholds", Map.of("BLUR", 1.5)), Map.of("thresholds", Map.of("BLUR", 0)),
                Map.of("thresholds", Map.of("BLUR", -0.2)), Map.of("thresholds", Map.of("SHAKY", 0.5)), Map.of("other", 1))) {
            perform(withJson(put(THRESHOLDS + "/FACE_CAMERA"), body), ADMIN).andExpectAll(problem(400));
        }
        perform(put(THRESHOLDS + "/FACE_CAMERA").contentType("application/json").content("{\"thresholds\":{\"BLUR\":\"x\"}}"), ADMIN)
                .andExpectAll(problem(400));
        // unknown category and a category without cameras
        perform(withJson(put(THRESHOLDS + "/NO_SUCH"), Map.of("thresholds", Map.of("BLUR", 0.6))), ADMIN).andExpectAll(problem(400));
        perform(withJson(put(THRESHOLDS + "/SERVER"), Map.of("thresholds", Map.of("BLUR", 0.6))), ADMIN).andExpectAll(problem(400));
        ensureUser("vqd-tech", "TECHNICIAN");
        perform(withJson(put(THRESHOLDS + "/FACE_CAMERA"), Map.of("thresholds", Map.of("BLUR", 0.9))), "vqd-tech")
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForList("SELECT CONCAT(category_code, ' ', vqd_class, ' ', threshold) FROM vqd_threshold", String.class))
                .containsExactly("FACE_CAMERA BLUR 0.600");
        assertThat(audit("DeviceCategory")).hasSize(1);
    }

    @Test
    void aTechnicianApprovesReplacesAndRemovesACamerasReferenceWhichReachesTheAgent() throws Exception {
        ensureUser("vqd-tech", "TECHNICIAN");
        assertThat(getJson("/api/v1/devices/{id}/vqd", camera).get("reference").isNull()).isTrue();
        perform(get("/api/v1/devices/{id}/vqd-reference", camera), ADMIN).andExpectAll(problem(404));

        BufferedImage fullHd = scaled(street(), 1920, 1080);
        JsonNode approved = read(perform(upload(camera, png("image", fullHd)), "vqd-tech").andExpect(status().isOk()));
        assertThat(approved.get("width").asInt()).as("kept at analysis size").isEqualTo(480);
        assertThat(approved.get("height").asInt()).isEqualTo(270);
        assertThat(approved.get("approvedBy").asString()).isEqualTo("vqd-tech");

        JsonNode vqd = getJson("/api/v1/devices/{id}/vqd", camera);
        assertThat(vqd.get("reference").get("approvedBy").asString()).isEqualTo("vqd-tech");
        assertThat(vqd.get("category").asString()).isEqualTo("FACE_CAMERA");
        byte[] picture = perform(get("/api/v1/devices/{id}/vqd-reference", camera), "vqd-tech").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage stored = VqdImages.decode(picture, VqdImages.MAX_PIXELS);
        assertThat(stored.getWidth()).isEqualTo(480);
        assertThat(picture.length).as("tens of KB").isLessThan(100_000);

        String sent = settings().get(ScheduledVqd.REFERENCE);
        assertThat(Base64.getDecoder().decode(sent)).isEqualTo(picture);

        perform(upload(camera, png("image", street())), ADMIN).andExpect(status().isOk());
        assertThat(settings().get(ScheduledVqd.REFERENCE)).as("the replacement is what the agent gets").isNotEqualTo(sent);

        perform(delete("/api/v1/devices/{id}/vqd-reference", camera), "vqd-tech").andExpect(status().isNoContent());
        assertThat(settings()).doesNotContainKey(ScheduledVqd.REFERENCE);
        perform(delete("/api/v1/devices/{id}/vqd-reference", camera), "vqd-tech").andExpectAll(problem(404));
        assertThat(audit("Device")).containsExactly("VQD_REFERENCE_APPROVE vqd-tech " + camera,
                "VQD_REFERENCE_REPLACE admin " + camera, "VQD_REFERENCE_DELETE vqd-tech " + camera);
    }

    @Test
    void aBadReferenceIsA400ThatChangesNothingAndAnEvaluatorMayOnlyLook() throws Exception {
        perform(upload(camera, png("image", street())), ADMIN).andExpect(status().isOk());
        perform(upload(camera, new MockMultipartFile("image", "x.png", "image/png", "not a picture".getBytes())), ADMIN)
                .andExpectAll(problem(400));
        perform(upload(camera, new MockMultipartFile("image", "x.png", "image/png", new byte[0])), ADMIN).andExpectAll(problem(400));
        long server = createDevice().get("id").asLong();
        perform(upload(server, png("image", street())), ADMIN).andExpectAll(problem(400));
        perform(upload(99_999_999L, png("image", street())), ADMIN).andExpectAll(problem(404));
        ensureUser("vqd-eval", "EVALUATOR");
        perform(upload(camera, png("image", street())), "vqd-eval").andExpect(status().isForbidden());
        perform(delete("/api/v1/devices/{id}/vqd-reference", camera), "vqd-eval").andExpect(status().isForbidden());
        perform(get("/api/v1/devices/{id}/vqd-reference", camera), "vqd-eval").andExpect(status().isOk());
        assertThat(jdbc.queryForList("SELECT approved_by FROM vqd_reference", String.class)).containsExactly(ADMIN);
        assertThat(audit("Device")).hasSize(1);
    }

    private Map<String, String> settings() {
        AgentAssignment a = assignments.forAgent(1, ZONE);
        return a.devices().stream().filter(t -> t.deviceId() == camera).findFirst().orElseThrow().settings();
    }

    private List<String> audit(String entity) {
        return jdbc.queryForList("SELECT CONCAT(action, ' ', actor, ' ', entity_id) FROM audit_log WHERE entity_type = ?"
                + " AND action LIKE 'VQD_%' AND id > ? ORDER BY id", String.class, entity, auditFrom);
    }

    private static JsonNode category(JsonNode all, String code) {
        for (JsonNode c : all.get("categories")) {
            if (c.get("category").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no category " + code + " in " + all);
    }

    private static JsonNode classOf(JsonNode category, String type) {
        for (JsonNode c : category.get("classes")) {
            if (c.get("class").asString().equals(type)) {
                return c;
            }
        }
        throw new AssertionError("no class " + type);
    }

    private static double threshold(JsonNode category, String type) {
        return classOf(category, type).get("threshold").asDouble();
    }

    private static MockMultipartHttpServletRequestBuilder upload(long deviceId, MockMultipartFile image) {
        return (MockMultipartHttpServletRequestBuilder) multipart(HttpMethod.PUT, "/api/v1/devices/{id}/vqd-reference", deviceId)
                .file(image);
    }

    private static MockMultipartFile png(String part, BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return new MockMultipartFile(part, part + ".png", "image/png", out.toByteArray());
    }

    private static BufferedImage scaled(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A street with houses and windows: something with edges to judge. */
    private static BufferedImage street() {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(170, 180, 190));
        g.fillRect(0, 0, 640, 360);
        for (int i = 0; i < 7; i++) {
            g.setColor(new Color(110 + i * 10, 105 + i * 10, 100 + i * 10));
            g.fillRect(i * 92, 60 + (i % 3) * 20, 88, 180);
            g.setColor(new Color(48, 56, 64));
            for (int wy = 110; wy < 230; wy += 22) {
                for (int wx = i * 92 + 8; wx < i * 92 + 80; wx += 20) {
                    g.fillRect(wx, wy, 11, 13);
                }
            }
        }
        g.setColor(new Color(100, 100, 104));
        g.fillRect(0, 240, 640, 120);
        g.dispose();
        return img;
    }
}
