package org.xueliang.tracker.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xueliang.tracker.shared.XlsxCells;

/**
 * The 项目支出绩效自评表 as a workbook an evaluator can work with: title, the header block (项目名称,
 * 主管部门, 实施单位, 资金情况, 年度总体目标 vs 实际完成情况), the indicator table with every row (预算执行率
 * first) and the 一级/二级指标 cells merged over their rows, 总分 and 得分 as SUM formulas, then failed
 * checks, 签署说明 and the signature line. Numbers are numeric cells with number formats; printed A4
 * landscape, one page wide, the table header repeated on every page.
 */
final class XlsxEvaluationWriter {

    /** Column widths in characters: 一级, 二级, 三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因. */
    private static final int[] WIDTHS = {16, 16, 40, 16, 16, 8, 8, 40};
    private static final int LAST = WIDTHS.length - 1;
    private static final float LINE_POINTS = 15f;
    /** Air above and below a table cell's text: without it one-line rows print pressed against their borders. */
    private static final float CELL_PADDING_POINTS = 5f;

    private final XSSFWorkbook wb;
    private final Sheet sheet;
    private final Styles styles;
    private int r;

    private XlsxEvaluationWriter(XSSFWorkbook wb, String sheetName) {
        this.wb = wb;
        this.sheet = wb.createSheet(sheetName);
        this.styles = new Styles(wb);
    }

