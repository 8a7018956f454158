package org.xueliang.tracker.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.xueliang.tracker.availability.AvailabilityEngine.Period;
import org.xueliang.tracker.availability.AvailabilityEngine.Timeline;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;
import org.xueliang.tracker.monitoring.rollup.DailyRollup.Span;
import org.xueliang.tracker.monitoring.rollup.DailyRollup.Window;
import org.xueliang.tracker.monitoring.DeviceState;

/** Hand-made timelines for engine tests: spans and windows in county time, rolled up day by day as RollupService does. */
final class Timelines {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Timelines() {
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static Span span(DeviceState state, String from, String to) {
        return new Span(state, at(from), to == null ? null : at(to));
    }

    static Window window(String from, String to) {
        return new Window(at(from), at(to));
    }

    static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to), ZONE, Instant.parse("2100-01-01T00:00:00Z"));
    }

    /** A device whose day records are computed from its spans and windows for every day of P (cut at P's now). */
    static Timeline device(Period p, String inServiceOn, String retiredOn, List<Span> spans, List<Window> windows) {
        List<DailyRollup> days = new ArrayList<>();
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(ZONE).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(ZONE).toInstant();
            if (!start.isBefore(p.now())) {
                break;
            }
            days.add(DailyRollup.compute(1, d, start, end.isBefore(p.now()) ? end : p.now(), spans, windows, 0));
        }
        return new Timeline(inServiceOn == null ? null : LocalDate.parse(inServiceOn),
                retiredOn == null ? null : LocalDate.parse(retiredOn), true, days,
                spans.stream().filter(s -> s.state() == DeviceState.DOWN).toList());
    }
}
