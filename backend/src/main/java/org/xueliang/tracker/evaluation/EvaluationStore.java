package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.evaluation.EvaluationHeader.Status;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tables evaluation, evaluation_row, evaluation_report_section (V4), evaluation_report_header (V8) and
 * evaluation_evidence_part (V39), through plain JDBC.
 */
@Repository
class EvaluationStore {

    private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
    };

    private static final String HEADER = "SELECT e.*, p.name AS project_name FROM evaluation e JOIN ledger_project_dimension p ON p.id = e.project_id";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    EvaluationStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(EvaluationHeader h) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO evaluation (project_id, period_from, period_to, maintenance_policy,"
                    + " unknown_policy, quality_metric, status, version, supersedes_id, created_by, created_at, quality_weights)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, h.projectId());
            ps.setObject(2, java.sql.Date.valueOf(h.from()));
            ps.setObject(3, java.sql.Date.valueOf(h.to()));
            ps.setString(4, h.policy().maintenance().name());
            ps.setString(5, h.policy().unknown().name());
            ps.setString(6, h.policy().qualityMetric().name());
            ps.setString(7, h.status().name());
            ps.setInt(8, h.version());
            ps.setObject(9, h.supersedesId());
            ps.setString(10, h.createdBy());
            ps.setTimestamp(11, ts(h.createdAt()));
            AvailabilityPolicy.QualityWeights w = h.policy().qualityWeights();
            ps.setString(12, w == null ? null : w.onlineRate().toPlainString() + "," + w.recordingCompleteness().toPlainString()
                    + "," + w.imageIntactness().toPlainString());
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<EvaluationHeader> find(long id) {
        return jdbc.query(HEADER + " WHERE e.id = ?", EvaluationStore::header, id).stream().findFirst();
    }

    List<EvaluationHeader> page(Long projectId, Collection<Long> allowedProjects, String orderBy, int limit, long offset) {
        Filter f = filter(projectId, allowedProjects);
        return jdbc.query(HEADER + f.where + " ORDER BY " + orderBy + " LIMIT " + limit + " OFFSET " + offset,
                EvaluationStore::header, f.args);
    }

    long count(Long projectId, Collection<Long> allowedProjects) {
        Filter f = filter(projectId, allowedProjects);
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation e" + f.where, Long.class, f.args);
    }

    private record Filter(String where, Object[] args) {
    }

    private static Filter filter(Long projectId, Collection<Long> allowedProjects) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (projectId != null) {
            where.append(" AND e.project_id = ?");
            args.add(projectId);
        }
        if (allowedProjects != null) {
            where.append(allowedProjects.isEmpty() ? " AND 1 = 0" : " AND e.project_id IN ("
                    + String.join(",", allowedProjects.stream().map(x -> "?").toList()) + ")");
            args.addAll(allowedProjects);
        }
        return new Filter(where.toString(), args.toArray());
    }

    boolean hasSuccessor(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE supersedes_id = ?", Long.class, id) > 0;
    }

    void setStatus(long id, Status status) {
        jdbc.update("UPDATE evaluation SET status = ? WHERE id = ?", status.name(), id);
    }

    void sign(long id, String by, Instant at, String snapshot, String sha) {
        jdbc.update("UPDATE evaluation SET status = ?, signed_by = ?, signed_at = ?, snapshot_json = ?, snapshot_sha256 = ? WHERE id = ?",
                Status.FINAL.name(), by, ts(at), snapshot, sha, id);
    }

    String snapshot(long id) {
        return jdbc.queryForObject("SELECT snapshot_json FROM evaluation WHERE id = ?", String.class, id);
    }

    /**
     * Evidence items per stored part: a 100,000-device row is 50 parts of a few hundred kilobytes each, written in one
     * batch, where one text would be tens of megabytes (beyond MEDIUMTEXT and MariaDB's default max_allowed_packet)
     * and one row per item 100,000 rows.
     */
    static final int ITEMS_PER_PART = 2000;

    /**
     * The row's formula is kept with its evidence (a phrase, evidence_json); the formula column holds the
     * Chinese text of rows stored before phrases existed and stays empty for new ones. The evidence's items go to
     * evaluation_evidence_part (V39) as JSON arrays of {@link #ITEMS_PER_PART} items.
     */
    void insertRow(long evaluationId, TableRow r, Evidence evidence) {
        Evidence head = new Evidence(evidence.kind(), evidence.summary(), List.of(), r.formula());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO evaluation_row (evaluation_id, seq, level2, name, metric, scoring,"
                    + " unit, target, actual, weight, override_score, override_reason, formula, note, coverage, evidence_json)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            new ArgumentPreparedStatementSetter(new Object[] {evaluationId, r.seq(), r.level2().name(), r.name(), r.metric().name(),
                    r.metric().scoring().name(), r.unit(), r.target(), r.actual(), r.weight(), r.overrideScore(), r.overrideReason(),
                    null, r.note(), r.coverage(), json.writeValueAsString(head)}).setValues(ps);
            return ps;
        }, keys);
        long rowId = keys.getKeyAs(Number.class).longValue();
        List<Map<String, Object>> items = evidence.items();
        List<Object[]> parts = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ITEMS_PER_PART) {
            parts.add(new Object[] {rowId, parts.size(),
                    json.writeValueAsString(items.subList(from, Math.min(items.size(), from + ITEMS_PER_PART)))});
        }
        if (!parts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO evaluation_evidence_part (row_id, seq, items_json) VALUES (?,?,?)", parts);
        }
    }

    /** The rows as stored, not scored yet. */
    List<TableRow> rows(long evaluationId) {
        return jdbc.query("SELECT * FROM evaluation_row WHERE evaluation_id = ? ORDER BY seq", (rs, i) -> row(rs, json), evaluationId);
    }

    /** The row's evidence with its items: from evaluation_evidence_part, or inside evidence_json for rows stored before V39. */
    Optional<Evidence> evidence(long evaluationId, long rowId) {
        return jdbc.query("SELECT evidence_json FROM evaluation_row WHERE evaluation_id = ? AND id = ?",
                (rs, i) -> json.readValue(rs.getString(1), Evidence.class), evaluationId, rowId).stream().findFirst()
                .map(e -> e.items() != null && !e.items().isEmpty() ? e : new Evidence(e.kind(), e.summary(), items(rowId), e.formula()));
    }

    private List<Map<String, Object>> items(long rowId) {
        List<Map<String, Object>> items = new ArrayList<>();
        jdbc.query("SELECT items_json FROM evaluation_evidence_part WHERE row_id = ? ORDER BY seq",
                rs -> {
                    items.addAll(json.readValue(rs.getString(1), ITEMS));
                }, rowId);
        return items;
    }

    void updateRow(long rowId, BigDecimal actual, String note, BigDecimal overrideScore, String overrideReason) {
        jdbc.update("UPDATE evaluation_row SET actual = ?, note = ?, override_score = ?, override_reason = ? WHERE id = ?",
                actual, note, overrideScore, overrideReason, rowId);
    }

    List<String> prose(long evaluationId) {
        return jdbc.queryForList("SELECT body FROM evaluation_report_section WHERE evaluation_id = ? ORDER BY seq", String.class,
                evaluationId);
    }

    void putProse(long evaluationId, int seq, String body) {
        if (jdbc.update("UPDATE evaluation_report_section SET body = ? WHERE evaluation_id = ? AND seq = ?", body, evaluationId, seq) == 0) {
            jdbc.update("INSERT INTO evaluation_report_section (evaluation_id, seq, body) VALUES (?,?,?)", evaluationId, seq, body);
        }
    }

    /** The 自评表 header block an evaluator wrote; {@link ReportHeader#EMPTY} until first written. */
    ReportHeader reportHeader(long evaluationId) {
        return jdbc.query("SELECT * FROM evaluation_report_header WHERE evaluation_id = ?", (rs, i) -> new ReportHeader(
                rs.getString("competent_department"), rs.getString("implementing_unit"), rs.getString("annual_goal"),
                rs.getString("annual_outcome")), evaluationId).stream().findFirst().orElse(ReportHeader.EMPTY);
    }

    void putReportHeader(long evaluationId, ReportHeader h) {
        if (jdbc.update("UPDATE evaluation_report_header SET competent_department = ?, implementing_unit = ?, annual_goal = ?,"
                + " annual_outcome = ? WHERE evaluation_id = ?", h.competentDepartment(), h.implementingUnit(), h.annualGoal(),
                h.annualOutcome(), evaluationId) == 0) {
            jdbc.update("INSERT INTO evaluation_report_header (evaluation_id, competent_department, implementing_unit, annual_goal,"
                    + " annual_outcome) VALUES (?,?,?,?,?)", evaluationId, h.competentDepartment(), h.implementingUnit(),
                    h.annualGoal(), h.annualOutcome());
        }
    }

    private static AvailabilityPolicy.QualityWeights weights(String stored) {
        if (stored == null) {
            return null;
        }
        String[] w = stored.split(",");
        return new AvailabilityPolicy.QualityWeights(new java.math.BigDecimal(w[0]), new java.math.BigDecimal(w[1]),
                new java.math.BigDecimal(w[2]));
    }

    private static EvaluationHeader header(ResultSet rs, int i) throws SQLException {
        return new EvaluationHeader(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(),
                new AvailabilityPolicy(AvailabilityPolicy.MaintenancePolicy.valueOf(rs.getString("maintenance_policy")),
                        AvailabilityPolicy.UnknownPolicy.valueOf(rs.getString("unknown_policy")),
                        AvailabilityPolicy.QualityMetric.valueOf(rs.getString("quality_metric")), weights(rs.getString("quality_weights"))),
                Status.valueOf(rs.getString("status")), rs.getInt("version"), (Long) rs.getObject("supersedes_id", Long.class),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")), rs.getString("signed_by"),
                instant(rs.getTimestamp("signed_at")), rs.getString("snapshot_sha256"));
    }

    private static TableRow row(ResultSet rs, JsonMapper json) throws SQLException {
        Evidence evidence = json.readValue(rs.getString("evidence_json"), Evidence.class);
        return new TableRow(rs.getLong("id"), rs.getInt("seq"), Level2.valueOf(rs.getString("level2")), rs.getString("name"),
                Metric.valueOf(rs.getString("metric")), rs.getString("unit"), num(rs.getBigDecimal("target")), num(rs.getBigDecimal("actual")),
                num(rs.getBigDecimal("weight")), null, num(rs.getBigDecimal("override_score")), rs.getString("override_reason"), null,
                evidence.formula() != null ? evidence.formula() : legacy(rs.getString("formula")), rs.getString("note"),
                num(rs.getBigDecimal("coverage")), evidence.summary());
    }

    private static Phrase legacy(String formula) {
        return formula == null ? null : Phrase.literal(formula);
    }

    /** 45.0000 → 45, 95.5000 → 95.5 (never an exponent). */
    static BigDecimal num(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
