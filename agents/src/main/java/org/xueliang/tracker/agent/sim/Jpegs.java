package org.xueliang.tracker.agent.sim;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small JPEG frames for simulated cameras, made once: a pool of distinct noisy pictures and a black one. */
final class Jpegs {

    static final int POOL = 16;
    private static final byte[][] NOISY = new byte[POOL][];
    static final byte[] BLACK = encode(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB));

    static {
        for (int i = 0; i < POOL; i++) {
            NOISY[i] = encode(noisy(new Random(1000L + i)));
        }
    }

    private Jpegs() {
    }

    /** A picture of a scene with noise; consecutive indexes give different bytes. */
    static byte[] noisy(long frame) {
        return NOISY[(int) Math.floorMod(frame, (long) POOL)];
    }

    private static BufferedImage noisy(Random rnd) {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int base = 80 + x + y;
                int r = clamp(base + rnd.nextInt(60) - 30);
                int g = clamp(base + 20 + rnd.nextInt(60) - 30);
                int b = clamp(base - 20 + rnd.nextInt(60) - 30);
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** At an explicit JPEG quality (0..1): the same picture at two qualities gives different bytes. */
    static byte[] encode(BufferedImage img, float quality) {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
