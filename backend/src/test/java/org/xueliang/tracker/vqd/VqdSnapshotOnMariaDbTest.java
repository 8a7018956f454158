package org.xueliang.tracker.vqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * The picture of a camera's latest scheduled VQD check on MariaDB (docs/VQD.md "The checked picture"): an agent
 * uploads it for a camera of its zone only, a JPEG within the size limit only (anything else a problem detail that
 * stores nothing), the newest check's picture is kept, and users read it back with the device's visibility.
 */
@OnMariaDb
class VqdSnapshotOnMariaDbTest extends ApiTestSupport {

    private static final String ZONE = "vqd-snapshot";
    private static final Instant T1 = Instant.parse("2026-12-06T18:00:00Z");

    private long camera;
    private long otherZoneCamera;
    private String token;

    @BeforeEach
    void aCameraInTheAgentsZone() throws Exception {
        camera = seededDeviceId("JS-XL1-FC-001");
        otherZoneCamera = seededDeviceId("JS-XL1-FC-002");
        jdbc.update("UPDATE device SET probe_method = 'ONVIF', lifecycle = 'IN_SERVICE', probe_zone = ? WHERE id = ?", ZONE, camera);
        jdbc.update("UPDATE device SET probe_method = 'ONVIF', lifecycle = 'IN_SERVICE', probe_zone = 'elsewhere' WHERE id = ?",
                otherZoneCamera);
        jdbc.update("DELETE FROM vqd_snapshot");
        JsonNode agent = read(perform(withJson(post("/api/v1/agents"), Map.of("name", unique("snap-agent"), "zone", ZONE)), ADMIN)
                .andExpect(status().isCreated()));
        token = agent.get("token").asString();
    }

    @Test
    void theAgentsPictureOfTheNewestCheckIsKeptAndShownWithItsTime() throws Exception {
        perform(get("/api/v1/devices/{id}/vqd-snapshot", camera), ADMIN).andExpectAll(problem(404));
        assertThat(getJson("/api/v1/devices/{id}/vqd", camera).get("snapshot").isNull()).isTrue();

        byte[] first = jpeg(480, 270, Color.DARK_GRAY);
        upload(camera, T1.toString(), first).andExpect(status().isNoContent());
        byte[] kept = perform(get("/api/v1/devices/{id}/vqd-snapshot", camera), ADMIN).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_JPEG)).andReturn().getResponse().getContentAsByteArray();
        assertThat(kept).isEqualTo(first);
        JsonNode taken = getJson("/api/v1/devices/{id}/vqd", camera).get("snapshot");
        assertThat(Instant.parse(taken.get("checkedAt").asString())).isEqualTo(T1);
        assertThat(taken.get("width").asInt()).isEqualTo(480);
        assertThat(taken.get("height").asInt()).isEqualTo(270);

        byte[] newer = jpeg(352, 288, Color.LIGHT_GRAY);
        upload(camera, T1.plusSeconds(600).toString(), newer).andExpect(status().isNoContent());
        upload(camera, T1.plusSeconds(300).toString(), first).andExpect(status().isNoContent()); // late: ignored
        upload(camera, T1.plusSeconds(600).toString(), first).andExpect(status().isNoContent()); // sent twice: ignored
        assertThat(picture()).isEqualTo(newer);
        JsonNode after = getJson("/api/v1/devices/{id}/vqd", camera).get("snapshot");
        assertThat(Instant.parse(after.get("checkedAt").asString())).isEqualTo(T1.plusSeconds(600));
        assertThat(after.get("width").asInt()).isEqualTo(352);
    }

    @Test
    void anythingButAJpegOfACameraInTheAgentsZoneIsRefusedAndStoresNothing() throws Exception {
        byte[] ok = jpeg(480, 270, Color.GRAY);
        upload(otherZoneCamera, T1.toString(), ok).andExpectAll(problem(403));
        upload(999_999_999L, T1.toString(), ok).andExpectAll(problem(403));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(48, 27, BufferedImage.TYPE_INT_RGB), "png", png);
        upload(camera, T1.toString(), png.toByteArray()).andExpectAll(problem(400));
        upload(camera, T1.toString(), new byte[0]).andExpectAll(problem(400));
        byte[] truncated = Arrays.copyOf(ok, 40); // a JPEG's start, not a picture
        upload(camera, T1.toString(), truncated).andExpectAll(problem(400));
        byte[] huge = Arrays.copyOf(ok, 600 * 1024);
        upload(camera, T1.toString(), huge).andExpectAll(problem(413));
        upload(camera, "yesterday", ok).andExpectAll(problem(400));
        upload(camera, Instant.now().plusSeconds(3600).toString(), ok).andExpectAll(problem(400));
        mvc.perform(put("/api/v1/agent/devices/{id}/vqd-snapshot?checkedAt={t}", camera, T1.toString())
                .contentType(MediaType.IMAGE_JPEG).content(ok)).andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vqd_snapshot", Integer.class)).isZero();
    }

    @Test
    void usersReadThePictureWithTheDevicesVisibility() throws Exception {
        upload(camera, T1.toString(), jpeg(480, 270, Color.GRAY)).andExpect(status().isNoContent());
        String outsider = unique("snap-tech");
        ensureUser(outsider, "TECHNICIAN", scratchProject());
        perform(get("/api/v1/devices/{id}/vqd-snapshot", camera), outsider).andExpectAll(problem(404));
        String insider = unique("snap-tech");
        ensureUser(insider, "TECHNICIAN");
        perform(get("/api/v1/devices/{id}/vqd-snapshot", camera), insider).andExpect(status().isOk());
    }

    private ResultActions upload(long deviceId, String checkedAt, byte[] body) throws Exception {
        return mvc.perform(put("/api/v1/agent/devices/{id}/vqd-snapshot?checkedAt={t}", deviceId, checkedAt)
                .header("Authorization", "Bearer " + token).contentType(MediaType.IMAGE_JPEG).content(body));
    }

    private byte[] picture() throws Exception {
        return perform(get("/api/v1/devices/{id}/vqd-snapshot", camera), ADMIN).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static byte[] jpeg(int w, int h, Color c) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawString("2026-12-06 18:00:00", 10, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
