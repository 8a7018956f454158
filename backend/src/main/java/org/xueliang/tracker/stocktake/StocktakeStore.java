package org.xueliang.tracker.stocktake;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows of the stocktake tables in plain JDBC. A session row is changed only while it is OPEN ({@code WHERE state =
 * 'OPEN'}), and every scan bumps its version first: scans and the close of one session are serialised on that row,
 * whichever replica takes them, so nothing is scanned into a closed session.
 */
@Repository
class StocktakeStore {

    private static final String SESSION = "SELECT t.id, t.project_id, t.site_id, t.township, t.state, t.opened_at, t.opened_by,"
            + " t.closed_at, t.closed_by, t.locations_applied, t.expected_count, t.version,"
            + " (SELECT COUNT(*) FROM stocktake_found f JOIN stocktake_expected e ON e.stocktake_id = f.stocktake_id"
            + "   AND e.device_id = f.device_id WHERE f.stocktake_id = t.id) AS found_count,"
            + " (SELECT COUNT(*) FROM stocktake_found f WHERE f.stocktake_id = t.id) AS seen_count,"
            + " (SELECT COUNT(*) FROM stocktake_scan s WHERE s.stocktake_id = t.id) AS scan_count"
            + " FROM stocktake t";

    private final JdbcTemplate jdbc;

    StocktakeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** A session row; the site's name is filled in by the service (the ledger owns it). */
    private static Stocktake session(ResultSet rs) throws SQLException {
        int found = rs.getInt("found_count");
        return new Stocktake(rs.getLong("id"), rs.getObject("project_id", Long.class), rs.getObject("site_id", Long.class), null,
                rs.getString("township"), StocktakeState.valueOf(rs.getString("state")), instant(rs.getTimestamp("opened_at")),
                rs.getString("opened_by"), instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"),
                rs.getBoolean("locations_applied"), rs.getInt("expected_count"), found, rs.getInt("seen_count") - found,
                rs.getInt("scan_count"), rs.getLong("version"));
    }

