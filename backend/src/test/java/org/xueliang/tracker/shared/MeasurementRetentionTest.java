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

    /** A history that records the cut-off it was asked for and deletes a fixed number of rows. */
    private static final class Recorded implements PrunableHistory {
        final List<Instant> cutoffs = new ArrayList<>();
        final int deletes;

        Recorded(int deletes) {
            this.deletes = deletes;
        }

        @Override
        public String rowsName() {
            return "test rows";
        }

        @Override
        public int deleteBefore(Instant cutoff) {
            cutoffs.add(cutoff);
            return deletes;
        }
    }

    @Test
    void everyHistoryIsPrunedAtTheRawRetentionCutOff() {
        Recorded clock = new Recorded(3);
        Recorded vqd = new Recorded(0);
        MeasurementRetention retention = new MeasurementRetention(List.of(clock, vqd), null, Clock.fixed(NOW, ZoneOffset.UTC), 90);

        assertThat(retention.prune()).isEqualTo(3);
        assertThat(clock.cutoffs).containsExactly(NOW.minus(Duration.ofDays(90)));
        assertThat(vqd.cutoffs).containsExactly(NOW.minus(Duration.ofDays(90)));
    }
}
