package org.xueliang.tracker.vqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/vqd/analyze}: verdicts per class with labels in the caller's language; bad pictures are 400. */
@OnH2
class VqdAnalyzeApiTest extends ApiTestSupport {

    @Test
    void a_blurred_snapshot_is_blur_labelled_in_the_callers_language_and_a_sharp_one_passes() throws Exception {
        BufferedImage sharp = street(new Random(3));
        JsonNode blurred = read(perform(upload("image", jpeg(VqdImages.gaussianBlur(sharp, 6.0))), "admin")
                .andExpect(status().isOk()));
        JsonNode blur = find(blurred, "BLUR");
        assertThat(blur.get("label").asString()).isEqualTo("模糊");
        assertThat(blur.get("fault").asBoolean()).isTrue();
        assertThat(blur.get("score").asDouble()).isGreaterThanOrEqualTo(blur.get("threshold").asDouble());
        assertThat(find(blurred, "FREEZE")).as("no previous picture, no freeze verdict").isNull();

        JsonNode clean = read(perform(upload("image", jpeg(sharp)).param("lang", "en"), "admin").andExpect(status().isOk()));
        assertThat(find(clean, "BLUR").get("label").asString()).isEqualTo("Blur");
        for (JsonNode f : clean.get("findings")) {
            assertThat(f.get("fault").asBoolean()).as("%s", f).isFalse();
        }
    }

    @Test
    void the_same_picture_as_the_previous_is_frozen_and_black_masks_the_rest() throws Exception {
        byte[] picture = jpeg(street(new Random(4)));
        JsonNode frozen = read(perform(upload("image", picture).file(new MockMultipartFile("previous", "p.jpg",
                "image/jpeg", picture)), "admin").andExpect(status().isOk()));
        assertThat(find(frozen, "FREEZE").get("fault").asBoolean()).isTrue();

        JsonNode black = read(perform(upload("image", jpeg(new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB))),
                "admin").andExpect(status().isOk()));
        assertThat(find(black, "SIGNAL_LOSS").get("fault").asBoolean()).isTrue();
        assertThat(find(black, "TOO_DARK").get("fault").asBoolean()).isFalse();
        assertThat(find(black, "TOO_DARK").get("maskedBy").asString()).isEqualTo("SIGNAL_LOSS");
        assertThat(find(black, "TOO_DARK").get("maskedByLabel").asString()).isEqualTo("信号丢失");
    }

    @Test
    void something_that_is_not_a_picture_is_a_problem_naming_the_part() throws Exception {
        JsonNode problem = read(perform(upload("image", "<html>no</html>".getBytes()), "admin")
                .andExpectAll(problem(400)));
        assertThat(problem.toString()).contains("image");
        JsonNode empty = read(perform(upload("image", jpeg(street(new Random(5)))).file(new MockMultipartFile("reference",
                "r.jpg", "image/jpeg", new byte[0])), "admin").andExpectAll(problem(400)));
        assertThat(empty.toString()).contains("reference");
        perform(multipart("/api/v1/vqd/analyze"), "admin").andExpect(status().isBadRequest());
    }

    private static MockMultipartHttpServletRequestBuilder upload(String part, byte[] bytes) {
        return multipart("/api/v1/vqd/analyze").file(new MockMultipartFile(part, part + ".jpg", "image/jpeg", bytes));
    }

    private static JsonNode find(JsonNode analysis, String type) {
        for (JsonNode f : analysis.get("findings")) {
            if (f.get("class").asString().equals(type)) {
                return f;
            }
        }
        return null;
    }

    /** A street drawn differently from the agents' generated set: houses, windows, a road, cars, a caption. */
    private static BufferedImage street(Random r) {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(170, 180, 190));
        g.fillRect(0, 0, 1280, 250);
        for (int x = 0; x < 1280; x += 160) {
            int grey = 110 + r.nextInt(90);
            g.setColor(new Color(grey, grey - 5, grey - 10));
            g.fillRect(x, 120 + r.nextInt(60), 150, 330);
            g.setColor(new Color(50, 60, 70));
            for (int wy = 200; wy < 430; wy += 40) {
                for (int wx = x + 12; wx < x + 140; wx += 34) {
                    g.fillRect(wx, wy, 20, 24);
                }
            }
        }
        g.setColor(new Color(105, 105, 108));
        g.fillRect(0, 450, 1280, 270);
        g.setColor(Color.WHITE);
        for (int x = 0; x < 1280; x += 120) {
            g.fillRect(x, 580, 70, 8);
        }
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(r.nextInt(220), r.nextInt(220), r.nextInt(220)));
            g.fillRoundRect(r.nextInt(1150), 470 + r.nextInt(180), 120, 50, 16, 16);
        }
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 28));
        g.setColor(Color.BLACK);
        g.drawString("2026-03-09 10:15:00", 21, 41);
        g.setColor(Color.WHITE);
        g.drawString("2026-03-09 10:15:00", 20, 40);
        g.dispose();
        for (int y = 0; y < 720; y++) {
            for (int x = 0; x < 1280; x++) {
                int v = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * 2);
                img.setRGB(x, y, (clamp(((v >> 16) & 0xff) + n) << 16) | (clamp(((v >> 8) & 0xff) + n) << 8)
                        | clamp((v & 0xff) + n));
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
