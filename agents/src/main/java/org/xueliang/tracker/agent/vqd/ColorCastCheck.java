package org.xueliang.tracker.agent.vqd;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * 偏色: how far the picture's colour lies from where it should be, in chromaticity — chroma per luma
 * ({@code 128·Cb/Y}, {@code 128·Cr/Y}), so a change of light alone does not move it. Dark (luma under 40) or nearly
 * white pixels carry no reliable colour and are left out.
 * <ul>
 * <li>With an approved reference picture: each 16×16 block is compared with the same block of the reference and the
 * shift is the median of the blocks' shifts (per axis). A cast moves every block; a lawn or a green wall stays green,
 * and a cover or a passing bus moves only some blocks.</li>
 * <li>Without one: the median chromaticity's distance from neutral grey. Most of a camera's view is grey-ish (road,
 * walls, sky near the horizon) and a few colourful objects do not move the median, but a scene dominated by one
 * colour reads as a cast — approve a reference for such cameras.</li>
 * </ul>
 * Score ramps over the distance from 7 to 15 (threshold 0.5 = 11 levels).
 */
final class ColorCastCheck implements Check {

    static final double LOW = 7;
    static final double HIGH = 15;
    private static final int BLOCK = 16;

    @Override
    public VqdClass type() {
        return VqdClass.COLOR_CAST;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        Frame f = p.current();
        Frame ref = p.reference();
        double d;
        if (ref != null && ref.width == f.width && ref.height == f.height) {
            d = shiftFromReference(f, ref);
        } else {
            double[] now = medianChromaticity(f);
            d = now == null ? Double.NaN : Math.hypot(now[0], now[1]);
        }
        return Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(Check.ramp(d, LOW, HIGH));
    }

    /** The median (128·Cb/Y, 128·Cr/Y) of the usable pixels, or null when fewer than a tenth are usable. */
    static double[] medianChromaticity(Frame f) {
        float[] u = new float[f.luma.length];
        float[] v = new float[f.luma.length];
        int n = 0;
        for (int i = 0; i < f.luma.length; i++) {
            if (usable(f.luma[i])) {
                u[n] = 128 * f.cb[i] / f.luma[i];
                v[n] = 128 * f.cr[i] / f.luma[i];
                n++;
            }
        }
        if (n < f.luma.length / 10) {
            return null;
        }
        return new double[]{Planes.histogramMedian(u, n, -420, 420, 0.1f), Planes.histogramMedian(v, n, -420, 420, 0.1f)};
    }

    /** The median over blocks usable in both pictures of the block chromaticity's shift; NaN under four blocks. */
    static double shiftFromReference(Frame f, Frame ref) {
        float[][] a = blockChromaticity(f);
        float[][] b = blockChromaticity(ref);
        float[] du = new float[a[0].length];
        float[] dv = new float[a[0].length];
        int n = 0;
        for (int k = 0; k < du.length; k++) {
            if (!Float.isNaN(a[0][k]) && !Float.isNaN(b[0][k])) {
                du[n] = a[0][k] - b[0][k];
                dv[n] = a[1][k] - b[1][k];
                n++;
            }
        }
        return n < 4 ? Double.NaN : Math.hypot(median(du, n), median(dv, n));
    }

    private static float[][] blockChromaticity(Frame f) {
        int bw = Math.max(1, f.width / BLOCK);
        int bh = Math.max(1, f.height / BLOCK);
        float[][] out = new float[2][bw * bh];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double y = 0;
                double u = 0;
                double v = 0;
                int n = 0;
                for (int r = by * BLOCK; r < Math.min(f.height, by * BLOCK + BLOCK); r++) {
                    for (int c = bx * BLOCK; c < Math.min(f.width, bx * BLOCK + BLOCK); c++) {
                        int i = r * f.width + c;
                        if (usable(f.luma[i])) {
                            y += f.luma[i];
                            u += f.cb[i];
                            v += f.cr[i];
                            n++;
                        }
                    }
                }
                int k = by * bw + bx;
                boolean enough = n >= BLOCK * BLOCK / 2;
                out[0][k] = enough ? (float) (128 * u / y) : Float.NaN;
                out[1][k] = enough ? (float) (128 * v / y) : Float.NaN;
            }
        }
        return out;
    }

    private static boolean usable(float luma) {
        return luma >= 40 && luma <= 240;
    }

    private static double median(float[] values, int n) {
        float[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        return s[n / 2];
    }
}
