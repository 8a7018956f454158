package org.xueliang.tracker.monitoring.rollup;

import org.xueliang.tracker.monitoring.DeviceState;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class DailyRollupTest {

    static final LocalDate DAY = LocalDate.of(2021, 9, 1);
    static final Instant START = Instant.parse("2021-08-31T16:00:00Z"); // 00:00 in Asia/Shanghai
    static final Instant END = START.plusSeconds(86_400);

    private static Instant h(double hours) {
        return START.plusSeconds((long) (hours * 3600));
    }

    @Test
    void countsEachStateAndLeavesUncoveredTimeUnknown() {
        var r = DailyRollup.compute(1, DAY, START, END, List.of(
                new DailyRollup.Span(DeviceState.UP, h(2), h(10)),
                new DailyRollup.Span(DeviceState.DOWN, h(10), h(11)),
                new DailyRollup.Span(DeviceState.DEGRADED, h(11), null)), List.of(), 0);
        assertThat(r.upSeconds()).isEqualTo(8 * 3600);
        assertThat(r.downSeconds()).isEqualTo(3600);
        assertThat(r.degradedSeconds()).isEqualTo(13 * 3600);
        assertThat(r.unknownSeconds()).isEqualTo(2 * 3600);
        assertThat(r.outages()).isEqualTo(1);
    }

    @Test
    void takesMaintenanceOutOfEveryStateAndCountsOverlappingWindowsOnce() {
        var r = DailyRollup.compute(1, DAY, START, END, List.of(
                new DailyRollup.Span(DeviceState.UP, h(-5), h(10)),
                new DailyRollup.Span(DeviceState.DOWN, h(10), h(30))),
                List.of(new DailyRollup.Window(h(9), h(11)), new DailyRollup.Window(h(10.5), h(12))), 2);
        assertThat(r.maintenanceSeconds()).isEqualTo(3 * 3600);
        assertThat(r.upSeconds()).isEqualTo(9 * 3600);
        assertThat(r.downSeconds()).isEqualTo(12 * 3600);
        assertThat(r.unknownSeconds()).isZero();
        assertThat(r.reboots()).isEqualTo(2);
    }

    @Test
    void doesNotCountAnOutageThatBeganTheDayBefore() {
        var r = DailyRollup.compute(1, DAY, START, END, List.of(new DailyRollup.Span(DeviceState.DOWN, h(-3), h(1))), List.of(), 0);
        assertThat(r.outages()).isZero();
        assertThat(r.downSeconds()).isEqualTo(3600);
    }

    @RepeatedTest(20)
    void theDayAlwaysAddsUp() {
        Random random = new Random();
        Instant cursor = h(-random.nextInt(10));
        List<DailyRollup.Span> spans = new java.util.ArrayList<>();
        DeviceState[] states = DeviceState.values();
        while (cursor.isBefore(h(26))) {
            Instant next = cursor.plusSeconds(1 + random.nextInt(20_000));
            spans.add(new DailyRollup.Span(states[random.nextInt(states.length)], cursor, next));
            cursor = next.plusSeconds(random.nextInt(3) == 0 ? random.nextInt(5000) : 0);
        }
        List<DailyRollup.Window> windows = List.of(new DailyRollup.Window(h(random.nextInt(24)), h(random.nextInt(30))));
        var r = DailyRollup.compute(1, DAY, START, END, spans, windows, 0);
        assertThat(r.upSeconds() + r.degradedSeconds() + r.downSeconds() + r.unknownSeconds() + r.maintenanceSeconds())
                .isEqualTo(86_400);
        assertThat(List.of(r.upSeconds(), r.degradedSeconds(), r.downSeconds(), r.unknownSeconds(), r.maintenanceSeconds()))
                .allMatch(v -> v >= 0);
    }
}
