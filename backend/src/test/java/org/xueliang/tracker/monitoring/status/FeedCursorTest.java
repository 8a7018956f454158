package org.xueliang.tracker.monitoring.status;

import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Rows that commit out of id order are fanned out once each, late ones too, until the grace period ends. */
class FeedCursorTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRowCommittedAfterAHigherOneIsStillFannedOutOnce() {
        FeedCursor cursor = new FeedCursor(5, Duration.ofSeconds(10), 100);
        assertThat(ids(cursor.take(rows(6, 8), 0))).containsExactly(6L, 8L);
        assertThat(cursor.last()).isEqualTo(8);
        assertThat(cursor.pending(SECOND)).containsExactly(7L);

        // 7 commits: found among the pending ids; 6 and 8 read again are not sent twice.
        assertThat(ids(cursor.take(rows(6, 7, 8), SECOND))).containsExactly(7L);
        assertThat(cursor.pending(SECOND)).isEmpty();
    }

    @Test
    void anIdThatNeverAppearsIsGivenUpAfterTheGracePeriod() {
        FeedCursor cursor = new FeedCursor(0, Duration.ofSeconds(10), 100);
        cursor.take(rows(1, 4), 0); // Galera: ids step by the cluster size, 2 and 3 may never exist
        assertThat(cursor.pending(10 * SECOND)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(cursor.pending(11 * SECOND)).isEmpty();
        assertThat(ids(cursor.take(rows(2), 11 * SECOND))).isEmpty();
    }

    @Test
    void onlyTheNewestSkippedIdsAreRemembered() {
        FeedCursor cursor = new FeedCursor(0, Duration.ofSeconds(10), 3);
        cursor.take(rows(1_000_000), 0);
        assertThat(cursor.pending(0)).containsExactlyInAnyOrder(999_997L, 999_998L, 999_999L);
        cursor.take(rows(1_000_002), 0);
        assertThat(cursor.pending(0)).containsExactlyInAnyOrder(999_998L, 999_999L, 1_000_001L);
    }

    private static List<StatusChangeFeed.Entry> rows(long... ids) {
        return Arrays.stream(ids).mapToObj(id -> new StatusChangeFeed.Entry(id,
                new DeviceStateChanged(id, DeviceState.UP, DeviceState.DOWN, Instant.EPOCH, null))).toList();
    }

    private static List<Long> ids(List<StatusChangeFeed.Entry> entries) {
        return entries.stream().map(StatusChangeFeed.Entry::id).toList();
    }
}
