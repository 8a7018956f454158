package org.xueliang.tracker.shared;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What every XLSX export shares (the 自评表, the 考核 sheet): bordered wrapped cell styles and row heights for CJK text. */
public final class XlsxCells {

    private XlsxCells() {
    }

    /** A cell style with thin borders, wrapped text, centred vertically; {@code font} and {@code format} optional. */
    public static CellStyle bordered(XSSFWorkbook wb, HorizontalAlignment align, XSSFFont font, String format) {
        CellStyle s = wb.createCellStyle();
        s.setWrapText(true);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setAlignment(align);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        if (font != null) {
            s.setFont(font);
        }
        if (format != null) {
            s.setDataFormat(wb.createDataFormat().getFormat(format));
        }
        return s;
    }

    /** Lines a text needs in a column of {@code width} characters; a CJK character is two wide. */
    public static int lines(String text, int width) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        int total = 0;
        for (String para : text.split("\n", -1)) {
            int units = 0;
            for (int i = 0; i < para.length(); i++) {
                units += para.charAt(i) < 0x2E80 ? 1 : 2;
            }
            total += Math.max(1, (int) Math.ceil(units / (double) Math.max(1, width - 2)));
        }
        return total;
    }
}