    long insert(Long projectId, Long siteId, String township, Instant openedAt, String openedBy, int expected) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO stocktake (project_id, site_id, township, state, opened_at,"
                    + " opened_by, expected_count, version) VALUES (?,?,?,?,?,?,?,0)", Statement.RETURN_GENERATED_KEYS);
            ps.setObject(1, projectId);
            ps.setObject(2, siteId);
            ps.setString(3, township);
            ps.setString(4, StocktakeState.OPEN.name());
            ps.setTimestamp(5, ts(openedAt));
            ps.setString(6, openedBy);
            ps.setInt(7, expected);
            return ps;
        }, key);
        return key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue() : key.getKey().longValue();
    }

    void expect(long stocktakeId, Map<Long, Long> siteOfDevice) {
        List<Object[]> rows = siteOfDevice.entrySet().stream()
                .map(e -> new Object[] {stocktakeId, e.getKey(), e.getValue()}).toList();
        jdbc.batchUpdate("INSERT INTO stocktake_expected (stocktake_id, device_id, site_id) VALUES (?,?,?)", rows);
    }

    Optional<Stocktake> find(long id) {
        return jdbc.query(SESSION + " WHERE t.id = ?", (rs, n) -> session(rs), id).stream().findFirst();
    }

    long count(String where, List<Object> args) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM stocktake t" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    List<Stocktake> query(String where, List<Object> args, int limit, long offset) {
        Object[] all = java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of(limit, offset)).toArray();
        return jdbc.query(SESSION + where + " ORDER BY t.opened_at DESC, t.id DESC LIMIT ? OFFSET ?", (rs, n) -> session(rs), all);
    }

    /** Bumps the version of an OPEN session (a scan takes the row's lock); false when it is closed (or gone). */
    boolean touchOpen(long id) {
        return jdbc.update("UPDATE stocktake SET version = version + 1 WHERE id = ? AND state = 'OPEN'", id) == 1;
    }

    /** Closes an OPEN session; false when it was closed already (by another person or replica). */
    boolean close(long id, Instant at, String by, boolean locationsApplied) {
        return jdbc.update("UPDATE stocktake SET state = 'CLOSED', closed_at = ?, closed_by = ?, locations_applied = ?,"
                + " version = version + 1 WHERE id = ? AND state = 'OPEN'", ts(at), by, locationsApplied, id) == 1;
    }

    /** One scan as it came: who, when, where, what the code held. */
    record Scan(long stocktakeId, long deviceId, String code, Instant at, String by, BigDecimal latitude, BigDecimal longitude,
                String tagSeen, String serialSeen, Long ledgerSiteId) {
    }

    void log(Scan s) {
        jdbc.update("INSERT INTO stocktake_scan (stocktake_id, device_id, code, scanned_at, scanned_by, latitude, longitude,"
                + " serial_seen) VALUES (?,?,?,?,?,?,?,?)", s.stocktakeId(), s.deviceId(), s.code(), ts(s.at()), s.by(),
                s.latitude(), s.longitude(), s.serialSeen());
    }

    /**
     * Records the device as found by its first scan; false when the session had found it already (the scan is then
     * counted on the found row, not as a second find). The caller holds the session row's lock (see {@link #touchOpen}).
     */
    boolean found(Scan s) {
        int repeated = jdbc.update("UPDATE stocktake_found SET scan_count = scan_count + 1,"
                + " serial_seen = COALESCE(?, serial_seen) WHERE stocktake_id = ? AND device_id = ?",
                s.serialSeen(), s.stocktakeId(), s.deviceId());
        if (repeated == 1) {
            return false;
        }
        jdbc.update("INSERT INTO stocktake_found (stocktake_id, device_id, first_scanned_at, scanned_by, tag_seen, serial_seen,"
                + " latitude, longitude, ledger_site_id, scan_count) VALUES (?,?,?,?,?,?,?,?,?,1)", s.stocktakeId(), s.deviceId(),
                ts(s.at()), s.by(), s.tagSeen(), s.serialSeen(), s.latitude(), s.longitude(), s.ledgerSiteId());
        return true;
    }

    boolean expects(long stocktakeId, long deviceId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM stocktake_expected WHERE stocktake_id = ? AND device_id = ?",
                Integer.class, stocktakeId, deviceId);
        return n != null && n > 0;
    }

    List<Long> expected(long stocktakeId) {
        return jdbc.queryForList("SELECT device_id FROM stocktake_expected WHERE stocktake_id = ? ORDER BY device_id",
                Long.class, stocktakeId);
    }

    /** What a session saw of a device: the label's tag, the serial said, and the ledger's site when first scanned. */
    record Seen(long deviceId, Instant firstScannedAt, String scannedBy, String tagSeen, String serialSeen, Long ledgerSiteId,
                int scans) {
    }

    List<Seen> seen(long stocktakeId) {
        return jdbc.query("SELECT device_id, first_scanned_at, scanned_by, tag_seen, serial_seen, ledger_site_id, scan_count"
                + " FROM stocktake_found WHERE stocktake_id = ? ORDER BY device_id", (rs, n) -> new Seen(rs.getLong("device_id"),
                instant(rs.getTimestamp("first_scanned_at")), rs.getString("scanned_by"), rs.getString("tag_seen"),
                rs.getString("serial_seen"), rs.getObject("ledger_site_id", Long.class), rs.getInt("scan_count")), stocktakeId);
    }

    /** When each of these devices was last found by any session. */
    Map<Long, Instant> lastFound(Collection<Long> deviceIds) {
        Map<Long, Instant> out = new HashMap<>();
        List<Long> ids = List.copyOf(deviceIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.query("SELECT device_id, MAX(first_scanned_at) FROM stocktake_found WHERE device_id IN (" + marks(chunk.size())
                    + ") GROUP BY device_id", rs -> {
                        out.put(rs.getLong(1), instant(rs.getTimestamp(2)));
                    }, chunk.toArray());
        }
        return out;
    }

    Map<String, Integer> intervals(long projectId) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.query("SELECT category_code, interval_days FROM stocktake_interval WHERE project_id = ?",
                rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                }, projectId);
        return out;
    }

    void replaceIntervals(long projectId, Map<String, Integer> days) {
        jdbc.update("DELETE FROM stocktake_interval WHERE project_id = ?", projectId);
        jdbc.batchUpdate("INSERT INTO stocktake_interval (project_id, category_code, interval_days) VALUES (?,?,?)",
                days.entrySet().stream().map(e -> new Object[] {projectId, e.getKey(), e.getValue()}).toList());
    }
}
