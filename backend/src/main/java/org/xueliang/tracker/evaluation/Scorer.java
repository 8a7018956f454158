package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/** Scoring per SPEC §6.3: plain arithmetic, no framework, the rules passed in. */
public final class Scorer {

    private static final MathContext MC = MathContext.DECIMAL64;

    private Scorer() {
    }

    /**
     * The score a row earns from its actual value, or null while there is nothing to score (no actual,
     * no usable target). PROPORTIONAL: weight × min(actual / target, 1), never below 0. CEILING (actual is
     * an increase that must stay ≤ target): full weight within the ceiling, else weight × target / actual.
     */
    public static BigDecimal computed(Metric.ScoringMethod method, BigDecimal target, BigDecimal actual, BigDecimal weight,
                                      ScoringRules rules) {
        if (actual == null || target == null || weight == null) {
            return null;
        }
        BigDecimal share = switch (method) {
            case PROPORTIONAL -> target.signum() <= 0 ? null : actual.divide(target, MC).min(BigDecimal.ONE).max(BigDecimal.ZERO);
            case CEILING -> actual.compareTo(target) <= 0 ? BigDecimal.ONE
                    : target.signum() <= 0 ? BigDecimal.ZERO : target.divide(actual, MC);
        };
        return share == null ? null : rules.round(weight.multiply(share, MC));
    }

    /** The table's total: the sum of the rows' scores (a row not scored yet adds nothing). */
    public static BigDecimal total(List<TableRow> rows, ScoringRules rules) {
        return rules.round(rows.stream().map(TableRow::score).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public static BigDecimal totalWeight(List<TableRow> rows) {
        return rows.stream().map(TableRow::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
