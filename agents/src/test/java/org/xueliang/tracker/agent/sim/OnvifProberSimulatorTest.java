package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xueliang.tracker.agent.sim.SimTargets.PASSWORD;
import static org.xueliang.tracker.agent.sim.SimTargets.USER;
import static org.xueliang.tracker.agent.sim.SimTargets.target;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.onvif.PreviousSnapshots;
import org.xueliang.tracker.agent.onvif.ScheduledVqd;
import org.xueliang.tracker.agent.onvif.SnapshotCheck;
import org.xueliang.tracker.agent.vqd.ReducedPicture;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;

/** The ONVIF prober against simulated cameras on 127.20.9.x, all served by one simulator socket. */
class OnvifProberSimulatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final List<SimulatedCamera> CAMS = new ArrayList<>();
    private static OnvifSimulator sim;
    private static OnvifProber prober;

    @BeforeAll
    static void start() throws IOException {
        for (int i = 1; i <= 4; i++) {
            CAMS.add(SimulatedCamera.standard(InetAddress.getByName("127.20.9." + i), USER, PASSWORD));
        }
        sim = OnvifSimulator.start(CAMS, 0, CLOCK);
        prober = SimTargets.loopbackProber();
    }

    @AfterAll
    static void stop() {
        prober.close();
        sim.close();
    }

    @BeforeEach
    void reset() {
        CLOCK.set(Instant.now());
        CAMS.forEach(c -> c.faults().clearAll());
    }

    private ProbeResult probe(SimulatedCamera cam, String... settings) {
        return probe(target(cam.address(), sim.port(), TIMEOUT, settings));
    }

    private ProbeResult probe(ProbeTarget t) {
        return prober.probe(t).join();
    }

    private static void assertOutcome(ProbeResult r, Status status, Reason reason) {
        assertThat(r.status()).as(r.detail()).isEqualTo(status);
        assertThat(r.reason()).as(r.detail()).isEqualTo(reason);
    }

    @Test
    void a_healthy_camera_is_up_with_its_identity_clock_offset_and_snapshot() {
        SimulatedCamera cam = CAMS.get(0);
        ProbeResult r = probe(cam);
        assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
        assertThat(r.reason()).isEqualTo(Reason.OK);
        assertThat(r.facts())
                .containsEntry(Facts.MANUFACTURER, "Xueliang Sim")
                .containsEntry(Facts.MODEL, "XL-IPC-2000")
                .containsEntry(Facts.SERIAL, cam.identity().serial())
                .containsEntry(Facts.FIRMWARE, cam.identity().firmware())
                .containsKey(Facts.SNAPSHOT_BYTES);
        assertThat(Math.abs(Long.parseLong(r.facts().get(Facts.CLOCK_OFFSET_MS)))).isLessThan(2_000);
    }

    @Test
    void an_auth_failure_is_degraded_not_down() {
        SimulatedCamera cam = CAMS.get(0);
        cam.faults().set(Fault.AUTH_FAILURE);
        ProbeResult r = probe(cam);
        assertOutcome(r, Status.DEGRADED, Reason.AUTH_FAILED);
        assertThat(r.facts()).containsKey(Facts.CLOCK_OFFSET_MS);
    }

    @Test
    void a_wrong_password_is_an_auth_failure() {
        assertOutcome(probe(SimTargets.target(1, CAMS.get(1).address(), sim.port(), TIMEOUT, "wrong")),
                Status.DEGRADED, Reason.AUTH_FAILED);
    }

    @Test
    void a_down_camera_drops_the_connection() {
        CAMS.get(1).faults().set(Fault.DOWN);
        assertOutcome(probe(CAMS.get(1)), Status.DOWN, Reason.UNREACHABLE);
    }

    @Test
    void a_flapping_camera_alternates_between_up_and_down() {
        SimulatedCamera cam = CAMS.get(2);
        Duration period = Duration.ofSeconds(10);
        cam.faults().set(Fault.FLAPPING).flapPeriod(period);
        long p = period.toMillis();
        CLOCK.set(Instant.ofEpochMilli(Math.floorDiv(Instant.now().toEpochMilli(), 2 * p) * 2 * p + 1_000));
        assertThat(probe(cam).status()).isEqualTo(Status.UP);
        CLOCK.advance(period);
        assertThat(probe(cam).status()).isEqualTo(Status.DOWN);
        CLOCK.advance(period);
        assertThat(probe(cam).status()).isEqualTo(Status.UP);
    }

    @Test
    void a_rebooting_camera_is_down_until_it_is_back() {
        SimulatedCamera cam = CAMS.get(2);
        cam.faults().reboot(CLOCK.instant(), Duration.ofSeconds(60));
        assertThat(probe(cam).status()).isEqualTo(Status.DOWN);
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(probe(cam).status()).isEqualTo(Status.UP);
    }

    @Test
    void clock_drift_beyond_tolerance_is_degraded_and_the_corrected_token_is_still_accepted() {
        SimulatedCamera cam = CAMS.get(3);
        cam.faults().clockDrift(Duration.ofMinutes(10));
        ProbeResult r = probe(cam);
        assertOutcome(r, Status.DEGRADED, Reason.CLOCK_DRIFT);
        assertThat(Long.parseLong(r.facts().get(Facts.CLOCK_OFFSET_MS))).isBetween(598_000L, 602_000L);
        // the camera refuses a Created more than 5 minutes off its own clock: identity proves the correction
        assertThat(r.facts()).containsEntry(Facts.MODEL, "XL-IPC-2000");
    }

    @Test
    void clock_drift_within_tolerance_is_up() {
        SimulatedCamera cam = CAMS.get(3);
        cam.faults().clockDrift(Duration.ofMinutes(-2));
        ProbeResult r = probe(cam);
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(probe(cam, OnvifProber.CLOCK_TOLERANCE, "60").reason()).isEqualTo(Reason.CLOCK_DRIFT);
    }

    @Test
    void black_video_is_degraded() {
        CAMS.get(0).faults().set(Fault.BLACK_VIDEO);
        assertOutcome(probe(CAMS.get(0)), Status.DEGRADED, Reason.BLACK_VIDEO);
    }

    @Test
    void a_scheduled_picture_check_finds_the_blur_and_keeps_the_camera_degraded_until_a_clean_check() throws Exception {
        SimulatedCamera cam = CAMS.get(2);
        cam.faults().set(Fault.BLURRED_VIDEO);
        // a 1 ms interval: the first probe only learns the camera's slot, the next one (a later slot) checks
        ProbeTarget t = target(cam.address(), sim.port(), TIMEOUT, OnvifProber.VQD_INTERVAL, "PT0.001S");
        ProbeResult first = probe(t);
        assertOutcome(first, Status.UP, Reason.OK);
        assertThat(first.facts()).doesNotContainKey("vqd.checkedAt");
        Thread.sleep(2);
        ProbeResult checked = probe(t);
        assertOutcome(checked, Status.DEGRADED, Reason.VQD_FAULT);
        assertThat(checked.detail()).contains("BLUR");
        assertThat(checked.facts()).containsKey("vqd.checkedAt").containsKey("vqd.BLUR")
                .containsEntry("vqd.faults", "BLUR");
        cam.faults().clearAll();
        ProbeTarget off = target(t.deviceId(), cam.address(), sim.port(), TIMEOUT, PASSWORD, OnvifProber.VQD_INTERVAL, "PT0S");
        ProbeResult between = probe(off);
        assertOutcome(between, Status.DEGRADED, Reason.VQD_FAULT);
        assertThat(between.facts()).doesNotContainKey("vqd.checkedAt");
        Thread.sleep(2);
        ProbeResult clean = probe(t);
        assertOutcome(clean, Status.UP, Reason.OK);
        assertThat(clean.facts()).containsEntry("vqd.faults", "");
    }

    @Test
    void a_turned_camera_is_a_scene_change_against_the_reference_its_assignment_carries() throws Exception {
        SimulatedCamera cam = CAMS.get(3);
        cam.faults().set(Fault.TURNED_VIDEO);
        // the reference a technician approved: the camera's intended view, reduced as the backend stores it
        String reference = Base64.getEncoder().encodeToString(ReducedPicture.of(VqdPictures.scene()));
        ProbeTarget t = target(cam.address(), sim.port(), TIMEOUT, OnvifProber.VQD_INTERVAL, "PT0.001S",
                ScheduledVqd.REFERENCE, reference);
        assertOutcome(probe(t), Status.UP, Reason.OK); // learns the slot
        Thread.sleep(2);
        ProbeResult turned = probe(t);
        assertOutcome(turned, Status.DEGRADED, Reason.VQD_FAULT);
        assertThat(turned.facts()).containsEntry("vqd.faults", "SCENE_CHANGE");
        assertThat(turned.detail()).contains("SCENE_CHANGE");

        cam.faults().clearAll(); // turned back: the same view as the reference
        Thread.sleep(2);
        ProbeResult back = probe(t);
        assertOutcome(back, Status.UP, Reason.OK);
        assertThat(back.facts()).containsKey("vqd.SCENE_CHANGE").containsEntry("vqd.faults", "");
    }

    @Test
    void a_still_picture_is_frozen_on_schedule_against_the_previous_snapshot_on_disk_also_after_a_restart(@TempDir Path dir)
            throws Exception {
        SimulatedCamera cam = CAMS.get(3);
        cam.faults().set(Fault.STILL_VIDEO);
        ProbeTarget t = target(cam.address(), sim.port(), TIMEOUT, OnvifProber.VQD_INTERVAL, "PT0.001S");
        try (OnvifProber before = new OnvifProber(OnvifClient.LOOPBACK_ONLY, new SnapshotCheck(), PreviousSnapshots.in(dir))) {
            assertOutcome(before.probe(t).join(), Status.UP, Reason.OK); // learns the slot
            Thread.sleep(2);
            ProbeResult first = before.probe(t).join();
            assertOutcome(first, Status.UP, Reason.OK);
            assertThat(first.facts()).as("no previous snapshot yet").containsKey("vqd.checkedAt").doesNotContainKey("vqd.FREEZE");
            Thread.sleep(2);
            ProbeResult second = before.probe(t).join();
            assertOutcome(second, Status.DEGRADED, Reason.VQD_FAULT);
            assertThat(second.facts()).containsEntry("vqd.faults", "FREEZE");
        }
        try (OnvifProber after = new OnvifProber(OnvifClient.LOOPBACK_ONLY, new SnapshotCheck(), PreviousSnapshots.in(dir))) {
            assertOutcome(after.probe(t).join(), Status.UP, Reason.OK); // a restarted agent: its fault memory is gone
            Thread.sleep(2);
            ProbeResult again = after.probe(t).join();
            assertOutcome(again, Status.DEGRADED, Reason.VQD_FAULT);
            assertThat(again.facts()).as("judged against the snapshot kept before the restart").containsEntry("vqd.faults", "FREEZE");
        }
    }

    @Test
    void frozen_video_shows_on_the_second_probe() {
        SimulatedCamera cam = CAMS.get(1);
        cam.faults().set(Fault.FROZEN_VIDEO);
        ProbeTarget t = target(cam.address(), sim.port(), TIMEOUT);
        assertThat(probe(t).status()).isEqualTo(Status.UP);
        ProbeResult second = probe(t);
        assertOutcome(second, Status.DEGRADED, Reason.FROZEN_VIDEO);
    }

    @Test
    void a_live_camera_is_never_frozen() {
        ProbeTarget t = target(CAMS.get(1).address(), sim.port(), TIMEOUT);
        for (int i = 0; i < 3; i++) {
            assertThat(probe(t).status()).isEqualTo(Status.UP);
        }
    }

    @Test
    void an_answer_slower_than_the_timeout_is_down_timeout_within_the_timeout() {
        SimulatedCamera cam = CAMS.get(2);
        cam.faults().set(Fault.SLOW).slowDelay(Duration.ofSeconds(3));
        ProbeResult r = probe(target(cam.address(), sim.port(), Duration.ofMillis(400)));
        assertOutcome(r, Status.DOWN, Reason.TIMEOUT);
        assertThat(r.latency()).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void a_closed_port_is_down_refused() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        ProbeResult r = probe(target(InetAddress.getByName("127.0.0.1"), closed, TIMEOUT));
        assertOutcome(r, Status.DOWN, Reason.REFUSED);
    }

    @Test
    void snapshot_false_skips_the_video_checks() {
        SimulatedCamera cam = CAMS.get(0);
        cam.faults().set(Fault.BLACK_VIDEO);
        ProbeResult r = probe(cam, OnvifProber.SNAPSHOT, "false");
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(r.facts()).doesNotContainKey(Facts.SNAPSHOT_BYTES);
    }

    @Test
    void an_address_without_a_camera_is_a_bad_response() throws IOException {
        ProbeResult r = probe(target(InetAddress.getByName("127.20.9.200"), sim.port(), TIMEOUT));
        assertOutcome(r, Status.DEGRADED, Reason.BAD_RESPONSE);
    }
}
