package org.xueliang.tracker.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.shared.PrunableHistory;

/** The SQL of table {@code clock_sample} (times in UTC, as every table). Aggregates stay in the database. */
@Repository
class ClockStore implements PrunableHistory {

    private static final int CHUNK = 500;
    private static final String COLUMNS = "device_id, source, sampled_at, offset_ms, synthetic";

    private final JdbcTemplate jdbc;

    ClockStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Samples counted over a period for one device. */
    record Count(long samples, long within, boolean synthetic) {
    }

    /** The time of the newest sample of each (device, source) among {@code deviceIds}. */
    Map<Thinning.Key, Instant> lastSampled(Collection<Long> deviceIds) {
        Map<Thinning.Key, Instant> last = new HashMap<>();
        for (List<Long> ids : chunks(deviceIds)) {
            jdbc.query("SELECT device_id, source, MAX(sampled_at) FROM clock_sample WHERE device_id IN (" + marks(ids)
                    + ") GROUP BY device_id, source", rs -> {
                last.put(new Thinning.Key(rs.getLong(1), ClockSource.valueOf(rs.getString(2))), instant(rs.getTimestamp(3)));
            }, ids.toArray());
        }
        return last;
    }

    void insert(List<ClockSample> samples) {
        List<Object[]> rows = samples.stream().map(s -> new Object[] {s.deviceId(), s.source().name(), ts(s.at()),
                s.offsetMs(), s.synthetic()}).toList();
        jdbc.batchUpdate("INSERT INTO clock_sample (" + COLUMNS + ") VALUES (?,?,?,?,?)", rows);
    }

    /** Per device of {@code deviceIds}: samples in [from, to) and those within ±{@code thresholdMs}. */
    Map<Long, Count> counts(Collection<Long> deviceIds, long thresholdMs, Instant from, Instant to) {
        Map<Long, Count> counts = new HashMap<>();
        for (List<Long> ids : chunks(deviceIds)) {
            List<Object> args = new ArrayList<>(List.of(-thresholdMs, thresholdMs));
            args.addAll(ids);
            args.add(ts(from));
            args.add(ts(to));
            jdbc.query("SELECT device_id, COUNT(*), SUM(CASE WHEN offset_ms BETWEEN ? AND ? THEN 1 ELSE 0 END),"
                    + " MAX(CASE WHEN synthetic THEN 1 ELSE 0 END) FROM clock_sample WHERE device_id IN (" + marks(ids)
                    + ") AND sampled_at >= ? AND sampled_at < ? GROUP BY device_id", rs -> {
                counts.put(rs.getLong(1), new Count(rs.getLong(2), rs.getLong(3), rs.getInt(4) == 1));
            }, args.toArray());
        }
        return counts;
    }

    /** Per device, its sample of the largest |offset| in [from, to) (the latest of equals). */
    Map<Long, ClockSample> worst(Collection<Long> deviceIds, Instant from, Instant to) {
        return picked("MAX(ABS(offset_ms))", "ABS(s.offset_ms)", deviceIds, from, to);
    }

    /** Per device, its latest sample in [from, to) (any source). */
    Map<Long, ClockSample> latest(Collection<Long> deviceIds, Instant from, Instant to) {
        return picked("MAX(sampled_at)", "s.sampled_at", deviceIds, from, to);
    }

    private Map<Long, ClockSample> picked(String aggregate, String column, Collection<Long> deviceIds, Instant from,
                                          Instant to) {
        Map<Long, ClockSample> picked = new LinkedHashMap<>();
        for (List<Long> ids : chunks(deviceIds)) {
            List<Object> args = new ArrayList<>(ids);
            args.addAll(List.of(ts(from), ts(to), ts(from), ts(to)));
            jdbc.query("SELECT s.device_id, s.source, s.sampled_at, s.offset_ms, s.synthetic FROM clock_sample s JOIN"
                    + " (SELECT device_id, " + aggregate + " AS v FROM clock_sample WHERE device_id IN (" + marks(ids)
                    + ") AND sampled_at >= ? AND sampled_at < ? GROUP BY device_id) m"
                    + " ON m.device_id = s.device_id AND " + column + " = m.v"
                    + " WHERE s.sampled_at >= ? AND s.sampled_at < ? ORDER BY s.device_id, s.sampled_at DESC, s.source", rs -> {
                ClockSample s = sample(rs, 0);
                picked.putIfAbsent(s.deviceId(), s);
            }, args.toArray());
        }
        return picked;
    }

    /** A device's samples in [from, to), oldest first. */
    List<ClockSample> samples(long deviceId, Instant from, Instant to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM clock_sample WHERE device_id = ? AND sampled_at >= ?"
                + " AND sampled_at < ? ORDER BY sampled_at, source", ClockStore::sample, deviceId, ts(from), ts(to));
    }

    /** A device's latest sample of each source (any time). */
    List<ClockSample> latestPerSource(long deviceId) {
        return jdbc.query("SELECT s.device_id, s.source, s.sampled_at, s.offset_ms, s.synthetic FROM clock_sample s"
                + " JOIN (SELECT source, MAX(sampled_at) AS m FROM clock_sample WHERE device_id = ? GROUP BY source) l"
                + " ON l.source = s.source AND l.m = s.sampled_at WHERE s.device_id = ? ORDER BY s.source",
                ClockStore::sample, deviceId, deviceId);
    }

    /** Whether a sample of {@code deviceIds} in [from, to) is synthetic. */
    boolean anySynthetic(Collection<Long> deviceIds, Instant from, Instant to) {
        for (List<Long> ids : chunks(deviceIds)) {
            List<Object> args = new ArrayList<>(ids);
            args.add(ts(from));
            args.add(ts(to));
            if (Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM clock_sample WHERE device_id IN (" + marks(ids)
                    + ") AND sampled_at >= ? AND sampled_at < ? AND synthetic = TRUE LIMIT 1", ResultSet::next, args.toArray()))) {
                return true;
            }
        }
        return false;
    }

    boolean anySynthetic() {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM clock_sample WHERE synthetic = TRUE LIMIT 1", ResultSet::next));
    }

    @Override
    public String rowsName() {
        return "clock samples";
    }

    @Override
    public long deleteBefore(Instant before, int chunk) {
        return PrunableHistory.untilShort(chunk,
                () -> jdbc.update("DELETE FROM clock_sample WHERE sampled_at < ? LIMIT " + chunk, ts(before)));
    }

    private static ClockSample sample(ResultSet rs, int row) throws SQLException {
        return new ClockSample(rs.getLong("device_id"), ClockSource.valueOf(rs.getString("source")),
                instant(rs.getTimestamp("sampled_at")), rs.getLong("offset_ms"), rs.getBoolean("synthetic"));
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String marks(List<Long> ids) {
        return String.join(",", ids.stream().map(id -> "?").toList());
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
