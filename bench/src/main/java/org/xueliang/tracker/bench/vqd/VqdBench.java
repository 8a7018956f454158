package org.xueliang.tracker.bench.vqd;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

import org.xueliang.tracker.agent.vqd.Frame;
import org.xueliang.tracker.agent.vqd.VqdAnalyzer;
import org.xueliang.tracker.agent.vqd.VqdImages;

/**
 * VQD cost per 1080p snapshot on one core (docs/VQD.md "Timing"): {@code --pictures N} (24) distinct 1920×1080 JPEG
 * scenes, {@code --runs R} (400) measured analyses after {@code --warmup W} (200), each with a previous picture and a
 * reference (all nine classes). Measures the analysis (reduction + checks, the budget of issue 11: ≤ 20 ms) and,
 * separately, JPEG decoding by ImageIO, as the thread's CPU time (what one core spends, robust to a busy machine),
 * and the analysis' wall clock too. Prints a table and one JSON line.
 */
public final class VqdBench {

    public static void main(String[] args) throws IOException {
        int pictures = intArg(args, "--pictures", 24);
        int runs = intArg(args, "--runs", 400);
        int warmup = intArg(args, "--warmup", 200);
        byte[][] jpegs = new byte[pictures][];
        for (int i = 0; i < pictures; i++) {
            jpegs[i] = jpeg(scene(new Random(i)));
        }
        BufferedImage[] decoded = new BufferedImage[pictures];
        for (int i = 0; i < pictures; i++) {
            decoded[i] = VqdImages.decode(jpegs[i], VqdImages.MAX_PIXELS);
        }
        VqdAnalyzer analyzer = new VqdAnalyzer();
        Frame reference = Frame.of(decoded[0]);
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += analyzer.analyze(Frame.of(decoded[i % pictures]), reference, reference).findings().size();
            if (i % 4 == 0) {
                sink += VqdImages.decode(jpegs[i % pictures], VqdImages.MAX_PIXELS).getWidth();
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] analysis = new double[runs];
        double[] analysisWall = new double[runs];
        double[] decode = new double[(runs + 3) / 4];
        for (int i = 0; i < runs; i++) {
            BufferedImage img = decoded[i % pictures];
            long w0 = System.nanoTime();
            long t0 = cpu.getCurrentThreadCpuTime();
            sink += analyzer.analyze(Frame.of(img), reference, reference).findings().size();
            analysis[i] = (cpu.getCurrentThreadCpuTime() - t0) / 1e6;
            analysisWall[i] = (System.nanoTime() - w0) / 1e6;
            if (i % 4 == 0) {
                long t1 = cpu.getCurrentThreadCpuTime();
                sink += VqdImages.decode(jpegs[i % pictures], VqdImages.MAX_PIXELS).getWidth();
                decode[i / 4] = (cpu.getCurrentThreadCpuTime() - t1) / 1e6;
            }
        }
        Arrays.sort(analysis);
        Arrays.sort(analysisWall);
        Arrays.sort(decode);
        System.out.printf(Locale.ROOT, "VQD on 1920x1080 snapshots, %d cores visible, %d analyses (sink %d)%n",
                Runtime.getRuntime().availableProcessors(), runs, sink);
        System.out.printf(Locale.ROOT, "  analysis (reduce + 9 checks), thread CPU: median %.2f ms, p95 %.2f ms%n",
                q(analysis, 0.5), q(analysis, 0.95));
        System.out.printf(Locale.ROOT, "  analysis, wall clock (load-sensitive):   median %.2f ms, p95 %.2f ms%n",
                q(analysisWall, 0.5), q(analysisWall, 0.95));
        System.out.printf(Locale.ROOT, "  JPEG decode (ImageIO), thread CPU:       median %.2f ms, p95 %.2f ms%n",
                q(decode, 0.5), q(decode, 0.95));
        System.out.printf(Locale.ROOT,
                "{\"bench\":\"vqd\",\"width\":1920,\"height\":1080,\"runs\":%d,\"analysisMedianMs\":%.2f,"
                        + "\"analysisP95Ms\":%.2f,\"analysisWallMedianMs\":%.2f,\"decodeMedianMs\":%.2f,\"decodeP95Ms\":%.2f,\"budgetMs\":20,"
                        + "\"withinBudget\":%b,\"peer\":null}%n",
                runs, q(analysis, 0.5), q(analysis, 0.95), q(analysisWall, 0.5), q(decode, 0.5), q(decode, 0.95), q(analysis, 0.95) <= 20);
    }

    private static double q(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** The integer after {@code name} in {@code args}, or {@code fallback} (shared by the runners of this package). */
    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** A street-like 1080p scene: sky, houses with windows, a road, cars, the clock caption, sensor noise. */
    private static BufferedImage scene(Random r) {
        BufferedImage img = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(160 + r.nextInt(30), 175, 195));
        g.fillRect(0, 0, 1920, 400);
        for (int x = 0; x < 1920; x += 180 + r.nextInt(60)) {
            int grey = 100 + r.nextInt(100);
            g.setColor(new Color(grey, grey - 4, grey - 8));
            g.fillRect(x, 180 + r.nextInt(120), 170, 520);
            g.setColor(new Color(45, 55, 65));
            for (int wy = 320; wy < 660; wy += 50) {
                for (int wx = x + 14; wx < x + 150; wx += 40) {
                    g.fillRect(wx, wy, 24, 30);
                }
            }
        }
        g.setColor(new Color(100, 100, 104));
        g.fillRect(0, 700, 1920, 380);
        for (int i = 0; i < 8; i++) {
            g.setColor(new Color(r.nextInt(220), r.nextInt(220), r.nextInt(220)));
            g.fillRoundRect(r.nextInt(1750), 720 + r.nextInt(300), 180, 75, 20, 20);
        }
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 40));
        g.setColor(Color.WHITE);
        g.drawString("2026-03-09 10:15:" + (10 + r.nextInt(50)), 30, 60);
        g.dispose();
        addNoise(img, r, 2);
        return img;
    }

    /** Sensor noise: the same Gaussian offset of {@code sigma} levels on the three channels of each pixel. */
    static void addNoise(BufferedImage img, Random r, double sigma) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * sigma);
                img.setRGB(x, y, (c(((v >> 16) & 0xff) + n) << 16) | (c(((v >> 8) & 0xff) + n) << 8) | c((v & 0xff) + n));
            }
        }
    }

    private static int c(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** ImageIO's default JPEG: 4:2:0, quality 0.75. */
    static byte[] jpeg(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
