package org.xueliang.tracker.bench.xml;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.xueliang.tracker.agent.onvif.OnvifException;
import org.xueliang.tracker.agent.onvif.SafeXml;
import org.xueliang.tracker.agent.onvif.XmlNode;

/**
 * CPU per parse of a device answer, StAX (the reader SafeXml used before) against {@link SafeXml#parse} (the
 * hand-written UTF-8 reader), over the ONVIF recordings ({@code --recordings DIR}, default
 * ../shared/testdata/onvif, read in place; the answers StAX refuses are left out, they are not the daily work).
 * After {@code --warmup W} (300) passes over all answers, each answer is parsed {@code --rounds R} (300) times by
 * each reader, alternately, and the thread's CPU time of those R parses is divided by R: a batch, because one parse
 * is shorter than the CPU clock's resolution. Prints medians by size, the totals, and one JSON line.
 */
public final class SafeXmlBench {

    private static final int[] SIZE_BOUNDS = {1024, 3 * 1024, 10 * 1024, Integer.MAX_VALUE};
    private static final String[] SIZE_NAMES = {"< 1 KB", "1-3 KB", "3-10 KB", ">= 10 KB"};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    private interface Reader {
        XmlNode read(byte[] doc) throws OnvifException;
    }

    public static void main(String[] args) throws IOException, OnvifException {
        Path dir = Path.of(arg(args, "--recordings", "../shared/testdata/onvif"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "300"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "300"));
        List<byte[]> docs = answers(dir);
        long sink = 0;
        for (int w = 0; w < warmup; w++) {
            for (byte[] d : docs) {
                sink += SafeXml.parseWithStax(d).children().size() + SafeXml.parse(d).children().size();
            }
        }
        double[] stax = new double[docs.size()];
        double[] fast = new double[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            byte[] d = docs.get(i);
            if (i % 2 == 0) {
                stax[i] = microsPerParse(SafeXml::parseWithStax, d, rounds);
                fast[i] = microsPerParse(SafeXml::parse, d, rounds);
            } else {
                fast[i] = microsPerParse(SafeXml::parse, d, rounds);
                stax[i] = microsPerParse(SafeXml::parseWithStax, d, rounds);
            }
        }
        System.out.printf(Locale.ROOT, "SafeXml over %d ONVIF answers from %s, %d parses each per reader, thread CPU (sink %d)%n",
                docs.size(), dir, rounds, sink);
        System.out.printf(Locale.ROOT, "  %-9s %5s %14s %14s %8s%n", "size", "docs", "StAX us/parse", "fast us/parse", "speed-up");
        double typicalStax = 0;
        double typicalFast = 0;
        for (int s = 0; s < SIZE_BOUNDS.length; s++) {
            double[][] bucket = bucket(docs, stax, fast, s);
            if (bucket[0].length == 0) {
                continue;
            }
            double ms = median(bucket[0]);
            double mf = median(bucket[1]);
            if (s == 1) {
                typicalStax = ms;
                typicalFast = mf;
            }
            System.out.printf(Locale.ROOT, "  %-9s %5d %14.2f %14.2f %7.1fx%n", SIZE_NAMES[s], bucket[0].length, ms, mf, ms / mf);
        }
        double meanStax = Arrays.stream(stax).average().orElse(0);
        double meanFast = Arrays.stream(fast).average().orElse(0);
        System.out.printf(Locale.ROOT, "  %-9s %5d %14.2f %14.2f %7.1fx   (mean over all answers)%n", "all", docs.size(),
                meanStax, meanFast, meanStax / meanFast);
        System.out.printf(Locale.ROOT,
                "{\"bench\":\"safexml\",\"docs\":%d,\"rounds\":%d,\"staxMeanUs\":%.2f,\"fastMeanUs\":%.2f,\"speedup\":%.1f,"
                        + "\"typical1to3KbStaxMedianUs\":%.2f,\"typical1to3KbFastMedianUs\":%.2f,\"typicalSpeedup\":%.1f}%n",
                docs.size(), rounds, meanStax, meanFast, meanStax / meanFast, typicalStax, typicalFast, typicalStax / typicalFast);
    }

    /** The answers StAX reads, in a stable order. */
    private static List<byte[]> answers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no recordings at " + dir.toAbsolutePath() + " (--recordings DIR)");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<byte[]> docs = new ArrayList<>();
        for (Path f : files) {
            byte[] d = Files.readAllBytes(f);
            try {
                SafeXml.parseWithStax(d);
                docs.add(d);
            } catch (OnvifException refused) {
                // a quirk (HTML page, template tags, unbound prefixes): refused by both readers, not measured
            }
        }
        return docs;
    }

    private static double microsPerParse(Reader reader, byte[] doc, int rounds) throws OnvifException {
        long sink = 0;
        long t0 = CPU.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            sink += reader.read(doc).children().size();
        }
        long spent = CPU.getCurrentThreadCpuTime() - t0;
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the parses from being optimised away");
        }
        return spent / 1e3 / rounds;
    }

    private static double[][] bucket(List<byte[]> docs, double[] stax, double[] fast, int s) {
        int low = s == 0 ? 0 : SIZE_BOUNDS[s - 1];
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).length >= low && docs.get(i).length < SIZE_BOUNDS[s]) {
                in.add(i);
            }
        }
        return new double[][] {in.stream().mapToDouble(i -> stax[i]).toArray(), in.stream().mapToDouble(i -> fast[i]).toArray()};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
