package org.xueliang.tracker.agent.sim;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;
import org.xueliang.tracker.agent.vqd.VqdImages;

/**
 * The snapshots of the simulator's picture faults for video-quality diagnosis (docs/VQD.md): one 640×360 street
 * scene, made once, and from it a blurred, a yellow-cast, an occluded and a dark JPEG, a still picture (one frame
 * re-encoded, so the bytes differ but the picture and its caption do not move: 画面冻结 between scheduled checks) and
 * the scene as a turned camera sees it (shifted sideways: 场景变更 against an approved reference of the clean scene).
 */
final class VqdPictures {

    static final List<Fault> FAULTS = List.of(Fault.BLURRED_VIDEO, Fault.COLOR_CAST_VIDEO, Fault.OCCLUDED_VIDEO,
            Fault.DARK_VIDEO, Fault.STILL_VIDEO, Fault.TURNED_VIDEO);
    /** How far the turned camera's view moved, in pixels of the 640-wide scene (not a multiple of its windows' pitch). */
    static final int TURN_PIXELS = 230;
    /** The still picture's JPEG qualities, one per variant: the same frame, different bytes. */
    private static final float[] STILL_QUALITIES = {0.90f, 0.92f, 0.94f};
    /** Variants of each faulty picture (the caption's seconds differ), so a faulty camera is not also frozen. */
    static final int FAULT_VARIANTS = 3;
    private static final Map<Fault, byte[][]> JPEGS = new EnumMap<>(Fault.class);
    /** The clean scene with the caption's seconds 00..15: a healthy camera's snapshots (they differ, so not frozen). */
    private static final byte[][] CLEAN = new byte[Jpegs.POOL][];

    static {
        for (int i = 0; i < CLEAN.length; i++) {
            CLEAN[i] = Jpegs.encode(scene(i));
        }
        FAULTS.forEach(f -> JPEGS.put(f, new byte[FAULT_VARIANTS][]));
        for (int i = 0; i < FAULT_VARIANTS; i++) {
            BufferedImage scene = scene(i);
            JPEGS.get(Fault.BLURRED_VIDEO)[i] = Jpegs.encode(VqdImages.gaussianBlur(scene, 4.0));
            JPEGS.get(Fault.COLOR_CAST_VIDEO)[i] = Jpegs.encode(new RescaleOp(new float[]{1.0f, 0.92f, 0.55f},
                    new float[3], null).filter(scene, null));
            JPEGS.get(Fault.OCCLUDED_VIDEO)[i] = Jpegs.encode(occluded(scene));
            JPEGS.get(Fault.DARK_VIDEO)[i] = Jpegs.encode(new RescaleOp(0.2f, 0, null).filter(scene, null));
            JPEGS.get(Fault.STILL_VIDEO)[i] = Jpegs.encode(scene(0), STILL_QUALITIES[i]);
            JPEGS.get(Fault.TURNED_VIDEO)[i] = Jpegs.encode(turned(i));
        }
    }

    private VqdPictures() {
    }

    static byte[] of(Fault f) {
        return of(f, 0);
    }

    static byte[] of(Fault f, long frame) {
        return JPEGS.get(f)[(int) Math.floorMod(frame, (long) FAULT_VARIANTS)];
    }

    /** A healthy camera's snapshot; consecutive frames give different bytes. */
    static byte[] clean(long frame) {
        return CLEAN[(int) Math.floorMod(frame, (long) CLEAN.length)];
    }

    static BufferedImage scene() {
        return scene(0);
    }

    /** The clean scene: sky, houses with windows, a road with cars, the clock caption (its seconds given). */
    static BufferedImage scene(int second) {
        return view(second, 0);
    }

    /** The scene after the camera was turned: the view moved {@link #TURN_PIXELS} sideways; the caption stays. */
    static BufferedImage turned(int second) {
        return view(second, TURN_PIXELS);
    }

    /** The street seen from {@code shift} pixels further right (wrapping round), with the caption burnt in. */
    private static BufferedImage view(int second, int shift) {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.translate(-shift, 0);
        street(g);
        g.translate(640, 0);
        street(g);
        g.translate(shift - 640, 0);
        caption(g, second);
        g.dispose();
        return img;
    }

    /** Sky, houses with windows, a road with cars, on 640×360 from the origin. */
    private static void street(Graphics2D g) {
        g.setColor(new Color(172, 182, 192));
        g.fillRect(0, 0, 640, 130);
        int[] greys = {150, 120, 175, 135, 160, 110, 145};
        for (int i = 0; i < greys.length; i++) {
            g.setColor(new Color(greys[i], greys[i] - 4, greys[i] - 8));
            g.fillRect(i * 92, 60 + (i % 3) * 20, 88, 180);
            g.setColor(new Color(48, 56, 64));
            for (int wy = 110; wy < 230; wy += 22) {
                for (int wx = i * 92 + 8; wx < i * 92 + 80; wx += 20) {
                    g.fillRect(wx, wy, 11, 13);
                }
            }
        }
        g.setColor(new Color(104, 104, 108));
        g.fillRect(0, 240, 640, 120);
        g.setColor(Color.WHITE);
        for (int x = 0; x < 640; x += 60) {
            g.fillRect(x, 300, 34, 4);
        }
        Color[] cars = {new Color(190, 30, 30), new Color(30, 60, 160), new Color(230, 230, 230), new Color(40, 40, 40)};
        for (int i = 0; i < cars.length; i++) {
            g.setColor(cars[i]);
            g.fillRoundRect(40 + i * 150, 255 + (i % 2) * 50, 70, 28, 10, 10);
        }
    }

    private static void caption(Graphics2D g, int second) {
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        String caption = String.format("2026-03-09 10:15:%02d", second % 60);
        g.drawString(caption, 11, 21);
        g.setColor(Color.WHITE);
        g.drawString(caption, 10, 20);
    }

    private static BufferedImage occluded(BufferedImage scene) {
        BufferedImage img = new BufferedImage(scene.getWidth(), scene.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(scene, 0, 0, null);
        g.setColor(new Color(30, 38, 26));
        g.fillOval(-260, -200, 620, 460);
        g.dispose();
        return img;
    }
}
