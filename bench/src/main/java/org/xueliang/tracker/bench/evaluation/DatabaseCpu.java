package org.xueliang.tracker.bench.evaluation;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the local MariaDB server (user + system, from Linux's /proc/&lt;pid&gt;/stat), so a run's cost is told
 * whole: an evaluation spends much of its time in SQL, which this JVM's CPU time does not count. The server is
 * shared with other work on this machine, so its CPU time over a run is an upper bound of the run's share.
 */
final class DatabaseCpu {

    /** Linux's USER_HZ: the unit of utime and stime in /proc/&lt;pid&gt;/stat on every usual kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private DatabaseCpu() {
    }

    /** The server's CPU time so far in nanoseconds, or -1 where there is no readable MariaDB process (another host, no /proc). */
    static long nanos() {
        Path stat = serverStat();
        if (stat == null) {
            return -1;
        }
        try {
            String line = Files.readString(stat);
            // fields after the command name, which sits in parentheses and may hold spaces: utime and stime are 14 and 15
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path serverStat() {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : processes) {
                try {
                    String name = Files.readString(p.resolve("comm")).strip();
                    if (name.equals("mariadbd") || name.equals("mysqld")) {
                        return p.resolve("stat");
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
