package org.xueliang.tracker.agent.vqd;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Clean synthetic camera scenes drawn with Java2D, wider than the picture ({@link #CANVAS} × its width) so a crop
 * further right is the same place seen by a camera that turned. Kinds 0–3 are the tuning set's, 4–5 only appear in
 * the held-out and unseen sets.
 */
final class Scenes {

    static final double CANVAS = 1.4;
    static final String[] KINDS = {"gradient-shapes", "text-edges", "texture", "street", "room", "park"};

    private Scenes() {
    }

    static BufferedImage canvas(int kind, int w, int h, long seed) {
        int cw = (int) (w * CANVAS);
        BufferedImage img = new BufferedImage(cw, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Random r = new Random(seed);
        switch (kind) {
            case 0 -> shapes(g, r, cw, h);
            case 1 -> text(g, r, cw, h);
            case 2 -> texture(img, g, r, cw, h);
            case 3 -> street(g, r, cw, h);
            case 4 -> room(g, r, cw, h);
            case 5 -> park(g, r, cw, h);
            default -> throw new IllegalArgumentException("kind " + kind);
        }
        g.dispose();
        return img;
    }

    /** A large surface's colour: grey with a light tint, as walls, roads and ground mostly are. */
    static Color muted(Random r, int lo, int hi) {
        int grey = lo + r.nextInt(hi - lo);
        return new Color(Math.max(0, Math.min(255, grey + r.nextInt(25) - 12)),
                Math.max(0, Math.min(255, grey + r.nextInt(25) - 12)), Math.max(0, Math.min(255, grey + r.nextInt(25) - 12)));
    }

    static Color color(Random r, int lo, int hi) {
        return new Color(lo + r.nextInt(hi - lo), lo + r.nextInt(hi - lo), lo + r.nextInt(hi - lo));
    }

    private static void shapes(Graphics2D g, Random r, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, muted(r, 60, 200), w, h, muted(r, 60, 200)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 40; i++) {
            g.setColor(color(r, 20, 240));
            int x = r.nextInt(w);
            int y = r.nextInt(h);
            int sw = 20 + r.nextInt(w / 6);
            int sh = 20 + r.nextInt(h / 4);
            switch (r.nextInt(3)) {
                case 0 -> g.fillRect(x, y, sw, sh);
                case 1 -> g.fillOval(x, y, sw, sh);
                default -> g.fillPolygon(new Polygon(new int[]{x, x + sw, x + r.nextInt(sw + 1)},
                        new int[]{y, y + r.nextInt(sh + 1), y + sh}, 3));
            }
        }
    }

    private static void text(Graphics2D g, Random r, int w, int h) {
        g.setColor(muted(r, 150, 215));
        g.fillRect(0, 0, w, h);
        String chars = "ABCDEFGHKLMNPRSTUVXYZ0123456789安全通道出口停车场派出所";
        for (int y = 20; y < h; y += 18 + r.nextInt(30)) {
            g.setFont(new Font(Font.SANS_SERIF, r.nextBoolean() ? Font.BOLD : Font.PLAIN, 12 + r.nextInt(28)));
            g.setColor(color(r, 0, 120));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                s.append(r.nextInt(6) == 0 ? ' ' : chars.charAt(r.nextInt(chars.length())));
            }
            g.drawString(s.toString(), r.nextInt(40) - 20, y);
        }
        g.setStroke(new BasicStroke(2));
        for (int i = 0; i < 12; i++) {
            g.setColor(color(r, 0, 200));
            g.drawRect(r.nextInt(w), r.nextInt(h), 30 + r.nextInt(200), 20 + r.nextInt(120));
        }
    }

    private static void texture(BufferedImage img, Graphics2D g, Random r, int w, int h) {
        int cell = 24 + r.nextInt(24);
        int gw = w / cell + 2;
        int gh = h / cell + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = r.nextFloat();
        }
        Color a = muted(r, 40, 90);
        Color b = muted(r, 150, 220);
        int fine = 5 + r.nextInt(4);
        int fw = w / fine + 2;
        float[] grain = new float[fw * (h / fine + 2)];
        for (int i = 0; i < grain.length; i++) {
            grain[i] = r.nextFloat();
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float fx = (float) x / cell;
                float fy = (float) y / cell;
                int ix = (int) fx;
                int iy = (int) fy;
                float tx = fx - ix;
                float ty = fy - iy;
                float v = lerp(lerp(grid[iy * gw + ix], grid[iy * gw + ix + 1], tx),
                        lerp(grid[(iy + 1) * gw + ix], grid[(iy + 1) * gw + ix + 1], tx), ty);
                v = 0.7f * v + 0.3f * grain[(y / fine) * fw + x / fine];
                img.setRGB(x, y, mix(a, b, v));
            }
        }
        for (int i = 0; i < 8; i++) {
            g.setColor(color(r, 0, 255));
            g.setStroke(new BasicStroke(2 + r.nextInt(6)));
            g.drawLine(r.nextInt(w), r.nextInt(h), r.nextInt(w), r.nextInt(h));
        }
    }

    private static void street(Graphics2D g, Random r, int w, int h) {
        int horizon = h / 3 + r.nextInt(h / 6);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 160, 215), 0, horizon, new Color(200, 215, 230)));
        g.fillRect(0, 0, w, horizon);
        for (int x = 0; x < w; ) {
            int bw = 60 + r.nextInt(160);
            int bh = horizon / 2 + r.nextInt(horizon);
            Color wall = muted(r, 90, 210);
            g.setColor(wall);
            g.fillRect(x, horizon - bh + horizon / 2, bw, bh);
            g.setColor(wall.darker().darker());
            for (int wy = horizon - bh + horizon / 2 + 8; wy < horizon + horizon / 2 - 12; wy += 18) {
                for (int wx = x + 6; wx < x + bw - 12; wx += 16) {
                    g.fillRect(wx, wy, 8, 10);
                }
            }
            x += bw + r.nextInt(10);
        }
        g.setColor(new Color(95, 95, 100));
        g.fillRect(0, horizon + horizon / 2, w, h);
        g.setColor(new Color(235, 235, 220));
        for (int x = 0; x < w; x += 90) {
            g.fillRect(x, (horizon + horizon / 2 + h) / 2, 50, 6);
        }
        for (int i = 0; i < 6; i++) {
            g.setColor(color(r, 20, 230));
            int cx = r.nextInt(w);
            int cy = horizon + horizon / 2 + r.nextInt(Math.max(1, h - horizon - horizon / 2 - 40));
            g.fillRoundRect(cx, cy, 90, 38, 14, 14);
            g.setColor(Color.DARK_GRAY);
            g.fillOval(cx + 10, cy + 28, 18, 18);
            g.fillOval(cx + 62, cy + 28, 18, 18);
        }
    }

    private static void room(Graphics2D g, Random r, int w, int h) {
        Color wall = muted(r, 150, 220);
        g.setColor(wall);
        g.fillRect(0, 0, w, h);
        g.setColor(wall.darker());
        g.fillPolygon(new int[]{0, w / 5, w / 5, 0}, new int[]{0, h / 6, h * 5 / 6, h}, 4);
        g.fillPolygon(new int[]{w, w * 4 / 5, w * 4 / 5, w}, new int[]{0, h / 6, h * 5 / 6, h}, 4);
        g.setColor(muted(r, 80, 160));
        g.fillPolygon(new int[]{0, w / 5, w * 4 / 5, w}, new int[]{h, h * 5 / 6, h * 5 / 6, h}, 4);
        g.setColor(new Color(120, 80, 50));
        g.fillRect(w / 3, h / 3, w / 10, h / 2);
        g.setColor(color(r, 30, 230));
        g.fillRect(w / 2, h / 4, w / 8, h / 5);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("办事大厅 请排队", w / 2 + 6, h / 4 + 24);
        g.setColor(new Color(150, 110, 70));
        g.fillRect(w / 2 - 40, h * 3 / 5, w / 4, 20);
        g.fillRect(w / 2 - 30, h * 3 / 5, 10, h / 5);
        g.fillRect(w / 2 + w / 4 - 60, h * 3 / 5, 10, h / 5);
        for (int i = 0; i < 5; i++) {
            g.setColor(color(r, 20, 200));
            int px = r.nextInt(w);
            g.fillOval(px, h / 2, 24, 24);
            g.fillRect(px + 2, h / 2 + 24, 20, 60);
        }
    }

    private static void park(Graphics2D g, Random r, int w, int h) {
        g.setPaint(new GradientPaint(0, 0, new Color(140, 180, 230), 0, h / 3, new Color(225, 230, 235)));
        g.fillRect(0, 0, w, h / 3);
        g.setColor(new Color(90, 150, 70));
        g.fillRect(0, h / 3, w, h);
        g.setColor(new Color(200, 190, 160));
        g.fillPolygon(new int[]{w / 2 - 20, w / 2 + 20, w / 2 + 220, w / 2 - 220}, new int[]{h / 3, h / 3, h, h}, 4);
        for (int i = 0; i < 14; i++) {
            int tx = r.nextInt(w);
            int ty = h / 3 - 40 + r.nextInt(h / 2);
            g.setColor(new Color(100, 70, 40));
            g.fillRect(tx + 18, ty + 40, 8, 40);
            g.setColor(new Color(30 + r.nextInt(40), 100 + r.nextInt(80), 30 + r.nextInt(40)));
            g.fillOval(tx, ty, 44, 56);
        }
        g.setStroke(new BasicStroke(3));
        for (int i = 0; i < 6; i++) {
            g.setColor(color(r, 0, 200));
            int px = r.nextInt(w);
            int py = h / 2 + r.nextInt(h / 3);
            g.drawOval(px, py, 10, 10);
            g.drawLine(px + 5, py + 10, px + 5, py + 35);
            g.drawLine(px + 5, py + 35, px, py + 50);
            g.drawLine(px + 5, py + 35, px + 10, py + 50);
        }
    }

    static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }

    static int mix(Color a, Color b, float t) {
        int rr = (int) lerp(a.getRed(), b.getRed(), t);
        int gg = (int) lerp(a.getGreen(), b.getGreen(), t);
        int bb = (int) lerp(a.getBlue(), b.getBlue(), t);
        return (rr << 16) | (gg << 8) | bb;
    }
}
