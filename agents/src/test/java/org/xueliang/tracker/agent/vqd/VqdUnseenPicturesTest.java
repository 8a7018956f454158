package org.xueliang.tracker.agent.vqd;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ByteLookupTable;
import java.awt.image.LookupOp;
import java.awt.image.RescaleOp;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pictures the tuning never generated: a hand-drawn gate scene and the held-out room at 704×576 (D1) and
 * 1920×1080, made faulty with Java2D's own operators (a Gaussian ConvolveOp, RescaleOp, a gamma LookupOp, a drawn
 * leaf) rather than the generator's, and judged alone, as a technician's upload is (no previous, no reference).
 */
class VqdUnseenPicturesTest {

    private final VqdAnalyzer analyzer = new VqdAnalyzer();

    @ParameterizedTest
    @ValueSource(ints = {704, 1920})
    void blurred_colour_cast_dark_black_and_occluded_pictures_are_each_found_and_the_clean_ones_pass(int width) {
        int height = width == 704 ? 576 : 1080;
        for (int scene = 0; scene < 3; scene++) {
            BufferedImage clean = scene == 0 ? gate(width, height, new Random(width + scene))
                    : Defects.crop(Scenes.canvas(4, width, height, 50_000L + width + scene), width, 0.1);
            String name = (scene == 0 ? "gate " : "room ") + width + "#" + scene;
            assertThat(analyzer.analyze(snapshot(clean)).faults()).as("clean %s", name).isEmpty();
            expect(name, VqdClass.BLUR, VqdImages.gaussianBlur(clean, width / 250.0));
            expect(name, VqdClass.BLUR, VqdImages.gaussianBlur(clean, width / 150.0));
            expect(name, VqdClass.COLOR_CAST, rescale(clean, 1.0f, 0.9f, 0.6f));
            expect(name, VqdClass.COLOR_CAST, rescale(clean, 0.75f, 0.9f, 1.15f));
            expect(name, VqdClass.TOO_DARK, gamma(clean, 2.6, 0.6));
            expect(name, VqdClass.TOO_DARK, rescale(clean, 0.25f, 0.25f, 0.25f));
            expect(name, VqdClass.SIGNAL_LOSS, black(width, height, false));
            expect(name, VqdClass.SIGNAL_LOSS, black(width, height, true));
            expect(name, VqdClass.OCCLUSION, leaf(clean, new Random(scene), 0.7));
            expect(name, VqdClass.OCCLUSION, leaf(clean, new Random(scene + 7), 0.9));
        }
    }

    @Test
    void the_same_picture_twice_is_frozen_and_a_turned_camera_changed_its_scene() {
        BufferedImage canvas = Scenes.canvas(5, 1280, 720, 77);
        BufferedImage now = snapshot(Defects.live(Defects.crop(canvas, 1280, 0.1), new Random(1), 2, 1, "2026-03-09 09:00:00"));
        BufferedImage later = snapshot(Defects.live(Defects.crop(canvas, 1280, 0.1), new Random(2), 2, 1.05, "2026-03-09 13:00:00"));
        BufferedImage turned = snapshot(Defects.live(Defects.crop(canvas, 1280, 0.35), new Random(3), 2, 1, "2026-03-09 13:00:00"));
        assertThat(analyzer.analyze(now, now, later).faults()).extracting(VqdFinding::type).containsExactly(VqdClass.FREEZE);
        assertThat(analyzer.analyze(later, now, now).faults()).isEmpty();
        assertThat(analyzer.analyze(turned, now, now).faults()).extracting(VqdFinding::type)
                .containsExactly(VqdClass.SCENE_CHANGE);
    }

    private void expect(String scene, VqdClass c, BufferedImage picture) {
        VqdReport report = analyzer.analyze(snapshot(picture));
        assertThat(report.faults()).as("%s made %s: %s", scene, c, report.findings())
                .extracting(VqdFinding::type).contains(c);
        assertThat(report.faults()).as("%s made %s: %s", scene, c, report.findings())
                .extracting(VqdFinding::type).isSubsetOf(c, VqdClass.TOO_DARK);
    }

