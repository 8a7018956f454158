package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.vqd.VqdCheck;

/** The demo's synthetic VQD past: every 4 h per camera, synthetic, mostly clean, with the scripted faulty cameras. */
class DemoVqdHistoryTest {

    private static final Instant END = Instant.parse("2026-12-06T16:00:00Z");
    private static final Instant START = END.minus(Duration.ofDays(DemoVqdHistory.DAYS));

    private static List<Camera> cameras() {
        List<Camera> out = new ArrayList<>();
        LongStream.rangeClosed(1, 18).forEach(id -> out.add(new Camera(id, 1, "CAM-" + id, "摄像机", "FACE_CAMERA", null,
                null, null, null, null, null, null, null, Lifecycle.IN_SERVICE, null, LocalDate.of(2021, 8, 24), null, null)));
        return out;
    }

    @Test
    void checksAreSyntheticEveryFourHoursInsideThePeriodAndTheSameForTheSameSeed() {
        List<VqdCheck> checks = DemoVqdHistory.generate(cameras(), START, END, 7);
        assertThat(checks).isEqualTo(DemoVqdHistory.generate(cameras(), START, END, 7));
        assertThat(checks).allSatisfy(c -> {
            assertThat(c.synthetic()).isTrue();
            assertThat(c.at()).isAfterOrEqualTo(START).isBefore(END);
            assertThat(c.faults()).allSatisfy(f -> assertThat(c.scores().get(f)).isGreaterThanOrEqualTo(0.5));
        });
        assertThat(checks).filteredOn(c -> c.deviceId() == 1).hasSize(DemoVqdHistory.DAYS * 6);
    }

    @Test
    void mostPicturesAreCleanAndTheScriptedCamerasShowTheirFaults() {
        List<VqdCheck> checks = DemoVqdHistory.generate(cameras(), START, END, 7);
        long clean = checks.stream().filter(VqdCheck::clean).count();
        assertThat((double) clean / checks.size()).isBetween(0.85, 0.99);
        assertThat(checks).filteredOn(c -> c.deviceId() == 4 && c.faults().contains(VqdClass.BLUR)).hasSizeGreaterThan(60); // index 3
        assertThat(checks).filteredOn(c -> c.deviceId() == 6 && c.faults().contains(VqdClass.COLOR_CAST)).hasSizeGreaterThan(80); // index 5
        assertThat(checks).filteredOn(c -> c.deviceId() == 9 && c.faults().contains(VqdClass.OCCLUSION)).hasSizeGreaterThan(100); // index 8
    }
}
