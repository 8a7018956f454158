package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xueliang.tracker.shared.Texts;
import org.xueliang.tracker.testing.BundleTexts;

class EvaluationChecksTest {

    private static final ScoringRules RULES = ScoringRules.DEFAULT;
    private static final Texts TEXTS = BundleTexts.texts();

    private static String zh(Check c) {
        return CheckWords.message(TEXTS, Texts.ZH_CN, c);
    }

    private static String en(Check c) {
        return CheckWords.message(TEXTS, Texts.EN, c);
    }

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
        assertThat(zh(check(checks, "WEIGHTS_TOTAL"))).isEqualTo("各行分值合计 " + weight + " 分，自评表总分应为 100 分。");
        assertThat(en(check(checks, "WEIGHTS_TOTAL"))).isEqualTo("The rows weigh " + weight + " points, but the template total is 100.");
        assertThat(CheckWords.title(TEXTS, Texts.ZH_CN, check(checks, code))).isEqualTo("一级指标分值与模板不符");
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
        assertThat(zh(c)).isEqualTo("“" + r.name() + "”得分 6，超过其分值 5。");
        assertThat(en(c)).isEqualTo("\"" + r.name() + "\" scores 6 but is worth only 5.");
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
        assertThat(coverageChecks).allSatisfy(c -> assertThat(zh(c)).contains(passed && note != null ? "备注已说明原因" : "监测时间"));
        if (!passed) {
            assertThat(zh(coverageChecks.get(0))).isEqualTo("“质量指标3”的监测时间仅覆盖在役时间的 50%（阈值 90%），请在备注中说明原因。");
        }
    }

    @Test
    void aRowWithoutActualIsAWarningNotAnError() {
        List<TableRow> rows = new ArrayList<>(standard());
        rows.set(5, row(6, Level2.SOCIAL, 10, null, null, null));
        Check c = check(EvaluationChecks.run(rows, null, RULES), "ACTUAL_MISSING");
        assertThat(c.passed()).isFalse();
        assertThat(c.blocks()).isFalse();
        assertThat(c.needsAcknowledgement()).isTrue();
        assertThat(CheckWords.title(TEXTS, Texts.ZH_CN, c)).isEqualTo("实际完成值未填写");
        assertThat(zh(c)).isEqualTo("“社会效益指标6”尚未填写实际完成值：由评价人员填写，并在备注中说明依据。");
        assertThat(CheckWords.severity(TEXTS, Texts.EN, c)).isEqualTo("Warning");
    }

    @Test
    void aStatedTotalThatIsNotTheSumIsAnError() {
        Check c = check(EvaluationChecks.run(standard(), new EvaluationChecks.Stated(BigDecimal.valueOf(100), BigDecimal.valueOf(98)),
                RULES), "STATED_TOTAL");
        assertThat(c.blocks()).isTrue();
        assertThat(zh(c)).isEqualTo("表内写明得分 98（总分 100），但各行分值合计 100、得分合计 100。");
        assertThat(en(c)).contains("states a score of 98 of 100").contains("score 100");
    }
}
