package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.xueliang.tracker.evaluation.Check.Severity;

/**
 * The checks before sign-off (SPEC §6.4), plain Java: weights add up to the template's total, each
 * 一级指标 totals its template weight (a missing one is named), no score exceeds its weight, a stated
 * total equals the sum of the scores, every computed row is covered well enough or says why not, and
 * every row has an actual value.
 */
public final class EvaluationChecks {

    /** The totals a table prints under 总分 (分值, 得分), when it prints its own (an imported or transcribed table). */
    public record Stated(BigDecimal weight, BigDecimal score) {
    }

    private EvaluationChecks() {
    }

    public static List<Check> run(List<TableRow> rows, Stated stated, ScoringRules rules) {
        List<Check> checks = new ArrayList<>();
        BigDecimal weight = Scorer.totalWeight(rows);
        BigDecimal score = Scorer.total(rows, rules);
        BigDecimal templateTotal = rules.templateTotal();
        checks.add(new Check("WEIGHTS_TOTAL", Severity.ERROR, weight.compareTo(templateTotal) == 0,
                weight.compareTo(templateTotal) == 0 ? "The rows weigh " + n(weight) + ", as a 自评表 must."
                        : "The rows weigh " + n(weight) + " but a 自评表 must weigh " + n(templateTotal) + ".", null));
        for (Level1 level1 : Level1.values()) {
            BigDecimal expected = rules.templateWeight(level1);
            List<TableRow> in = rows.stream().filter(r -> r.level1() == level1).toList();
            BigDecimal got = Scorer.totalWeight(in);
            String message;
            if (in.isEmpty() && expected.signum() > 0) {
                message = "The " + level1.label() + " row is missing: the standard 自评表 gives it " + n(expected) + " points.";
            } else if (got.compareTo(expected) != 0) {
                message = level1.label() + " weighs " + n(got) + " but the template gives it " + n(expected) + ".";
            } else {
                message = level1.label() + " weighs " + n(got) + ", as the template says.";
            }
            checks.add(new Check("LEVEL1_WEIGHT_" + level1.name(), Severity.ERROR, got.compareTo(expected) == 0, message, null));
        }
        for (TableRow row : rows) {
            if (row.score() != null && (row.score().compareTo(row.weight()) > 0 || row.score().signum() < 0)) {
                checks.add(new Check("SCORE_WITHIN_WEIGHT", Severity.ERROR, false, "“" + row.name() + "” scores "
                        + n(row.score()) + " but is worth only " + n(row.weight()) + ".", row.id()));
            }
            if (row.actual() == null && row.overrideScore() == null) {
                checks.add(new Check("ACTUAL_MISSING", Severity.WARNING, false, "“" + row.name()
                        + "” has no 实际完成值 yet" + (row.source() == Metric.Source.MANUAL ? ": an evaluator enters it with a note."
                        : ": " + (row.note() == null ? "the system had nothing to compute it from." : row.note())), row.id()));
            }
            if (row.coverage() != null && row.coverage().compareTo(rules.minCoverage()) < 0) {
                boolean explained = row.note() != null && !row.note().isBlank();
                checks.add(new Check("COVERAGE", Severity.WARNING, explained, "“" + row.name() + "” was measured over only "
                        + pct(row.coverage()) + " of its in-service time (threshold " + pct(rules.minCoverage()) + ")"
                        + (explained ? "; the note says why." : "; add a note that says why."), row.id()));
            }
        }
        if (checks.stream().noneMatch(c -> c.code().equals("SCORE_WITHIN_WEIGHT"))) {
            checks.add(new Check("SCORE_WITHIN_WEIGHT", Severity.ERROR, true, "No score exceeds its weight.", null));
        }
        if (stated != null) {
            boolean weightOk = stated.weight() == null || stated.weight().compareTo(weight) == 0;
            boolean scoreOk = stated.score() == null || stated.score().compareTo(score) == 0;
            String message = weightOk && scoreOk ? "The stated total " + n(stated.score()) + " of " + n(stated.weight())
                    + " equals the sum of the rows."
                    : "The table states " + n(stated.score()) + " of " + n(stated.weight()) + ", but its rows weigh "
                    + n(weight) + " and score " + n(score) + ".";
            checks.add(new Check("STATED_TOTAL", Severity.ERROR, weightOk && scoreOk, message, null));
        }
        return checks;
    }

    private static String n(BigDecimal value) {
        return value == null ? "—" : TableRow.plain(value);
    }

    private static String pct(BigDecimal share) {
        return TableRow.plain(share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP)) + " %";
    }
}
