package org.xueliang.tracker.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The plain rules of the clock module: thinning, thresholds per category, how an offset is written. */
class ClockRulesTest {

    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration SPACING = Duration.ofMinutes(15);

    private static ClockSample s(long device, ClockSource source, int minute, long ms) {
        return new ClockSample(device, source, T.plus(Duration.ofMinutes(minute)), ms, false);
    }

    @Test
    void thinningKeepsOnePerDeviceAndSourcePerSpacingCountingFromTheLastKept() {
        List<ClockSample> kept = Thinning.keep(List.of(s(1, ClockSource.ONVIF, 14, 3), s(1, ClockSource.ONVIF, 0, 1),
                s(1, ClockSource.ONVIF, 10, 2), s(1, ClockSource.GB28181, 5, 9), s(2, ClockSource.ONVIF, 1, 7),
                s(1, ClockSource.ONVIF, 15, 4), s(1, ClockSource.ONVIF, 29, 5), s(1, ClockSource.ONVIF, 30, 6)), Map.of(), SPACING);
        assertThat(kept).extracting(ClockSample::offsetMs).containsExactly(1L, 7L, 9L, 4L, 6L);
    }

    @Test
    void thinningContinuesFromTheStoredSamplesAndNeverKeepsTheSameTimeTwice() {
        Map<Thinning.Key, Instant> stored = Map.of(new Thinning.Key(1, ClockSource.ONVIF), T.plus(Duration.ofMinutes(10)));
        assertThat(Thinning.keep(List.of(s(1, ClockSource.ONVIF, 20, 1), s(1, ClockSource.ONVIF, 25, 2)), stored, SPACING))
                .extracting(ClockSample::offsetMs).containsExactly(2L);
        assertThat(Thinning.keep(List.of(s(1, ClockSource.ONVIF, 10, 1), s(1, ClockSource.ONVIF, 5, 2)), stored, Duration.ZERO))
                .as("spacing 0: every new measurement, but not the stored one again nor an older one").isEmpty();
        assertThat(Thinning.keep(List.of(s(1, ClockSource.ONVIF, 11, 1)), stored, Duration.ZERO)).hasSize(1);
    }

    @Test
    void theThresholdIsTheCategorysOwnElseTheDefault() {
        MockEnvironment env = new MockEnvironment().withProperty("xl.clock.category.CHECKPOINT_CAMERA.threshold-seconds", "1.5");
        ClockSettings settings = new ClockSettings(3, 15, env);
        assertThat(settings.thresholdMs("CHECKPOINT_CAMERA")).isEqualTo(1500);
        assertThat(settings.thresholdMs("DOME_CAMERA")).isEqualTo(3000);
        assertThat(settings.thresholdMs(null)).isEqualTo(3000);
        assertThat(settings.spacing()).isEqualTo(SPACING);
        assertThatThrownBy(() -> new ClockSettings(0, 15, env)).hasMessageContaining("xl.clock.threshold-seconds");
        assertThatThrownBy(() -> new ClockSettings(3, -1, env)).hasMessageContaining("XL_CLOCK_SAMPLE_MINUTES");
        ClockSettings bad = new ClockSettings(3, 15,
                new MockEnvironment().withProperty("xl.clock.category.X.threshold-seconds", "-2"));
        assertThatThrownBy(() -> bad.thresholdMs("X")).hasMessageContaining("xl.clock.category.X.threshold-seconds");
    }

    @Test
    void theThresholdItselfIsWithinAndOffsetsAreWrittenInSignedSeconds() {
        assertThat(new ClockSample(1, ClockSource.ONVIF, T, -3000, false).within(3000)).isTrue();
        assertThat(new ClockSample(1, ClockSource.ONVIF, T, 3001, false).within(3000)).isFalse();
        assertThat(ClockFigures.seconds(12_449)).isEqualTo("+12.4 s");
        assertThat(ClockFigures.seconds(-500)).isEqualTo("-0.5 s");
        assertThat(ClockFigures.seconds(0)).isEqualTo("+0.0 s");
    }

    @Test
    void theFindingHasALabelInBothLanguages() {
        var texts = org.xueliang.tracker.testing.BundleTexts.texts();
        String key = "assessment.finding." + ClockIndicator.FINDING;
        assertThat(texts.get(org.xueliang.tracker.shared.Texts.ZH_CN, key)).isEqualTo("时钟偏差超限");
        assertThat(texts.get(org.xueliang.tracker.shared.Texts.EN, key)).isEqualTo("Clock offset beyond the threshold");
    }
}
