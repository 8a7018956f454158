package org.xueliang.tracker.assessment;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xueliang.tracker.assessment.AssessmentSheet.Deduction;
import org.xueliang.tracker.assessment.AssessmentSheet.GroupRow;
import org.xueliang.tracker.assessment.AssessmentSheet.IndicatorValue;
import org.xueliang.tracker.assessment.AssessmentService.Stored;
import org.xueliang.tracker.assessment.AssessmentStore.Header;
import org.xueliang.tracker.shared.PdfCells;
import org.xueliang.tracker.shared.XlsxCells;

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
 * The sheet's XLSX and PDF (docs/ASSESSMENT.md "Exports"): one {@link Content} in words — title, the synthetic
 * notice, facts, the indicator and deduction tables, the score, the rankings per grouping, the signer block — laid
 * out twice. Fonts, cells and styles are the 自评表's ({@link PdfCells}, {@link XlsxCells}).
 */
final class AssessmentExport {

    /** A titled table; {@code widths} relative (PDF) and in characters (XLSX). */
    record Table(String title, List<String> headers, List<List<String>> rows, int[] widths) {
    }

    record Content(String title, String notice, List<String> facts, List<Table> tables, String score, List<String> signer,
                   String pageWords) {
    }

    private AssessmentExport() {
    }

