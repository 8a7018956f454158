package org.xueliang.tracker.workorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/**
 * A project's SLA rules ({@code work_order_sla_rule}): the deadlines and grace for its devices by category and
 * 维保单位, read by the sweep and the hand-opening, replaced as a whole by a manager (audited).
 */
@Service
public class SlaRules {

    static final int MAX_RULES = 500;
    static final int MAX_MINUTES = 60 * 24 * 90;
    static final int MAX_GRACE_SECONDS = 24 * 3600;

    private final JdbcTemplate jdbc;
    private final WorkOrderSettings settings;
    private final CurrentUser currentUser;
    private final AuditTrail audit;

    SlaRules(JdbcTemplate jdbc, WorkOrderSettings settings, CurrentUser currentUser, AuditTrail audit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The rules of project {@code projectId} in the caller's scope (404 outside it). */
    @Transactional(readOnly = true)
    public List<SlaRule> list(long projectId) {
        requireVisible(projectId);
        return rules(projectId);
    }

    List<SlaRule> rules(long projectId) {
        return jdbc.query("SELECT * FROM work_order_sla_rule WHERE project_id = ? ORDER BY category_code, contractor",
                (rs, n) -> new SlaRule(rs.getString("category_code"), rs.getString("contractor"), rs.getInt("respond_minutes"),
                        rs.getInt("repair_minutes"), rs.getInt("cluster_repair_minutes"), rs.getObject("grace_seconds", Integer.class)),
                projectId);
    }

    /** Replaces the rules of project {@code projectId}: all valid or nothing changes (422 naming each problem). */
    @Transactional
    public List<SlaRule> replace(long projectId, List<SlaRule> rules) {
        requireVisible(projectId);
        if (rules == null) {
            throw ApiException.invalid("rules", "is required");
        }
        validate(rules);
        List<SlaRule> before = rules(projectId);
        jdbc.update("DELETE FROM work_order_sla_rule WHERE project_id = ?", projectId);
        for (SlaRule r : rules) {
            jdbc.update("INSERT INTO work_order_sla_rule (project_id, category_code, contractor, respond_minutes, repair_minutes,"
                            + " cluster_repair_minutes, grace_seconds) VALUES (?,?,?,?,?,?,?)", projectId, r.categoryCode().trim(),
                    r.contractor().trim(), r.respondMinutes(), r.repairMinutes(), r.clusterRepairMinutes(), r.graceSeconds());
        }
        List<SlaRule> after = rules(projectId);
        audit.record(projectId, "WORK_ORDER_SLA_RULES_UPDATE", "WorkOrderSlaRules", projectId,
                "SLA rules of project " + projectId + ": " + after.size(), before, after);
        return after;
    }

    static void validate(List<SlaRule> rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) {
            problems.add(new FieldProblem("rules", "at most " + MAX_RULES + " rules"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size() && i < MAX_RULES; i++) {
            String at = "rules[" + i + "]";
            SlaRule r = rules.get(i);
            if (r == null) {
                problems.add(new FieldProblem(at, "must be a rule"));
                continue;
            }
            text(at + ".categoryCode", r.categoryCode(), 64, problems);
            text(at + ".contractor", r.contractor(), 200, problems);
            minutes(at + ".respondMinutes", r.respondMinutes(), problems);
            minutes(at + ".repairMinutes", r.repairMinutes(), problems);
            minutes(at + ".clusterRepairMinutes", r.clusterRepairMinutes(), problems);
            if (r.graceSeconds() != null && (r.graceSeconds() < 0 || r.graceSeconds() > MAX_GRACE_SECONDS)) {
                problems.add(new FieldProblem(at + ".graceSeconds", "must be between 0 and " + MAX_GRACE_SECONDS));
            }
            if (r.graceSeconds() != null && r.contractor() != null && !SlaRule.ANY.equals(r.contractor().trim())) {
                problems.add(new FieldProblem(at + ".graceSeconds", "a grace is per category: give it on a rule whose contractor is *"));
            }
            if (r.categoryCode() != null && r.contractor() != null
                    && !seen.add(r.categoryCode().trim() + "\u0000" + r.contractor().trim())) {
                problems.add(new FieldProblem(at, "category and contractor are listed twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private static void text(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required (* = any)"));
        } else if (value.trim().length() > max) {
            problems.add(new FieldProblem(field, "at most " + max + " characters"));
        }
    }

    private static void minutes(String field, Integer value, List<FieldProblem> problems) {
        if (value == null || value < 1 || value > MAX_MINUTES) {
            problems.add(new FieldProblem(field, "must be between 1 and " + MAX_MINUTES));
        }
    }

    /** The deadlines for a device of {@code category} kept by {@code contractor} (may be null) in {@code projectId}. */
    Deadlines deadlines(long projectId, String category, String contractor) {
        Optional<SlaRule> rule = rules(projectId).stream().filter(r -> r.matches(category, contractor))
                .max(Comparator.comparingInt(SlaRule::specificity));
        if (rule.isEmpty()) {
            return new Deadlines(settings.respond(), settings.repair(), settings.clusterRepair(), settings.largeClusterPoints(),
                    "DEFAULT");
        }
        SlaRule r = rule.get();
        return new Deadlines(Duration.ofMinutes(r.respondMinutes()), Duration.ofMinutes(r.repairMinutes()),
                Duration.ofMinutes(r.clusterRepairMinutes()), settings.largeClusterPoints(),
                "RULE category=" + r.categoryCode() + " contractor=" + r.contractor());
    }

    /** The grace of a device of {@code category}: its category's rule (contractor *) or the installation's. */
    Duration grace(List<SlaRule> projectRules, String category) {
        return projectRules.stream().filter(r -> SlaRule.ANY.equals(r.contractor()) && r.graceSeconds() != null)
                .filter(r -> r.categoryCode().equals(category) || SlaRule.ANY.equals(r.categoryCode()))
                .max(Comparator.comparingInt(SlaRule::specificity))
                .map(r -> Duration.ofSeconds(r.graceSeconds())).orElse(settings.grace());
    }

    private void requireVisible(long projectId) {
        if (!currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
    }
}
