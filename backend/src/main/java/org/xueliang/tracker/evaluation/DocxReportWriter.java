package org.xueliang.tracker.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * The self-evaluation report as DOCX: title, the header block, sections 一 … 七 (system facts +
 * evaluator prose) with the full indicator table in 三, failed checks and 签署说明; the signature line
 * in every page's footer and, for synthetic data, the notice in every page's header. Word applies the
 * Chinese line-breaking rules itself.
 */
final class DocxReportWriter {

    /** A4 in twentieths of a point, 2 cm margins, and the text width between them. */
    private static final int A4_WIDTH = 11906;
    private static final int A4_HEIGHT = 16838;
    private static final int MARGIN = 1134;
    private static final int TEXT_WIDTH = A4_WIDTH - 2 * MARGIN;
    /** Table text in points (小五). */
    private static final int TABLE_POINTS = 9;

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
            a4(doc);
            title(doc, text, d);
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

    /** A4 portrait with 2 cm margins, so that the table widths below are known. */
    private static void a4(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
    }

    /**
     * The title on one line when it fits at 12 pt or more, else on two lines broken after the project
     * name (a size at which the name fits), never inside a word.
     */
    private static void title(XWPFDocument doc, ExportText text, EvaluationDocument d) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = p.createRun();
        run.setBold(true);
        String one = text.title(d);
        double width = TEXT_WIDTH / 20.0;
        if (width / ems(one) >= 12) {
            run.setFontSize(Math.min(16, (int) (width / ems(one))));
            run.setText(one);
            return;
        }
        String[] lines = text.get("export.title.twoLines", d.header().projectName()).split("\n");
        double widest = Arrays.stream(lines).mapToDouble(DocxReportWriter::ems).max().orElse(1);
        run.setFontSize(Math.max(10, Math.min(16, (int) (width / widest))));
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }

    /** The width of a text in em: an ideograph is one, a Latin letter or digit about half. */
    private static double ems(String s) {
        return s.chars().mapToDouble(c -> c >= 0x2E80 ? 1 : 0.55).sum() + 1;
    }

    /** Fixed column widths (in shares of the text width): Word and LibreOffice otherwise make every column equal. */
    private static void widths(XWPFTable t, int[] shares) {
        int total = Arrays.stream(shares).sum();
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        t.setWidth(String.valueOf(TEXT_WIDTH));
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int share : shares) {
            grid.addNewGridCol().setW(BigInteger.valueOf((long) TEXT_WIDTH * share / total));
        }
        for (XWPFTableRow row : t.getRows()) {
            int column = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                int span = cell.getCTTc().getTcPr() != null && cell.getCTTc().getTcPr().isSetGridSpan()
                        ? cell.getCTTc().getTcPr().getGridSpan().getVal().intValue() : 1;
                int share = 0;
                for (int i = column; i < Math.min(shares.length, column + span); i++) {
                    share += shares[i];
                }
                cell.setWidth(String.valueOf((long) TEXT_WIDTH * share / total));
                column += span;
            }
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
                CTTcPr props = row.getCell(1).getCTTc().isSetTcPr() ? row.getCell(1).getCTTc().getTcPr()
                        : row.getCell(1).getCTTc().addNewTcPr();
                props.addNewGridSpan().setVal(BigInteger.valueOf(3));
            }
        }
        widths(t, new int[] {16, 34, 16, 34});
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
            for (int c = 0; c < 2; c++) {
                boolean continues = i > 0 && lines.get(i - 1).sameGroup(lines.get(i), c);
                boolean continued = i + 1 < lines.size() && lines.get(i).sameGroup(lines.get(i + 1), c);
                if (continues || continued) {
                    // the 一级/二级指标 cell spans its rows, as in the PDF and the workbook
                    XWPFTableCell cell = t.getRow(i + 1).getCell(c);
                    CTTcPr props = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                    props.addNewVMerge().setVal(continues ? STMerge.CONTINUE : STMerge.RESTART);
                    if (continues) {
                        set(cell, "");
                    }
                }
            }
        }
        fill(t, lines.size() + 1, new String[] {text.get("table.total"), "", "", "", "", ExportText.num(d.totalWeight()),
            ExportText.num(d.totalScore()), text.get("export.grade", text.grade(d))});
        widths(t, new int[] {10, 10, 26, 9, 9, 7, 7, 22});
    }

    private static void fill(XWPFTable t, int row, String[] values) {
        for (int c = 0; c < values.length; c++) {
            set(t.getRow(row).getCell(c), values[c]);
        }
    }

    /**
     * A table cell's text at 小五 (9 pt), the size of tables in official documents: at the page's default size
     * the narrow 分值 / 得分 columns broke numbers ("87." over "4") and every header.
     */
    private static void set(XWPFTableCell cell, String value) {
        cell.setText(value == null ? "" : value);
        cell.getParagraphs().forEach(p -> p.getRuns().forEach(r -> r.setFontSize(TABLE_POINTS)));
    }
}
