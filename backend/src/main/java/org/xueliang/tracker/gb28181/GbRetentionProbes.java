package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention probes per channel ({@code gb_retention_probe}, V29): the last RecordInfo over the day that ends
 * 录像保存天数 ago, its SN, outcome and the oldest recording its answer listed. Kept apart from {@link GbRecords}'
 * daily query so that neither replaces the other's window or pending SN.
 */
@Component
class GbRetentionProbes {

    private final JdbcTemplate jdbc;

    GbRetentionProbes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A probe was sent (PENDING) or could not be (ERROR). */
    void asked(String channelCode, String deviceCode, long sn, Instant windowStart, Instant windowEnd, Instant at,
               GbRecords.Outcome outcome) {
        Object[] values = {deviceCode, GbDb.ts(windowStart), GbDb.ts(windowEnd), GbDb.ts(at), sn, outcome.name(), channelCode};
        int updated = jdbc.update("UPDATE gb_retention_probe SET device_code = ?, window_start = ?, window_end = ?,"
                + " queried_at = ?, sn = ?, outcome = ?, received = 0, earliest_at = NULL WHERE channel_code = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO gb_retention_probe (device_code, window_start, window_end, queried_at, sn, outcome,"
                    + " channel_code) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    /** The pending probe of this channel with this SN, locked for the rest of the transaction. */
    Optional<Probe> lockPending(String channelCode, long sn) {
        return jdbc.query("SELECT window_start, window_end, received, earliest_at FROM gb_retention_probe"
                        + " WHERE channel_code = ? AND sn = ? AND outcome IN ('PENDING', 'PARTIAL') FOR UPDATE",
                (rs, n) -> new Probe(channelCode, GbDb.instant(rs.getTimestamp(1)), GbDb.instant(rs.getTimestamp(2)),
                        rs.getInt(3), GbDb.instant(rs.getTimestamp(4))), channelCode, sn).stream().findFirst();
    }

    /** Counts a part in with the oldest recording it listed (null: none); answers the new outcome. */
    GbRecords.Outcome received(Probe probe, int items, int sumNum, Instant earliestInPart) {
        int received = probe.received() + items;
        Instant earliest = older(probe.earliest(), earliestInPart);
        GbRecords.Outcome outcome = received >= sumNum ? GbRecords.Outcome.OK : GbRecords.Outcome.PARTIAL;
        jdbc.update("UPDATE gb_retention_probe SET received = ?, earliest_at = ?, outcome = ? WHERE channel_code = ?",
                received, GbDb.ts(earliest), outcome.name(), probe.channelCode());
        return outcome;
    }

    /** Probes no part answered by {@code before} are TIMEOUT. */
    int timeOut(Instant before) {
        return jdbc.update("UPDATE gb_retention_probe SET outcome = 'TIMEOUT' WHERE outcome = 'PENDING' AND queried_at < ?",
                GbDb.ts(before));
    }

    /** The older of two instants, either possibly null (= none). */
    static Instant older(Instant a, Instant b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    record Probe(String channelCode, Instant windowStart, Instant windowEnd, int received, Instant earliest) {
    }
}
