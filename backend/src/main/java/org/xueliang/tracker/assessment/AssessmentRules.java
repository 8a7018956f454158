package org.xueliang.tracker.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.RetryingTransactionTemplate;
import org.xueliang.tracker.shared.TransactionRetries;

/**
 * A project's scoring rules (table {@code assessment_rule}): the defaults are written the first time a project's
 * rules are read, then an evaluator edits them (PUT, audited). Defaults and bounds: docs/ASSESSMENT.md "Rules".
 */
@Service
public class AssessmentRules {

    static final String ENTITY = "AssessmentRules";

    /**
     * The default sheet: −1 per camera over 8 h of faults (cap 20), −5 for each indicator under its threshold, −1 per
     * work order repaired after its deadline (cap 10).
     */
    static final List<AssessmentRule> DEFAULTS = List.of(
            rule("FAULT_HOURS", "8", "1", false, "20", true),
            rule("ONLINE_RATE", "0.95", "5", false, "5", true),
            rule("RECORDING_COMPLETENESS", "0.90", "5", false, "5", true),
            rule("IMAGE_INTACTNESS", "0.90", "5", false, "5", true),
            rule("CLOCK_ACCURACY", "0.95", "5", false, "5", true),
            rule("ARCHIVE_COMPLETENESS", "0.90", "5", false, "5", false),
            rule("LATE_REPAIR", "0", "1", false, "10", true));

    private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);
    /** Hours in the longest month: a fault-hours threshold beyond it could never be exceeded. */
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(744);

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate seeding;

    AssessmentRules(JdbcTemplate jdbc, AuditTrail audit, PlatformTransactionManager transactions, TransactionRetries retries) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.seeding = new RetryingTransactionTemplate(transactions, retries);
        this.seeding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private static AssessmentRule rule(String code, String threshold, String deduction, boolean proportional, String cap,
                                       boolean active) {
        return new AssessmentRule(code, new BigDecimal(threshold), new BigDecimal(deduction), proportional, new BigDecimal(cap), active);
    }

    /**
     * The project's rules in sheet order (callers checked the scope). The first use writes the defaults in a short
     * transaction of its own, so two first uses at once (a sheet and the trend, two replicas) do not collide: the one
     * that loses the race reads the winner's rows, or the same defaults when its snapshot predates them.
     */
    @Transactional
    public List<AssessmentRule> of(long projectId) {
        List<AssessmentRule> rules = read(projectId);
        if (!rules.isEmpty()) {
            return rules;
        }
        try {
            seeding.executeWithoutResult(status -> {
                if (read(projectId).isEmpty()) {
                    write(projectId, DEFAULTS);
                }
            });
        } catch (DataAccessException | org.springframework.transaction.TransactionException raced) {
            // another request or replica is writing the same defaults
        }
        rules = read(projectId);
        return rules.isEmpty() ? DEFAULTS : rules;
    }

    /**
     * Replaces the rules named in {@code changes} (every field given), validating all first: 400 with field problems
     * and nothing changed on any bad one. The change is audited with the rules before and after.
     */
    @Transactional
    public List<AssessmentRule> replace(long projectId, List<AssessmentRule> changes) {
        List<AssessmentRule> before = of(projectId);
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (changes == null || changes.isEmpty()) {
            throw ApiException.badRequest("rules", "rules must list at least one rule");
        }
        for (int i = 0; i < changes.size(); i++) {
            validate("rules[" + i + "]", changes.get(i), seen, problems);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        for (AssessmentRule r : changes) {
            jdbc.update("UPDATE assessment_rule SET threshold = ?, deduction = ?, proportional = ?, cap = ?, active = ?"
                    + " WHERE project_id = ? AND code = ?", r.threshold(), r.deduction(), r.proportional(), r.cap(), r.active(),
                    projectId, r.code());
        }
        List<AssessmentRule> after = read(projectId);
        audit.record(projectId, "ASSESSMENT_RULES_EDIT", ENTITY, projectId, "Assessment rules of project " + projectId
                + " changed: " + String.join(", ", changes.stream().map(AssessmentRule::code).toList()),
                Map.of("rules", before), Map.of("rules", after));
        return after;
    }

    private static void validate(String at, AssessmentRule r, Set<String> seen, List<FieldProblem> problems) {
        if (r == null) {
            problems.add(new FieldProblem(at, "must be a rule"));
            return;
        }
        AssessmentRule.Code kind;
        try {
            kind = AssessmentRule.Code.valueOf(String.valueOf(r.code()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(at + ".code", "must be one of " + List.of(AssessmentRule.Code.values())));
            return;
        }
        if (!seen.add(r.code())) {
            problems.add(new FieldProblem(at + ".code", "is listed twice"));
        }
        if (r.threshold() == null || r.deduction() == null || r.cap() == null) {
            problems.add(new FieldProblem(at, "threshold, deduction and cap are required"));
            return;
        }
        BigDecimal maxThreshold = kind.indicator() != null ? BigDecimal.ONE : MAX_HOURS;
        if (r.threshold().signum() < 0 || r.threshold().compareTo(maxThreshold) > 0 || r.threshold().scale() > 4) {
            problems.add(new FieldProblem(at + ".threshold", "must be between 0 and " + maxThreshold.toPlainString()
                    + (kind.indicator() != null ? " (a share: 0.95 = 95 %)" : " (hours)") + ", at most 4 decimals"));
        }
        points(at + ".deduction", r.deduction(), problems);
        points(at + ".cap", r.cap(), problems);
        if (r.proportional() && kind.indicator() == null) {
            problems.add(new FieldProblem(at + ".proportional", "only an indicator rule can deduct per percentage point"));
        }
    }

    private static void points(String field, BigDecimal value, List<FieldProblem> problems) {
        if (value.signum() < 0 || value.compareTo(MAX_POINTS) > 0 || value.scale() > 2) {
            problems.add(new FieldProblem(field, "must be between 0 and 100 points, at most 2 decimals"));
        }
    }

    private List<AssessmentRule> read(long projectId) {
        return jdbc.query("SELECT code, threshold, deduction, proportional, cap, active FROM assessment_rule WHERE project_id = ?"
                        + " ORDER BY sort_order",
                (rs, n) -> new AssessmentRule(rs.getString(1), plain(rs.getBigDecimal(2)), plain(rs.getBigDecimal(3)),
                        rs.getBoolean(4), plain(rs.getBigDecimal(5)), rs.getBoolean(6)),
                projectId);
    }

    /** 8.0000 as 8, 0.9500 as 0.95 (never 2E+1). */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private void write(long projectId, List<AssessmentRule> rules) {
        for (AssessmentRule r : rules) {
            jdbc.update("INSERT INTO assessment_rule (project_id, code, threshold, deduction, proportional, cap, active, sort_order)"
                    + " VALUES (?,?,?,?,?,?,?,?)", projectId, r.code(), r.threshold(), r.deduction(), r.proportional(), r.cap(),
                    r.active(), AssessmentRule.Code.valueOf(r.code()).ordinal());
        }
    }
}
