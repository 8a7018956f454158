package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Labelled pictures generated from {@link Scenes}: each scene clean, and each defect at three strengths. Every sample
 * has a live previous snapshot (else the FREEZE sample's repeat) and a reference (else the SCENE_CHANGE sample's
 * turned view), so every class is judged on every sample.
 */
final class LabelledSet {

    /** A picture with its true class (null: clean) and the classes it may also fairly show. */
    record Sample(String name, BufferedImage current, BufferedImage previous, BufferedImage reference, VqdClass truth) {
    }

    /**
     * Classes a defect fairly brings along: a large dark cover also darkens the picture and changes the view.
     * Neither a hit nor a false alarm when they are reported.
     */
    static final Map<VqdClass, Set<VqdClass>> TOLERATED = Map.of(
            VqdClass.OCCLUSION, EnumSet.of(VqdClass.SCENE_CHANGE, VqdClass.TOO_DARK));

    private static final String[] CLOCKS = {"2026-03-05 10:00:00", "2026-03-05 06:00:00", "2026-03-01 02:00:00"};

    private LabelledSet() {
    }

    /**
     * The samples of every scene, in scene order. Each scene draws only from its own {@code Random(seed)}, so the scenes
     * are drawn side by side (the set is the same as one after another, in about half the time on two cores).
     */
    static List<Sample> generate(int[] kinds, long seedBase, int scenesPerKind, int w, int h) {
        record Scene(int kind, long seed) {
        }
        List<Scene> scenes = new ArrayList<>();
        for (int kind : kinds) {
            for (int s = 0; s < scenesPerKind; s++) {
                scenes.add(new Scene(kind, seedBase + kind * 1000L + s));
            }
        }
        return scenes.parallelStream().map(sc -> {
            List<Sample> out = new ArrayList<>();
            scene(out, Scenes.KINDS[sc.kind()] + "#" + sc.seed(), Scenes.canvas(sc.kind(), w, h, sc.seed()),
                    new Random(sc.seed()), w, h);
            return out;
        }).flatMap(List::stream).toList();
    }

    private static void scene(List<Sample> out, String name, BufferedImage canvas, Random r, int w, int h) {
        BufferedImage base = Defects.crop(canvas, w, 0.05);
        double sigma = 1.5 + 2 * r.nextDouble();
        BufferedImage live = Defects.live(base, r, sigma, 1.0, CLOCKS[0]);
        BufferedImage previous = Defects.snapshot(Defects.live(base, r, sigma, 0.96 + 0.08 * r.nextDouble(), CLOCKS[1]), 0.8f);
        BufferedImage reference = Defects.snapshot(
                Defects.live(base, r, sigma, 0.75 + 0.5 * r.nextDouble(), CLOCKS[2]), 0.8f);
        out.add(new Sample(name + " clean", Defects.snapshot(live, 0.8f), previous, reference, null));
        for (int strength = 1; strength <= 3; strength++) {
            int k = strength - 1;
            String tag = name + " s" + strength + " ";
            add(out, tag, VqdClass.BLUR, Defects.live(Defects.blur(base, (int) Math.round(w * new double[]{0.003, 0.005, 0.008}[k])),
                    r, sigma, 1.0, CLOCKS[0]), previous, reference);
            double[][] casts = {{1.0, 0.92, 0.55}, {0.6, 0.85, 1.2}, {0.7, 1.1, 0.7}, {1.2, 0.75, 0.7}, {1.15, 0.7, 1.1}};
            double[] cast = casts[r.nextInt(casts.length)];
            double amount = new double[]{0.6, 0.8, 1.0}[k];
            add(out, tag, VqdClass.COLOR_CAST, Defects.gains(live, 1 + (cast[0] - 1) * amount, 1 + (cast[1] - 1) * amount,
                    1 + (cast[2] - 1) * amount), previous, reference);
            double dark = new double[]{0.3, 0.2, 0.12}[k];
            add(out, tag, VqdClass.TOO_DARK, Defects.live(Defects.map(base, (c, x, y) -> c * dark), r, sigma, 1.0, CLOCKS[0]),
                    previous, reference);
            double gain = new double[]{1.6, 2.0, 2.6}[k];
            add(out, tag, VqdClass.TOO_BRIGHT, Defects.live(Defects.map(base, (c, x, y) -> c * gain + 40), r, sigma, 1.0,
                    CLOCKS[0]), previous, reference);
            double noise = new double[]{20, 32, 50}[k];
            double snow = strength == 3 ? 0.08 : 0;
            add(out, tag, VqdClass.NOISE, Defects.map(live, (c, x, y) -> r.nextDouble() < snow ? (r.nextBoolean() ? 255 : 0)
                    : c + r.nextGaussian() * noise), previous, reference);
            add(out, tag, VqdClass.OCCLUSION, Defects.occlude(live, r, new double[]{0.18, 0.3, 0.45}[k]), previous, reference);
            add(out, tag, VqdClass.SIGNAL_LOSS, Defects.live(Defects.signalLoss(w, h, r, k + r.nextInt(3)), r, 1.0, 1.0,
                    CLOCKS[0]), previous, reference);
            BufferedImage frozen = Defects.snapshot(live, 0.8f);
            BufferedImage repeat = strength == 3 ? frozen : Defects.snapshot(live, new float[]{0.6f, 0.7f}[k]);
            out.add(new Sample(tag + VqdClass.FREEZE, frozen, repeat, reference, VqdClass.FREEZE));
            double turn = new double[]{0.12, 0.22, 0.35}[k];
            BufferedImage turned = Defects.snapshot(Defects.live(Defects.crop(canvas, w, 0.05 + turn), r, sigma,
                    0.8 + 0.4 * r.nextDouble(), CLOCKS[2]), 0.8f);
            out.add(new Sample(tag + VqdClass.SCENE_CHANGE, Defects.snapshot(live, 0.8f), previous, turned,
                    VqdClass.SCENE_CHANGE));
        }
    }

    private static void add(List<Sample> out, String tag, VqdClass truth, BufferedImage picture, BufferedImage previous,
            BufferedImage reference) {
        out.add(new Sample(tag + truth, Defects.snapshot(picture, 0.8f), previous, reference, truth));
    }
}
