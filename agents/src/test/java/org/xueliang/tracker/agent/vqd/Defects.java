package org.xueliang.tracker.agent.vqd;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The camera side of the generated pictures: crops, sensor noise, the on-screen clock, JPEG, and each defect. */
final class Defects {

    private Defects() {
    }

    /** The picture a camera aimed at {@code offset} (share of its width) of the canvas gives. */
    static BufferedImage crop(BufferedImage canvas, int w, double offset) {
        BufferedImage out = new BufferedImage(w, canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(canvas, -(int) (offset * w), 0, null);
        g.dispose();
        return out;
    }

    /** Sensor noise of σ {@code sigma}, a light gain, and the clock caption a camera burns in (white, outlined black). */
    static BufferedImage live(BufferedImage img, Random r, double sigma, double gain, String clock) {
        BufferedImage out = map(img, (c, x, y) -> c * gain + r.nextGaussian() * sigma);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, Math.max(12, img.getHeight() / 24)));
        int base = 12 + img.getHeight() / 24;
        g.setColor(Color.BLACK);
        for (int d = 0; d < 4; d++) {
            g.drawString(clock, 12 + (d % 2 == 0 ? -1 : 1), base + (d < 2 ? -1 : 1));
        }
        g.setColor(Color.WHITE);
        g.drawString(clock, 12, base);
        g.dispose();
        return out;
    }

    interface ChannelMap {
        double apply(double c, int x, int y);
    }

    static BufferedImage map(BufferedImage img, ChannelMap f) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = img.getRGB(x, y);
                int r = clamp(f.apply((v >> 16) & 0xff, x, y));
                int g = clamp(f.apply((v >> 8) & 0xff, x, y));
                int b = clamp(f.apply(v & 0xff, x, y));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static BufferedImage gains(BufferedImage img, double gr, double gg, double gb) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = img.getRGB(x, y);
                out.setRGB(x, y, (clamp(((v >> 16) & 0xff) * gr) << 16) | (clamp(((v >> 8) & 0xff) * gg) << 8)
                        | clamp((v & 0xff) * gb));
            }
        }
        return out;
    }

    /** Three passes of a box blur of radius {@code radius}: close to a Gaussian. */
    static BufferedImage blur(BufferedImage img, int radius) {
        BufferedImage out = img;
        for (int pass = 0; pass < 3; pass++) {
            out = boxBlur(out, radius);
        }
        return out;
    }

    private static BufferedImage boxBlur(BufferedImage img, int radius) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] src = img.getRGB(0, 0, w, h, null, 0, w);
        int[] tmp = new int[src.length];
        int[] dst = new int[src.length];
        for (int y = 0; y < h; y++) {
            blurLine(src, tmp, y * w, 1, w, radius);
        }
        for (int x = 0; x < w; x++) {
            blurLine(tmp, dst, x, w, h, radius);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, dst, 0, w);
        return out;
    }

    private static void blurLine(int[] in, int[] out, int start, int step, int n, int radius) {
        for (int i = 0; i < n; i++) {
            int r = 0;
            int g = 0;
            int b = 0;
            int c = 0;
            for (int k = Math.max(0, i - radius); k <= Math.min(n - 1, i + radius); k++) {
                int v = in[start + k * step];
                r += (v >> 16) & 0xff;
                g += (v >> 8) & 0xff;
                b += v & 0xff;
                c++;
            }
            out[start + i * step] = ((r / c) << 16) | ((g / c) << 8) | (b / c);
        }
    }

    /** A dark, soft object close to the lens covering about {@code share} of the picture from one edge or corner. */
    static BufferedImage occlude(BufferedImage img, Random r, double share) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.drawImage(img, 0, 0, null);
        int base = 15 + r.nextInt(35);
        Color a = new Color(base + r.nextInt(15), base + r.nextInt(15), base + r.nextInt(10));
        Color b = new Color(base / 2, base / 2 + r.nextInt(10), base / 2);
        // an ellipse centred on an edge or corner, sized so its inside part covers `share`; a feathered rim
        int corner = r.nextInt(6);
        double cx = new double[]{0, w, 0, w, w / 2.0, 0}[corner];
        double cy = new double[]{0, 0, h, h, h, h / 2.0}[corner];
        double inside = corner < 4 ? 4 : 2;
        double rx = Math.sqrt(share * w * h * inside / Math.PI * w / h);
        double ry = rx * h / w;
        int rim = Math.max(2, w / 150);
        for (int step = 5; step >= 0; step--) {
            double grow = rim * step;
            g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 1f - step / 6f));
            g.setPaint(new GradientPaint((float) (cx - rx), (float) (cy - ry), a, (float) (cx + rx), (float) (cy + ry), b));
            g.fill(new Ellipse2D.Double(cx - rx - grow, cy - ry - grow, 2 * (rx + grow), 2 * (ry + grow)));
        }
        g.dispose();
        return out;
    }

    /** A lost-signal screen: black, blue, grey or the encoder's "no video" caption. */
    static BufferedImage signalLoss(int w, int h, Random r, int variant) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color[] screens = {new Color(r.nextInt(12), r.nextInt(12), r.nextInt(12)), new Color(0, 0, 160 + r.nextInt(90)),
                new Color(16, 16, 140 + r.nextInt(60)), new Color(90 + r.nextInt(60), 90 + r.nextInt(10), 90)};
        g.setColor(screens[variant % screens.length]);
        g.fillRect(0, 0, w, h);
        if (variant % 2 == 1 || variant >= 4) {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, h / 12));
            g.drawString(r.nextBoolean() ? "无视频信号" : "NO SIGNAL", w / 3, h / 2);
        }
        g.dispose();
        return img;
    }

    static byte[] jpeg(BufferedImage img, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through JPEG and back, as a snapshot arrives. */
    static BufferedImage snapshot(BufferedImage img, float quality) {
        try {
            return VqdImages.decode(jpeg(img, quality), VqdImages.MAX_PIXELS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
