package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The pacing of first queries: a storm is more arrivals in a second than the pace, and it passes. No database. */
class GbIntroductionsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<String> introduced = new CopyOnWriteArrayList<>();

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void moreArrivalsInASecondThanThePaceIsAStormUntilASecondPassesWithout() {
        try (GbIntroductions intros = new GbIntroductions(5, introduced::add, nanos::get)) {
            for (int i = 0; i < 5; i++) {
                intros.offer("dev" + i);
            }
            assertThat(intros.storming()).as("as many as the pace").isFalse();
            intros.offer("dev5");
            assertThat(intros.storming()).as("one more than the pace").isTrue();
            advanceMillis(1500);
            assertThat(intros.storming()).as("the second before was a storm").isTrue();
            intros.offer("dev6");
            advanceMillis(1000);
            assertThat(intros.storming()).as("one arrival in the last second").isFalse();
            advanceMillis(5000);
            assertThat(intros.storming()).isFalse();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> introduced.size() == 7);
            assertThat(introduced).containsExactly("dev0", "dev1", "dev2", "dev3", "dev4", "dev5", "dev6");
        }
    }

    @Test
    void aQuietGapResetsTheCount() {
        try (GbIntroductions intros = new GbIntroductions(3, introduced::add, nanos::get)) {
            for (int i = 0; i < 3; i++) {
                intros.offer("a" + i);
            }
            advanceMillis(2500);
            for (int i = 0; i < 3; i++) {
                intros.offer("b" + i);
            }
            assertThat(intros.storming()).as("3 then 3, with more than a second between them").isFalse();
        }
    }
}
