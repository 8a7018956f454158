package org.xueliang.tracker.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;

/** The spool's epoch: created with the spool, kept across restarts, new with a new spool, on every batch it seals. */
class SpoolEpochTest {

    @TempDir
    Path dir;

    private final AgentMetrics metrics = new AgentMetrics();
    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void every_batch_carries_the_epoch_the_spool_keeps_across_restarts() {
        String epoch;
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            epoch = spool.epoch();
            assertThat(UUID.fromString(epoch)).isNotNull();
            assertThat(spool.append(List.of(SpoolTest.result(1, Status.UP, 0)), T0).epoch()).isEqualTo(epoch);
        }
        try (Spool reopened = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            assertThat(reopened.epoch()).isEqualTo(epoch);
            assertThat(reopened.first()).get().extracting(Batch::epoch).isEqualTo(epoch);
            assertThat(reopened.append(List.of(SpoolTest.result(1, Status.UP, 1)), T0).seq()).isEqualTo(2);
        }
    }

    @Test
    void a_deleted_and_recreated_spool_starts_at_seq_one_under_a_new_epoch() throws Exception {
        String old;
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            for (int i = 0; i < 100; i++) {
                spool.append(List.of(SpoolTest.result(1, Status.UP, i)), T0);
            }
            old = spool.epoch();
        }
        Files.delete(dir.resolve(Spool.FILE_NAME));
        try (Spool fresh = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            Batch first = fresh.append(List.of(SpoolTest.result(1, Status.UP, 0)), T0);
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.epoch()).isNotNull().isNotEqualTo(old);
        }
    }

    /**
     * A spool written by an agent older than epochs: its pending batches were sealed without one and may have been
     * applied already (a lost acknowledgement), so they are sent as they are — epoch-less, deduplicated as before —
     * and only the batches sealed from now on carry the new epoch, continuing the seq.
     */
    @Test
    void batches_sealed_before_the_spool_had_an_epoch_are_sent_without_one() {
        try (MVStore legacy = new MVStore.Builder().fileName(dir.resolve(Spool.FILE_NAME).toString()).open()) {
            MVMap<Long, byte[]> batches = legacy.openMap("batches");
            batches.put(7L, ("{\"seq\":7,\"sentAt\":\"2025-06-01T08:00:00Z\",\"results\":[],\"summarised\":0}")
                    .getBytes(StandardCharsets.UTF_8));
            MVMap<String, Long> meta = legacy.openMap("meta");
            meta.put("nextSeq", 8L);
            legacy.commit();
        }
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            assertThat(spool.first()).get().satisfies(b -> {
                assertThat(b.seq()).isEqualTo(7);
                assertThat(b.epoch()).isNull();
            });
            Batch next = spool.append(List.of(SpoolTest.result(1, Status.UP, 0)), T0);
            assertThat(next.seq()).isEqualTo(8);
            assertThat(next.epoch()).isEqualTo(spool.epoch()).isNotNull();
        }
    }
}
