package org.xueliang.tracker.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.xueliang.tracker.recording.Spans.Span;

/**
 * 录像完整率 of one camera over county days [from, to): per day, the expected window (county time, up to now) that a
 * source answered for is the measured time; recorded time (either source) within it is achieved; the rest is gaps.
 * A judged day without any answered part is not measured (expected 0) and listed as not queried. Plain Java.
 */
final class RecordingCalculator {

    private RecordingCalculator() {
    }

    /** One county day: expected (= measured) and recorded seconds; {@code measured} false when no source answered. */
    record Day(LocalDate day, long expectedSeconds, long recordedSeconds, boolean measured) {
    }

    /** The camera's figure: its days, sums, gaps (measured time without recording) and the days not queried. */
    record Result(List<Day> days, long expectedSeconds, long recordedSeconds, List<Span> gaps, List<LocalDate> notQueried) {

        Double ratio() {
            return expectedSeconds == 0 ? null : (double) recordedSeconds / expectedSeconds;
        }
    }

    static Result compute(LocalDate from, LocalDate to, ZoneId zone, ExpectedWindow window, Predicate<LocalDate> judged,
                          Instant now, List<Span> recorded, List<Span> answered) {
        List<Span> rec = Spans.union(recorded);
        List<Span> ans = Spans.union(answered);
        List<Day> days = new ArrayList<>();
        List<Span> gaps = new ArrayList<>();
        List<LocalDate> notQueried = new ArrayList<>();
        long expected = 0;
        long achieved = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (!judged.test(d)) {
                continue;
            }
            List<Span> due = Spans.clip(window.of(d, zone), Instant.MIN, now);
            if (due.isEmpty()) {
                continue; // the future
            }
            List<Span> measured = Spans.intersect(due, ans);
            if (measured.isEmpty()) {
                notQueried.add(d);
                days.add(new Day(d, 0, 0, false));
                continue;
            }
            long e = Spans.seconds(measured);
            long r = Spans.seconds(Spans.intersect(measured, rec));
            expected += e;
            achieved += r;
            gaps.addAll(Spans.minus(measured, rec));
            days.add(new Day(d, e, r, true));
        }
        return new Result(List.copyOf(days), expected, achieved, Spans.union(gaps), List.copyOf(notQueried));
    }
}
