package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalDouble;

/**
 * Video-quality diagnosis of a snapshot (docs/VQD.md): reduces the picture (and the previous snapshot and the
 * approved reference, when given) to analysis size once, runs every {@link Check} and judges each score against the
 * thresholds. When the signal is lost every other class is masked; a badly exposed picture masks focus, colour and
 * the reference comparison (a masked class keeps its score but is not a fault). Thread-safe and stateless; plain Java so the
 * agent and the backend share it.
 */
public final class VqdAnalyzer {

    private static final List<Check> CHECKS = List.of(new SignalLossCheck(), new FreezeCheck(), new BlurCheck(),
            new ColorCastCheck(), new TooBrightCheck(), new TooDarkCheck(), new NoiseCheck(), new OcclusionCheck(),
            new SceneChangeCheck());

    private static final Set<VqdClass> EXPOSURE_MASKED = EnumSet.of(VqdClass.BLUR, VqdClass.COLOR_CAST,
            VqdClass.SCENE_CHANGE);

    private final VqdThresholds thresholds;

    public VqdAnalyzer(VqdThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public VqdAnalyzer() {
        this(VqdThresholds.defaults());
    }

    public VqdReport analyze(BufferedImage current, BufferedImage previous, BufferedImage reference) {
        return analyze(Frame.of(current), previous == null ? null : Frame.of(previous),
                reference == null ? null : Frame.of(reference));
    }

    public VqdReport analyze(BufferedImage current) {
        return analyze(current, null, null);
    }

    public VqdReport analyze(Frame current, Frame previous, Frame reference) {
        return analyze(current, previous, reference, thresholds);
    }

    /** As {@link #analyze(Frame, Frame, Frame)} with other thresholds (a device category's). */
    public VqdReport analyze(Frame current, Frame previous, Frame reference, VqdThresholds t) {
        Check.Pictures pictures = new Check.Pictures(current, previous, reference);
        EnumMap<VqdClass, Double> scores = new EnumMap<>(VqdClass.class);
        for (Check check : CHECKS) {
            OptionalDouble score = check.score(pictures);
            if (score.isPresent()) {
                scores.put(check.type(), Math.round(score.getAsDouble() * 1000) / 1000.0);
            }
        }
        List<VqdFinding> out = new ArrayList<>(scores.size());
        scores.forEach((c, s) -> {
            double threshold = t.of(c);
            VqdClass mask = maskOf(c, scores, t);
            out.add(new VqdFinding(c, s, threshold, s >= threshold && mask == null, mask));
        });
        return new VqdReport(out);
    }

    /**
     * What makes class {@code c} meaningless here: a lost signal masks every other class; an exposure fault (过亮,
     * 过暗) masks the classes that need a well-exposed picture to judge — focus, colour, noise-free detail and the
     * comparison with the reference; strong noise hides the scene from that comparison too, and colour is compared
     * block by block with the reference only while the scene is the reference's.
     */
    private static VqdClass maskOf(VqdClass c, Map<VqdClass, Double> scores, VqdThresholds t) {
        if (c != VqdClass.SIGNAL_LOSS && over(VqdClass.SIGNAL_LOSS, scores, t)) {
            return VqdClass.SIGNAL_LOSS;
        }
        if (c == VqdClass.SCENE_CHANGE && over(VqdClass.NOISE, scores, t)) {
            return VqdClass.NOISE;
        }
        if (c == VqdClass.COLOR_CAST && over(VqdClass.SCENE_CHANGE, scores, t)) {
            return VqdClass.SCENE_CHANGE;
        }
        if (EXPOSURE_MASKED.contains(c)) {
            for (VqdClass exposure : List.of(VqdClass.TOO_DARK, VqdClass.TOO_BRIGHT)) {
                if (over(exposure, scores, t)) {
                    return exposure;
                }
            }
        }
        return null;
    }

    private static boolean over(VqdClass c, Map<VqdClass, Double> scores, VqdThresholds t) {
        Double s = scores.get(c);
        return s != null && s >= t.of(c);
    }
}
