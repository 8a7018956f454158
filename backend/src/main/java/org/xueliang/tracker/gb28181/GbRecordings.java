package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What RecordInfo answers said, for the recording module (录像完整率): the recorded intervals of channels and the
 * windows their last answered queries covered, by channel code (= the ledger camera's gbCode). Read-only; the
 * history of answered windows comes as {@link GbRecordsAnswered} events.
 */
@Service
public class GbRecordings {

    private final JdbcTemplate jdbc;

    GbRecordings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded interval [start, end) or an answered window. */
    public record Span(Instant start, Instant end) {
    }

    /** The stored recorded intervals of these channels that overlap [from, to), by channel code, in start order. */
    @Transactional(readOnly = true)
    public Map<String, List<Span>> intervals(Collection<String> channelCodes, Instant from, Instant to) {
        return byChannel(channelCodes, "SELECT channel_code, start_at, end_at FROM gb_record_interval WHERE channel_code IN (%s)"
                + " AND start_at < ? AND end_at > ? ORDER BY channel_code, start_at", from, to);
    }

    /** The windows of the channels' last queries that were answered completely (OK) and overlap [from, to). */
    @Transactional(readOnly = true)
    public Map<String, List<Span>> lastAnsweredWindows(Collection<String> channelCodes, Instant from, Instant to) {
        return byChannel(channelCodes, "SELECT channel_code, window_start, window_end FROM gb_record_query WHERE channel_code IN (%s)"
                + " AND outcome = 'OK' AND window_start < ? AND window_end > ?", from, to);
    }

    private Map<String, List<Span>> byChannel(Collection<String> channelCodes, String sql, Instant from, Instant to) {
        Map<String, List<Span>> out = new HashMap<>();
        List<String> codes = channelCodes.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        for (int i = 0; i < codes.size(); i += 500) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + 500));
            List<Object> args = new ArrayList<>(chunk);
            args.add(GbDb.ts(to));
            args.add(GbDb.ts(from));
            jdbc.query(String.format(sql, chunk.stream().map(c -> "?").collect(Collectors.joining(","))), rs -> {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Span(GbDb.instant(rs.getTimestamp(2)), GbDb.instant(rs.getTimestamp(3))));
            }, args.toArray());
        }
        return out;
    }
}
