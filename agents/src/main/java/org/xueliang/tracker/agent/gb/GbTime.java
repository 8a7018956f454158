package org.xueliang.tracker.agent.gb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * MANSCDP times (GB/T 28181 §A.2.4): local wall-clock times without an offset, {@code yyyy-MM-dd'T'HH:mm:ss} with
 * optional milliseconds ({@code .SSS}, which the REGISTER 200's {@code Date} header carries for 校时). The zone is
 * the one the device's clock is set to, which the platform must know (in China devices run on Asia/Shanghai, the
 * zone 校时 sets them to); nothing in the text says it.
 *
 * <p>Reading is lenient where devices are known to differ and strict elsewhere: a space for the {@code T}, one to nine
 * fraction digits; anything else (a trailing {@code Z} or offset, a date alone, 24:00) is refused.
 */
public final class GbTime {

    /** The zone of devices in China (UTC+8, no daylight saving since 1991). */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Longer texts are not times; checked before the parser sees them (device input is hostile). */
    private static final int MAX_LENGTH = 40;

    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    private GbTime() {
    }

    /** The wall-clock time the text names, with no zone applied. */
    public static LocalDateTime parseLocal(String text) throws ManscdpException {
        if (text == null || text.isBlank()) {
            throw new ManscdpException("a time is missing");
        }
        String t = text.trim();
        if (t.length() > MAX_LENGTH) {
            throw new ManscdpException("a time of " + t.length() + " characters");
        }
        long separators = t.chars().filter(c -> c == 'T' || c == ' ').count();
        if (t.length() < 11 || separators != 1) {
            throw new ManscdpException("not a MANSCDP time: " + t);
        }
        try {
            return LocalDateTime.parse(t, READ);
        } catch (DateTimeParseException e) {
            throw new ManscdpException("not a MANSCDP time: " + t);
        }
    }

    /** The instant the text names in {@code zone}. */
    public static Instant parse(String text, ZoneId zone) throws ManscdpException {
        return parseLocal(text).atZone(zone).toInstant();
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss} in {@code zone} (queries: RecordInfo StartTime/EndTime), truncated to the second. */
    public static String format(Instant instant, ZoneId zone) {
        return SECONDS.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone));
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss} of a wall-clock time, truncated to the second. */
    public static String format(LocalDateTime local) {
        return SECONDS.format(local.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss.SSS} in {@code zone}: the REGISTER 200's {@code Date} header (校时). */
    public static String formatMillis(Instant instant, ZoneId zone) {
        return MILLIS.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), zone));
    }
}
