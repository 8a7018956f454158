package org.xueliang.tracker.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 项目支出绩效自评表 in the official layout: title and period, the budget block on top (年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分), then the indicator table with the 一级/二级指标 cells merged
 * over their rows, 总分, and the signature line with the snapshot's SHA-256.
 */
final class XlsxEvaluationWriter {

    private XlsxEvaluationWriter() {
    }

    static byte[] write(EvaluationDocument d) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("自评表");
            CellStyle cell = wb.createCellStyle();
            cell.setWrapText(true);
            cell.setVerticalAlignment(VerticalAlignment.CENTER);
            cell.setAlignment(HorizontalAlignment.CENTER);
            cell.setBorderTop(BorderStyle.THIN);
            cell.setBorderBottom(BorderStyle.THIN);
            cell.setBorderLeft(BorderStyle.THIN);
            cell.setBorderRight(BorderStyle.THIN);
            int r = 0;
            line(sheet, r++, cell, "项目支出绩效自评表");
            line(sheet, r++, cell, ExportText.period(d));
            put(sheet.createRow(r), cell, "项目名称", d.header().projectName());
            sheet.addMergedRegion(new CellRangeAddress(r, r, 1, 7));
            r++;
            put(sheet.createRow(r++), cell, "项目资金（元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "");
            EvaluationDocument.Budget b = d.budget();
            put(sheet.createRow(r++), cell, "年度资金总额", money(b.budget()), money(b.budget()), money(b.spent()),
                    ExportText.num(b.weight()), b.executionRatePct() == null ? "" : ExportText.num(b.executionRatePct()) + "%",
                    ExportText.num(b.score()), "");
            put(sheet.createRow(r++), cell, ExportText.HEADERS);
            List<String[]> rows = ExportText.indicatorCells(d);
            int first = r;
            for (String[] values : rows) {
                put(sheet.createRow(r++), cell, values);
            }
            mergeRuns(sheet, rows, 0, first);
            mergeRuns(sheet, rows, 1, first);
            Row total = sheet.createRow(r);
            put(total, cell, "总分", "", "", "", "", ExportText.num(d.totalWeight()), ExportText.num(d.totalScore()),
                    "等级：" + d.grade().label());
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 4));
            r++;
            for (Check c : d.checks()) {
                if (!c.passed()) {
                    line(sheet, r++, cell, "检查（" + c.severity() + "）：" + c.message());
                }
            }
            line(sheet, r, cell, ExportText.signature(d));
            int[] widths = {14, 16, 48, 12, 12, 8, 8, 36};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Sheet sheet, int r, CellStyle style, String text) {
        put(sheet.createRow(r), style, text);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 7));
    }

    private static void put(Row row, CellStyle style, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
            row.getCell(i).setCellStyle(style);
        }
    }

    /** Merges runs of equal values in one column (the 一级指标 and 二级指标 cells span their rows). */
    private static void mergeRuns(Sheet sheet, List<String[]> rows, int column, int firstRow) {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            boolean sameRun = i < rows.size() && rows.get(i)[column].equals(rows.get(start)[column])
                    && (column == 0 || rows.get(i)[0].equals(rows.get(start)[0]));
            if (!sameRun) {
                if (i - start > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(firstRow + start, firstRow + i - 1, column, column));
                }
                start = i;
            }
        }
    }

    private static String money(java.math.BigDecimal v) {
        return v == null ? "" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
