package org.xueliang.tracker.evaluation;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.xueliang.tracker.shared.ApiException;

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
 * The self-evaluation report as PDF with an embedded CJK font (Noto Sans CJK SC, Debian fonts-noto-cjk),
 * the signature line with the snapshot's SHA-256 at the foot of every page.
 */
final class PdfReportWriter {

    private PdfReportWriter() {
    }

    static byte[] write(EvaluationDocument d, String fontPath) {
        BaseFont base = font(fontPath);
        Font body = new Font(base, 10);
        Font small = new Font(base, 7);
        Font heading = new Font(base, 12, Font.BOLD);
        String signature = ExportText.signature(d);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 50);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document document) {
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, new Phrase(signature, small),
                        (document.left() + document.right()) / 2, document.bottom() - 20, 0);
            }
        });
        doc.open();
        Paragraph title = new Paragraph(ExportText.title(d), new Font(base, 15, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        doc.add(title);
        doc.add(new Paragraph(ExportText.period(d), small));
        doc.add(new Paragraph(signature, small));
        for (ReportSection s : d.report()) {
            Paragraph h = new Paragraph(s.title(), heading);
            h.setSpacingBefore(8);
            doc.add(h);
            if (!s.facts().isBlank()) {
                doc.add(new Paragraph(s.facts(), body));
            }
            if (s.seq() == 3) {
                doc.add(table(d, small));
                doc.add(new Paragraph(ExportText.total(d), heading));
            }
            doc.add(new Paragraph(s.prose(), body));
        }
        doc.close();
        return out.toByteArray();
    }

    private static PdfPTable table(EvaluationDocument d, Font font) {
        PdfPTable t = new PdfPTable(new float[] {9, 10, 30, 8, 8, 5, 5, 25});
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setHeaderRows(1);
        for (String h : ExportText.HEADERS) {
            t.addCell(new PdfPCell(new Phrase(h, font)));
        }
        List<String[]> rows = ExportText.indicatorCells(d);
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < rows.get(i).length; c++) {
                if (c < 2 && i > 0 && rows.get(i)[c].equals(rows.get(i - 1)[c]) && rows.get(i)[0].equals(rows.get(i - 1)[0])) {
                    continue;
                }
                PdfPCell cell = new PdfPCell(new Phrase(rows.get(i)[c], font));
                if (c < 2) {
                    int span = 1;
                    while (i + span < rows.size() && rows.get(i + span)[c].equals(rows.get(i)[c])
                            && rows.get(i + span)[0].equals(rows.get(i)[0])) {
                        span++;
                    }
                    cell.setRowspan(span);
                }
                t.addCell(cell);
            }
        }
        PdfPCell total = new PdfPCell(new Phrase("总分", font));
        total.setColspan(5);
        t.addCell(total);
        t.addCell(new PdfPCell(new Phrase(ExportText.num(d.totalWeight()), font)));
        t.addCell(new PdfPCell(new Phrase(ExportText.num(d.totalScore()), font)));
        t.addCell(new PdfPCell(new Phrase("等级：" + d.grade().label(), font)));
        return t;
    }

    /** The CJK font, or a 503 that says what to install. {@code fontPath} may name a TTC member: "…/NotoSansCJK-Regular.ttc,2". */
    static BaseFont font(String fontPath) {
        String file = fontPath.contains(",") ? fontPath.substring(0, fontPath.lastIndexOf(',')) : fontPath;
        if (!Files.isReadable(Path.of(file))) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PDF font missing", "The Chinese font " + file
                    + " is not installed, so no PDF can be made: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"
                    + " or set XL_PDF_FONT to a CJK TrueType/OpenType font", null);
        }
        try {
            return BaseFont.createFont(fontPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "PDF font unusable", "The font " + fontPath + " could not be loaded ("
                    + e.getMessage() + "); install fonts-noto-cjk or set XL_PDF_FONT", null);
        }
    }
}
