package org.xueliang.tracker.agent.vqd;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/**
 * Test pictures as JPEGs written by ImageIO with a chosen quality, luma sampling (2×2 is 4:2:0, 2×1 4:2:2, 1×1
 * 4:4:4), restart interval and progressive mode, set through the writer's native metadata; and the reference
 * luminance of a JPEG: the mean over all decoded pixels.
 */
public final class JpegWriting {

    /** 4:2:0, 4:4:4 and 4:2:2 at three qualities, with restart markers after every MCU and every third. */
    public static final List<Options> CODINGS = List.of(
            Options.baseline(0.75f, 2, 2), Options.baseline(0.3f, 2, 2), Options.baseline(0.95f, 2, 2),
            Options.baseline(0.75f, 1, 1), Options.baseline(0.95f, 1, 1), Options.baseline(0.75f, 2, 1),
            Options.baseline(0.75f, 2, 2).restartEvery(1), Options.baseline(0.5f, 1, 1).restartEvery(3));

    private JpegWriting() {
    }

    /** How to write: quality 0..1, luma sampling factors, restart interval in MCUs (0: none), progressive. */
    public record Options(float quality, int lumaH, int lumaV, int restartInterval, boolean progressive) {

        public static Options baseline(float quality, int lumaH, int lumaV) {
            return new Options(quality, lumaH, lumaV, 0, false);
        }

        public Options restartEvery(int mcus) {
            return new Options(quality, lumaH, lumaV, mcus, progressive);
        }

        public Options inProgressiveMode() {
            return new Options(quality, lumaH, lumaV, restartInterval, true);
        }

        @Override
        public String toString() {
            return "q" + quality + " " + lumaH + "x" + lumaV + (restartInterval > 0 ? " rst" + restartInterval : "")
                    + (progressive ? " progressive" : "");
        }
    }

    public static byte[] jpeg(BufferedImage img, Options o) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(o.quality());
            if (o.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            shape(metadata, o);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void shape(IIOMetadata metadata, Options o) throws IIOInvalidTreeException {
        String format = "javax_imageio_jpeg_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode luma = (IIOMetadataNode) root.getElementsByTagName("componentSpec").item(0);
        if (root.getElementsByTagName("componentSpec").getLength() > 1) {
            luma.setAttribute("HsamplingFactor", Integer.toString(o.lumaH()));
            luma.setAttribute("VsamplingFactor", Integer.toString(o.lumaV()));
        }
        if (o.restartInterval() > 0) {
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(o.restartInterval()));
            Node sof = root.getElementsByTagName("sof").item(0);
            markers.insertBefore(dri, sof);
        }
        metadata.setFromTree(format, root);
    }

    /** The mean Rec.601 luminance over every decoded pixel (a grey picture's samples as they are). */
    public static double decodedMean(byte[] jpeg) throws IOException {
        BufferedImage img = VqdImages.decode(jpeg, VqdImages.MAX_PIXELS);
        double sum = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                    sum += img.getRaster().getSample(x, y, 0);
                } else {
                    int rgb = img.getRGB(x, y);
                    sum += 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                }
            }
        }
        return sum / ((double) img.getWidth() * img.getHeight());
    }

    /**
     * A camera-like picture of {@code width}×{@code height}: a gradient around {@code level} with coloured shapes
     * and sensor noise of {@code noise} levels (clamped to 0..255, as a sensor's are); grey when {@code grey}.
     */
    public static BufferedImage scene(int width, int height, int level, int noise, boolean grey, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        int spread = Math.max(1, level / 3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = level + spread * (x + y) / (width + height) - spread / 2;
                boolean shape = ((x / 13 + y / 9) % 5) == 0;
                int red = clamp(base + (shape ? spread : 0) + noise(r, noise));
                int green = clamp(base + noise(r, noise));
                int blue = clamp(base - (shape ? spread / 2 : 0) + noise(r, noise));
                if (grey) {
                    img.getRaster().setSample(x, y, 0, clamp(base + noise(r, noise)));
                } else {
                    img.setRGB(x, y, red << 16 | green << 8 | blue);
                }
            }
        }
        return img;
    }

    private static int noise(Random r, int noise) {
        return noise == 0 ? 0 : (int) Math.round(r.nextGaussian() * noise);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
