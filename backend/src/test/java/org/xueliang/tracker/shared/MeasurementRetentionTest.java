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

    /** A history of {@code pending} rows that records each cut-off and limit it was asked for. */
    private static final class Recorded implements PrunableHistory {
        final List<Instant> cutoffs = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();
        int pending;

        Recorded(int pending) {
            this.pending = pending;
        }

        @Override
        public String rowsName() {
            return "test rows";
        }

        @Override
        public int deleteBefore(Instant cutoff, int limit) {
            cutoffs.add(cutoff);
            limits.add(limit);
            int deleted = Math.min(pending, limit);
            pending -= deleted;
            return deleted;
        }
    }

    @Test
    void everyHistoryIsPrunedAtTheRawRetentionCutOffInChunks() {
        int rows = 2 * MeasurementRetention.CHUNK + 1;
        Recorded raw = new Recorded(rows);
        Recorded vqd = new Recorded(0);
        MeasurementRetention retention = new MeasurementRetention(List.of(raw, vqd), null, Clock.fixed(NOW, ZoneOffset.UTC), 90);

        assertThat(retention.prune()).isEqualTo(rows);
        assertThat(raw.pending).isZero();
        assertThat(raw.limits).as("two full chunks and the short one that ends it")
                .containsExactly(MeasurementRetention.CHUNK, MeasurementRetention.CHUNK, MeasurementRetention.CHUNK);
        assertThat(raw.cutoffs).containsOnly(NOW.minus(Duration.ofDays(90)));
        assertThat(vqd.cutoffs).containsExactly(NOW.minus(Duration.ofDays(90)));
    }

    @Test
    void anExactMultipleOfTheChunkEndsWithOneEmptyChunk() {
        Recorded raw = new Recorded(MeasurementRetention.CHUNK);
        new MeasurementRetention(List.of(raw), null, Clock.fixed(NOW, ZoneOffset.UTC), 90).prune();
        assertThat(raw.limits).hasSize(2);
        assertThat(raw.pending).isZero();
    }
}
