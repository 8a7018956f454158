package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Decodes a picture (JPEG, PNG, … whatever ImageIO reads) within a pixel bound, before decoding the pixels. */
public final class VqdImages {

    /** The most pixels a picture may have (a 8K frame is 33 M). */
    public static final long MAX_PIXELS = 40_000_000L;

    private VqdImages() {
    }

    /** The picture, or IOException when it is not a readable image or is larger than {@code maxPixels}. */
    public static BufferedImage decode(byte[] bytes, long maxPixels) throws IOException {
        return decode(bytes, maxPixels, Integer.MAX_VALUE);
    }

    /**
     * The picture reduced by whole-pixel sampling until its longer side is at most {@code maxSide} (the full picture
     * when it already fits): for checks that look at a coarse grid anyway, it spares copying every pixel into Java.
     * The stream is cached in memory: ImageIO's default is a temporary file per picture, which cost more than the
     * decoding of a small snapshot (docs/BENCHMARKS.md).
     */
    public static BufferedImage decode(byte[] bytes, long maxPixels, int maxSide) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("unknown image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                long pixels = (long) width * height;
                if (pixels <= 0 || pixels > maxPixels) {
                    throw new IOException("image of " + width + "x" + height + " refused");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) ((Math.max(width, height) + (long) maxSide - 1) / maxSide);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } catch (RuntimeException e) {
                throw new IOException("corrupt image: " + e.getMessage(), e);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * A separable Gaussian blur of standard deviation {@code sigma} pixels (Java2D's ConvolveOp, edges left as they
     * are): how the simulator and the tests make an out-of-focus picture.
     */
    public static BufferedImage gaussianBlur(BufferedImage img, double sigma) {
        int radius = (int) Math.ceil(sigma * 2.5);
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        BufferedImage h = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
        return new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null).filter(h, null);
    }
}
