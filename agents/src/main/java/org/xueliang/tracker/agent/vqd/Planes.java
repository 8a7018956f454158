package org.xueliang.tracker.agent.vqd;

/** Small numeric helpers over a frame's planes. */
final class Planes {

    private Planes() {
    }

    static double mean(float[] p) {
        double s = 0;
        for (float v : p) {
            s += v;
        }
        return p.length == 0 ? 0 : s / p.length;
    }

    static double std(float[] p, double mean) {
        double s = 0;
        for (float v : p) {
            s += (v - mean) * (v - mean);
        }
        return p.length == 0 ? 0 : Math.sqrt(s / p.length);
    }

    /** Share of values above {@code limit}. */
    static double shareAbove(float[] p, float limit) {
        int n = 0;
        for (float v : p) {
            if (v > limit) {
                n++;
            }
        }
        return p.length == 0 ? 0 : (double) n / p.length;
    }

    /** Share of values below {@code limit}. */
    static double shareBelow(float[] p, float limit) {
        int n = 0;
        for (float v : p) {
            if (v < limit) {
                n++;
            }
        }
        return p.length == 0 ? 0 : (double) n / p.length;
    }

    /** Per-block means of {@code p} (w×h) over blocks of {@code size}² (edge remainders dropped), row-major. */
    static double[] blockMeans(float[] p, int w, int h, int size) {
        int bw = Math.max(1, w / size);
        int bh = Math.max(1, h / size);
        double[] out = new double[bw * bh];
        int sx = Math.min(size, w);
        int sy = Math.min(size, h);
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                double s = 0;
                for (int y = by * sy; y < (by + 1) * sy; y++) {
                    int row = y * w;
                    for (int x = bx * sx; x < (bx + 1) * sx; x++) {
                        s += p[row + x];
                    }
                }
                out[by * bw + bx] = s / (sx * sy);
            }
        }
        return out;
    }

    /** The {@code q}-quantile (0–1) of {@code values} (a sorted copy). */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        return s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.floor(q * s.length))];
    }

    /** A box-averaged copy of {@code p} (w×h) reduced by {@code f}. */
    static float[] reduce(float[] p, int w, int h, int f) {
        int ow = w / f;
        int oh = h / f;
        float[] out = new float[ow * oh];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                float s = 0;
                for (int y = oy * f; y < oy * f + f; y++) {
                    for (int x = ox * f; x < ox * f + f; x++) {
                        s += p[y * w + x];
                    }
                }
                out[oy * ow + ox] = s / (f * f);
            }
        }
        return out;
    }

    /** |Laplacian| (4-neighbour) of the inner pixels, 0 on the border. */
    static float[] laplacian(float[] p, int w, int h) {
        float[] out = new float[p.length];
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                out[i] = Math.abs(4 * p[i] - p[i - 1] - p[i + 1] - p[i - w] - p[i + w]);
            }
        }
        return out;
    }

    /**
     * The median of the first {@code n} of {@code values} to within {@code step}, by a histogram over
     * [{@code low}, {@code high}] (values outside count at the ends): linear time, no sort.
     */
    static float histogramMedian(float[] values, int n, float low, float high, float step) {
        int bins = (int) Math.ceil((high - low) / step) + 1;
        int[] count = new int[bins];
        for (int i = 0; i < n; i++) {
            count[Math.max(0, Math.min(bins - 1, (int) ((values[i] - low) / step)))]++;
        }
        int half = n / 2;
        int seen = 0;
        for (int b = 0; b < bins; b++) {
            seen += count[b];
            if (seen > half) {
                return low + (b + 0.5f) * step;
            }
        }
        return high;
    }
}
