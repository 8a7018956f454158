package org.xueliang.tracker.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;

class SpoolTest {

    @TempDir
    Path dir;

    private final AgentMetrics metrics = new AgentMetrics();
    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    static Batch.Result result(long deviceId, Status status, int second) {
        return new Batch.Result(deviceId, Method.TCP, T0.plusSeconds(second), 3L, status,
                status == Status.UP ? Reason.OK : Reason.REFUSED, null, Map.of());
    }

    private static List<Long> seqs(List<Batch> batches) {
        return batches.stream().map(Batch::seq).toList();
    }

    @Test
    void numbers_batches_from_one_keeps_them_in_order_and_deletes_only_acknowledged_ones() {
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            for (int i = 0; i < 3; i++) {
                assertThat(spool.append(List.of(result(1, Status.UP, i)), T0.plusSeconds(i)).seq()).isEqualTo(i + 1);
            }
            long bytes = spool.bytes();
            assertThat(seqs(spool.pending())).containsExactly(1L, 2L, 3L);
            assertThat(spool.first()).get().extracting(Batch::seq).isEqualTo(1L);
            assertThat(spool.oldestSealedAt()).contains(T0);

            assertThat(spool.ack(2)).isTrue();
            assertThat(spool.ack(2)).as("second ack of the same seq").isFalse();
            assertThat(seqs(spool.pending())).containsExactly(1L, 3L);
            assertThat(spool.depth()).isEqualTo(2);
            assertThat(spool.bytes()).isLessThan(bytes).isPositive();
            assertThat(spool.pending().get(1).results()).containsExactly(result(1, Status.UP, 2));
        }
    }

    @Test
    void replays_unacknowledged_batches_in_order_after_a_restart_and_never_reuses_a_seq() {
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            for (int i = 0; i < 4; i++) {
                spool.append(List.of(result(1, Status.UP, i)), T0.plusSeconds(i));
            }
            spool.ack(1);
        }
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            assertThat(seqs(spool.pending())).containsExactly(2L, 3L, 4L);
            spool.pending().forEach(b -> spool.ack(b.seq()));
        }
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            assertThat(spool.depth()).isZero();
            assertThat(spool.bytes()).isZero();
            assertThat(spool.append(List.of(result(1, Status.UP, 9)), T0).seq()).isEqualTo(5);
        }
    }

    @Test
    void refuses_a_second_agent_on_the_same_spool() {
        try (Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics)) {
            assertThatThrownBy(() -> Spool.open(dir, Spool.DEFAULT_MAX_BYTES, metrics))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another agent");
        }
    }

    @Test
    void at_its_size_limit_keeps_every_state_change_and_counts_the_rest() {
        int batches = 50;
        try (Spool spool = Spool.open(dir, 3_000, metrics)) {
            for (int i = 0; i < batches; i++) {
                spool.append(List.of(result(1, i % 2 == 0 ? Status.UP : Status.DOWN, i), result(2, Status.UP, i),
                        result(3, Status.DOWN, i)), T0.plusSeconds(i));
            }
            List<Batch> pending = spool.pending();
            assertThat(seqs(pending)).hasSize(batches).isSorted();
            List<Batch.Result> kept = new ArrayList<>();
            pending.forEach(b -> kept.addAll(b.results()));
            long summarised = pending.stream().mapToLong(Batch::summarisedCount).sum();

            assertThat(kept.stream().filter(r -> r.deviceId() == 1).map(Batch.Result::status))
                    .as("every status change of device 1, in order").hasSize(batches)
                    .startsWith(Status.UP, Status.DOWN, Status.UP, Status.DOWN);
            assertThat(kept.stream().filter(r -> r.deviceId() == 2).map(Batch.Result::startedAt))
                    .as("the first results of a run (the backend counts failures up to 3)")
                    .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
            assertThat(kept.stream().filter(r -> r.deviceId() == 3)).hasSize(Spool.KEEP_RUN);
            assertThat(summarised).isEqualTo(2L * (batches - Spool.KEEP_RUN));
            assertThat(metrics.summarisedTotal()).isEqualTo(summarised);
            assertThat(spool.isFull()).isTrue();
            assertThat(metrics.render()).contains("xl_agent_spool_summarised_total " + summarised);
        }
    }

    @Test
    void remembers_each_device_s_last_status_across_a_restart() {
        try (Spool spool = Spool.open(dir, 600, metrics)) {
            spool.append(List.of(result(1, Status.DOWN, 0), result(1, Status.DOWN, 1), result(1, Status.DOWN, 2)), T0);
        }
        try (Spool spool = Spool.open(dir, 600, metrics)) {
            Batch b = spool.append(List.of(result(1, Status.DOWN, 3), result(1, Status.UP, 4)), T0);
            assertThat(b.results()).containsExactly(result(1, Status.UP, 4));
            assertThat(b.summarised()).isEqualTo(1);
        }
    }
}
