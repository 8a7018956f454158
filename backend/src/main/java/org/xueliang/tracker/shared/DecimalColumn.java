package org.xueliang.tracker.shared;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A {@code DECIMAL(precision, scale)} column as an input rule: a value with more decimals, or more
 * digits before the point, than the column keeps is refused instead of being rounded (or
 * underflowing to 0, as {@code 1e-400} did) on its way into the database (issue 9).
 */
public record DecimalColumn(int precision, int scale) {

    /** What is wrong with {@code value} for this column, or empty when it is stored exactly. */
    public Optional<FieldProblem> problem(String field, BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > scale) {
            return Optional.of(new FieldProblem(field, field + " has at most " + scale + " decimals"));
        }
        if (exact.precision() - exact.scale() > precision - scale) {
            return Optional.of(new FieldProblem(field, field + " has at most " + (precision - scale) + " digits before the decimal point"));
        }
        return Optional.empty();
    }
}
