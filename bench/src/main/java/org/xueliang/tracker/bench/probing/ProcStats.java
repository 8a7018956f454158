package org.xueliang.tracker.bench.probing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CPU time and memory of a process, from /proc (Linux) and the JVM's own beans. */
public final class ProcStats {

    /** USER_HZ: the unit of /proc/PID/stat times, 100 on every Linux ABI Java runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcStats() {
    }

    /** User + system CPU seconds of {@code pid} (all its threads) so far. */
    public static double cpuSeconds(long pid) {
        try {
            return ticksOf(Path.of("/proc", Long.toString(pid), "stat")) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU ticks so far of each JIT compiler thread of the JVM {@code pid}, by thread id (HotSpot names them
     * "C1 CompilerThread<i>n</i>" and "C2 CompilerThread<i>n</i>", which /proc cuts to 15 characters). A JVM that
     * started shortly before a measurement is still compiling in it: {@link #jitCpuSecondsBetween} says how much of
     * its CPU that was.
     */
    public static Map<String, Long> jitTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                        ticks.put(task.getFileName().toString(), ticksOf(task.resolve("stat")));
                    }
                } catch (IOException threadEnded) {
                    // ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    /**
     * The compiler threads' CPU seconds between two {@link #jitTicks} readings. HotSpot starts and stops extra
     * compiler threads on demand: one that ended in between took its time with it, so this is a lower bound.
     */
    public static double jitCpuSecondsBetween(Map<String, Long> before, Map<String, Long> after) {
        long ticks = 0;
        for (var e : after.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of a /proc stat file (a process's or a thread's), in ticks. */
    private static long ticksOf(Path stat) throws IOException {
        String s = Files.readString(stat);
        // after "pid (comm) ": state is field 3, utime 14, stime 15; comm may hold spaces, so split after ')'
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** This JVM's CPU seconds, in nanosecond resolution. */
    public static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** A size line of /proc/PID/status in MiB, e.g. VmHWM (peak resident set) or VmRSS. */
    public static double statusMiB(long pid, String field) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim()) / 1024.0;
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    /** Sum of the heap pools' peak usage in MiB since the JVM started (or since {@link #resetHeapPeak}). */
    static double heapPeakMiB() {
        long bytes = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                bytes += p.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    static void resetHeapPeak() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
