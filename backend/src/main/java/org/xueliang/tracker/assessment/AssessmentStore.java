package org.xueliang.tracker.assessment;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code assessment} (V26) through plain JDBC. */
@Repository
class AssessmentStore {

    /** A sheet's row without its JSON. */
    record Header(long id, long projectId, String projectName, String month, String status, BigDecimal score, boolean synthetic,
                  String computedBy, Instant computedAt, String signedBy, Instant signedAt, String snapshotSha256) {

        boolean signed() {
            return "SIGNED".equals(status);
        }
    }

    private static final String HEADER = "SELECT a.id, a.project_id, p.name AS project_name, a.period_month, a.status, a.score,"
            + " a.synthetic, a.computed_by, a.computed_at, a.signed_by, a.signed_at, a.snapshot_sha256"
            + " FROM assessment a JOIN ledger_project_dimension p ON p.id = a.project_id";

    private final JdbcTemplate jdbc;

    AssessmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long projectId, String month, BigDecimal score, boolean synthetic, String sheetJson, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO assessment (project_id, period_month, status, score, synthetic,"
                    + " sheet_json, computed_by, computed_at) VALUES (?,?,'DRAFT',?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, projectId);
            ps.setString(2, month);
            ps.setBigDecimal(3, score);
            ps.setBoolean(4, synthetic);
            ps.setString(5, sheetJson);
            ps.setString(6, by);
            ps.setTimestamp(7, ts(at));
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Replaces a DRAFT's sheet; false when the row is no longer a draft (signed meanwhile). */
    boolean recompute(long id, BigDecimal score, boolean synthetic, String sheetJson, String by, Instant at) {
        return jdbc.update("UPDATE assessment SET score = ?, synthetic = ?, sheet_json = ?, computed_by = ?, computed_at = ?"
                + " WHERE id = ? AND status = 'DRAFT'", score, synthetic, sheetJson, by, ts(at), id) == 1;
    }

    /** Freezes a DRAFT; false when it was signed meanwhile. */
    boolean sign(long id, String by, Instant at, String sha) {
        return jdbc.update("UPDATE assessment SET status = 'SIGNED', signed_by = ?, signed_at = ?, snapshot_sha256 = ?"
                + " WHERE id = ? AND status = 'DRAFT'", by, ts(at), sha, id) == 1;
    }

    Optional<Header> find(long id) {
        return jdbc.query(HEADER + " WHERE a.id = ?", AssessmentStore::header, id).stream().findFirst();
    }

    Optional<Header> find(long projectId, String month) {
        return jdbc.query(HEADER + " WHERE a.project_id = ? AND a.period_month = ?", AssessmentStore::header, projectId, month)
                .stream().findFirst();
    }

    /** The project's sheets, newest month first. */
    List<Header> ofProject(long projectId) {
        return jdbc.query(HEADER + " WHERE a.project_id = ? ORDER BY a.period_month DESC", AssessmentStore::header, projectId);
    }

    /** The latest signed sheet of every project that has one. */
    List<Header> latestSigned() {
        return jdbc.query(HEADER + " WHERE a.status = 'SIGNED' AND a.period_month = (SELECT MAX(b.period_month) FROM assessment b"
                + " WHERE b.project_id = a.project_id AND b.status = 'SIGNED')", AssessmentStore::header);
    }

    String sheetJson(long id) {
        return jdbc.queryForObject("SELECT sheet_json FROM assessment WHERE id = ?", String.class, id);
    }

    private static Header header(ResultSet rs, int row) throws SQLException {
        return new Header(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"), rs.getString("period_month"),
                rs.getString("status"), rs.getBigDecimal("score"), rs.getBoolean("synthetic"), rs.getString("computed_by"),
                instant(rs.getTimestamp("computed_at")), rs.getString("signed_by"), instant(rs.getTimestamp("signed_at")),
                rs.getString("snapshot_sha256"));
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
