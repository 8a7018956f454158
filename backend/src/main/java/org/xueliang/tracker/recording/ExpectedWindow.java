package org.xueliang.tracker.recording;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a camera is expected to record, as county-time ranges of every day: {@code 00:00-24:00} (the default: all
 * day), or e.g. {@code 07:00-19:00,21:00-23:30}. A day is a county day, [00:00, next day 00:00) in the county's zone,
 * so a day of a zone with daylight saving has 23 or 25 hours (Asia/Shanghai has none).
 */
record ExpectedWindow(List<LocalTime[]> ranges, List<Boolean> toMidnight) {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})\\s*");
    static final ExpectedWindow ALL_DAY = parse("00:00-24:00");

    /** Ranges {@code HH:mm-HH:mm} separated by commas, each from before to, 24:00 meaning the day's end. */
    static ExpectedWindow parse(String text) {
        List<LocalTime[]> ranges = new ArrayList<>();
        List<Boolean> toMidnight = new ArrayList<>();
        for (String part : text.split(",")) {
            Matcher m = RANGE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("expected window ranges are HH:mm-HH:mm, got '" + part.trim() + "'");
            }
            LocalTime from = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            boolean midnight = m.group(3).equals("24") && m.group(4).equals("00");
            LocalTime to = midnight ? LocalTime.MAX : LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            if (!midnight && !from.isBefore(to)) {
                throw new IllegalArgumentException("expected window range " + part.trim() + " ends before it starts");
            }
            ranges.add(new LocalTime[] {from, to});
            toMidnight.add(midnight);
        }
        return new ExpectedWindow(List.copyOf(ranges), List.copyOf(toMidnight));
    }

    /** The expected spans of the county day {@code day}. */
    List<Spans.Span> of(LocalDate day, ZoneId zone) {
        List<Spans.Span> out = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            LocalTime[] r = ranges.get(i);
            out.add(new Spans.Span(day.atTime(r[0]).atZone(zone).toInstant(), toMidnight.get(i)
                    ? day.plusDays(1).atStartOfDay(zone).toInstant() : day.atTime(r[1]).atZone(zone).toInstant()));
        }
        return Spans.union(out);
    }
}
