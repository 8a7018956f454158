package org.xueliang.tracker.agent.vqd;

import java.util.OptionalDouble;

/**
 * 噪声/雪花: Immerkær's fast noise estimate (1996) — the 3×3 mask [1 −2 1; −2 4 −2; 1 −2 1] cancels smooth shading and
 * straight edges and leaves pixel noise; σ = √(π/2) / 6 · mean |response|. Only the flatter half of the picture
 * (by local gradient) is measured, so a busy scene is not mistaken for noise. Averaging f×f camera pixels into one
 * analysis pixel divides white noise by f, so σ is multiplied back by f: it is in grey levels of the camera's own
 * pixels, the same for a D1 and a 4K camera. The score ramps from 5 to 11 (threshold 0.5 = σ 8).
 */
final class NoiseCheck implements Check {

    static final double LOW = 5;
    static final double HIGH = 11;

    @Override
    public VqdClass type() {
        return VqdClass.NOISE;
    }

    @Override
    public OptionalDouble score(Pictures p) {
        return OptionalDouble.of(Check.ramp(sigma(p.current()), LOW, HIGH));
    }

    static double sigma(Frame f) {
        int w = f.width;
        int h = f.height;
        if (w < 3 || h < 3) {
            return 0;
        }
        float[] y = f.luma;
        int n = (w - 2) * (h - 2);
        float[] response = new float[n];
        float[] gradient = new float[n];
        int k = 0;
        for (int r = 1; r < h - 1; r++) {
            for (int x = 1; x < w - 1; x++, k++) {
                int i = r * w + x;
                float a = y[i - w - 1];
                float b = y[i - w];
                float c = y[i - w + 1];
                float d = y[i - 1];
                float e = y[i];
                float ff = y[i + 1];
                float g = y[i + w - 1];
                float hh = y[i + w];
                float ii = y[i + w + 1];
                response[k] = Math.abs(a - 2 * b + c - 2 * d + 4 * e - 2 * ff + g - 2 * hh + ii);
                float gx = (c + 2 * ff + ii) - (a + 2 * d + g);
                float gy = (g + 2 * hh + ii) - (a + 2 * b + c);
                gradient[k] = Math.abs(gx) + Math.abs(gy);
            }
        }
        float limit = Planes.histogramMedian(gradient, n, 0, 2048, 0.25f);
        double sum = 0;
        int used = 0;
        for (int j = 0; j < n; j++) {
            if (gradient[j] <= limit) {
                sum += response[j];
                used++;
            }
        }
        return used == 0 ? 0 : f.factor * Math.sqrt(Math.PI / 2) / 6 * sum / used;
    }
}
