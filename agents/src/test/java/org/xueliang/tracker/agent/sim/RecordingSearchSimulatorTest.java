package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xueliang.tracker.agent.sim.SimTargets.PASSWORD;
import static org.xueliang.tracker.agent.sim.SimTargets.USER;
import static org.xueliang.tracker.agent.sim.SimTargets.target;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.RecordingFacts;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;

/**
 * The ONVIF Profile G recording search (GetRecordingSummary, FindRecordings, GetRecordingSearchResults) of the prober
 * against simulated cameras over loopback: retention, recorded intervals with the simulator's gaps, no Profile G.
 */
class RecordingSearchSimulatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static final List<SimulatedCamera> CAMS = new ArrayList<>();
    private static OnvifSimulator sim;

    @BeforeAll
    static void start() throws IOException {
        for (int i = 1; i <= 3; i++) {
            CAMS.add(SimulatedCamera.standard(InetAddress.getByName("127.20.11." + i), USER, PASSWORD));
        }
        sim = OnvifSimulator.start(CAMS, 0, CLOCK);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        CLOCK.set(Instant.now());
        CAMS.forEach(c -> c.faults().clearAll());
    }

    private static ProbeResult probe(OnvifProber prober, SimulatedCamera cam) {
        return prober.probe(target(cam.address(), sim.port(), TIMEOUT)).join();
    }

    @Test
    void a_camera_recording_without_gaps_reports_its_retention_and_the_whole_day() {
        SimulatedCamera cam = CAMS.get(0);
        cam.faults().retention(Duration.ofDays(12));
        try (OnvifProber prober = SimTargets.loopbackProber()) {
            ProbeResult r = probe(prober, cam);
            assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
            Instant earliest = RecordingFacts.instant(r.facts(), RecordingFacts.EARLIEST).orElseThrow();
            assertThat(Duration.between(earliest, Instant.now()).toDays()).isEqualTo(12);
            assertThat(RecordingFacts.instant(r.facts(), RecordingFacts.LATEST)).isPresent();
            RecordingFacts.Search s = RecordingFacts.decode(r.facts()).orElseThrow();
            assertThat(Duration.between(s.windowStart(), s.windowEnd()).toHours()).isEqualTo(24);
            assertThat(s.intervals()).hasSize(1);
            assertThat(Duration.between(s.intervals().get(0).from(), s.intervals().get(0).to()).toSeconds())
                    .isBetween(86_390L, 86_400L);
        }
    }

    @Test
    void gaps_in_the_recordings_come_back_as_separate_intervals() {
        SimulatedCamera cam = CAMS.get(1);
        cam.faults().set(Fault.RECORDING_GAPS).recordingGaps(Duration.ofHours(6), Duration.ofMinutes(30));
        try (OnvifProber prober = SimTargets.loopbackProber()) {
            ProbeResult r = probe(prober, cam);
            RecordingFacts.Search s = RecordingFacts.decode(r.facts()).orElseThrow();
            long recorded = s.intervals().stream().mapToLong(i -> Duration.between(i.from(), i.to()).toSeconds()).sum();
            // four 30-minute gaps a day, whatever the hour: 22 h recorded, a second either way for the cut
            assertThat(recorded).isBetween(22 * 3600L - 2, 22 * 3600L + 2);
            for (RecordingFacts.Interval gapEnd : s.intervals().subList(1, s.intervals().size())) {
                Instant gapStart = gapEnd.from().minus(Duration.ofMinutes(30));
                assertThat(gapStart.truncatedTo(ChronoUnit.HOURS).atZone(java.time.ZoneOffset.UTC).getHour() % 6)
                        .as("gaps start at multiples of 6 h (UTC)").isZero();
            }
        }
    }

    @Test
    void a_camera_without_profile_g_stays_up_and_is_not_asked_again_within_the_interval() {
        SimulatedCamera cam = CAMS.get(2);
        cam.faults().set(Fault.NO_RECORDING_SEARCH);
        try (OnvifProber prober = SimTargets.loopbackProber()) {
            ProbeResult r = prober.probe(target(77_001, cam.address(), sim.port(), TIMEOUT, PASSWORD)).join();
            assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
            assertThat(r.facts()).doesNotContainKeys(RecordingFacts.WINDOW, RecordingFacts.EARLIEST);
            cam.faults().clear(Fault.NO_RECORDING_SEARCH);
            ProbeResult again = prober.probe(target(77_001, cam.address(), sim.port(), TIMEOUT, PASSWORD)).join();
            assertThat(again.facts()).as("searched at most every 12 h").doesNotContainKey(RecordingFacts.WINDOW);
            ProbeResult other = prober.probe(target(77_002, cam.address(), sim.port(), TIMEOUT, PASSWORD)).join();
            assertThat(other.facts()).as("another camera is due").containsKey(RecordingFacts.WINDOW);
            ProbeResult off = prober.probe(target(77_003, cam.address(), sim.port(), TIMEOUT, PASSWORD,
                    OnvifProber.RECORDINGS, "false")).join();
            assertThat(off.facts()).doesNotContainKey(RecordingFacts.WINDOW);
        }
    }
}