    private static BufferedImage snapshot(BufferedImage img) {
        return Defects.snapshot(img, 0.85f);
    }

    /** A building entrance: a wall with a gate and a guard box, a road, a barrier, a sign. */
    static BufferedImage gate(int w, int h, Random r) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(176, 184, 190));
        g.fillRect(0, 0, w, h / 4);
        g.setColor(new Color(150, 140, 128));
        g.fillRect(0, h / 4, w, h / 3);
        for (int x = 0; x < w; x += w / 24) {
            g.setColor(new Color(120, 112, 104));
            g.drawLine(x, h / 4, x, h / 4 + h / 3);
        }
        g.setColor(new Color(70, 72, 76));
        g.fillRect(w / 3, h / 4 + h / 12, w / 4, h / 4);
        g.setColor(new Color(210, 200, 60));
        g.setStroke(new BasicStroke(Math.max(3, w / 200f)));
        g.drawLine(w / 3, h / 2, w / 3 + w / 4, h / 2);
        g.setColor(new Color(112, 112, 116));
        g.fillPolygon(new Polygon(new int[]{w / 3, w / 3 + w / 4, w, 0}, new int[]{h / 4 + h / 3, h / 4 + h / 3, h, h}, 4));
        g.setColor(new Color(230, 230, 230));
        for (int y = h * 2 / 3; y < h; y += h / 14) {
            g.fillRect(w / 2 - w / 200, y, w / 100, h / 28);
        }
        g.setColor(new Color(190, 40, 40));
        g.fillRect(w * 3 / 4, h / 6, w / 6, h / 10);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, h / 22));
        g.drawString("公安局 大门", w * 3 / 4 + w / 80, h / 6 + h / 15);
        g.setColor(new Color(200, 205, 210));
        g.fillRect(w / 8, h / 3, w / 10, h / 5);
        g.setColor(new Color(60, 90, 140));
        g.fillRect(w / 8 + w / 60, h / 3 + h / 40, w / 15, h / 14);
        for (int i = 0; i < 4; i++) {
            g.setColor(Scenes.color(r, 30, 220));
            int cx = r.nextInt(w * 3 / 4);
            g.fillRoundRect(cx, h * 3 / 4 + r.nextInt(h / 8), w / 8, h / 12, 12, 12);
        }
        g.dispose();
        return Defects.live(img, r, 2.5, 1.0, "2026-03-09 10:15:00");
    }

    private static BufferedImage rescale(BufferedImage img, float r, float g, float b) {
        return new RescaleOp(new float[]{r, g, b}, new float[]{0, 0, 0}, null).filter(img, null);
    }

    private static BufferedImage gamma(BufferedImage img, double gamma, double gain) {
        byte[] table = new byte[256];
        for (int i = 0; i < 256; i++) {
            table[i] = (byte) Math.round(255 * gain * Math.pow(i / 255.0, gamma));
        }
        return new LookupOp(new ByteLookupTable(0, table), null).filter(img, null);
    }

    private static BufferedImage black(int w, int h, boolean caption) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(4, 4, 6));
        g.fillRect(0, 0, w, h);
        if (caption) {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, h / 20));
            g.drawString("2026-03-09 10:15:00  通道1", w / 30, h / 15);
        }
        g.dispose();
        return img;
    }

    /** A dark leaf close to the lens, hanging in from the top edge, reaching {@code depth} of the height (a fifth of the picture or more). */
    private static BufferedImage leaf(BufferedImage img, Random r, double depth) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(img, 0, 0, null);
        int w = img.getWidth();
        int h = img.getHeight();
        int x0 = r.nextInt(w / 3);
        Polygon p = new Polygon();
        p.addPoint(x0, 0);
        p.addPoint(x0 + w * 2 / 3, 0);
        p.addPoint(x0 + w / 2, (int) (h * depth * 0.7));
        p.addPoint(x0 + w / 6, (int) (h * depth));
        p.addPoint(x0 + w / 20, (int) (h * depth * 0.6));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.97f));
        g.setColor(new Color(28, 40, 22));
        g.fillPolygon(p);
        g.dispose();
        return out;
    }
}
