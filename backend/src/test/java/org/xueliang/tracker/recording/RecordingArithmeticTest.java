package org.xueliang.tracker.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xueliang.tracker.assessment.IndicatorSource.Finding;
import org.xueliang.tracker.recording.Spans.Span;

/**
 * The interval arithmetic of 录像完整率 as case tables: union, intersection, gaps, period clipping, county days
 * (with and without daylight saving), the expected window, measured and not-queried days, and the findings' cap.
 */
class RecordingArithmeticTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

    /** "a-b,c-d" in hours after T0. */
    private static List<Span> h(String spans) {
        List<Span> out = new ArrayList<>();
        for (String s : spans.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(-?[\\d.]+)-(-?[\\d.]+)").matcher(s.trim());
            assertThat(m.matches()).as(s).isTrue();
            out.add(new Span(T0.plusSeconds(Math.round(Double.parseDouble(m.group(1)) * 3600)),
                    T0.plusSeconds(Math.round(Double.parseDouble(m.group(2)) * 3600))));
        }
        return out;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // op, a, b, expected
                Arguments.of("union", "0-2,1-3", "", "0-3"),
                Arguments.of("union", "5-6,0-1", "", "0-1,5-6"),
                Arguments.of("union", "0-1,1-2", "", "0-2"),                 // touching spans join
                Arguments.of("union", "2-2,3-1", "", ""),                    // empty and reversed spans vanish
                Arguments.of("union", "0-10,2-3", "", "0-10"),               // contained
                Arguments.of("intersect", "0-10", "2-3,5-12", "2-3,5-10"),
                Arguments.of("intersect", "0-1", "1-2", ""),                  // half-open: no shared instant
                Arguments.of("intersect", "0-4,6-9", "3-7", "3-4,6-7"),
                Arguments.of("intersect", "0-24", "", ""),
                Arguments.of("minus", "0-24", "0-10,11-24", "10-11"),
                Arguments.of("minus", "0-24", "", "0-24"),
                Arguments.of("minus", "0-24", "0-24", ""),
                Arguments.of("minus", "0-24", "-5-1,23-30", "1-23"),        // covered beyond the window
                Arguments.of("minus", "0-2,4-6", "1-5", "0-1,5-6"),
                Arguments.of("clip", "-5-1,3-4,23-30", "0-24", "0-1,3-4,23-24"),
                Arguments.of("clip", "30-40", "0-24", ""));
    }

    @ParameterizedTest(name = "{0}({1}; {2}) = {3}")
    @MethodSource("cases")
    void interval_arithmetic(String op, String a, String b, String expected) {
        List<Span> result = switch (op) {
            case "union" -> Spans.union(h(a));
            case "intersect" -> Spans.intersect(h(a), h(b));
            case "minus" -> Spans.minus(h(a), h(b));
            case "clip" -> Spans.clip(h(a), h(b).get(0).from(), h(b).get(0).to());
            default -> throw new IllegalArgumentException(op);
        };
        assertThat(result).isEqualTo(h(expected));
    }

    static Stream<Arguments> days() {
        return Stream.of(
                Arguments.of("Asia/Shanghai", "2024-03-01", "00:00-24:00", 86_400L),
                Arguments.of("Asia/Shanghai", "2024-03-01", "08:00-20:00", 43_200L),
                Arguments.of("Asia/Shanghai", "2024-03-01", "00:00-06:00,22:00-24:00", 28_800L),
                Arguments.of("Asia/Shanghai", "2024-03-31", "00:00-24:00", 86_400L),        // no daylight saving
                Arguments.of("Europe/Berlin", "2024-03-31", "00:00-24:00", 82_800L),        // a 23-hour day
                Arguments.of("Europe/Berlin", "2024-10-27", "00:00-24:00", 90_000L),        // a 25-hour day
                Arguments.of("UTC", "2024-02-29", "00:00-24:00", 86_400L));
    }

    @ParameterizedTest(name = "{2} on {1} in {0} = {3} s")
    @MethodSource("days")
    void the_expected_window_of_a_county_day(String zone, String day, String window, long seconds) {
        List<Span> spans = ExpectedWindow.parse(window).of(LocalDate.parse(day), ZoneId.of(zone));
        assertThat(Spans.seconds(spans)).isEqualTo(seconds);
        assertThat(spans.get(0).from()).isAfterOrEqualTo(LocalDate.parse(day).atStartOfDay(ZoneId.of(zone)).toInstant());
    }

    @Test
    void bad_windows_are_refused() {
        for (String bad : List.of("", "8-20", "20:00-08:00", "08:00-08:00", "00:00-25:00", "00:00-24:00;")) {
            assertThatThrownBy(() -> ExpectedWindow.parse(bad)).as(bad).isInstanceOf(RuntimeException.class);
        }
    }

    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);

    /** Hours after D1's county midnight. */
    private static Span local(double from, double to) {
        Instant m = D1.atStartOfDay(SHANGHAI).toInstant();
        return new Span(m.plusSeconds(Math.round(from * 3600)), m.plusSeconds(Math.round(to * 3600)));
    }

    @Test
    void answered_time_is_measured_recorded_time_inside_it_is_achieved_the_rest_are_gaps() {
        // day 1 answered all day, recorded but 10:00-11:00; day 2 answered 00:00-12:00, nothing recorded;
        // day 3 no answer: not queried; day 4 is after now: not counted at all
        List<Span> answered = List.of(local(0, 36));
        List<Span> recorded = List.of(local(-3, 10), local(11, 24.5));
        RecordingCalculator.Result r = RecordingCalculator.compute(D1, D1.plusDays(4), SHANGHAI, ExpectedWindow.ALL_DAY,
                d -> true, local(60, 60).from(), recorded, answered);
        assertThat(r.days()).extracting(RecordingCalculator.Day::expectedSeconds).containsExactly(86_400L, 43_200L, 0L);
        assertThat(r.days()).extracting(RecordingCalculator.Day::recordedSeconds).containsExactly(82_800L, 1_800L, 0L);
        assertThat(r.expectedSeconds()).isEqualTo(129_600);
        assertThat(r.recordedSeconds()).isEqualTo(84_600);
        assertThat(r.gaps()).containsExactly(local(10, 11), local(24.5, 36));
        assertThat(r.notQueried()).containsExactly(D1.plusDays(2));
        assertThat(r.ratio()).isEqualTo(84_600.0 / 129_600);
    }

    @Test
    void days_the_camera_is_not_judged_and_time_outside_the_window_or_after_now_do_not_count() {
        List<Span> answered = List.of(local(-24, 72));
        RecordingCalculator.Result r = RecordingCalculator.compute(D1, D1.plusDays(3), SHANGHAI, ExpectedWindow.parse("08:00-20:00"),
                d -> !d.equals(D1), local(50, 50).from(), List.of(local(30, 40)), answered);
        // day 1 not judged; day 2 expected 08:00-20:00 (32-44 h), recorded 32-40; day 3's window (56-68 h) is after now
        assertThat(r.days()).extracting(RecordingCalculator.Day::day).containsExactly(D1.plusDays(1));
        assertThat(r.expectedSeconds()).isEqualTo(12 * 3600);
        assertThat(r.recordedSeconds()).isEqualTo(8 * 3600);
        assertThat(r.gaps()).containsExactly(local(40, 44));
        assertThat(r.notQueried()).isEmpty();
    }

    @Test
    void nothing_answered_means_not_measured_rather_than_zero() {
        RecordingCalculator.Result r = RecordingCalculator.compute(D1, D1.plusDays(2), SHANGHAI, ExpectedWindow.ALL_DAY,
                d -> true, local(100, 100).from(), List.of(local(1, 2)), List.of());
        assertThat(r.expectedSeconds()).isZero();
        assertThat(r.ratio()).isNull();
        assertThat(r.notQueried()).containsExactly(D1, D1.plusDays(1));
    }

    @Test
    void every_finding_code_has_a_label_in_both_languages() {
        var texts = org.xueliang.tracker.testing.BundleTexts.texts();
        for (String code : List.of(RecordingService.GAP, RecordingService.NOT_QUERIED, RecordingService.RETENTION_SHORT)) {
            String zh = texts.get(org.xueliang.tracker.shared.Texts.ZH_CN, "assessment.finding." + code);
            String en = texts.get(org.xueliang.tracker.shared.Texts.EN, "assessment.finding." + code);
            assertThat(zh).as(code).containsPattern("\\p{IsHan}");
            assertThat(en).as(code).isNotEqualTo(zh).doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void findings_put_the_retention_first_join_not_queried_days_and_keep_the_longest_gaps() {
        List<Span> gaps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            gaps.add(local(i, i + (i == 7 ? 0.9 : 0.1 + i / 1000.0)));
        }
        RecordingCalculator.Result r = new RecordingCalculator.Result(List.of(), 1, 0, gaps,
                List.of(D1, D1.plusDays(1), D1.plusDays(5)));
        RecordingService.RetentionView retention = new RecordingService.RetentionView("ONVIF", T0, T0, T0, 12.0, 30, false);
        List<Finding> f = RecordingService.findings(r, retention, T0.plusSeconds(1), SHANGHAI);
        assertThat(f).hasSize(Finding.MAX_PER_CAMERA);
        assertThat(f.get(0).code()).isEqualTo(RecordingService.RETENTION_SHORT);
        assertThat(f.get(0).value()).isEqualTo("12.0 d / 30 d");
        assertThat(f).filteredOn(x -> x.code().equals(RecordingService.NOT_QUERIED)).extracting(Finding::value)
                .containsExactly("2 d", "1 d");
        List<Finding> gapFindings = f.stream().filter(x -> x.code().equals(RecordingService.GAP)).toList();
        assertThat(gapFindings).hasSize(Finding.MAX_PER_CAMERA - 3);
        assertThat(gapFindings).extracting(Finding::value).contains("54 min");
        assertThat(gapFindings.get(0).from()).as("the shortest gaps are the ones left out").isEqualTo(local(7, 8).from());
        assertThat(f.subList(1, f.size())).isSortedAccordingTo((a, b) -> a.from().compareTo(b.from()));
        assertThat(RecordingService.findings(r, retention, T0, SHANGHAI)).as("reported after the period: not its finding")
                .noneMatch(x -> x.code().equals(RecordingService.RETENTION_SHORT));
        assertThat(Arrays.asList(RecordingService.GAP, RecordingService.NOT_QUERIED, RecordingService.RETENTION_SHORT))
                .allMatch(c -> c.startsWith("RECORDING_"));
    }
}
