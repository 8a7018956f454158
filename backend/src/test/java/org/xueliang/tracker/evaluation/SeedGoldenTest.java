package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.shared.Texts;
import org.xueliang.tracker.testing.BundleTexts;

/** Golden test: the seed report's table, entered as an evaluator would, is reproduced and its two errors are caught. */
class SeedGoldenTest {

    private static final ScoringRules RULES = ScoringRules.DEFAULT;
    private static final Texts TEXTS = BundleTexts.texts();

    @Test
    void enteringTheSeedValuesReproducesItsTable() throws Exception {
        List<TableRow> rows = SeedTable.rows(RULES);
        EvaluationDocument doc = document(rows);
        ExportText text = new ExportText(BundleTexts.texts(), Texts.ZH_CN, ZoneId.of("Asia/Shanghai"));
        List<String[]> cells = text.lines(doc).stream().map(text::cells).toList();
        assertThat(cells).hasSize(SeedTable.ROWS.length);
        for (int i = 0; i < cells.size(); i++) {
            Object[] seed = SeedTable.ROWS[i];
            assertThat(cells.get(i)[1]).isEqualTo(((Level2) seed[0]).label());
            assertThat(cells.get(i)[2]).isEqualTo(seed[1]);
            assertThat(cells.get(i)[3]).isEqualTo("100");
            assertThat(cells.get(i)[4]).isEqualTo(String.valueOf(seed[2]));
            assertThat(cells.get(i)[5]).isEqualTo(String.valueOf(seed[3]));
            assertThat(cells.get(i)[6]).isEqualTo(String.valueOf(seed[4]));
        }
        assertThat(cells.get(0)[0]).isEqualTo("产出指标（50分）");
        assertThat(cells.get(9)[0]).isEqualTo("效益指标（30分）");
        assertThat(cells.get(13)[0]).isEqualTo("满意度指标（10分）");
        // The scores the seed gives are kept beside what the rules would have computed (e.g. 95 of 100 → 4.8 of 5, seed 5).
        assertThat(rows.get(5).computedScore()).isEqualByComparingTo("4.8");
        assertThat(rows.get(5).score()).isEqualByComparingTo("5");

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(XlsxEvaluationWriter.write(doc, text)))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            FormulaEvaluator cached = wb.getCreationHelper().createFormulaEvaluator();
            int header = findRow(sheet, "一级指标");
            Row first = sheet.getRow(header + 1);
            assertThat(f.formatCellValue(first.getCell(2))).isEqualTo(SeedTable.ROWS[0][1]);
            Row total = sheet.getRow(header + 1 + SeedTable.ROWS.length);
            assertThat(f.formatCellValue(total.getCell(0))).isEqualTo("总分");
            assertThat(f.formatCellValue(total.getCell(5), cached)).isEqualTo("90");
            assertThat(f.formatCellValue(total.getCell(6), cached)).isEqualTo("85");
        }
    }

    @Test
    void theChecksSayTheRowsWeigh90AndScore85WhileTheReportStates93Of100AndTheBudgetRowIsMissing() {
        List<TableRow> rows = SeedTable.rows(RULES);
        assertThat(Scorer.totalWeight(rows)).isEqualByComparingTo("90");
        assertThat(Scorer.total(rows, RULES)).isEqualByComparingTo("85");
        List<Check> checks = EvaluationChecks.run(rows, SeedTable.STATED, RULES);
        List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
        assertThat(failed).extracting(Check::code)
                .containsExactlyInAnyOrder("WEIGHTS_TOTAL", "LEVEL1_WEIGHT_BUDGET", "STATED_TOTAL");
        assertThat(failed).allMatch(Check::blocks);
        assertThat(message(failed, "STATED_TOTAL")).isEqualTo("表内写明得分 93（总分 100），但各行分值合计 90、得分合计 85。");
        assertThat(message(failed, "LEVEL1_WEIGHT_BUDGET")).isEqualTo("缺少“预算执行率”行：标准自评表中该一级指标为 10 分。");
        assertThat(message(failed, "WEIGHTS_TOTAL")).isEqualTo("各行分值合计 90 分，自评表总分应为 100 分。");
        assertThat(CheckWords.message(TEXTS, Texts.EN, failed.stream().filter(c -> c.code().equals("LEVEL1_WEIGHT_BUDGET"))
                .findFirst().orElseThrow())).isEqualTo("No row of \"Budget execution\": the standard template gives it 10 points.");
        // 产出 50, 效益 30 and 满意度 10 are as the template wants, and no score exceeds its weight.
        assertThat(checks).filteredOn(c -> c.code().equals("LEVEL1_WEIGHT_OUTPUT") || c.code().equals("LEVEL1_WEIGHT_BENEFIT")
                || c.code().equals("LEVEL1_WEIGHT_SATISFACTION") || c.code().equals("SCORE_WITHIN_WEIGHT")).allMatch(Check::passed);
    }

    private static String message(List<Check> checks, String code) {
        return CheckWords.message(TEXTS, Texts.ZH_CN, checks.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow());
    }

    static EvaluationDocument document(List<TableRow> rows) {
        EvaluationHeader h = new EvaluationHeader(1L, 1L, "稷山县雪亮工程一期", java.time.LocalDate.of(2021, 8, 24),
                java.time.LocalDate.of(2022, 8, 23), AvailabilityPolicy.DEFAULT, EvaluationHeader.Status.DRAFT, 1, null, "eva",
                java.time.Instant.EPOCH, null, null, null);
        BigDecimal score = Scorer.total(rows, RULES);
        List<Check> checks = EvaluationChecks.run(rows, SeedTable.STATED, RULES);
        List<ReportSection> report = new java.util.ArrayList<>();
        for (int i = 0; i < ReportSection.TITLES.length; i++) {
            report.add(new ReportSection(i + 1, ReportSection.TITLES[i], "", ReportSection.DEFAULT_PROSE[i]));
        }
        return new EvaluationDocument(h, new EvaluationDocument.Budget(null, null, null, null, null), rows, List.of(), checks,
                Scorer.totalWeight(rows), score, Grade.of(score, RULES), report, ReportHeader.EMPTY, List.of(), false);
    }

    private static int findRow(Sheet sheet, String firstCell) {
        DataFormatter f = new DataFormatter();
        for (Row r : sheet) {
            if (firstCell.equals(f.formatCellValue(r.getCell(0)))) {
                return r.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + firstCell);
    }
}
