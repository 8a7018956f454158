package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;

/**
 * One row of the indicator table as scored: what the API lists, the checks inspect, the exports print
 * and a signed snapshot freezes. {@code computedScore} follows from the row's metric; {@code score}
 * is the evaluator's override when there is one, else the computed score — both are kept and shown.
 * {@code formula} and {@code evidenceSummary} are phrases, rendered in the reader's language.
 */
public record TableRow(Long id, int seq, Level2 level2, String name, Metric metric, String unit, BigDecimal target,
                       BigDecimal actual, BigDecimal weight, BigDecimal computedScore, BigDecimal overrideScore,
                       String overrideReason, BigDecimal score, Phrase formula, String note, BigDecimal coverage,
                       Phrase evidenceSummary) {

    public Level1 level1() {
        return level2.level1();
    }

    public Metric.Source source() {
        return metric.source();
    }

    /** 年度指标值 as printed: "≤10%" for a ceiling, "45台" for a count. */
    public String targetText() {
        return target == null ? "" : (metric.scoring() == Metric.ScoringMethod.CEILING ? "≤" : "") + plain(target) + unit;
    }

    /** 实际完成值 as printed. */
    public String actualText() {
        return actual == null ? "" : plain(actual) + unit;
    }

    /** The row with its computed score and score worked out under {@code rules}. */
    public TableRow scored(ScoringRules rules) {
        BigDecimal computed = Scorer.computed(metric.scoring(), target, actual, weight, rules);
        BigDecimal chosen = overrideScore != null ? rules.round(overrideScore) : computed;
        return new TableRow(id, seq, level2, name, metric, unit, target, actual, weight, computed, overrideScore,
                overrideReason, chosen, formula, note, coverage, evidenceSummary);
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
