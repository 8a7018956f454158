package org.xueliang.tracker.agent.probe;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a recording search found (ONVIF Profile G), as probe facts within the 1,000 characters a fact value may hold
 * (docs/PROBING.md "Recordings"):
 * <ul>
 *   <li>{@value #EARLIEST}, {@value #LATEST}: the oldest and newest recorded instant the device holds (ISO-8601,
 *       GetRecordingSummary DataFrom/DataUntil) — the retention;</li>
 *   <li>{@value #WINDOW}: the searched window {@code start/end} (ISO-8601 instants);</li>
 *   <li>{@value #INTERVALS}, then {@code recording.intervals.2} … {@code .9}: the recorded intervals inside the window
 *       as {@code from-to} second offsets from the window's start, comma-separated, in order, split over the parts at
 *       commas. When even ten parts cannot hold them all, the window is shortened to end where the first interval
 *       left out starts, so what is reported stays true: nothing is claimed about the time after it.</li>
 * </ul>
 * An empty {@value #INTERVALS} with a window means the device answered and recorded nothing in it.
 */
public final class RecordingFacts {

    public static final String EARLIEST = "recording.earliest";
    public static final String LATEST = "recording.latest";
    public static final String WINDOW = "recording.window";
    public static final String INTERVALS = "recording.intervals";
    public static final int MAX_VALUE = 1000;
    public static final int MAX_PARTS = 10;

    private RecordingFacts() {
    }

    /** A recorded interval [from, to). */
    public record Interval(Instant from, Instant to) {
    }

    /** A decoded search: the window the device answered for and the recorded intervals in it. */
    public record Search(Instant windowStart, Instant windowEnd, List<Interval> intervals) {
    }

    /**
     * The facts of a search over [windowStart, windowEnd) that found {@code intervals}: cut to the window, overlapping
     * ones united, whole seconds.
     */
    public static Map<String, String> encode(Instant windowStart, Instant windowEnd, List<Interval> intervals) {
        List<long[]> offsets = new ArrayList<>();
        long end = windowEnd.getEpochSecond() - windowStart.getEpochSecond();
        for (Interval i : intervals.stream().sorted((a, b) -> a.from().compareTo(b.from())).toList()) {
            long from = Math.max(0, i.from().getEpochSecond() - windowStart.getEpochSecond());
            long to = Math.min(end, i.to().getEpochSecond() - windowStart.getEpochSecond());
            long[] last = offsets.isEmpty() ? null : offsets.get(offsets.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to); // overlapping or touching: one interval
            } else if (from < to) {
                offsets.add(new long[] {from, to});
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        List<StringBuilder> parts = new ArrayList<>(List.of(new StringBuilder()));
        long reportedEnd = end;
        for (long[] o : offsets) {
            String item = o[0] + "-" + o[1];
            StringBuilder part = parts.get(parts.size() - 1);
            if (part.length() + 1 + item.length() > MAX_VALUE) {
                if (parts.size() == MAX_PARTS) {
                    reportedEnd = o[0];
                    break;
                }
                part = new StringBuilder();
                parts.add(part);
            }
            if (!part.isEmpty()) {
                part.append(',');
            }
            part.append(item);
        }
        facts.put(WINDOW, windowStart + "/" + windowStart.plusSeconds(reportedEnd));
        for (int p = 0; p < parts.size(); p++) {
            facts.put(p == 0 ? INTERVALS : INTERVALS + "." + (p + 1), parts.get(p).toString());
        }
        return facts;
    }

    /** The search the facts report, empty when they hold none or it does not parse (a device's facts are not trusted). */
    public static Optional<Search> decode(Map<String, String> facts) {
        String window = facts.get(WINDOW);
        String first = facts.get(INTERVALS);
        if (window == null || first == null) {
            return Optional.empty();
        }
        try {
            String[] w = window.split("/", 2);
            Instant start = Instant.parse(w[0].trim());
            Instant end = Instant.parse(w[1].trim());
            if (!start.isBefore(end)) {
                return Optional.empty();
            }
            long length = end.getEpochSecond() - start.getEpochSecond();
            List<Interval> out = new ArrayList<>();
            for (int p = 1; p <= MAX_PARTS; p++) {
                String part = p == 1 ? first : facts.get(INTERVALS + "." + p);
                if (part == null) {
                    break;
                }
                for (String item : part.split(",")) {
                    if (item.isBlank()) {
                        continue;
                    }
                    String[] fromTo = item.trim().split("-", 2);
                    long from = Long.parseLong(fromTo[0]);
                    long to = Long.parseLong(fromTo[1]);
                    if (from < 0 || to > length || from >= to) {
                        return Optional.empty();
                    }
                    out.add(new Interval(start.plusSeconds(from), start.plusSeconds(to)));
                }
            }
            return Optional.of(new Search(start, end, List.copyOf(out)));
        } catch (DateTimeException | ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** An instant fact ({@value #EARLIEST}, {@value #LATEST}), empty when absent or not ISO-8601. */
    public static Optional<Instant> instant(Map<String, String> facts, String key) {
        String v = facts.get(key);
        try {
            return v == null ? Optional.empty() : Optional.of(Instant.parse(v.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
