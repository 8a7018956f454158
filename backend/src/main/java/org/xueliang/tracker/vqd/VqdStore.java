package org.xueliang.tracker.vqd;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.shared.PrunableHistory;

/** The SQL of table {@code vqd_check} (times in UTC). Counts stay in the database. */
@Repository
class VqdStore implements PrunableHistory {

    private static final String COLUMNS = "device_id, checked_at, faults, scores, synthetic";

    private final NamedParameterJdbcTemplate jdbc;

    VqdStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A camera's checks over a period: all, those without a fault, whether any was synthetic. */
    record Count(long checks, long clean, boolean synthetic) {
    }

    boolean exists(long deviceId, Instant at) {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM vqd_check WHERE device_id = :d AND checked_at = :t",
                new MapSqlParameterSource("d", deviceId).addValue("t", ts(at)), ResultSet::next));
    }

    void insert(List<VqdCheck> checks) {
        jdbc.batchUpdate("INSERT INTO vqd_check (" + COLUMNS + ") VALUES (:d, :t, :f, :s, :y)", checks.stream()
                .map(c -> new MapSqlParameterSource("d", c.deviceId()).addValue("t", ts(c.at()))
                        .addValue("f", c.faultsText()).addValue("s", c.scoresText()).addValue("y", c.synthetic()))
                .toArray(MapSqlParameterSource[]::new));
    }

    /** Per camera of {@code deviceIds} with checks in [from, to): the counts. */
    Map<Long, Count> counts(Collection<Long> deviceIds, Instant from, Instant to) {
        Map<Long, Count> counts = new HashMap<>();
        if (!deviceIds.isEmpty()) {
            jdbc.query("SELECT device_id, COUNT(*), SUM(CASE WHEN faults = '' THEN 1 ELSE 0 END),"
                    + " MAX(CASE WHEN synthetic THEN 1 ELSE 0 END) FROM vqd_check WHERE device_id IN (:ids)"
                    + " AND checked_at >= :from AND checked_at < :to GROUP BY device_id", period(deviceIds, from, to),
                    rs -> {
                        counts.put(rs.getLong(1), new Count(rs.getLong(2), rs.getLong(3), rs.getInt(4) == 1));
                    });
        }
        return counts;
    }

    /** The checks with a fault of {@code deviceIds} in [from, to), per camera oldest first. */
    List<VqdCheck> faulty(Collection<Long> deviceIds, Instant from, Instant to) {
        if (deviceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM vqd_check WHERE device_id IN (:ids) AND checked_at >= :from"
                + " AND checked_at < :to AND faults <> '' ORDER BY device_id, checked_at", period(deviceIds, from, to),
                VqdStore::check);
    }

    /** A camera's checks in [from, to), newest first, at most {@code limit}. */
    List<VqdCheck> history(long deviceId, Instant from, Instant to, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vqd_check WHERE device_id IN (:ids) AND checked_at >= :from"
                + " AND checked_at < :to ORDER BY checked_at DESC LIMIT " + limit, period(List.of(deviceId), from, to),
                VqdStore::check);
    }

    /** A camera's latest check (any time), or null. */
    VqdCheck latest(long deviceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vqd_check WHERE device_id = :d ORDER BY checked_at DESC LIMIT 1",
                new MapSqlParameterSource("d", deviceId), VqdStore::check).stream().findFirst().orElse(null);
    }

    /** Whether a check of {@code deviceIds} in [from, to) is synthetic. */
    boolean anySynthetic(Collection<Long> deviceIds, Instant from, Instant to) {
        return !deviceIds.isEmpty() && Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM vqd_check WHERE device_id IN (:ids)"
                + " AND checked_at >= :from AND checked_at < :to AND synthetic = TRUE LIMIT 1", period(deviceIds, from, to),
                ResultSet::next));
    }

    boolean anySynthetic() {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM vqd_check WHERE synthetic = TRUE LIMIT 1",
                new MapSqlParameterSource(), ResultSet::next));
    }

    @Override
    public String rowsName() {
        return "VQD checks";
    }

    @Override
    public long deleteBefore(Instant before, int chunk) {
        return PrunableHistory.untilShort(chunk, () -> jdbc.update("DELETE FROM vqd_check WHERE checked_at < :t LIMIT " + chunk,
                new MapSqlParameterSource("t", ts(before))));
    }

    private static MapSqlParameterSource period(Collection<Long> ids, Instant from, Instant to) {
        return new MapSqlParameterSource("ids", ids).addValue("from", ts(from)).addValue("to", ts(to));
    }

    private static VqdCheck check(ResultSet rs, int row) throws SQLException {
        return new VqdCheck(rs.getLong("device_id"), rs.getTimestamp("checked_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                VqdCheck.classes(rs.getString("faults")), VqdCheck.scores(rs.getString("scores")), rs.getBoolean("synthetic"));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
