package org.xueliang.tracker.agent.vqd;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * 模糊: the re-blur measure of Crété-Roffet et al. (2007), made robust to sensor noise and to the sharp burnt-in
 * caption. The luma is blurred again with a 9-tap average along each axis; at an edge of a sharp picture the
 * neighbour-to-neighbour variation drops a lot, at a soft edge hardly at all. Only pixels on edges count (where the
 * re-blurred picture still changes by more than {@value #EDGE} grey level per pixel, which noise alone does not do),
 * summed per 32×32 block; the measure is the median over the blocks that hold edges (0 sharp … 1 blurred), so a
 * sharp clock caption in one corner does not hide a soft lens. Fewer than four blocks with edges: not judged.
 */
final class BlurCheck implements Check {

    static final double LOW = 0.31;
    static final double HIGH = 0.56;
    static final float EDGE = 1.0f;
    private static final int BLOCK = 32;

    @Override
    public VqdClass type() {
        return VqdClass.BLUR;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        double b = blurriness(p.current());
        return Double.isNaN(b) ? OptionalDouble.empty() : OptionalDouble.of(Check.ramp(b, LOW, HIGH));
    }

    static double blurriness(Frame f) {
        int w = f.width;
        int h = f.height;
        int bw = w / BLOCK;
        int bh = h / BLOCK;
        if (bw * bh < 4) {
            return Double.NaN;
        }
        double[] sumF = new double[bw * bh];
        double[] sumV = new double[bw * bh];
        float[] y = f.luma;
        float[] reblurred = new float[w * h];
        // along x
        for (int r = 0; r < h; r++) {
            box(y, reblurred, r * w, 1, w);
        }
        accumulate(y, reblurred, w, h, 1, sumF, sumV, bw, bh);
        // along y
        for (int x = 0; x < w; x++) {
            box(y, reblurred, x, w, h);
        }
        accumulate(y, reblurred, w, h, w, sumF, sumV, bw, bh);
        double[] blocks = new double[bw * bh];
        int n = 0;
        for (int i = 0; i < blocks.length; i++) {
            if (sumF[i] > BLOCK * 2.0) {
                blocks[n++] = (sumF[i] - sumV[i]) / sumF[i];
            }
        }
        if (n < 4) {
            return Double.NaN;
        }
        double[] used = Arrays.copyOf(blocks, n);
        Arrays.sort(used);
        return used[n / 2];
    }

    /** A 9-tap running mean of one line (clamped at its ends). */
    private static void box(float[] in, float[] out, int start, int step, int n) {
        float s = 0;
        for (int k = -4; k <= 4; k++) {
            s += in[start + Math.max(0, Math.min(n - 1, k)) * step];
        }
        for (int i = 0; i < n; i++) {
            out[start + i * step] = s / 9;
            s += in[start + Math.min(n - 1, i + 5) * step] - in[start + Math.max(0, i - 4) * step];
        }
    }

    private static void accumulate(float[] y, float[] b, int w, int h, int step, double[] sumF, double[] sumV, int bw,
            int bh) {
        int x0 = step == 1 ? 1 : 0;
        int y0 = step == 1 ? 0 : 1;
        for (int r = y0; r < Math.min(h, bh * BLOCK); r++) {
            int row = r * w;
            int brow = (r / BLOCK) * bw;
            for (int x = x0; x < Math.min(w, bw * BLOCK); x++) {
                int i = row + x;
                float dB = Math.abs(b[i] - b[i - step]);
                if (dB < EDGE) {
                    continue;
                }
                float dF = Math.abs(y[i] - y[i - step]);
                int k = brow + x / BLOCK;
                sumF[k] += dF;
                sumV[k] += Math.max(0, dF - dB);
            }
        }
    }
}
