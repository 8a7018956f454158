package org.xueliang.tracker.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** The self-evaluation report as DOCX: title, sections 一 … 七 (system facts + evaluator prose), the table in 三. */
final class DocxReportWriter {

    private DocxReportWriter() {
    }

    static byte[] write(EvaluationDocument d) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(ExportText.signature(d));
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun run = title.createRun();
            run.setBold(true);
            run.setFontSize(16);
            run.setText(ExportText.title(d));
            text(doc, ExportText.period(d), false);
            text(doc, ExportText.signature(d), false);
            for (ReportSection s : d.report()) {
                XWPFParagraph heading = doc.createParagraph();
                XWPFRun h = heading.createRun();
                h.setBold(true);
                h.setFontSize(13);
                h.setText(s.title());
                text(doc, s.facts(), false);
                if (s.seq() == 3) {
                    table(doc, d);
                }
                for (String paragraph : s.prose().split("\n")) {
                    text(doc, paragraph, false);
                }
            }
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

    private static void table(XWPFDocument doc, EvaluationDocument d) {
        List<String[]> rows = ExportText.indicatorCells(d);
        XWPFTable t = doc.createTable(rows.size() + 2, ExportText.HEADERS.length);
        fill(t, 0, ExportText.HEADERS);
        for (int i = 0; i < rows.size(); i++) {
            fill(t, i + 1, rows.get(i));
        }
        fill(t, rows.size() + 1, new String[] {"总分", "", "", "", "", ExportText.num(d.totalWeight()), ExportText.num(d.totalScore()),
            "等级：" + d.grade().label()});
        text(doc, ExportText.total(d), true);
    }

    private static void fill(XWPFTable t, int row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            t.getRow(row).getCell(c).setText(values[c]);
        }
    }
}
