package org.xueliang.tracker.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A bounded, deterministic fuzz run (docs/TESTING.md, "Fuzz suites"): {@code tries} inputs drawn by a
 * generator from a seeded {@link Random}, each fed to a target on a worker thread. An input fails when the
 * target throws (the target itself catches the error type its parser documents), runs longer than the
 * per-input timeout (a hang) or allocates more than the per-input cap (unbounded allocation). Hand-written
 * rather than a fuzzing library: plain JUnit, nothing new on the test classpath, and every input is
 * reproducible from the printed seed and input number.
 *
 * <p>System properties: {@code xl.fuzz.scale} multiplies every suite's tries (bench/fuzz/run.sh);
 * {@code xl.fuzz.seed} replaces the fixed seed (a long run with fresh inputs); {@code xl.fuzz.input} runs only
 * that input number (to replay a failure under a debugger).
 */
public final class FuzzSuite<T> {

    /** Inputs a suite runs before it gives up reporting more failures (the first ones tell the story). */
    private static final int MAX_REPORTED = 5;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What the target does with one input; anything it throws is a finding. */
    @FunctionalInterface
    public interface Target<T> {
        void accept(T input) throws Exception;
    }

    private final String name;
    private final int tries;
    private final Function<Random, T> generator;
    private long timeoutMillis = 5_000;
    private long maxAllocatedBytes = 256L << 20;
    private Function<T, byte[]> bytes = input -> String.valueOf(input).getBytes(StandardCharsets.UTF_8);
    private List<T> verbatim = List.of();

    private FuzzSuite(String name, int baseTries, Function<Random, T> generator) {
        this.name = name;
        this.tries = (int) Math.max(1, Math.round(baseTries * Double.parseDouble(System.getProperty("xl.fuzz.scale", "1"))));
        this.generator = generator;
    }

    /** A suite of {@code baseTries} inputs (times {@code xl.fuzz.scale}); the name appears in the printed summary. */
    public static <T> FuzzSuite<T> of(String name, int baseTries, Function<Random, T> generator) {
        return new FuzzSuite<>(name, baseTries, generator);
    }

    /** Longer than this for one input counts as a hang; generous, because two cores run the whole build. */
    public FuzzSuite<T> timeoutMillis(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    /** More bytes allocated while handling one input is a finding (a size read from the input was trusted). */
    public FuzzSuite<T> maxAllocatedMegabytes(long megabytes) {
        this.maxAllocatedBytes = megabytes << 20;
        return this;
    }

    /**
     * Inputs run as they are before the generated ones (and counted with them): the seed corpus, so that an input a
     * fuzzer once found, added to the corpus, is replayed exactly on every build.
     */
    public FuzzSuite<T> firstVerbatim(List<T> inputs) {
        this.verbatim = List.copyOf(inputs);
        return this;
    }

    /** How a failing input is written to target/fuzz-failures (to be added to the corpus); text by default. */
    public FuzzSuite<T> bytesOf(Function<T, byte[]> toBytes) {
        this.bytes = toBytes;
        return this;
    }

    /** Runs every input, prints {@code fuzz NAME: N inputs, F failures} and throws if any input failed. */
    public void run(Target<T> target) {
        long seed = Long.getLong("xl.fuzz.seed", name.hashCode());
        Long only = Long.getLong("xl.fuzz.input");
        List<String> failures = new ArrayList<>();
        int failed = 0;
        int ran = 0;
        long slowestNanos = 0;
        int slowest = -1;
        long started = System.nanoTime();
        ExecutorService worker = newWorker();
        try {
            // the corpus always runs whole, whatever the scale
            for (int i = 0; i < Math.max(tries, verbatim.size()); i++) {
                if (only != null && only != i) {
                    continue;
                }
                T input = i < verbatim.size() ? verbatim.get(i) : generator.apply(new Random(inputSeed(seed, i)));
                ran++;
                long t0 = System.nanoTime();
                String problem = attempt(worker, target, input);
                long took = System.nanoTime() - t0;
                if (took > slowestNanos) {
                    slowestNanos = took;
                    slowest = i;
                }
                if (problem != null) {
                    failed++;
                    if (failures.size() < MAX_REPORTED) {
                        failures.add("input #" + i + " (-Dxl.fuzz.seed=" + seed + " -Dxl.fuzz.input=" + i + ", saved as "
                                + save(seed, i, input) + "): " + problem);
                    }
                    if (problem.startsWith("hang")) {
                        // the worker is stuck in the hung input; a fresh one carries on
                        worker.shutdownNow();
                        worker = newWorker();
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("fuzz %s: %d inputs, %d failures (seed %d, %.1f s, slowest input #%d %.0f ms)%n", name, ran,
                failed, seed, (System.nanoTime() - started) / 1e9, slowest, slowestNanos / 1e6);
        if (failed > 0) {
            throw new AssertionError("fuzz " + name + ": " + failed + " of " + ran + " inputs failed; first ones:\n  "
                    + String.join("\n  ", failures));
        }
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    private String attempt(ExecutorService worker, Target<T> target, T input) {
        Future<Long> done = worker.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            target.accept(input);
            return THREADS.getCurrentThreadAllocatedBytes() - before;
        });
        try {
            long allocated = done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return allocated > maxAllocatedBytes
                    ? "allocated " + (allocated >> 20) + " MB (cap " + (maxAllocatedBytes >> 20) + " MB)" : null;
        } catch (TimeoutException e) {
            done.cancel(true);
            return "hang: no answer within " + timeoutMillis + " ms";
        } catch (ExecutionException e) {
            StringWriter trace = new StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            return trace.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String save(long seed, int i, T input) {
        Path file = Path.of("target", "fuzz-failures", name, seed + "-" + i + ".bin");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes.apply(input));
            return file.toString();
        } catch (IOException | RuntimeException e) {
            return "(not saved: " + e + ")";
        }
    }

    /** SplitMix64 of seed and index: neighbouring inputs get unrelated random streams. */
    private static long inputSeed(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
