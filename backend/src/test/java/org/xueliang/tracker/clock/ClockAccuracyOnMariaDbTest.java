package org.xueliang.tracker.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * 时钟准确率 of one camera as the assessment reads it (threshold 3 s, period [FROM, TO)): samples within ±3 s of
 * samples, both sources together, and one CLOCK_OFFSET finding at the worst sample when any was beyond.
 */
@OnMariaDb
class ClockAccuracyOnMariaDbTest extends ApiTestSupport {

    private static final Instant FROM = Instant.parse("2026-02-28T16:00:00Z"); // 2026-03-01 00:00 county time
    private static final Instant TO = Instant.parse("2026-03-31T16:00:00Z");
    private static final AtomicLong IDS = new AtomicLong(8_900_000);

    @Autowired List<IndicatorSource> sources;
    @Autowired ClockSamples samples;

    /** offsets at FROM + 1 h, + 2 h, …; or at a given time with "ms@instant". */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no samples: not measured", List.of(), 0, 0, null),
                Arguments.of("all within", List.of("0", "2999", "-2999"), 3, 3, null),
                Arguments.of("exactly the threshold is within, either way", List.of("3000", "-3000"), 2, 2, null),
                Arguments.of("a millisecond beyond is not", List.of("3001", "100"), 1, 2, "+3.0 s@" + FROM.plusSeconds(3600)),
                Arguments.of("the worst is the largest |offset|, behind or ahead", List.of("-600000", "5000", "1"), 1, 3,
                        "-600.0 s@" + FROM.plusSeconds(3600)),
                Arguments.of("GB and ONVIF samples count alike", List.of("GB:4000", "ONVIF:100", "GB:-100"), 2, 3,
                        "+4.0 s@" + FROM.plusSeconds(3600)),
                Arguments.of("the period's first instant counts, its end does not",
                        List.of("9000@" + FROM, "9000@" + TO, "9000@" + FROM.minusMillis(1), "0@" + TO.minusMillis(1)), 1, 2,
                        "+9.0 s@" + FROM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCamerasAccuracyIsItsSamplesWithinTheThresholdOfItsSamples(String name, List<String> offsets, double within,
                                                                     double all, String finding) {
        Camera camera = camera(IDS.incrementAndGet());
        List<ClockSample> written = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            String o = offsets.get(i);
            ClockSource source = o.startsWith("GB:") ? ClockSource.GB28181 : ClockSource.ONVIF;
            o = o.replaceFirst("^(GB|ONVIF):", "");
            String[] parts = o.split("@");
            Instant at = parts.length == 2 ? Instant.parse(parts[1]) : FROM.plus(Duration.ofHours(i + 1));
            written.add(new ClockSample(camera.id(), source, at, Long.parseLong(parts[0]), true));
        }
        samples.addSynthetic(written);
        CameraFigure f = clockSource().figures(1, List.of(camera), FROM, TO).get(0);
        assertThat(f.deviceId()).isEqualTo(camera.id());
        assertThat(f.achieved()).isEqualTo(within);
        assertThat(f.expected()).isEqualTo(all);
        if (finding == null) {
            assertThat(f.findings()).isEmpty();
        } else {
            assertThat(f.findings()).singleElement().satisfies(x -> {
                assertThat(x.code()).isEqualTo("CLOCK_OFFSET");
                assertThat(x.value() + "@" + x.from()).isEqualTo(finding);
                assertThat(x.to()).isNull();
            });
        }
    }

    @Test
    void everyCameraGetsAFigureInTheOrderGiven() {
        Camera a = camera(IDS.incrementAndGet());
        Camera b = camera(IDS.incrementAndGet());
        samples.addSynthetic(List.of(new ClockSample(b.id(), ClockSource.ONVIF, FROM.plusSeconds(5), 10_000, true)));
        List<CameraFigure> figures = clockSource().figures(1, List.of(a, b), FROM, TO);
        assertThat(figures).extracting(CameraFigure::deviceId).containsExactly(a.id(), b.id());
        assertThat(figures.get(0).measured()).isFalse();
        assertThat(figures.get(1).ratio()).isEqualTo(0.0);
    }

    private IndicatorSource clockSource() {
        return sources.stream().filter(s -> s.indicator() == Indicator.CLOCK_ACCURACY).findFirst().orElseThrow();
    }

    private static Camera camera(long id) {
        return new Camera(id, 1, "CLK-" + id, "测试摄像机", "DOME_CAMERA", null, null, null, null, null, null, null, null,
                Lifecycle.IN_SERVICE, null, java.time.LocalDate.of(2021, 8, 24), null, null);
    }
}
