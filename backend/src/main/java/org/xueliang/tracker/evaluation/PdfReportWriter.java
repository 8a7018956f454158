package org.xueliang.tracker.evaluation;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.xueliang.tracker.shared.PdfCells;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The self-evaluation report as PDF with an embedded CJK font (Noto Sans CJK SC, Debian fonts-noto-cjk):
 * title on one line (font size fitted, else broken after the project name), the header block, the
 * sections with the full indicator table in 三, failed checks and 签署说明; the signature line and the
 * page number at the foot of every page and, for synthetic data, the notice at the head of every page.
 * Every text goes through {@link org.xueliang.tracker.shared.KinsokuSplitCharacter}, so no line starts with closing punctuation.
 */
final class PdfReportWriter {

    private static final float TITLE_MAX = 16;
    private static final float TITLE_MIN = 12;

    private final BaseFont base;
    private final Font body;
    private final Font small;
    private final Font heading;

    private PdfReportWriter(BaseFont base) {
        this.base = base;
        this.body = new Font(base, 10);
        this.small = new Font(base, 8);
        this.heading = new Font(base, 12, Font.BOLD);
    }

    static byte[] write(EvaluationDocument d, ExportText text, String fontPath) {
        PdfReportWriter writer = new PdfReportWriter(font(fontPath));
        // 第 N 页，共 M 页: the page count is known only once the text is laid out, so the report is laid out twice
        // (the same content both times; the footer's height does not depend on the numbers).
        int[] pages = new int[1];
        writer.write(d, text, 0, pages);
        return writer.write(d, text, pages[0], pages);
    }

    /** Lays the report out; {@code total} is printed in each page's footer; the number of pages is left in {@code pages[0]}. */
    private byte[] write(EvaluationDocument d, ExportText text, int total, int[] pages) {
        String signature = text.signature(d);
        String notice = text.syntheticNotice(d);
        Font foot = new Font(base, 7);
        Font noticeFont = new Font(base, 10, Font.BOLD, Color.RED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, notice == null ? 40 : 50, 55);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document document) {
                float middle = (document.left() + document.right()) / 2;
                // the signed line with its 64-digit SHA-256 is wider than the page: wrapped in a box under the text
                ColumnText footer = new ColumnText(w.getDirectContent());
                Phrase lines = new Phrase(chunk(signature + "\n" + text.get("export.page", String.valueOf(w.getPageNumber()), String.valueOf(Math.max(total, w.getPageNumber()))), foot));
                pages[0] = w.getPageNumber();
                footer.setSimpleColumn(lines, document.left(), 8, document.right(), document.bottom() - 8, 9, Element.ALIGN_CENTER);
                try {
                    footer.go();
                } catch (com.lowagie.text.DocumentException e) {
                    throw new IllegalStateException(e);
                }
                if (notice != null) {
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, new Phrase(notice, noticeFont), middle,
                            document.top() + 20, 0);
                }
            }
        });
        doc.open();
        title(doc, text, d);
        if (notice != null) {
            Paragraph n = new Paragraph(chunk(notice, noticeFont));
            n.setAlignment(Element.ALIGN_CENTER);
            doc.add(n);
        }
        doc.add(paragraph(text.period(d), small));
        doc.add(paragraph(signature, small));
        doc.add(headerBlock(text.headerRows(d)));
        for (ReportSection s : d.report()) {
            Paragraph h = paragraph(s.title(), heading);
            h.setSpacingBefore(8);
            doc.add(h);
            if (!s.facts().isBlank()) {
                doc.add(paragraph(s.facts(), body));
            }
            if (s.seq() == 3) {
                doc.add(table(d, text));
                doc.add(paragraph(text.total(d), heading));
            }
            doc.add(paragraph(s.prose(), body));
        }
        list(doc, text.get("checks.title"), null, text.failedChecks(d));
        list(doc, text.get("acks.title"), text.get("acks.intro"), text.acknowledgements(d));
        doc.close();
        return out.toByteArray();
    }

    /** The title on one line when a size from 16 down to 12 pt fits, else broken after the project name. */
    private void title(Document doc, ExportText text, EvaluationDocument d) {
        String title = text.title(d);
        float width = doc.right() - doc.left();
        float size = Math.min(TITLE_MAX, width / base.getWidthPoint(title, 1) - 0.1f);
        if (size < TITLE_MIN) {
            size = TITLE_MAX;
            title = text.get("export.title.twoLines", d.header().projectName());
        }
        Paragraph p = new Paragraph(chunk(title, new Font(base, size, Font.BOLD)));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    /** The header block: label/value pairs, two to a row, a single pair spanning its row. */
    private PdfPTable headerBlock(List<List<String[]>> rows) {
        PdfPTable t = new PdfPTable(new float[] {13, 37, 13, 37});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        for (List<String[]> row : rows) {
            for (String[] pair : row) {
                t.addCell(cell(pair[0], small));
                PdfPCell value = cell(pair[1], small);
                value.setColspan(row.size() == 1 ? 3 : 1);
                t.addCell(value);
            }
        }
        return t;
    }

    private void list(Document doc, String title, String intro, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        Paragraph h = paragraph(title, heading);
        h.setSpacingBefore(8);
        doc.add(h);
        if (intro != null) {
            doc.add(paragraph(intro, body));
        }
        items.forEach(i -> doc.add(paragraph(i, body)));
    }

    /** Every row of the indicator table, the 一级/二级指标 cells spanning their rows, then 总分. */
    private PdfPTable table(EvaluationDocument d, ExportText text) {
        PdfPTable t = new PdfPTable(new float[] {10, 10, 26, 9, 9, 7, 7, 22});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setHeaderRows(1);
        for (String h : text.headers()) {
            t.addCell(cell(h, small));
        }
        List<ExportText.Line> lines = text.lines(d);
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = text.cells(lines.get(i));
            for (int c = 0; c < cells.length; c++) {
                if (c < 2 && i > 0 && lines.get(i - 1).sameGroup(lines.get(i), c)) {
                    continue;
                }
                PdfPCell cell = cell(cells[c], small);
                if (c >= 3 && c <= 6) {
                    cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                }
                if (c < 2) {
                    int span = 1;
                    while (i + span < lines.size() && lines.get(i).sameGroup(lines.get(i + span), c)) {
                        span++;
                    }
                    cell.setRowspan(span);
                }
                t.addCell(cell);
            }
        }
        PdfPCell total = cell(text.get("table.total"), small);
        total.setColspan(5);
        t.addCell(total);
        for (String sum : new String[] {ExportText.num(d.totalWeight()), ExportText.num(d.totalScore())}) {
            PdfPCell cell = cell(sum, small);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(cell);
        }
        t.addCell(cell(text.get("export.grade", text.grade(d)), small));
        return t;
    }

    private static PdfPCell cell(String s, Font font) {
        return PdfCells.cell(s, font);
    }

    private static Paragraph paragraph(String s, Font font) {
        return PdfCells.paragraph(s, font);
    }

    private static Chunk chunk(String s, Font font) {
        return PdfCells.chunk(s, font);
    }

    /** The CJK font, or a 503 that says what to install ({@link PdfCells#font}). */
    static BaseFont font(String fontPath) {
        return PdfCells.font(fontPath);
    }
}
