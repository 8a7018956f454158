package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * RecordInfo queries per channel ({@code gb_record_query}: the last one, its window, SN and outcome) and the recorded
 * intervals their answers brought ({@code gb_record_interval}), which replace what an earlier query stored for the
 * same window.
 */
@Component
class GbRecords {

    enum Outcome { PENDING, PARTIAL, OK, TIMEOUT, ERROR }

    private final JdbcTemplate jdbc;

    GbRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A query was sent (PENDING) or could not be (ERROR: the device was no longer registered). */
    void asked(String channelCode, String deviceCode, long sn, Instant windowStart, Instant windowEnd, Instant at,
               Outcome outcome) {
        Object[] values = {deviceCode, GbDb.ts(windowStart), GbDb.ts(windowEnd), GbDb.ts(at), outcome.name(), sn, channelCode};
        int updated = jdbc.update("UPDATE gb_record_query SET device_code = ?, window_start = ?, window_end = ?, queried_at = ?,"
                + " outcome = ?, sn = ?, received = 0, interval_count = 0 WHERE channel_code = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO gb_record_query (device_code, window_start, window_end, queried_at, outcome, sn,"
                    + " channel_code) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    /** The pending query of this channel with this SN, locked for the rest of the transaction. */
    Optional<Pending> lockPending(String channelCode, long sn) {
        return jdbc.query("SELECT window_start, window_end, queried_at, received FROM gb_record_query WHERE channel_code = ?"
                                + " AND sn = ? AND outcome IN ('PENDING', 'PARTIAL') FOR UPDATE",
                        (rs, n) -> new Pending(channelCode, GbDb.instant(rs.getTimestamp(1)), GbDb.instant(rs.getTimestamp(2)),
                                GbDb.instant(rs.getTimestamp(3)), rs.getInt(4)), channelCode, sn)
                .stream().findFirst();
    }

    /** The first part of an answer: what earlier queries stored for this window goes. */
    void clearWindow(Pending query) {
        jdbc.update("DELETE FROM gb_record_interval WHERE channel_code = ? AND start_at < ? AND end_at > ?",
                query.channelCode(), GbDb.ts(query.windowEnd()), GbDb.ts(query.windowStart()));
    }

    void store(Pending query, List<Interval> intervals) {
        jdbc.batchUpdate("INSERT INTO gb_record_interval (channel_code, start_at, end_at, record_type, queried_at)"
                        + " VALUES (?, ?, ?, ?, ?)", intervals.stream().map(i -> new Object[] {query.channelCode(),
                        GbDb.ts(i.start()), GbDb.ts(i.end()), GbDb.cut(i.type(), 16), GbDb.ts(query.queriedAt())}).toList());
    }

    /** Counts a part in: OK once the parts brought SumNum items, PARTIAL before; answers the new outcome. */
    Outcome received(Pending query, int items, int sumNum, int stored) {
        int received = query.received() + items;
        Outcome outcome = received >= sumNum ? Outcome.OK : Outcome.PARTIAL;
        jdbc.update("UPDATE gb_record_query SET received = ?, interval_count = interval_count + ?, outcome = ?"
                        + " WHERE channel_code = ?", received, stored,
                outcome.name(), query.channelCode());
        return outcome;
    }

    /** Queries no part answered by {@code before} are TIMEOUT; answers how many. */
    int timeOut(Instant before) {
        return jdbc.update("UPDATE gb_record_query SET outcome = 'TIMEOUT' WHERE outcome = 'PENDING' AND queried_at < ?",
                GbDb.ts(before));
    }

    record Pending(String channelCode, Instant windowStart, Instant windowEnd, Instant queriedAt, int received) {
    }

    record Interval(Instant start, Instant end, String type) {
    }
}
