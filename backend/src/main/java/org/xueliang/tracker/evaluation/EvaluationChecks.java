package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.xueliang.tracker.evaluation.Check.Severity;

/**
 * The checks before sign-off (SPEC §6.4), plain Java: weights add up to the template's total, each
 * 一级指标 totals its template weight (a missing one is named), no score exceeds its weight, a stated
 * total equals the sum of the scores, every computed row is covered well enough or says why not, and
 * every row has an actual value. Each explanation is a phrase of {@code i18n/checks*.properties}
 * (key {@code check.<FAMILY>.message.<variant>}) with its numbers and names as arguments.
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
        boolean totalOk = weight.compareTo(templateTotal) == 0;
        checks.add(new Check("WEIGHTS_TOTAL", Severity.ERROR, totalOk, null,
                words("WEIGHTS_TOTAL", totalOk ? "ok" : "problem", n(weight), n(templateTotal))));
        for (Level1 level1 : Level1.values()) {
            BigDecimal expected = rules.templateWeight(level1);
            List<TableRow> in = rows.stream().filter(r -> r.level1() == level1).toList();
            BigDecimal got = Scorer.totalWeight(in);
            Phrase label = Phrase.of("level1." + level1.name());
            String variant = in.isEmpty() && expected.signum() > 0 ? "missing" : got.compareTo(expected) != 0 ? "problem" : "ok";
            checks.add(new Check("LEVEL1_WEIGHT_" + level1.name(), Severity.ERROR, got.compareTo(expected) == 0, null,
                    words("LEVEL1_WEIGHT", variant, label, n(got), n(expected))));
        }
        for (TableRow row : rows) {
            if (row.score() != null && (row.score().compareTo(row.weight()) > 0 || row.score().signum() < 0)) {
                checks.add(new Check("SCORE_WITHIN_WEIGHT", Severity.ERROR, false, row.id(),
                        words("SCORE_WITHIN_WEIGHT", "problem", row.name(), n(row.score()), n(row.weight()))));
            }
            if (row.actual() == null && row.overrideScore() == null) {
                Phrase why = row.source() == Metric.Source.MANUAL ? words("ACTUAL_MISSING", "manual", row.name())
                        : row.note() == null ? words("ACTUAL_MISSING", "noData", row.name())
                        : words("ACTUAL_MISSING", "computed", row.name(), row.note());
                checks.add(new Check("ACTUAL_MISSING", Severity.WARNING, false, row.id(), why));
            }
            if (row.coverage() != null && row.coverage().compareTo(rules.minCoverage()) < 0) {
                boolean explained = row.note() != null && !row.note().isBlank();
                checks.add(new Check("COVERAGE", Severity.WARNING, explained, row.id(), words("COVERAGE",
                        explained ? "explained" : "unexplained", row.name(), pct(row.coverage()), pct(rules.minCoverage()))));
            }
        }
        if (checks.stream().noneMatch(c -> c.code().equals("SCORE_WITHIN_WEIGHT"))) {
            checks.add(new Check("SCORE_WITHIN_WEIGHT", Severity.ERROR, true, null, words("SCORE_WITHIN_WEIGHT", "ok")));
        }
        if (stated != null) {
            boolean weightOk = stated.weight() == null || stated.weight().compareTo(weight) == 0;
            boolean scoreOk = stated.score() == null || stated.score().compareTo(score) == 0;
            checks.add(new Check("STATED_TOTAL", Severity.ERROR, weightOk && scoreOk, null, words("STATED_TOTAL",
                    weightOk && scoreOk ? "ok" : "problem", n(stated.score()), n(stated.weight()), n(weight), n(score))));
        }
        return checks;
    }

    private static Phrase words(String family, String variant, Object... args) {
        return Phrase.of("check." + family + ".message." + variant, args);
    }

    private static String n(BigDecimal value) {
        return value == null ? "—" : TableRow.plain(value);
    }

    private static String pct(BigDecimal share) {
        return TableRow.plain(share.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
    }
}
