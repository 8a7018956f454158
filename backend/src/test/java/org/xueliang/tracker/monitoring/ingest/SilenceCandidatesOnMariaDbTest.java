package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * The silence sweeper's candidates are the devices the state machine would call silent on their stored state: past
 * three of their own intervals since the last result, to the millisecond, on production's engine (the rule is SQL).
 */
@OnMariaDb
class SilenceCandidatesOnMariaDbTest extends ApiTestSupport {

    @Autowired SilenceSweeper sweeper;

    @Test
    void aDeviceIsACandidateFromThreeOfItsOwnIntervalsAfterItsLastResultOn() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long slowRecent = status("UP", 300, now.minusSeconds(60));       // a 5-minute device heard a minute ago
        long atTheLimit = status("UP", 60, now.minusSeconds(180));       // exactly three intervals
        long justBefore = status("DOWN", 60, now.minusSeconds(180).plusMillis(1));
        long fastSilent = status("DOWN", 10, now.minusSeconds(31));
        long alreadyUnknown = status("UNKNOWN", 10, now.minus(Duration.ofHours(1)));

        List<Long> candidates = sweeper.silentCandidates(now);

        assertThat(candidates).contains(atTheLimit, fastSilent)
                .doesNotContain(slowRecent, justBefore, alreadyUnknown);
        StateMachine machine = new StateMachine(3);
        for (long id : List.of(slowRecent, atTheLimit, justBefore, fastSilent)) {
            TrackedStateRow row = row(id);
            boolean silent = machine.onSilence(row.state(), now, Duration.ofSeconds(row.interval())).change().isPresent();
            assertThat(candidates.contains(id)).as("device %d: candidate exactly when the state machine calls it silent", id)
                    .isEqualTo(silent);
        }
    }

    private record TrackedStateRow(TrackedState state, int interval) {
    }

    private TrackedStateRow row(long deviceId) {
        return jdbc.queryForObject("SELECT state, since, last_result_at, interval_seconds FROM device_status WHERE device_id = ?",
                (rs, n) -> new TrackedStateRow(new TrackedState(org.xueliang.tracker.monitoring.DeviceState.valueOf(rs.getString(1)),
                        StatusStore.instant(rs.getTimestamp(2)), null, 0, null, StatusStore.instant(rs.getTimestamp(3))), rs.getInt(4)), deviceId);
    }

    /** A new device with a state row as ingest writes it: this state since an hour ago, last result at {@code last}. */
    private long status(String state, int intervalSeconds, Instant last) throws Exception {
        long id = createDevice().get("id").asLong();
        jdbc.update("INSERT INTO device_status (device_id, state, since, consecutive_failures, last_result_at, interval_seconds,"
                        + " updated_at) VALUES (?, ?, ?, 0, ?, ?, ?)", id, state, StatusStore.ts(last.minus(Duration.ofHours(1))),
                StatusStore.ts(last), intervalSeconds, StatusStore.ts(last));
        return id;
    }
}
