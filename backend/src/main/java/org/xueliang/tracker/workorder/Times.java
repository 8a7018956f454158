package org.xueliang.tracker.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

/** Instants as the module's tables keep them: UTC DATETIME(3), the same on MariaDB and H2. */
final class Times {

    private Times() {
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
