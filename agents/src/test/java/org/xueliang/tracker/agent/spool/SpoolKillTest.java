package org.xueliang.tracker.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.transport.Batch;

/** SIGKILL in the middle of appends: every batch whose append returned is in the spool, in order. */
class SpoolKillTest {

    @TempDir
    Path dir;

    @Test
    void every_batch_whose_append_returned_survives_a_sigkill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolWriterProcess.class.getName(), dir.toString(), "1000000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> printed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean killed = false;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("appended ")) {
                    printed.add(Long.parseLong(line.substring(9)));
                }
                if (!killed && printed.size() >= 200) {
                    child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves our end of the pipe open
                    killed = true;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(printed).as("the child was killed mid-way").hasSizeGreaterThanOrEqualTo(200).hasSizeLessThan(1_000_000);

        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, new AgentMetrics())) {
            List<Long> stored = spool.pending().stream().map(Batch::seq).toList();
            System.out.printf("SIGKILL test: child printed %d seqs before it died; spool holds %d (seq 1..%d)%n",
                    printed.size(), stored.size(), stored.isEmpty() ? 0 : stored.get(stored.size() - 1));
            assertThat(stored).containsAll(printed);
            assertThat(stored).as("contiguous from 1, in order").containsExactlyElementsOf(
                    LongStream.rangeClosed(1, stored.size()).boxed().toList());
            assertThat(spool.nextSeq()).isEqualTo(stored.size() + 1L);
        }
    }
}
