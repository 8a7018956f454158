package org.xueliang.tracker.agent.spool;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.Status;

/** Child JVM of {@link SpoolKillTest}: appends batches and prints each seq once {@code append} has returned. */
public final class SpoolWriterProcess {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, new AgentMetrics());
        for (int i = 0; i < count; i++) {
            long seq = spool.append(List.of(SpoolTest.result(i % 50, i % 7 == 0 ? Status.DOWN : Status.UP, i)), Instant.now()).seq();
            System.out.println("appended " + seq);
            System.out.flush();
        }
        spool.close();
    }
}
