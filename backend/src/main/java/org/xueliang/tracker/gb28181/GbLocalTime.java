package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * MANSCDP times ({@code 2026-12-06T20:15:00}, optionally with milliseconds): local times without a zone, which
 * devices and platforms read in the bureau's zone (the application clock's zone, {@code XL_TIMEZONE}).
 */
final class GbLocalTime {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private GbLocalTime() {
    }

    static Optional<Instant> parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            // Some devices write a space instead of the T; ISO parsing takes the optional fraction either way.
            return Optional.of(LocalDateTime.parse(text.trim().replace(' ', 'T')).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String format(Instant instant, ZoneId zone) {
        return OUT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }
}
