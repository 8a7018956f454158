package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * 信号丢失: the share of the picture within a few grey levels of its dominant colour (black, blue, grey "no signal"
 * screens are one flat colour apart from a caption or clock). A clipped white dominant colour is over-exposure
 * (过亮), not a lost signal. Score ramps from 60 % of the picture (0) to 100 % (1); the default threshold 0.5 means 80 %.
 */
final class SignalLossCheck implements Check {

    private static final float LUMA_TOLERANCE = 3;
    private static final float CHROMA_TOLERANCE = 4;

    @Override
    public VqdClass type() {
        return VqdClass.SIGNAL_LOSS;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        return OptionalDouble.of(Check.ramp(dominantShare(p.current()), 0.6, 1.0));
    }

    /** Share of pixels close to the densest colour bin's mean colour (0 when that colour is clipped white). */
    static double dominantShare(Frame f) {
        int n = f.luma.length;
        int[] count = new int[32 * 16 * 16];
        int[] bin = new int[n];
        for (int i = 0; i < n; i++) {
            int b = (q(f.luma[i], 32, 0, 256) * 16 + q(f.cb[i], 16, -128, 128)) * 16 + q(f.cr[i], 16, -128, 128);
            bin[i] = b;
            count[b]++;
        }
        int top = 0;
        for (int b = 1; b < count.length; b++) {
            if (count[b] > count[top]) {
                top = b;
            }
        }
        double y = 0;
        double u = 0;
        double v = 0;
        for (int i = 0; i < n; i++) {
            if (bin[i] == top) {
                y += f.luma[i];
                u += f.cb[i];
                v += f.cr[i];
            }
        }
        y /= count[top];
        u /= count[top];
        v /= count[top];
        if (y > 230) {
            return 0;
        }
        int close = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(f.luma[i] - y) <= LUMA_TOLERANCE && Math.abs(f.cb[i] - u) <= CHROMA_TOLERANCE
                    && Math.abs(f.cr[i] - v) <= CHROMA_TOLERANCE) {
                close++;
            }
        }
        return n == 0 ? 1 : (double) close / n;
    }

    private static int q(float value, int bins, float low, float high) {
        int b = (int) ((value - low) * bins / (high - low));
        return Math.max(0, Math.min(bins - 1, b));
    }
}
