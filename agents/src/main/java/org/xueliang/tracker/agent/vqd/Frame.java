package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * A picture reduced for analysis: box-averaged by a whole factor to about {@value #TARGET_WIDTH}×{@value #TARGET_HEIGHT}
 * (a 1080p snapshot by 4, 720p by 3, D1 by 2), as BT.601 luma (0–255) and chroma planes (Cb, Cr centred on 0).
 * Every check works on these planes, so a check costs the same whatever the camera's resolution.
 */
public final class Frame {

    public static final int TARGET_WIDTH = 480;
    public static final int TARGET_HEIGHT = 270;

    final int width;
    final int height;
    /** How many camera pixels one analysis pixel averages along each axis. */
    final int factor;
    final float[] luma;
    final float[] cb;
    final float[] cr;

    Frame(int width, int height, int factor, float[] luma, float[] cb, float[] cr) {
        this.width = width;
        this.factor = factor;
        this.height = height;
        this.luma = luma;
        this.cb = cb;
        this.cr = cr;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The reduction factor for a picture of this size: the whole number nearest to its size ÷ the target size. */
    static int factor(int w, int h) {
        double f = Math.max((double) w / TARGET_WIDTH, (double) h / TARGET_HEIGHT);
        return Math.max(1, (int) Math.round(f));
    }

    public static Frame of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int f = factor(w, h);
        int ow = Math.max(1, w / f);
        int oh = Math.max(1, h / f);
        RowReader rows = RowReader.of(img);
        int[] rgb = new int[w * 3];
        long[] acc = new long[ow * 3];
        float[] luma = new float[ow * oh];
        float[] cb = new float[ow * oh];
        float[] cr = new float[ow * oh];
        float n = (float) f * f;
        for (int oy = 0; oy < oh; oy++) {
            java.util.Arrays.fill(acc, 0);
            for (int dy = 0; dy < f; dy++) {
                rows.read(oy * f + dy, rgb);
                for (int ox = 0, x = 0; ox < ow; ox++) {
                    int a = ox * 3;
                    for (int dx = 0; dx < f; dx++, x++) {
                        int p = x * 3;
                        acc[a] += rgb[p];
                        acc[a + 1] += rgb[p + 1];
                        acc[a + 2] += rgb[p + 2];
                    }
                }
            }
            for (int ox = 0; ox < ow; ox++) {
                float r = acc[ox * 3] / n;
                float g = acc[ox * 3 + 1] / n;
                float b = acc[ox * 3 + 2] / n;
                int i = oy * ow + ox;
                luma[i] = 0.299f * r + 0.587f * g + 0.114f * b;
                cb[i] = -0.168736f * r - 0.331264f * g + 0.5f * b;
                cr[i] = 0.5f * r - 0.418688f * g - 0.081312f * b;
            }
        }
        return new Frame(ow, oh, f, luma, cb, cr);
    }

    /** Reads one row of a picture as R, G, B triples; direct on the raster for the types ImageIO decodes to. */
    private interface RowReader {
        void read(int y, int[] rgb);

        static RowReader of(BufferedImage img) {
            Raster raster = img.getRaster();
            int w = img.getWidth();
            boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
            DataBuffer buffer = raster.getDataBuffer();
            if (untranslated && buffer instanceof DataBufferByte bytes && buffer.getNumBanks() == 1
                    && raster.getSampleModel() instanceof ComponentSampleModel sm
                    && (img.getType() == BufferedImage.TYPE_3BYTE_BGR || img.getType() == BufferedImage.TYPE_BYTE_GRAY)) {
                byte[] data = bytes.getData();
                int[] off = sm.getBandOffsets();
                int stride = sm.getScanlineStride();
                int ps = sm.getPixelStride();
                int base = buffer.getOffset();
                boolean gray = off.length == 1;
                int ro = off[0];
                int go = gray ? off[0] : off[1];
                int bo = gray ? off[0] : off[2];
                return (y, rgb) -> {
                    int p = base + y * stride;
                    for (int x = 0, q = 0; x < w; x++, p += ps, q += 3) {
                        rgb[q] = data[p + ro] & 0xff;
                        rgb[q + 1] = data[p + go] & 0xff;
                        rgb[q + 2] = data[p + bo] & 0xff;
                    }
                };
            }
            if (untranslated && buffer instanceof DataBufferInt ints && buffer.getNumBanks() == 1
                    && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                    && (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_INT_ARGB)) {
                int[] data = ints.getData();
                int stride = sm.getScanlineStride();
                int base = buffer.getOffset();
                return (y, rgb) -> unpack(data, base + y * stride, w, rgb);
            }
            int[] row = new int[w];
            return (y, rgb) -> {
                img.getRGB(0, y, w, 1, row, 0, w);
                unpack(row, 0, w, rgb);
            };
        }

        private static void unpack(int[] packed, int from, int w, int[] rgb) {
            for (int x = 0, q = 0; x < w; x++, q += 3) {
                int v = packed[from + x];
                rgb[q] = (v >> 16) & 0xff;
                rgb[q + 1] = (v >> 8) & 0xff;
                rgb[q + 2] = v & 0xff;
            }
        }
    }
}
