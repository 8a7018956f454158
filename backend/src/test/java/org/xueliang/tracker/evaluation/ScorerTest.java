package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

    @ParameterizedTest(name = "{0} target {1} actual {2} weight {3} → {4}")
    @CsvSource(nullValues = "null", value = {
        // positive quantitative: weight × min(actual / target, 1)
        "PROPORTIONAL, 45,  45,    10, 10.0",
        "PROPORTIONAL, 45,  40,    10, 8.9",
        "PROPORTIONAL, 45,  50,    10, 10.0",
        "PROPORTIONAL, 100, 95,    5,  4.8",
        "PROPORTIONAL, 100, 97.31, 5,  4.9",
        "PROPORTIONAL, 100, 0,     5,  0.0",
        "PROPORTIONAL, 0,   10,    5,  null",
        "PROPORTIONAL, 100, null,  5,  null",
        // 预算执行率: 10 × rate, capped at 10
        "PROPORTIONAL, 100, 100,   10, 10.0",
        "PROPORTIONAL, 100, 87.5,  10, 8.8",
        "PROPORTIONAL, 100, 120,   10, 10.0",
        // ceiling-type: cost increase ≤ 10 % earns full weight, beyond it weight × ceiling / increase
        "CEILING,      10,  5.70,  5,  5.0",
        "CEILING,      10,  10,    5,  5.0",
        "CEILING,      10,  12.5,  5,  4.0",
        "CEILING,      10,  -3,    5,  5.0",
        "CEILING,      10,  null,  5,  null"})
    void scoresARow(Metric.ScoringMethod method, BigDecimal target, BigDecimal actual, BigDecimal weight, BigDecimal expected) {
        assertThat(Scorer.computed(method, target, actual, weight, ScoringRules.DEFAULT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "total {0} → {1}")
    @CsvSource({"100, EXCELLENT", "90, EXCELLENT", "89.9, GOOD", "80, GOOD", "79.9, FAIR", "60, FAIR", "59.9, POOR", "0, POOR"})
    void gradesATotal(BigDecimal total, Grade grade) {
        assertThat(Grade.of(total, ScoringRules.DEFAULT)).isEqualTo(grade);
    }

    @ParameterizedTest(name = "scale {0} {1}: 4.75 → {2}")
    @CsvSource({"1, HALF_UP, 4.8", "1, DOWN, 4.7", "0, HALF_UP, 5", "2, HALF_UP, 4.75"})
    void roundsAsConfigured(int scale, RoundingMode rounding, BigDecimal expected) {
        ScoringRules rules = new ScoringRules(scale, rounding, BigDecimal.valueOf(90), BigDecimal.valueOf(80), BigDecimal.valueOf(60),
                new BigDecimal("0.9"), BigDecimal.valueOf(100), Map.of());
        assertThat(Scorer.computed(Metric.ScoringMethod.PROPORTIONAL, BigDecimal.valueOf(100), BigDecimal.valueOf(95),
                BigDecimal.valueOf(5), rules)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "override {0} of computed 4.8 → score {0}, computed kept")
    @CsvSource({"5", "3.5", "0"})
    void anOverrideReplacesTheScoreButKeepsTheComputedOne(BigDecimal override) {
        TableRow row = new TableRow(1L, 1, Level2.QUALITY, "指标1", Metric.QUALITY_FRONT_END, "%", BigDecimal.valueOf(100),
                BigDecimal.valueOf(95), BigDecimal.valueOf(5), null, override, "因为", null, null, null, null, null)
                .scored(ScoringRules.DEFAULT);
        assertThat(row.computedScore()).isEqualByComparingTo("4.8");
        assertThat(row.score()).isEqualByComparingTo(override);
    }
}
