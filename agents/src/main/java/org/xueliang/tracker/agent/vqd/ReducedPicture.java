package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A picture kept for later comparison (a camera's previous scheduled snapshot on the agent's disk, the approved
 * reference in the backend): box-averaged by the same whole factor as {@link Frame} and stored as a JPEG of high
 * quality. At analysis size a 1080p snapshot keeps tens of KB instead of hundreds, and {@link Frame#of} reads it back at
 * factor 1 into the same planes the full picture gives (give or take the JPEG's one or two grey levels, far below
 * the FREEZE and SCENE_CHANGE ramps).
 */
public final class ReducedPicture {

    /** JPEG quality: high, so that a frozen picture compared with its stored copy still reads as frozen. */
    static final float QUALITY = 0.95f;

    private ReducedPicture() {
    }

    /** The picture at analysis size, as JPEG bytes. */
    public static byte[] of(BufferedImage img) {
        return jpeg(reduce(img));
    }

    static BufferedImage reduce(BufferedImage img) {
        int f = Frame.factor(img.getWidth(), img.getHeight());
        int ow = Math.max(1, img.getWidth() / f);
        int oh = Math.max(1, img.getHeight() / f);
        if (f == 1) {
            BufferedImage copy = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(img, 0, 0, null);
            return copy;
        }
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[img.getWidth()];
        long[] acc = new long[ow * 3];
        int n = f * f;
        for (int oy = 0; oy < oh; oy++) {
            java.util.Arrays.fill(acc, 0);
            for (int dy = 0; dy < f; dy++) {
                img.getRGB(0, oy * f + dy, img.getWidth(), 1, row, 0, img.getWidth());
                for (int x = 0; x < ow * f; x++) {
                    int p = row[x];
                    int a = (x / f) * 3;
                    acc[a] += (p >> 16) & 0xff;
                    acc[a + 1] += (p >> 8) & 0xff;
                    acc[a + 2] += p & 0xff;
                }
            }
            for (int ox = 0; ox < ow; ox++) {
                int r = (int) (acc[ox * 3] / n);
                int g = (int) (acc[ox * 3 + 1] / n);
                int b = (int) (acc[ox * 3 + 2] / n);
                out.setRGB(ox, oy, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage img) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
