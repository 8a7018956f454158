package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes a picture (JPEG, PNG, … whatever ImageIO reads) within a pixel bound, before decoding the pixels. */
public final class VqdImages {

    /** The most pixels a picture may have (a 8K frame is 33 M). */
    public static final long MAX_PIXELS = 40_000_000L;

    private VqdImages() {
    }

    /** The picture, or IOException when it is not a readable image or is larger than {@code maxPixels}. */
    public static BufferedImage decode(byte[] bytes, long maxPixels) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("unknown image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > maxPixels) {
                    throw new IOException("image of " + reader.getWidth(0) + "x" + reader.getHeight(0) + " refused");
                }
                return reader.read(0);
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
