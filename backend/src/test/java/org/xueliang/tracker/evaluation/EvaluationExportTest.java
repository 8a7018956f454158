package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xueliang.tracker.evaluation.EvaluationApiTest.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.shared.Texts;
import org.xueliang.tracker.testing.CodeTokens;

import com.jayway.jsonpath.JsonPath;

/**
 * The three exports read back as a reviewer reads them: the same rows in each (预算执行率 included),
 * the 分值 column summing to 总分 and the 得分 column to 得分, numeric cells and SUM formulas in the
 * workbook, no internal codes in a Chinese export, the synthetic notice on every page, 签署说明, and no
 * PDF line starting with closing punctuation. Also the report header block API. Samples are written to
 * target/export-samples for a look (docs/TESTING.md).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-export;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class EvaluationExportTest {

    /** Closing punctuation that must not start a line (GB/T 15834 and the 禁则 of Chinese typesetting). */
    static final String CLOSING = "）。，、；：！？」』》";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired EvaluationService service;
    @Value("${xl.pdf-font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String pdfFont;

    @BeforeEach
    void rollups() {
        EvaluationApiTest.insertSyntheticRollups(jdbc);
    }

    /** The printed table of one export: row names, 分值 and 得分 cells, and the printed totals. */
    record Printed(List<String> names, List<BigDecimal> weights, List<BigDecimal> scores, BigDecimal totalWeight, BigDecimal totalScore) {

        void sumsRight(List<String> expectedNames, String format) {
            // the PDF's 三级指标 column, read top to bottom, is the names run together (a long name wraps in its cell)
            assertThat(String.join("", names)).as(format + " row names").isEqualTo(String.join("", expectedNames));
            assertThat(weights).as(format + " one 分值 per row").hasSize(expectedNames.size());
            assertThat(weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(format + " 分值 column sums to 总分")
                    .isEqualByComparingTo(totalWeight);
            assertThat(scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(format + " 得分 column sums to 得分")
                    .isEqualByComparingTo(totalScore);
        }
    }

    @Test
    void everyExportPrintsEveryRowAndItsColumnsSumToTheTotals() throws Exception {
        long reference = create();
        long overridden = withOverrides(create());
        for (long id : List.of(reference, overridden)) {
            List<Map<String, Object>> rows = rows(id);
            List<String> names = rows.stream().map(r -> squeeze((String) r.get("name"))).toList();
            assertThat(names).contains("预算执行率");
            Map<String, Object> summary = JsonPath.read(mvc.perform(get("/api/v1/evaluations/" + id).with(admin()))
                    .andReturn().getResponse().getContentAsString(), "$");
            BigDecimal weight = new BigDecimal(summary.get("totalWeight").toString());
            BigDecimal score = new BigDecimal(summary.get("totalScore").toString());
            assertThat(weight).isEqualByComparingTo("100");

            byte[] xlsx = export(id, "xlsx");
            Printed fromXlsx = xlsxTable(xlsx);
            fromXlsx.sumsRight(names, "xlsx");
            assertThat(fromXlsx.totalWeight()).isEqualByComparingTo(weight);
            assertThat(fromXlsx.totalScore()).isEqualByComparingTo(score);

            Printed fromDocx = docxTable(export(id, "docx"));
            fromDocx.sumsRight(names, "docx");
            assertThat(fromDocx.totalWeight()).isEqualByComparingTo(weight);
            assertThat(fromDocx.totalScore()).isEqualByComparingTo(score);

            byte[] pdf = export(id, "pdf");
            Printed fromPdf = pdfTable(pdf);
            fromPdf.sumsRight(names, "pdf");
            assertThat(fromPdf.totalWeight()).isEqualByComparingTo(weight);
            assertThat(fromPdf.totalScore()).isEqualByComparingTo(score);
            sample(id == reference ? "reference" : "overrides", xlsx, export(id, "docx"), pdf);
        }
        assertThat(pdfText(export(overridden, "pdf"))).contains("评分调整");
    }

    @Test
    void theWorkbookHasNumbersFormatsAndSumFormulas() throws Exception {
        long id = create();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export(id, "xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            int header = rowStarting(sheet, "一级指标");
            int total = rowStarting(sheet, "总分");
            for (int r = header + 1; r < total; r++) {
                assertThat(sheet.getRow(r).getCell(5).getCellType()).as("分值 of row " + r).isEqualTo(CellType.NUMERIC);
                assertThat(sheet.getRow(r).getCell(3).getCellType()).as("年度指标值 of row " + r).isEqualTo(CellType.NUMERIC);
                Cell score = sheet.getRow(r).getCell(6);
                assertThat(score.getCellType()).as("得分 of row " + r).isIn(CellType.NUMERIC, CellType.BLANK);
            }
            for (int c : new int[] {5, 6}) {
                Cell sum = sheet.getRow(total).getCell(c);
                assertThat(sum.getCellType()).isEqualTo(CellType.FORMULA);
                assertThat(sum.getCellFormula()).isEqualTo("SUM(" + (char) ('A' + c) + (header + 2) + ":" + (char) ('A' + c) + total + ")");
                assertThat(sum.getCachedFormulaResultType()).isEqualTo(CellType.NUMERIC);
            }
            // the cost ceiling: its target reads ≤10.00 %, its actual is a measured value without the ≤ (as in PDF and DOCX)
            Row cost = null;
            for (int r = header + 1; r < total; r++) {
                if (sheet.getRow(r).getCell(2).getStringCellValue().contains("增幅不超过")) {
                    cost = sheet.getRow(r);
                }
            }
            assertThat(cost).as("the cost row").isNotNull();
            assertThat(new DataFormatter().formatCellValue(cost.getCell(3))).isEqualTo("≤10.00%");
            assertThat(new DataFormatter().formatCellValue(cost.getCell(4))).isEqualTo("5.70%");
            Row funds = sheet.getRow(rowStarting(sheet, "项目资金（元）") + 1);
            assertThat(funds.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(funds.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(funds.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(new DataFormatter().formatCellValue(funds.getCell(2))).isEqualTo("5,265,656.85");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getRepeatingRows().getFirstRow()).isEqualTo(header);
            assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    void chineseExportsCarryWordsNotCodesTheNoticeOnEveryPageAndTheSignOffNotes() throws Exception {
        long id = withOverrides(create());
        EvaluationDocument live = service.document(id);
        Check warning = live.checks().stream().filter(c -> !c.passed() && c.severity() == Check.Severity.WARNING).findFirst()
                .orElseThrow();
        Instant at = Instant.parse("2022-09-01T02:30:00Z");
        String reason = "满意度问卷于九月回收，届时补填";
        // as a signed snapshot of synthetic data with an acknowledged warning (the sign API freezes exactly this)
        EvaluationDocument signed = new EvaluationDocument(live.header().signed("eval1", at, "ab".repeat(32)), live.budget(), live.rows(),
                live.evidence(), live.checks(), live.totalWeight(), live.totalScore(), live.grade(), live.report(),
                new ReportHeader("稷山县公安局", "稷山县公安局科技信息化大队", "完成前端监控安装、中心平台建设。", "已全部完成。"),
                List.of(new Acknowledgement(warning.code(), warning.rowId(), reason, "eval1", at)), true);
        ExportText zh = service.exportText(Texts.ZH_CN);
        byte[] xlsx = XlsxEvaluationWriter.write(signed, zh);
        byte[] docx = DocxReportWriter.write(signed, zh);
        byte[] pdf = PdfReportWriter.write(signed, zh, pdfFont);
        sample("signed-synthetic", xlsx, docx, pdf);
        String notice = "含模拟数据，不得用于正式报送";
        String rowName = live.rows().stream().filter(r -> r.id().equals(warning.rowId())).findFirst().orElseThrow().name();

        String xlsxText = xlsxText(xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getHeader().getCenter()).isEqualTo(notice);
        }
        String docxText = docxText(docx);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getHeaderList()).extracting(XWPFHeaderFooter::getText).anyMatch(t -> t.contains(notice));
        }
        List<String> pages = pdfPages(pdf);
        assertThat(pages).hasSizeGreaterThan(1).allMatch(p -> p.contains(notice));
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i).replaceAll("\\s+", "")).as("page %d's footer", i + 1)
                    .contains("第" + (i + 1) + "页，共" + pages.size() + "页");
        }
        for (String text : List.of(xlsxText, docxText, String.join("\n", pages))) {
            assertThat(text).contains(notice).contains("签署说明").contains(reason).contains("实际完成值未填写")
                    .contains(rowName).contains("稷山县公安局科技信息化大队").contains("2022-09-01 10:30:00 +08:00")
                    .contains("已签署").doesNotContain("FINAL");
            assertThat(CodeTokens.offending(text)).isEmpty();
        }
        // and the draft as the API serves it
        for (String format : List.of("xlsx", "docx", "pdf")) {
            byte[] bytes = export(id, format);
            String text = switch (format) {
                case "xlsx" -> xlsxText(bytes);
                case "docx" -> docxText(bytes);
                default -> pdfText(bytes);
            };
            assertThat(text).contains("草稿").contains("维护时间不计入分母");
            assertThat(CodeTokens.offending(text)).as(format).isEmpty();
        }
    }

    @Test
    void noPdfLineStartsWithClosingPunctuationAndTheTitleBreaksOnlyBetweenWords() throws Exception {
        long id = create();
        byte[] pdf = export(id, "pdf");
        List<String> lines = new ArrayList<>();
        for (String page : pdfPages(pdf)) {
            Arrays.stream(page.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        assertThat(lines).noneMatch(l -> CLOSING.indexOf(l.charAt(0)) >= 0);
        String project = JsonPath.read(mvc.perform(get("/api/v1/evaluations/" + id).with(admin())).andReturn().getResponse()
                .getContentAsString(), "$.evaluation.projectName");
        String title = project + "支出绩效自评报告";
        assertThat(lines.get(0).equals(title) || lines.get(0).equals(project) && lines.get(1).equals("支出绩效自评报告"))
                .as("title lines " + lines.subList(0, 2)).isTrue();
        assertThat(String.join("", lines)).contains("5,265,656.85 元").doesNotContain("5265656.85");
    }

    @Test
    void exportsSpeakTheRequestedLanguageAndRefuseBadParameters() throws Exception {
        long id = create();
        byte[] en = mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", "xlsx").param("lang", "en").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(xlsxText(en)).contains("Total").contains("Budget execution").contains("Draft").doesNotContain("总分");
        byte[] enPdf = mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", "pdf").param("lang", "en").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(pdfText(enPdf)).contains("performance self-evaluation report").contains("Checks not passed before sign-off");
        byte[] byHeader = mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", "docx")
                .header("Accept-Language", "en").with(admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(docxText(byHeader)).contains("1. Basic information").contains("Weight");
        sample("english", en, byHeader, enPdf);
        mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", "pdf").param("lang", "fr").with(admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lang"));
        mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", "odt").with(admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
    }

    @Test
    void theHeaderBlockIsEditedWhileDraftFrozenBySigningCarriedIntoNewVersionsAndPrinted() throws Exception {
        long id = create();
        String url = "/api/v1/evaluations/" + id + "/report";
        mvc.perform(get(url).with(admin())).andExpect(status().isOk()).andExpect(jsonPath("$.header.competentDepartment").isEmpty())
                .andExpect(jsonPath("$.sections[0].title").value("一、基本情况"));
        String header = "{\"header\":{\"competentDepartment\":\"稷山县公安局\",\"implementingUnit\":\"稷山县公安局科技信息化大队\","
                + "\"annualGoal\":\"完成前端监控安装、中心平台建设\",\"annualOutcome\":\"全部完成，系统正常使用\"}}";
        mvc.perform(put(url).with(admin()).contentType(MediaType.APPLICATION_JSON).content(header)).andExpect(status().isOk())
                .andExpect(jsonPath("$.header.implementingUnit").value("稷山县公安局科技信息化大队"))
                .andExpect(jsonPath("$.sections[6].title").value("七、整改措施"));
        mvc.perform(get(url).with(admin())).andExpect(jsonPath("$.header.annualOutcome").value("全部完成，系统正常使用"));
        mvc.perform(put(url).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"header\":{\"competentDepartment\":\"" + "局".repeat(201) + "\"}}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("header.competentDepartment"));
        mvc.perform(put(url).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isUnprocessableEntity());
        mvc.perform(get(url).with(admin())).andExpect(jsonPath("$.header.competentDepartment").value("稷山县公安局"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATION_REPORT_EDIT' AND entity_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export(id, "xlsx")))) {
            Row units = wb.getSheetAt(0).getRow(rowStarting(wb.getSheetAt(0), "主管部门"));
            assertThat(units.getCell(1).getStringCellValue()).isEqualTo("稷山县公安局");
            assertThat(units.getCell(4).getStringCellValue()).isEqualTo("稷山县公安局科技信息化大队");
        }

        // signed (open warnings acknowledged, synthetic data accepted): FINAL, the report can no longer change
        List<Map<String, Object>> open = JsonPath.read(mvc.perform(get("/api/v1/evaluations/" + id + "/checks").with(admin()))
                .andReturn().getResponse().getContentAsString(), "$[?(@.passed == false)]");
        StringBuilder acks = new StringBuilder();
        for (Map<String, Object> c : open) {
            acks.append(acks.isEmpty() ? "" : ",").append("{\"code\":\"").append(c.get("code")).append("\",\"rowId\":")
                    .append(c.get("rowId")).append(",\"reason\":\"年底补填\"}");
        }
        mvc.perform(post("/api/v1/evaluations/" + id + "/sign").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"acknowledgements\":[" + acks + "],\"syntheticAccepted\":true}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluation.status").value("FINAL"));
        mvc.perform(put(url).with(admin()).contentType(MediaType.APPLICATION_JSON).content(header)).andExpect(status().isConflict());
        mvc.perform(get(url).with(admin())).andExpect(jsonPath("$.header.implementingUnit").value("稷山县公安局科技信息化大队"));

        String v2 = mvc.perform(post("/api/v1/evaluations/" + id + "/versions").with(admin())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id2 = ((Number) JsonPath.read(v2, "$.evaluation.id")).longValue();
        mvc.perform(get("/api/v1/evaluations/" + id2 + "/report").with(admin()))
                .andExpect(jsonPath("$.header.annualGoal").value("完成前端监控安装、中心平台建设"));
    }

    // --- building evaluations ---

    long create() throws Exception {
        String body = mvc.perform(post("/api/v1/evaluations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(EvaluationApiTest.CREATE)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.evaluation.id")).longValue();
    }

    /** Manual rows filled but the last, a computed row's score raised and another lowered, both with reasons. */
    long withOverrides(long id) throws Exception {
        List<Map<String, Object>> rows = rows(id);
        List<Map<String, Object>> manual = rows.stream().filter(r -> "MANUAL".equals(r.get("source"))).toList();
        for (Map<String, Object> r : manual.subList(0, manual.size() - 1)) {
            patchRow(id, r.get("id"), "{\"actual\":97.5,\"note\":\"问卷调查\"}");
        }
        patchRow(id, EvaluationApiTest.row(rows, "TIMELINESS", 0).get("id"), "{\"overrideScore\":4.5,\"overrideReason\":\"疫情停工不计入工期\"}");
        patchRow(id, EvaluationApiTest.row(rows, "QUALITY", 0).get("id"), "{\"overrideScore\":3.5,\"overrideReason\":\"抽查发现画面模糊\"}");
        return id;
    }

    void patchRow(long id, Object rowId, String json) throws Exception {
        mvc.perform(patch("/api/v1/evaluations/" + id + "/rows/" + rowId).with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk());
    }

    List<Map<String, Object>> rows(long id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/evaluations/" + id + "/rows").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    byte[] export(long id, String format) throws Exception {
        return mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", format).param("lang", "zh-CN").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    static void sample(String name, byte[] xlsx, byte[] docx, byte[] pdf) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "export-samples"));
        Files.write(dir.resolve(name + ".xlsx"), xlsx);
        Files.write(dir.resolve(name + ".docx"), docx);
        Files.write(dir.resolve(name + ".pdf"), pdf);
    }

    // --- reading exports back ---

    static Printed xlsxTable(byte[] xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            int header = rowStarting(sheet, "一级指标");
            int total = rowStarting(sheet, "总分");
            Printed p = new Printed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    decimal(sheet.getRow(total).getCell(5)), decimal(sheet.getRow(total).getCell(6)));
            for (int r = header + 1; r < total; r++) {
                Row row = sheet.getRow(r);
                p.names().add(squeeze(row.getCell(2).getStringCellValue()));
                p.weights().add(decimal(row.getCell(5)));
                p.scores().add(decimal(row.getCell(6)));
            }
            return p;
        }
    }

    /** A numeric cell (or a formula's cached number) to the two decimals a score has; the sum of doubles is not exact. */
    static BigDecimal decimal(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static Printed docxTable(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("一级指标")).findFirst()
                    .orElseThrow();
            List<XWPFTableRow> rows = table.getRows();
            XWPFTableRow total = rows.get(rows.size() - 1);
            assertThat(total.getCell(0).getText()).isEqualTo("总分");
            // 小五 in the table, so that the narrow 得分 column does not break a number
            assertThat(total.getCell(6).getParagraphs().get(0).getRuns()).allMatch(r -> Double.valueOf(9).equals(r.getFontSizeAsDouble()));
            Printed p = new Printed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), number(total.getCell(5).getText()),
                    number(total.getCell(6).getText()));
            for (XWPFTableRow row : rows.subList(1, rows.size() - 1)) {
                p.names().add(squeeze(row.getCell(2).getText()));
                p.weights().add(number(row.getCell(5).getText()));
                p.scores().add(number(row.getCell(6).getText()));
            }
            return p;
        }
    }

    /** A word of PDF text where it is drawn. */
    record Word(int page, float x, float y, String text) {
    }

    /**
     * The indicator table read from where its words are drawn: the header row gives each column's left
     * edge; the table's words are those below the header (and above 总分 on its last page).
     */
    static Printed pdfTable(byte[] pdf) throws IOException {
        List<Word> words = pdfWords(pdf);
        Printed p = new Printed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null, null);
        StringBuilder names = new StringBuilder();
        BigDecimal totalWeight = null;
        BigDecimal totalScore = null;
        String[] headers = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"};
        for (int page = 1; page <= words.stream().mapToInt(Word::page).max().orElse(0); page++) {
            int pg = page;
            List<Word> on = words.stream().filter(w -> w.page() == pg).toList();
            Word weightHead = on.stream().filter(w -> w.text().equals("分值")).findFirst().orElse(null);
            if (weightHead == null) {
                continue;
            }
            float[] left = new float[headers.length + 1];
            for (int c = 0; c < headers.length; c++) {
                String h = headers[c];
                left[c] = on.stream().filter(w -> w.text().equals(h) && Math.abs(w.y() - weightHead.y()) < 2).findFirst()
                        .orElseThrow(() -> new AssertionError("no header " + h)).x() - 3;
            }
            left[headers.length] = on.stream().filter(w -> w.text().startsWith("偏差") && Math.abs(w.y() - weightHead.y()) < 2)
                    .findFirst().orElseThrow().x() - 3;
            Word total = on.stream().filter(w -> w.text().equals("总分") && w.x() < left[1] && w.y() > weightHead.y()).findFirst()
                    .orElse(null);
            float bottom = total == null ? 842 - 55 : total.y() - 2;
            List<Word> body = on.stream().filter(w -> w.y() > weightHead.y() + 2 && w.y() < bottom)
                    .sorted((a, b) -> a.y() != b.y() ? Float.compare(a.y(), b.y()) : Float.compare(a.x(), b.x())).toList();
            for (Word w : body) {
                if (w.x() >= left[2] && w.x() < left[3]) {
                    names.append(w.text());
                } else if (w.x() >= left[5] && w.x() < left[6]) {
                    p.weights().add(number(w.text()));
                } else if (w.x() >= left[6] && w.x() < left[7]) {
                    p.scores().add(number(w.text()));
                }
            }
            if (total != null) {
                for (Word w : on) {
                    if (Math.abs(w.y() - total.y()) < 2 && w.x() >= left[5] && w.x() < left[6]) {
                        totalWeight = number(w.text());
                    } else if (Math.abs(w.y() - total.y()) < 2 && w.x() >= left[6] && w.x() < left[7]) {
                        totalScore = number(w.text());
                    }
                }
            }
        }
        return new Printed(List.of(names.toString()), p.weights(), p.scores(), totalWeight, totalScore);
    }

    static List<Word> pdfWords(byte[] pdf) throws IOException {
        List<Word> words = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (!positions.isEmpty() && !text.isBlank()) {
                        words.add(new Word(getCurrentPageNo(), positions.get(0).getXDirAdj(), positions.get(0).getYDirAdj(), text.strip()));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        }
        return words;
    }

    static List<String> pdfPages(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(doc));
            }
        }
        return pages;
    }

    static String pdfText(byte[] pdf) throws IOException {
        return String.join("\n", pdfPages(pdf));
    }

    static String xlsxText(byte[] xlsx) throws IOException {
        StringBuilder s = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            var cached = wb.getCreationHelper().createFormulaEvaluator();
            Sheet sheet = wb.getSheetAt(0);
            s.append(sheet.getHeader().getCenter()).append('\n').append(sheet.getFooter().getCenter()).append('\n');
            sheet.forEach(r -> r.forEach(c -> s.append(f.formatCellValue(c, cached)).append('\n')));
        }
        return s.toString();
    }

    static String docxText(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            StringBuilder s = new StringBuilder(x.getText());
            doc.getHeaderList().forEach(h -> s.append('\n').append(h.getText()));
            doc.getFooterList().forEach(h -> s.append('\n').append(h.getText()));
            return s.toString();
        }
    }

    static int rowStarting(Sheet sheet, String first) {
        DataFormatter f = new DataFormatter();
        for (Row r : sheet) {
            if (first.equals(f.formatCellValue(r.getCell(0)))) {
                return r.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    static BigDecimal number(String s) {
        return s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s.strip());
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
