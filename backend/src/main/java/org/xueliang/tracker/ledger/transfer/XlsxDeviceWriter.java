package org.xueliang.tracker.ledger.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes export rows as an XLSX workbook with one sheet, {@value #SHEET}: bold frozen header,
 * numbers as numeric cells (money in 0.00), everything else — dates included — as text cells in
 * the Text format, so that Excel neither reformats a date nor turns a serial number into 1.2E+11
 * and the file imports back exactly. Streams rows to disk (SXSSF) so a large ledger does not need
 * the whole workbook in memory.
 */
final class XlsxDeviceWriter {

    static final String SHEET = "设备台账";
    private static final int ROWS_IN_MEMORY = 200;
    private static final int COLUMN_WIDTH = 16 * 256;

    private XlsxDeviceWriter() {
    }

    static byte[] write(List<String> header, List<List<Object>> rows) {
        return write(SHEET, header, rows);
    }

    /** The same layout on a sheet named {@code sheetName} (other modules' exports through {@link Spreadsheets}). */
    static byte[] write(String sheetName, List<String> header, List<List<Object>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            Sheet sheet = workbook.createSheet(sheetName);
            Styles styles = new Styles(workbook);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, COLUMN_WIDTH);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, header.size() - 1));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    writeCell(row, c, values.get(c), styles);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
        }
    }

    private static void writeCell(Row row, int column, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof BigDecimal money) {
            cell.setCellValue(money.doubleValue());
            cell.setCellStyle(styles.money);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(CellText.format(value));
            cell.setCellStyle(styles.text);
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle text;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        }
    }
}
