package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.clock.ClockSample;
import org.xueliang.tracker.clock.ClockSource;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Lifecycle;

/** The demo's synthetic clock past: marked synthetic, mostly within 3 s, with drifting and offset cameras. */
class DemoClockHistoryTest {

    private static final Instant END = Instant.parse("2026-12-06T16:00:00Z");
    private static final Instant START = END.minus(Duration.ofDays(DemoClockHistory.DAYS));

    private static List<Camera> cameras() {
        List<Camera> out = new ArrayList<>();
        LongStream.rangeClosed(1, 18).forEach(id -> out.add(new Camera(id, 1, "CAM-" + id, "摄像机", "FACE_CAMERA", null,
                null, null, null, null, id % 2 == 0 ? "1408240000131000000" + (id % 10) : null, null, null,
                Lifecycle.IN_SERVICE, null, LocalDate.of(2021, 8, 24), null, null)));
        return out;
    }

    @Test
    void theSamplesAreSyntheticInsideThePeriodAndTheSameForTheSameSeed() {
        List<ClockSample> samples = DemoClockHistory.generate(cameras(), START, END, 7);
        assertThat(samples).allSatisfy(s -> {
            assertThat(s.synthetic()).isTrue();
            assertThat(s.at()).isAfterOrEqualTo(START).isBefore(END.plusSeconds(61));
        });
        assertThat(samples).isEqualTo(DemoClockHistory.generate(cameras(), START, END, 7));
        assertThat(samples).filteredOn(s -> s.source() == ClockSource.GB28181)
                .allSatisfy(s -> assertThat(s.deviceId() % 2).as("GB only for cameras with a national code").isZero());
        assertThat(samples).filteredOn(s -> s.deviceId() == 1 && s.source() == ClockSource.ONVIF)
                .hasSize(DemoClockHistory.DAYS * 12);
    }

    @Test
    void mostClocksAreRightAndSomeDriftOrAreBehind() {
        List<ClockSample> samples = DemoClockHistory.generate(cameras(), START, END, 7);
        List<ClockSample> normal = samples.stream().filter(s -> s.deviceId() == 1).toList();
        List<ClockSample> drifting = samples.stream().filter(s -> s.deviceId() == 5).toList(); // index 4
        List<ClockSample> behind = samples.stream().filter(s -> s.deviceId() == 8).toList(); // index 7
        assertThat(normal).allSatisfy(s -> assertThat(s.within(3000)).isTrue());
        long beyond = drifting.stream().filter(s -> !s.within(3000)).count();
        assertThat(beyond).isBetween(drifting.size() / 4L, drifting.size() * 3L / 4);
        assertThat(behind).allSatisfy(s -> assertThat(s.offsetMs()).isBetween(-8_800L, -7_200L));
    }
}
