package org.xueliang.tracker.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Interval arithmetic on half-open instants [from, to): union, intersection, complement within, clipping, length.
 * Every result is normalised (sorted, disjoint, non-touching, non-empty). Plain Java, no clock.
 */
final class Spans {

    private Spans() {
    }

    /** [from, to); empty when {@code to} is not after {@code from}. */
    record Span(Instant from, Instant to) {

        boolean isEmpty() {
            return !from.isBefore(to);
        }

        long seconds() {
            return isEmpty() ? 0 : Duration.between(from, to).toSeconds();
        }
    }

    /** The union of {@code spans}, normalised: touching or overlapping spans become one. */
    static List<Span> union(List<Span> spans) {
        List<Span> sorted = spans.stream().filter(s -> !s.isEmpty()).sorted(Comparator.comparing(Span::from)).toList();
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !s.from().isAfter(last.to())) {
                out.set(out.size() - 1, new Span(last.from(), s.to().isAfter(last.to()) ? s.to() : last.to()));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** The time both {@code a} and {@code b} cover. */
    static List<Span> intersect(List<Span> a, List<Span> b) {
        List<Span> x = union(a);
        List<Span> y = union(b);
        List<Span> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.size() && j < y.size()) {
            Span p = x.get(i);
            Span q = y.get(j);
            Instant from = p.from().isAfter(q.from()) ? p.from() : q.from();
            Instant to = p.to().isBefore(q.to()) ? p.to() : q.to();
            if (from.isBefore(to)) {
                out.add(new Span(from, to));
            }
            if (p.to().isBefore(q.to())) {
                i++;
            } else {
                j++;
            }
        }
        return List.copyOf(out);
    }

    /** The time {@code within} covers and {@code covered} does not (the gaps). */
    static List<Span> minus(List<Span> within, List<Span> covered) {
        List<Span> out = new ArrayList<>();
        List<Span> holes = union(covered);
        for (Span w : union(within)) {
            Instant cursor = w.from();
            for (Span h : holes) {
                if (!h.to().isAfter(cursor) || !h.from().isBefore(w.to())) {
                    continue;
                }
                if (h.from().isAfter(cursor)) {
                    out.add(new Span(cursor, h.from()));
                }
                cursor = h.to().isAfter(cursor) ? h.to() : cursor;
            }
            if (cursor.isBefore(w.to())) {
                out.add(new Span(cursor, w.to()));
            }
        }
        return List.copyOf(out);
    }

    /** {@code spans} cut to [from, to). */
    static List<Span> clip(List<Span> spans, Instant from, Instant to) {
        return intersect(spans, List.of(new Span(from, to)));
    }

    /** Total seconds of the union. */
    static long seconds(List<Span> spans) {
        return union(spans).stream().mapToLong(Span::seconds).sum();
    }
}
