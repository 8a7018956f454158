package org.xueliang.tracker.bench.vqd;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.xueliang.tracker.agent.onvif.SnapshotCheck;
import org.xueliang.tracker.agent.vqd.JpegDcLuma;
import org.xueliang.tracker.agent.vqd.VqdImages;

/**
 * The cost of a snapshot's mean luminance (the ONVIF prober's black check, docs/BENCHMARKS.md "Snapshot luminance"):
 * ImageIO's decode and sample grid ({@link SnapshotCheck#decodedMeanLuma}) against the DC coefficients alone
 * ({@link JpegDcLuma}), on {@code --pictures N} (8) distinct camera-like JPEGs (ImageIO's writer: 4:2:0, quality 0.75)
 * at 64×48 (the simulator's), 704×576 (4CIF) and 1920×1080. Each figure is the median over {@code --samples S} (31)
 * of a batch's thread CPU time (robust to a shared machine) divided by the batch's snapshots; a batch is ~20 ms of work.
 * Prints a table and one JSON line.
 */
public final class SnapshotLumaBench {

    private static final int[][] SIZES = {{64, 48}, {704, 576}, {1920, 1080}};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static long sink;

    private interface Luma {
        double of(byte[] jpeg) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        int pictures = VqdBench.intArg(args, "--pictures", 8);
        int samples = VqdBench.intArg(args, "--samples", 31);
        System.out.printf(Locale.ROOT, "Snapshot mean luminance, µs of thread CPU per snapshot (median of %d batches), "
                + "%d cores visible%n", samples, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "  %-10s %7s %10s %10s %8s %12s%n", "size", "KiB", "ImageIO", "DC", "ratio",
                "max |diff|");
        StringBuilder json = new StringBuilder("{\"bench\":\"snapshot-luma\",\"unit\":\"us/snapshot thread CPU\",\"sizes\":[");
        for (int[] size : SIZES) {
            byte[][] jpegs = new byte[pictures][];
            double maxDiff = 0;
            long bytes = 0;
            for (int i = 0; i < pictures; i++) {
                jpegs[i] = VqdBench.jpeg(scene(size[0], size[1], new Random(i)));
                bytes += jpegs[i].length;
                double dc = JpegDcLuma.meanLuma(jpegs[i], VqdImages.MAX_PIXELS).orElseThrow();
                maxDiff = Math.max(maxDiff, Math.abs(dc - SnapshotCheck.decodedMeanLuma(jpegs[i])));
            }
            double imageIo = microsPerSnapshot(jpegs, samples, SnapshotCheck::decodedMeanLuma);
            double dc = microsPerSnapshot(jpegs, samples, j -> JpegDcLuma.meanLuma(j, VqdImages.MAX_PIXELS).orElseThrow());
            String name = size[0] + "x" + size[1];
            int kb = (int) (bytes / pictures / 1024);
            System.out.printf(Locale.ROOT, "  %-10s %7d %10.1f %10.1f %7.1fx %12.2f%n", name, kb, imageIo, dc, imageIo / dc,
                    maxDiff);
            json.append(String.format(Locale.ROOT, "%s{\"size\":\"%s\",\"jpegKiB\":%d,\"imageIoUs\":%.1f,\"dcUs\":%.1f,"
                    + "\"speedup\":%.1f,\"maxLumaDiff\":%.2f}", size == SIZES[0] ? "" : ",", name, kb, imageIo, dc,
                    imageIo / dc, maxDiff));
        }
        System.out.println("  (max |diff|: DC figure against the ImageIO path's sample grid, luma levels; sink " + sink + ")");
        System.out.println(json.append("]}"));
    }

    /** Warms up, sizes a batch to ~20 ms, then the median over {@code samples} batches of CPU µs per snapshot. */
    private static double microsPerSnapshot(byte[][] jpegs, int samples, Luma luma) throws IOException {
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        int calls = 0;
        long t0 = CPU.getCurrentThreadCpuTime();
        while (System.nanoTime() < warmEnd || calls < 50) {
            sink += (long) luma.of(jpegs[calls++ % jpegs.length]);
        }
        double perCallNs = (double) (CPU.getCurrentThreadCpuTime() - t0) / calls;
        int batch = (int) Math.max(jpegs.length, 20e6 / perCallNs);
        double[] micros = new double[samples];
        for (int s = 0; s < samples; s++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
                sink += (long) luma.of(jpegs[i % jpegs.length]);
            }
            micros[s] = (CPU.getCurrentThreadCpuTime() - start) / 1e3 / batch;
        }
        Arrays.sort(micros);
        return micros[samples / 2];
    }

    /** A camera-like picture: sky, buildings, a road, cars and sensor noise, scaled to the size. */
    private static BufferedImage scene(int width, int height, Random r) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(150 + r.nextInt(40), 175, 195));
        g.fillRect(0, 0, width, height * 2 / 5);
        for (int x = 0; x < width; x += width / 10 + r.nextInt(width / 20 + 1)) {
            int grey = 90 + r.nextInt(100);
            g.setColor(new Color(grey, grey - 4, grey - 8));
            g.fillRect(x, height / 6 + r.nextInt(height / 8 + 1), width / 11 + 1, height / 2);
        }
        g.setColor(new Color(100, 100, 104));
        g.fillRect(0, height * 2 / 3, width, height / 3 + 1);
        for (int i = 0; i < 6; i++) {
            g.setColor(new Color(r.nextInt(220), r.nextInt(220), r.nextInt(220)));
            g.fillRect(r.nextInt(width), height * 2 / 3 + r.nextInt(height / 4 + 1), width / 10 + 1, height / 14 + 1);
        }
        g.dispose();
        VqdBench.addNoise(img, r, 3);
        return img;
    }
}
