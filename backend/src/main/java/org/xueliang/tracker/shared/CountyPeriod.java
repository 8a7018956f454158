package org.xueliang.tracker.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A period of county days [from, to], both inclusive, as the query parameters {@code from}/{@code to} (YYYY-MM-DD,
 * optional) give it, and as instants [start of from, end of to) — or now, when the period reaches today. Bad dates,
 * {@code to} before {@code from} and more than {@code maxDays} days are problem details (400).
 */
public record CountyPeriod(LocalDate from, LocalDate to, Instant start, Instant end) {

    /** The period of {@code from}/{@code to}; a missing {@code to} is today, a missing {@code from} {@code defaultDays} back. */
    public static CountyPeriod of(String from, String to, int defaultDays, int maxDays, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate t = to == null || to.isBlank() ? today : date("to", to);
        LocalDate f = from == null || from.isBlank() ? t.minusDays(defaultDays - 1L) : date("from", from);
        if (t.isBefore(f)) {
            throw ApiException.badRequest("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > maxDays) {
            throw ApiException.badRequest("to", "the period may span at most " + maxDays + " days");
        }
        Instant start = f.atStartOfDay(clock.getZone()).toInstant();
        Instant end = t.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant();
        return new CountyPeriod(f, t, start, end.isAfter(now) && start.isBefore(now) ? now : end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a date YYYY-MM-DD, not '" + value + "'");
        }
    }
}