    static Content content(Stored s, AssessmentWords w, ZoneId zone) {
        AssessmentSheet sheet = s.sheet();
        Header h = s.header();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        List<String> facts = List.of(
                w.text("assessment.export.period", sheet.month(), day.format(sheet.from()), day.format(sheet.to().minusSeconds(1)),
                        sheet.cameras()),
                w.text("assessment.export.status", w.status(h.status()), time.format(h.computedAt()), h.computedBy()),
                w.repairs(sheet.repairs()));
        List<Table> tables = new ArrayList<>();
        List<List<String>> indicators = new ArrayList<>();
        for (IndicatorValue v : sheet.indicators()) {
            Deduction rule = sheet.deductions().stream().filter(d -> d.rule().equals(v.code())).findFirst().orElse(null);
            indicators.add(List.of(w.indicator(v.code()), w.percentOrNotMeasured(v.value()),
                    rule == null || "INACTIVE".equals(rule.state()) ? "—" : AssessmentWords.percent(rule.threshold()),
                    String.valueOf(v.measuredCameras()),
                    !v.sourcePresent() ? w.notMeasured() : v.value() == null ? w.text("assessment.noCameraMeasured") : ""));
        }
        tables.add(new Table(w.text("assessment.export.indicators"), w.list("assessment.export.head.indicators"), indicators,
                new int[] {18, 14, 12, 12, 44}));
        List<List<String>> deductions = new ArrayList<>();
        for (Deduction d : sheet.deductions()) {
            deductions.add(List.of(w.rule(d.rule()), w.ruleText(d), plain(d.count()) + " " + w.unit(d.unit()), plain(d.points()),
                    w.state(d.state())));
        }
        tables.add(new Table(w.text("assessment.export.deductions"), w.list("assessment.export.head.deductions"), deductions,
                new int[] {18, 46, 14, 8, 14}));
        if (sheet.repairs() != null && !sheet.repairs().late().isEmpty()) {
            tables.add(lateOrders(sheet.repairs(), w, time));
        }
        for (Map.Entry<String, List<GroupRow>> g : sheet.groups().entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (GroupRow r : g.getValue()) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(r.rank()), r.label() == null ? "—" : r.label(),
                        String.valueOf(r.cameras())));
                for (IndicatorValue v : sheet.indicators()) {
                    row.add(w.percentOrDash(r.indicators().get(v.indicator())));
                }
                row.add(plain(r.deductions()));
                row.add(plain(r.score()));
                rows.add(row);
            }
            List<String> headers = new ArrayList<>(List.of(w.text("assessment.export.head.rank"), w.grouping(g.getKey()),
                    w.text("assessment.export.head.cameras")));
            sheet.indicators().forEach(v -> headers.add(w.indicator(v.code())));
            headers.add(w.text("assessment.export.head.deducted"));
            headers.add(w.text("assessment.export.head.score"));
            tables.add(new Table(w.text("assessment.export.ranking", w.grouping(g.getKey())), headers, rows,
                    new int[] {6, 22, 8, 10, 10, 10, 10, 10, 7, 7}));
        }
        java.math.BigDecimal deducted = sheet.deductions().stream().map(Deduction::points)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        String score = w.text("assessment.export.score", plain(deducted), plain(sheet.score()));
        List<String> signer = h.signed()
                ? List.of(w.text("assessment.export.signedBy", h.signedBy(), time.format(h.signedAt())),
                        w.text("assessment.export.sha", h.snapshotSha256()))
                : List.of(w.text("assessment.export.unsigned"));
        return new Content(w.text("assessment.export.title", sheet.projectName(), sheet.month()),
                sheet.synthetic() ? w.syntheticNotice() : null, facts, tables, score, signer, w.text("assessment.export.page", "{0}", "{1}"));
    }

    /** The orders behind 维护及时性 that missed their deadline: the evidence of the LATE_REPAIR deduction. */
    private static Table lateOrders(RepairTimeliness.Repairs repairs, AssessmentWords w, DateTimeFormatter time) {
        List<List<String>> rows = new ArrayList<>();
        for (RepairTimeliness.LateOrder o : repairs.late()) {
            rows.add(List.of(String.valueOf(o.orderId()), o.siteName() == null ? "—" : o.siteName(),
                    String.valueOf(o.deviceIds().size()), time.format(o.openedAt()), time.format(o.repairBy()),
                    o.repairedAt() == null ? w.text("assessment.repairs.unrepaired") : time.format(o.repairedAt()),
                    plain(java.math.BigDecimal.valueOf(o.lateSeconds()).divide(java.math.BigDecimal.valueOf(3600), 1,
                            java.math.RoundingMode.HALF_UP))));
        }
        return new Table(w.text("assessment.export.lateOrders"), w.list("assessment.export.head.lateOrders"), rows,
                new int[] {10, 22, 8, 16, 16, 16, 12});
    }

    private static String plain(java.math.BigDecimal v) {
        java.math.BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    // ---- XLSX ----------------------------------------------------------------------------------------------

    static byte[] xlsx(Content c, String sheetName, String signerTitle) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            int columns = c.tables().stream().mapToInt(t -> t.headers().size()).max().orElse(1);
            int[] widths = new int[columns];
            for (Table t : c.tables()) {
                for (int i = 0; i < t.widths().length && i < columns; i++) {
                    widths[i] = Math.max(widths[i], t.widths()[i]);
                }
            }
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.min(60, Math.max(8, widths[i]));
                sheet.setColumnWidth(i, (widths[i] + 2) * 256);
            }
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            XSSFFont red = wb.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.RED.getIndex());
            CellStyle title = XlsxCells.bordered(wb, HorizontalAlignment.CENTER, big, null);
            CellStyle notice = XlsxCells.bordered(wb, HorizontalAlignment.CENTER, red, null);
            CellStyle head = XlsxCells.bordered(wb, HorizontalAlignment.CENTER, bold, null);
            CellStyle left = XlsxCells.bordered(wb, HorizontalAlignment.LEFT, null, null);
            CellStyle boldLeft = XlsxCells.bordered(wb, HorizontalAlignment.LEFT, bold, null);
            int[] r = {0};
            int span = restWidth(widths, 0);
            java.util.function.BiConsumer<String, CellStyle> line = (text, style) -> {
                Row row = sheet.createRow(r[0]);
                for (int i = 0; i < columns; i++) {
                    row.createCell(i).setCellStyle(style);
                }
                row.getCell(0).setCellValue(text);
                if (columns > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r[0], r[0], 0, columns - 1));
                }
                row.setHeightInPoints(Math.max(style == title ? 24 : 15, 15f * XlsxCells.lines(text, span)));
                r[0]++;
            };
            line.accept(c.title(), title);
            if (c.notice() != null) {
                line.accept(c.notice(), notice);
            }
            c.facts().forEach(f -> line.accept(f, left));
            int firstHeader = -1;
            for (Table t : c.tables()) {
                line.accept(t.title(), boldLeft);
                firstHeader = firstHeader < 0 ? r[0] : firstHeader;
                tableRow(sheet, r[0]++, t.headers(), head, columns, widths);
                for (List<String> cells : t.rows()) {
                    tableRow(sheet, r[0]++, cells, left, columns, widths);
                }
                if (t == c.tables().get(1)) {
                    line.accept(c.score(), boldLeft);
                }
            }
            line.accept(signerTitle, boldLeft);
            c.signer().forEach(s -> line.accept(s, left));
            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(true);
            sheet.setFitToPage(true);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
            sheet.setHorizontallyCenter(true);
            if (c.notice() != null) {
                sheet.getHeader().setCenter(c.notice());
            }
            sheet.getFooter().setCenter(java.text.MessageFormat.format(c.pageWords(), "&P", "&N"));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One table row; the last cell spans the columns the table does not use. */
    private static void tableRow(Sheet sheet, int index, List<String> cells, CellStyle style, int columns, int[] widths) {
        Row row = sheet.createRow(index);
        int most = 1;
        for (int i = 0; i < columns; i++) {
            row.createCell(i).setCellStyle(style);
        }
        for (int i = 0; i < cells.size(); i++) {
            row.getCell(i).setCellValue(cells.get(i));
            int width = i == cells.size() - 1 ? restWidth(widths, i) : widths[i];
            most = Math.max(most, XlsxCells.lines(cells.get(i), width));
        }
        if (cells.size() < columns) {
            sheet.addMergedRegion(new CellRangeAddress(index, index, cells.size() - 1, columns - 1));
        }
        row.setHeightInPoints(15f * most + 5f);
    }

    private static int restWidth(int[] widths, int from) {
        int w = 0;
        for (int i = from; i < widths.length; i++) {
            w += widths[i];
        }
        return w;
    }

    // ---- PDF -----------------------------------------------------------------------------------------------

    static byte[] pdf(Content c, String fontPath, String signerTitle) {
        BaseFont base = PdfCells.font(fontPath);
        int[] pages = new int[1];
        pdf(c, base, signerTitle, 0, pages);
        return pdf(c, base, signerTitle, pages[0], pages);
    }

    private static byte[] pdf(Content c, BaseFont base, String signerTitle, int total, int[] pages) {
        Font body = new Font(base, 9);
        Font small = new Font(base, 8);
        Font heading = new Font(base, 11, Font.BOLD);
        Font foot = new Font(base, 7);
        Font noticeFont = new Font(base, 10, Font.BOLD, Color.RED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, c.notice() == null ? 36 : 48, 48);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter w, Document document) {
                float middle = (document.left() + document.right()) / 2;
                pages[0] = w.getPageNumber();
                String page = java.text.MessageFormat.format(c.pageWords(), String.valueOf(w.getPageNumber()),
                        String.valueOf(Math.max(total, w.getPageNumber())));
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, new Phrase(PdfCells.chunk(page, foot)), middle,
                        document.bottom() - 24, 0);
                if (c.notice() != null) {
                    ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER, new Phrase(PdfCells.chunk(c.notice(),
                            noticeFont)), middle, document.top() + 18, 0);
                }
            }
        });
        doc.open();
        Paragraph title = PdfCells.paragraph(c.title(), new Font(base, 16, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(6);
        doc.add(title);
        c.facts().forEach(f -> doc.add(PdfCells.paragraph(f, body)));
        for (Table t : c.tables()) {
            Paragraph h = PdfCells.paragraph(t.title(), heading);
            h.setSpacingBefore(8);
            doc.add(h);
            float[] widths = new float[t.headers().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = i < t.widths().length ? t.widths()[i] : 10;
            }
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            table.setHeaderRows(1);
            for (String head : t.headers()) {
                PdfPCell cell = PdfCells.cell(head, new Font(base, 8, Font.BOLD));
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                cell.setBackgroundColor(new Color(0xF2, 0xF3, 0xF5));
                table.addCell(cell);
            }
            for (List<String> row : t.rows()) {
                row.forEach(v -> table.addCell(PdfCells.cell(v, small)));
            }
            doc.add(table);
            if (t == c.tables().get(1)) {
                Paragraph score = PdfCells.paragraph(c.score(), heading);
                score.setSpacingBefore(4);
                doc.add(score);
            }
        }
        Paragraph signer = PdfCells.paragraph(signerTitle, heading);
        signer.setSpacingBefore(10);
        doc.add(signer);
        c.signer().forEach(s -> doc.add(PdfCells.paragraph(s, body)));
        doc.close();
        return out.toByteArray();
    }
}
