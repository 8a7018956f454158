package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.monitoring.agent.AgentLimits;
import org.xueliang.tracker.monitoring.agent.AgentService;

class ResultScreenTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final AgentLimits LIMITS = new AgentLimits(4_000_000, 5000, Duration.ofMinutes(5), Duration.ofDays(90),
            Duration.ofMinutes(5));

    @Test
    void acceptsAssignedDevicesAtPlausibleTimesAndCountsTheRestPerReason() {
        List<Batch.Result> results = List.of(
                result(1, NOW.minusSeconds(10), 3L),                          // fine
                result(1, NOW.plus(Duration.ofMinutes(5)), null),             // at the skew bound: fine
                result(1, NOW.minus(Duration.ofDays(90)), 0L),                // at the retention bound: fine
                result(2, NOW.minusSeconds(10), 3L),                          // another zone's device
                result(2, NOW.plus(Duration.ofDays(3650)), -1L),              // not assigned comes first
                result(1, NOW.plus(Duration.ofMinutes(5)).plusMillis(1), 3L), // in the future
                result(1, Instant.EPOCH, 3L),                                 // 1970
                result(1, NOW, -1L),                                          // negative latency
                result(1, NOW, 300_001L));                                    // longer than any probe
        ResultScreen.Outcome outcome = ResultScreen.screen(results, Set.of(1L), NOW, LIMITS);
        assertThat(outcome.accepted()).hasSize(3);
        assertThat(outcome.refused()).containsExactlyInAnyOrderEntriesOf(Map.of("notAssigned", 2, "inFuture", 1, "tooOld", 1,
                "badLatency", 2));
        assertThat(outcome.refusedCount()).isEqualTo(6);
    }

    @Test
    void clampsAGarbageHeartbeatClockInsteadOfFailing() {
        assertThat(AgentService.skewMillis(NOW, NOW.plusMillis(1500))).isEqualTo(1500);
        assertThat(AgentService.skewMillis(NOW, NOW.minusSeconds(90))).isEqualTo(-90_000);
        assertThat(AgentService.skewMillis(NOW, Instant.MAX)).isEqualTo(100L * 366 * 86_400 * 1000);
        assertThat(AgentService.skewMillis(NOW, Instant.MIN)).isEqualTo(-100L * 366 * 86_400 * 1000);
    }

    private static Batch.Result result(long device, Instant at, Long latency) {
        return new Batch.Result(device, Method.TCP, at, latency, Status.UP, Reason.OK, null, Map.of());
    }
}
