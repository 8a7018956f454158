package org.xueliang.tracker.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The self-evaluation report as DOCX: title, the header block, sections 一 … 七 (system facts +
 * evaluator prose) with the full indicator table in 三, failed checks and 签署说明; the signature line
 * in every page's footer and, for synthetic data, the notice in every page's header. Word applies the
 * Chinese line-breaking rules itself.
 */
final class DocxReportWriter {

    private DocxReportWriter() {
    }

    static byte[] write(EvaluationDocument d, ExportText text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(text.signature(d));
            String notice = text.syntheticNotice(d);
            if (notice != null) {
                XWPFParagraph p = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
                p.setAlignment(ParagraphAlignment.CENTER);
                XWPFRun run = p.createRun();
                run.setBold(true);
                run.setColor("C00000");
                run.setText(notice);
            }
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(text.title(d));
            text(doc, notice, true);
            text(doc, text.period(d), false);
            text(doc, text.signature(d), false);
            headerBlock(doc, text.headerRows(d));
            for (ReportSection s : d.report()) {
                text(doc, s.title(), true);
                text(doc, s.facts(), false);
                if (s.seq() == 3) {
                    table(doc, d, text);
                    text(doc, text.total(d), true);
                }
                for (String paragraph : s.prose().split("\n")) {
                    text(doc, paragraph, false);
                }
            }
            list(doc, text.get("checks.title"), null, text.failedChecks(d));
            list(doc, text.get("acks.title"), text.get("acks.intro"), text.acknowledgements(d));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(XWPFDocument doc, String text, boolean bold) {
        if (text == null || text.isBlank()) {
            return;
        }
        XWPFRun r = doc.createParagraph().createRun();
        r.setBold(bold);
        r.setText(text);
    }

    private static void list(XWPFDocument doc, String title, String intro, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        text(doc, title, true);
        text(doc, intro, false);
        items.forEach(i -> text(doc, i, false));
    }

    /** The header block: label/value pairs, two to a row, a single pair spanning its row. */
    private static void headerBlock(XWPFDocument doc, List<List<String[]>> rows) {
        XWPFTable t = doc.createTable(rows.size(), 4);
        for (int r = 0; r < rows.size(); r++) {
            List<String[]> pairs = rows.get(r);
            XWPFTableRow row = t.getRow(r);
            for (int i = 0; i < pairs.size(); i++) {
                set(row.getCell(i * 2), pairs.get(i)[0]);
                set(row.getCell(i * 2 + 1), pairs.get(i)[1]);
            }
            if (pairs.size() == 1) {
                row.removeCell(3);
                row.removeCell(2);
                row.getCell(1).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(3));
            }
        }
        doc.createParagraph();
    }

    /** Every row of the indicator table, then 总分 with the printed total weight and score. */
    private static void table(XWPFDocument doc, EvaluationDocument d, ExportText text) {
        List<ExportText.Line> lines = text.lines(d);
        String[] headers = text.headers();
        XWPFTable t = doc.createTable(lines.size() + 2, headers.length);
        fill(t, 0, headers);
        t.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < lines.size(); i++) {
            fill(t, i + 1, text.cells(lines.get(i)));
        }
        fill(t, lines.size() + 1, new String[] {text.get("table.total"), "", "", "", "", ExportText.num(d.totalWeight()),
            ExportText.num(d.totalScore()), text.get("export.grade", text.grade(d))});
    }

    private static void fill(XWPFTable t, int row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            set(t.getRow(row).getCell(c), values[c]);
        }
    }

    private static void set(XWPFTableCell cell, String value) {
        cell.setText(value == null ? "" : value);
    }
}
