package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One job prunes every module's measurement history at the raw-result retention's cut-off. */
class MeasurementRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    /** A history of {@code pending} rows, deleted a chunk per statement; records each cut-off and chunk it was asked for. */
    private static final class Recorded implements PrunableHistory {
        final List<Instant> cutoffs = new ArrayList<>();
        final List<Integer> statements = new ArrayList<>();
        int pending;

        Recorded(int pending) {
            this.pending = pending;
        }

        @Override
        public String rowsName() {
            return "test rows";
        }

        @Override
        public long deleteBefore(Instant cutoff, int chunk) {
            cutoffs.add(cutoff);
            return PrunableHistory.untilShort(chunk, () -> {
                int deleted = Math.min(pending, chunk);
                pending -= deleted;
                statements.add(deleted);
                return deleted;
            });
        }
    }

    @Test
    void everyHistoryIsPrunedOnceAtTheRawRetentionCutOffInChunks() {
        int rows = 2 * MeasurementRetention.CHUNK + 1;
        Recorded raw = new Recorded(rows);
        Recorded vqd = new Recorded(0);
        MeasurementRetention retention = new MeasurementRetention(List.of(raw, vqd), null, Clock.fixed(NOW, ZoneOffset.UTC), 90);

        assertThat(retention.prune()).isEqualTo(rows);
        assertThat(raw.pending).isZero();
        assertThat(raw.cutoffs).containsExactly(NOW.minus(Duration.ofDays(90)));
        assertThat(raw.statements).as("two full chunks and the short one that ends it")
                .containsExactly(MeasurementRetention.CHUNK, MeasurementRetention.CHUNK, 1);
        assertThat(vqd.cutoffs).containsExactly(NOW.minus(Duration.ofDays(90)));
        assertThat(vqd.statements).containsExactly(0);
    }

    @Test
    void anExactMultipleOfTheChunkEndsWithOneEmptyChunk() {
        Recorded raw = new Recorded(MeasurementRetention.CHUNK);
        new MeasurementRetention(List.of(raw), null, Clock.fixed(NOW, ZoneOffset.UTC), 90).prune();
        assertThat(raw.statements).containsExactly(MeasurementRetention.CHUNK, 0);
        assertThat(raw.pending).isZero();
    }
}
