package org.xueliang.tracker.gb28181;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

/** Instants in and out of the DATETIME(3) columns, which hold UTC (as everywhere in the schema). */
final class GbDb {

    private GbDb() {
    }

    /**
     * Cut to the column's milliseconds here, not by the database: MariaDB truncates a finer value when it stores it but
     * compares a parameter at full precision, so a row stored "at" an instant read as earlier than that same instant
     * (a complete catalog removed the very channels it had just listed).
     */
    static Timestamp ts(Instant instant) {
        return instant == null ? null
                : Timestamp.valueOf(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** Device text cut to the column's width (devices send what they like; the row must still be stored). */
    static String cut(String text, int width) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        return t.length() > width ? t.substring(0, width) : t;
    }

    /** The SQL condition of a registration that is in force at the first parameter (an instant). */
    static final String REGISTERED = "r.registered_at IS NOT NULL AND r.expires_at > ?"
            + " AND (r.unregistered_at IS NULL OR r.unregistered_at < r.registered_at)";
}
