package org.xueliang.tracker.gb28181;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

/** DATETIME columns hold UTC (as everywhere in the schema); JDBC reads and writes them through these two. */
final class UtcTimes {

    private UtcTimes() {
    }

    static Timestamp utc(Instant at) {
        return at == null ? null : Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp column) {
        return column == null ? null : column.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
