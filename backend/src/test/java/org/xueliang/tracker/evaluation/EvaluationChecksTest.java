package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluationChecksTest {

    private static final ScoringRules RULES = ScoringRules.DEFAULT;

    /** A complete standard table: 预算 10, 产出 50, 效益 30, 满意度 10, every row at full marks. */
    static List<TableRow> standard() {
        List<TableRow> rows = new ArrayList<>();
        Object[][] spec = {{Level2.BUDGET_EXECUTION, 10}, {Level2.QUANTITY, 30}, {Level2.QUALITY, 10}, {Level2.TIMELINESS, 5},
            {Level2.COST, 5}, {Level2.SOCIAL, 10}, {Level2.ECOLOGICAL, 10}, {Level2.SUSTAINABILITY, 10}, {Level2.SATISFACTION, 10}};
        for (Object[] s : spec) {
            rows.add(row(rows.size() + 1, (Level2) s[0], (Integer) s[1], BigDecimal.valueOf(100), null, null));
        }
        return rows;
    }

    static TableRow row(int id, Level2 level2, int weight, BigDecimal actual, BigDecimal coverage, String note) {
        return new TableRow((long) id, id, level2, level2.label() + id, Metric.MANUAL, "", BigDecimal.valueOf(100), actual,
                BigDecimal.valueOf(weight), null, null, null, null, null, note, coverage, null).scored(RULES);
    }

    private static Check check(List<Check> checks, String code) {
        return checks.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow(() -> new AssertionError("no " + code));
    }

    @Test
    void aCompleteStandardTablePassesEveryCheck() {
        List<Check> checks = EvaluationChecks.run(standard(), new EvaluationChecks.Stated(BigDecimal.valueOf(100),
                BigDecimal.valueOf(100)), RULES);
        assertThat(checks).allMatch(Check::passed);
    }

    @ParameterizedTest(name = "without {0}: weights {1}, {2} flagged")
    @CsvSource({"BUDGET_EXECUTION, 90, LEVEL1_WEIGHT_BUDGET", "SATISFACTION, 90, LEVEL1_WEIGHT_SATISFACTION",
        "QUANTITY, 70, LEVEL1_WEIGHT_OUTPUT", "COST, 95, LEVEL1_WEIGHT_OUTPUT"})
    void aMissingRowIsFlaggedInTheTotalAndItsLevel1(Level2 dropped, int weight, String code) {
        List<TableRow> rows = standard().stream().filter(r -> r.level2() != dropped).toList();
        List<Check> checks = EvaluationChecks.run(rows, null, RULES);
        assertThat(check(checks, "WEIGHTS_TOTAL").passed()).isFalse();
        assertThat(check(checks, "WEIGHTS_TOTAL").message()).contains("weigh " + weight);
        assertThat(check(checks, code).passed()).isFalse();
        assertThat(check(checks, code).severity()).isEqualTo(Check.Severity.ERROR);
    }

    @Test
    void aScoreAboveItsWeightIsAnError() {
        List<TableRow> rows = new ArrayList<>(standard());
        TableRow r = rows.get(3);
        rows.set(3, new TableRow(r.id(), r.seq(), r.level2(), r.name(), r.metric(), r.unit(), r.target(), r.actual(), r.weight(), null,
                BigDecimal.valueOf(6), "typo", null, null, null, null, null).scored(RULES));
        Check c = check(EvaluationChecks.run(rows, null, RULES), "SCORE_WITHIN_WEIGHT");
        assertThat(c.blocks()).isTrue();
        assertThat(c.rowId()).isEqualTo(r.id());
        assertThat(c.message()).contains("scores 6").contains("worth only 5");
    }

    @ParameterizedTest(name = "coverage {0}, note ''{1}'' → passed {2}")
    @CsvSource(nullValues = "null", value = {"0.95, null, true", "0.90, null, true", "0.5, null, false",
        "0.5, 探针于 2022-03 部署，此前无监测, true"})
    void aComputedRowBelowTheCoverageThresholdMustSayWhy(BigDecimal coverage, String note, boolean passed) {
        List<TableRow> rows = new ArrayList<>(standard());
        rows.set(2, row(3, Level2.QUALITY, 10, BigDecimal.valueOf(99), coverage, note));
        List<Check> coverageChecks = EvaluationChecks.run(rows, null, RULES).stream().filter(c -> c.code().equals("COVERAGE")).toList();
        assertThat(coverageChecks.stream().allMatch(Check::passed)).isEqualTo(passed);
        assertThat(coverageChecks).allMatch(c -> c.severity() == Check.Severity.WARNING);
    }

    @Test
    void aRowWithoutActualIsAWarningNotAnError() {
        List<TableRow> rows = new ArrayList<>(standard());
        rows.set(5, row(6, Level2.SOCIAL, 10, null, null, null));
        Check c = check(EvaluationChecks.run(rows, null, RULES), "ACTUAL_MISSING");
        assertThat(c.passed()).isFalse();
        assertThat(c.blocks()).isFalse();
    }

    @Test
    void aStatedTotalThatIsNotTheSumIsAnError() {
        Check c = check(EvaluationChecks.run(standard(), new EvaluationChecks.Stated(BigDecimal.valueOf(100), BigDecimal.valueOf(98)),
                RULES), "STATED_TOTAL");
        assertThat(c.blocks()).isTrue();
        assertThat(c.message()).contains("states 98 of 100").contains("score 100");
    }
}