    static byte[] write(EvaluationDocument d, ExportText text) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new XlsxEvaluationWriter(wb, text.get("export.sheetName")).fill(d, text);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(EvaluationDocument d, ExportText text) {
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        Row title = line(text.get("export.sheetTitle"), styles.title);
        title.setHeightInPoints(30);
        String notice = text.syntheticNotice(d);
        if (notice != null) {
            line(notice, styles.notice);
        }
        line(text.period(d), styles.left);
        headerBlock(d, text);
        int headerRow = r;
        Row header = sheet.createRow(r++);
        String[] headers = text.headers();
        for (int c = 0; c < headers.length; c++) {
            text(header, c, headers[c], styles.head);
        }
        fit(header, headers);
        int first = r;
        List<ExportText.Line> lines = text.lines(d);
        for (int i = 0; i < lines.size(); i++) {
            row(lines.get(i), alone(lines, i));
        }
        mergeRuns(lines, first);
        Row total = sheet.createRow(r);
        text(total, 0, text.get("table.total"), styles.head);
        blank(total, 1, 4, styles.head);
        merge(r, 0, 4);
        sum(total, 5, first, r - 1);
        sum(total, 6, first, r - 1);
        text(total, 7, text.get("export.grade", text.grade(d)), styles.head);
        r++;
        List<String> failed = text.failedChecks(d);
        if (!failed.isEmpty()) {
            line(text.get("checks.title"), styles.bold);
            failed.forEach(f -> line(f, styles.left));
        }
        List<String> acks = text.acknowledgements(d);
        if (!acks.isEmpty()) {
            line(text.get("acks.title"), styles.bold);
            line(text.get("acks.intro"), styles.left);
            acks.forEach(a -> line(a, styles.left));
        }
        line(text.signature(d), styles.left);
        printSetup(headerRow, notice, text);
        wb.setForceFormulaRecalculation(true);
        // cached results, so that readers which do not calculate (POI, viewers) see the totals too
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    /** 项目名称; 主管部门 and 实施单位; 资金情况 (four amounts and the rate); 年度总体目标 vs 实际完成情况. */
    private void headerBlock(EvaluationDocument d, ExportText text) {
        Row name = sheet.createRow(r);
        text(name, 0, text.get("header.projectName"), styles.head);
        text(name, 1, d.header().projectName(), styles.left);
        blank(name, 2, LAST, styles.left);
        merge(r++, 1, LAST);
        grow(name, text.get("header.projectName"), WIDTHS[0]);
        grow(name, d.header().projectName(), span(1, LAST));

        ReportHeader rh = d.reportHeader();
        Row units = sheet.createRow(r);
        text(units, 0, text.get("header.competentDepartment"), styles.head);
        text(units, 1, nullToEmpty(rh.competentDepartment()), styles.left);
        blank(units, 2, 2, styles.left);
        merge(r, 1, 2);
        text(units, 3, text.get("header.implementingUnit"), styles.head);
        text(units, 4, nullToEmpty(rh.implementingUnit()), styles.left);
        blank(units, 5, LAST, styles.left);
        merge(r++, 4, LAST);
        grow(units, text.get("header.competentDepartment"), WIDTHS[0]);
        grow(units, rh.competentDepartment(), span(1, 2));
        grow(units, text.get("header.implementingUnit"), WIDTHS[3]);
        grow(units, rh.implementingUnit(), span(4, LAST));

        EvaluationDocument.Budget b = d.budget();
        Row fundsHead = sheet.createRow(r);
        text(fundsHead, 0, text.get("header.funds"), styles.head);
        String[] heads = {text.get("header.budgetAtStart"), text.get("header.budget"), text.get("header.spent"),
            text.get("header.executionRate")};
        for (int c = 0; c < heads.length; c++) {
            text(fundsHead, c + 1, heads[c], styles.head);
            grow(fundsHead, heads[c], WIDTHS[c + 1]);
        }
        blank(fundsHead, 5, LAST, styles.head);
        merge(r, 5, LAST);
        Row funds = sheet.createRow(r + 1);
        blank(funds, 0, 0, styles.head);
        merge(r, r + 1, 0, 0);
        number(funds, 1, b.budget(), styles.amount);
        number(funds, 2, b.budget(), styles.amount);
        number(funds, 3, b.spent(), styles.amount);
        number(funds, 4, b.executionRatePct() == null ? null : b.executionRatePct().movePointLeft(2), styles.percent);
        blank(funds, 5, LAST, styles.left);
        merge(r + 1, 5, LAST);
        r += 2;

        Row goalsHead = sheet.createRow(r);
        text(goalsHead, 0, text.get("header.goals"), styles.head);
        text(goalsHead, 1, text.get("header.annualGoal"), styles.head);
        blank(goalsHead, 2, 3, styles.head);
        merge(r, 1, 3);
        text(goalsHead, 4, text.get("header.annualOutcome"), styles.head);
        blank(goalsHead, 5, LAST, styles.head);
        merge(r, 4, LAST);
        Row goals = sheet.createRow(r + 1);
        blank(goals, 0, 0, styles.head);
        merge(r, r + 1, 0, 0);
        text(goals, 1, nullToEmpty(rh.annualGoal()), styles.left);
        blank(goals, 2, 3, styles.left);
        merge(r + 1, 1, 3);
        text(goals, 4, nullToEmpty(rh.annualOutcome()), styles.left);
        blank(goals, 5, LAST, styles.left);
        merge(r + 1, 4, LAST);
        goals.setHeightInPoints(LINE_POINTS * Math.max(2, Math.max(lines(rh.annualGoal(), span(1, 3)), lines(rh.annualOutcome(), span(4, LAST)))));
        r += 2;
    }

    /** Whether the line's 一级 / 二级指标 cell stands alone (a merged run's text spreads over the run's height). */
    private static boolean[] alone(List<ExportText.Line> lines, int i) {
        boolean[] out = new boolean[2];
        for (int column = 0; column < 2; column++) {
            boolean withPrevious = i > 0 && lines.get(i - 1).sameGroup(lines.get(i), column);
            boolean withNext = i + 1 < lines.size() && lines.get(i).sameGroup(lines.get(i + 1), column);
            out[column] = !withPrevious && !withNext;
        }
        return out;
    }

    private void row(ExportText.Line l, boolean[] alone) {
        TableRow t = l.row();
        Row row = sheet.createRow(r++);
        text(row, 0, l.level1(), styles.center);
        text(row, 1, l.level2(), styles.center);
        text(row, 2, t.name(), styles.left);
        measured(row, 3, t, t.target(), true);
        measured(row, 4, t, t.actual(), false);
        number(row, 5, t.weight(), styles.number);
        number(row, 6, t.score(), styles.number);
        text(row, 7, l.deviation(), styles.left);
        fit(row, new String[] {alone[0] ? l.level1() : "", alone[1] ? l.level2() : "", t.name(), t.targetText(), t.actualText(), "", "", l.deviation()});
    }

    /**
     * 年度指标值 / 实际完成值 as numbers with the unit in the number format: 95 with "0.00%" for a rate, 45 as "45台".
     * Only a ceiling's target reads "≤10.00%"; the actual is a measured value (5.70%), as the PDF and DOCX print it.
     */
    private void measured(Row row, int c, TableRow t, BigDecimal value, boolean target) {
        boolean ceiling = target && t.metric().scoring() == Metric.ScoringMethod.CEILING;
        if ("%".equals(t.unit())) {
            number(row, c, value == null ? null : value.movePointLeft(2), styles.format((ceiling ? "\"≤\"" : "") + "0.00%"));
        } else {
            String unit = t.unit() == null || t.unit().isEmpty() ? "" : "\"" + t.unit().replace("\"", "") + "\"";
            number(row, c, value, styles.format((ceiling ? "\"≤\"" : "") + "General" + unit));
        }
    }

    private void sum(Row row, int c, int firstRow, int lastRow) {
        String col = CellReference.convertNumToColString(c);
        Cell cell = row.createCell(c);
        cell.setCellFormula("SUM(" + col + (firstRow + 1) + ":" + col + (lastRow + 1) + ")");
        cell.setCellStyle(styles.headNumber);
    }

    private void printSetup(int headerRow, String notice, ExportText text) {
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        sheet.setFitToPage(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        if (notice != null) {
            sheet.getHeader().setCenter(notice);
        }
        sheet.getFooter().setCenter(text.get("export.page", "&P", "&N"));
    }

    /** A line of text across the whole width. */
    private Row line(String value, CellStyle style) {
        Row row = sheet.createRow(r);
        text(row, 0, value, style);
        blank(row, 1, LAST, style);
        merge(r++, 0, LAST);
        row.setHeightInPoints(LINE_POINTS * lines(value, span(0, LAST)));
        return row;
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** Empty cells that carry the borders of a merged region. */
    private static void blank(Row row, int from, int to, CellStyle style) {
        for (int c = from; c <= to; c++) {
            row.createCell(c).setCellStyle(style);
        }
    }

    private void merge(int row, int from, int to) {
        merge(row, row, from, to);
    }

    private void merge(int firstRow, int lastRow, int from, int to) {
        sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, from, to));
    }

    /** Rows do not grow by themselves for wrapped or merged text in every reader, so each is as high as its longest cell. */
    private static void fit(Row row, String[] values) {
        int most = 1;
        for (int c = 0; c < values.length; c++) {
            most = Math.max(most, lines(values[c], WIDTHS[c]));
        }
        row.setHeightInPoints(LINE_POINTS * most + CELL_PADDING_POINTS);
    }

    /** Raises the row's height so that {@code text} fits a cell {@code width} characters wide. */
    private static void grow(Row row, String text, int width) {
        row.setHeightInPoints(Math.max(row.getHeightInPoints(), LINE_POINTS * lines(text, width) + CELL_PADDING_POINTS));
    }

    private static int span(int from, int to) {
        int w = 0;
        for (int c = from; c <= to; c++) {
            w += WIDTHS[c];
        }
        return w;
    }

    /** Lines a text needs in a column of {@code width} characters ({@link XlsxCells#lines}). */
    static int lines(String text, int width) {
        return XlsxCells.lines(text, width);
    }

    /** Runs of equal values in the 一级指标 and 二级指标 columns are merged (the level2 within its level1). */
    private void mergeRuns(List<ExportText.Line> lines, int firstRow) {
        for (int column = 0; column < 2; column++) {
            int start = 0;
            for (int i = 1; i <= lines.size(); i++) {
                if (i == lines.size() || !lines.get(start).sameGroup(lines.get(i), column)) {
                    if (i - start > 1) {
                        merge(firstRow + start, firstRow + i - 1, column, column);
                    }
                    start = i;
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The cell styles of the sheet: thin borders everywhere, wrapped text, number formats by kind. */
    private static final class Styles {
        private final XSSFWorkbook wb;
        private final Map<String, CellStyle> formats = new HashMap<>();
        final CellStyle title;
        final CellStyle notice;
        final CellStyle head;
        final CellStyle headNumber;
        final CellStyle bold;
        final CellStyle left;
        final CellStyle center;
        final CellStyle number;
        final CellStyle amount;
        final CellStyle percent;

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            XSSFFont boldFont = wb.createFont();
            boldFont.setBold(true);
            XSSFFont titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            XSSFFont red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            title = style(HorizontalAlignment.CENTER, titleFont, null);
            notice = style(HorizontalAlignment.CENTER, red, null);
            head = style(HorizontalAlignment.CENTER, boldFont, null);
            headNumber = style(HorizontalAlignment.CENTER, boldFont, "General");
            bold = style(HorizontalAlignment.LEFT, boldFont, null);
            left = style(HorizontalAlignment.LEFT, null, null);
            center = style(HorizontalAlignment.CENTER, null, null);
            number = style(HorizontalAlignment.CENTER, null, "General");
            amount = style(HorizontalAlignment.RIGHT, null, "#,##0.00");
            percent = style(HorizontalAlignment.RIGHT, null, "0.00%");
        }

        /** A centred number style with {@code format}, one per distinct format. */
        CellStyle format(String format) {
            return formats.computeIfAbsent(format, f -> style(HorizontalAlignment.CENTER, null, f));
        }

        private CellStyle style(HorizontalAlignment align, XSSFFont font, String format) {
            return XlsxCells.bordered(wb, align, font, format);
        }
    }
}
