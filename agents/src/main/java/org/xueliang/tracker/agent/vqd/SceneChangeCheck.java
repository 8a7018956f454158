package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * 场景变更: compares the picture with the approved reference by the zero-mean normalised cross-correlation of their
 * detail: luma reduced 4× more (about 120×67, so noise washes out) minus its local 5×5 mean (so a change of light or
 * contrast does not count, and a scene of horizontal bands — sky, grass — still decorrelates when the camera turns),
 * taken per 8×8 block and summarised by the median over the blocks with detail, so the burnt-in clock that stays put
 * while the camera turns, or a car that drives by, does not decide. Score ramps over 1 − correlation from 0.3 to 0.7.
 */
final class SceneChangeCheck implements Check {

    /** RMS detail (grey levels) below which a block is flat and left out. */
    private static final double DETAIL = 1.5;

    @Override
    public VqdClass type() {
        return VqdClass.SCENE_CHANGE;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        Frame a = p.current();
        Frame b = p.reference();
        if (b == null) {
            return OptionalDouble.empty();
        }
        if (a.width != b.width || a.height != b.height) {
            return OptionalDouble.of(1);
        }
        return OptionalDouble.of(Check.ramp(1 - correlation(a, b), 0.3, 0.7));
    }

    static double correlation(Frame a, Frame b) {
        int f = Math.max(1, Math.min(4, Math.min(a.width, a.height) / 16));
        int w = a.width / f;
        int h = a.height / f;
        float[] x = detail(Planes.reduce(a.luma, a.width, a.height, f), w, h);
        float[] y = detail(Planes.reduce(b.luma, b.width, b.height, f), w, h);
        int bw = w / 8;
        int bh = h / 8;
        double[] found = new double[bw * bh];
        int n = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double sxy = 0;
                double sxx = 0;
                double syy = 0;
                for (int r = by * 8; r < by * 8 + 8; r++) {
                    for (int c = bx * 8; c < bx * 8 + 8; c++) {
                        int i = r * w + c;
                        sxy += x[i] * y[i];
                        sxx += x[i] * x[i];
                        syy += y[i] * y[i];
                    }
                }
                if (Math.max(sxx, syy) < 64 * DETAIL * DETAIL) {
                    continue;
                }
                found[n++] = sxx < 1e-6 || syy < 1e-6 ? 0 : sxy / Math.sqrt(sxx * syy);
            }
        }
        if (n < 4) {
            return whole(x, y);
        }
        double[] used = java.util.Arrays.copyOf(found, n);
        java.util.Arrays.sort(used);
        return used[n / 2];
    }

    private static double whole(float[] x, float[] y) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += x[i] * y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
        }
        if (sxx < 1e-6 || syy < 1e-6) {
            return sxx < 1e-6 && syy < 1e-6 ? 1 : 0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Each pixel minus the mean of its 5×5 neighbourhood (clamped at the border). */
    private static float[] detail(float[] p, int w, int h) {
        float[] out = new float[p.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                float s = 0;
                int n = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    int rr = r + dy;
                    if (rr < 0 || rr >= h) {
                        continue;
                    }
                    for (int dx = -2; dx <= 2; dx++) {
                        int cc = c + dx;
                        if (cc >= 0 && cc < w) {
                            s += p[rr * w + cc];
                            n++;
                        }
                    }
                }
                out[r * w + c] = p[r * w + c] - s / n;
            }
        }
        return out;
    }
}
