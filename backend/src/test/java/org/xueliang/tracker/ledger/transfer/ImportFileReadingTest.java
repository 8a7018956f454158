package org.xueliang.tracker.ledger.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.shared.ApiException;

/** Reading upload files into rows of text, without Spring: formats, encodings, cell types, hostile files. */
class ImportFileReadingTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Test
    void csvWithAndWithoutBomAndWithCrlfOrLfReadTheSame() {
        String body = "assetTag,name,notes\n" + "A-1,人脸摄像机,\"quoted, with comma\"\n" + "A-2,\"two\nlines\",\"say \"\"hi\"\"\"\n\n\n";
        byte[] lf = body.getBytes(StandardCharsets.UTF_8);
        byte[] crlf = body.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bomLf = concat(BOM, lf);
        byte[] bomCrlf = concat(BOM, crlf);
        for (byte[] content : List.of(lf, crlf, bomLf, bomCrlf)) {
            assertThat(SpreadsheetFormat.detect(content)).isEqualTo(SpreadsheetFormat.CSV);
            ImportTable table = CsvTableReader.read(content, 100);
            assertThat(table.header()).containsExactly("assetTag", "name", "notes");
            assertThat(table.rows()).hasSize(2);
            assertThat(table.rows().get(0).number()).isEqualTo(2);
            assertThat(table.rows().get(0).cells()).containsExactly("A-1", "人脸摄像机", "quoted, with comma");
            assertThat(table.rows().get(1).number()).isEqualTo(3);
            assertThat(table.rows().get(1).cell(1)).isEqualTo(content == lf || content == bomLf ? "two\nlines" : "two\r\nlines");
            assertThat(table.rows().get(1).cell(2)).isEqualTo("say \"hi\"");
        }
    }

    @Test
    void blankLinesInTheMiddleKeepSpreadsheetRowNumbers() {
        ImportTable table = CsvTableReader.read("assetTag\nA-1\n\n ,\nA-4\n".getBytes(StandardCharsets.UTF_8), 100);
        assertThat(table.rows()).extracting(ImportTable.Row::number).containsExactly(2, 5);
    }

    @Test
    void csvFromExcelOnChineseWindowsInGb18030IsReadToo() {
        byte[] gbk = "assetTag,name\nA-1,球机\n".getBytes(Charset.forName("GB18030"));
        assertThat(CsvTableReader.read(gbk, 10).rows().get(0).cells()).containsExactly("A-1", "球机");
    }

    @Test
    void formulaGuardRoundTrips() {
        for (String text : List.of("=1+1", "+86 138", "-x", "@SUM(A1)", "'=x", "''+y", "'plain", "plain", "")) {
            assertThat(CsvFormulaGuard.unguard(CsvFormulaGuard.guard(text))).isEqualTo(text);
        }
        assertThat(CsvFormulaGuard.guard("=HYPERLINK(\"http://x\")")).startsWith("'=");
        assertThat(CsvFormulaGuard.guard("plain")).isEqualTo("plain");
    }

    @Test
    void cellTextParsesWhatSpreadsheetsProduceAndNamesTheProblem() throws Exception {
        assertThat(CellText.parse("2021/3/2", LocalDate.class)).isEqualTo(LocalDate.of(2021, 3, 2));
        assertThat(CellText.parse("12,800", BigDecimal.class)).isEqualTo(new BigDecimal("12800.00"));
        assertThat(CellText.parse("3.0", Long.class)).isEqualTo(3L);
        assertThat(CellText.parse("in_service", Lifecycle.class)).isEqualTo(Lifecycle.IN_SERVICE);
        assertThat(CellText.parse("", Long.class)).isNull();
        assertThatThrownBy(() -> CellText.parse("2021-02-30", LocalDate.class)).hasMessageContaining("is not a date");
        assertThatThrownBy(() -> CellText.parse("3.5", Long.class)).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> CellText.parse("lots", BigDecimal.class)).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> CellText.parse("BROKEN", Lifecycle.class)).hasMessageContaining("is not one of");
    }

    @Test
    void xlsxNumericCellsReadAsTheirTextAndDateCellsAsIsoDates() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        String[] names = {"assetTag", "serialNumber", "deliveredOn", "unitPrice", "projectId"};
        XSSFSheet sheet = TransferTestSupport.sheetWithHeader(wb, "any name", names);
        CellStyle zeros = TransferTestSupport.numberFormat(wb, "000000");
        CellStyle date = TransferTestSupport.numberFormat(wb, "yyyy/m/d");
        Row r = sheet.createRow(1);
        r.createCell(0).setCellValue("X-1");
        r.createCell(1).setCellValue(123456789012d); // General: Excel would show 1.23457E+11
        r.createCell(2).setCellValue(LocalDate.of(2021, 3, 2));
        r.getCell(2).setCellStyle(date);
        r.createCell(3).setCellValue(12800);
        r.createCell(4).setCellValue(1);
        Row r2 = sheet.createRow(3); // row 3 left empty on purpose: numbers must follow the sheet
        r2.createCell(0).setCellValue("X-2");
        r2.createCell(1).setCellValue(4567);
        r2.getCell(1).setCellStyle(zeros);

        byte[] content = TransferTestSupport.bytes(wb);
        assertThat(SpreadsheetFormat.detect(content)).isEqualTo(SpreadsheetFormat.XLSX);
        ImportTable table = XlsxTableReader.read(content, 10);
        assertThat(table.header()).containsExactly(names);
        assertThat(table.rows()).extracting(ImportTable.Row::number).containsExactly(2, 4);
        assertThat(table.rows().get(0).cells()).containsExactly("X-1", "123456789012", "2021-03-02", "12800", "1");
        assertThat(table.rows().get(1).cells()).containsExactly("X-2", "004567");
    }

    @Test
    void amountsWithHugeExponentsAreRefusedNotRescaled() {
        // found by ImportParsersFuzzTest: setScale(2) threw ArithmeticException (a 500) or built a billion-digit number
        for (String huge : List.of("1E+2147483647", "01E+2147483647", "1E-2147483647", "1e999999999")) {
            assertThatThrownBy(() -> CellText.parse(huge, BigDecimal.class)).hasMessageContaining("is not an amount");
            assertThatThrownBy(() -> CellText.parse(huge, Long.class)).hasMessageContaining("is not a whole number");
        }
    }

    @Test
    void xlsxCellsFarToTheRightAreRefusedRatherThanPadded() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = TransferTestSupport.sheetWithHeader(wb, "s", "assetTag");
        sheet.createRow(1).createCell(16383).setCellValue("x"); // XFD2: would pad the row to 16,384 cells
        byte[] content = TransferTestSupport.bytes(wb);
        assertThatThrownBy(() -> XlsxTableReader.read(content, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("beyond column 256")
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(422));
    }

    @Test
    void xlsxRowLimitStopsReading() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet();
        for (int i = 0; i < 20; i++) {
            sheet.createRow(i).createCell(0).setCellValue(i == 0 ? "assetTag" : "T-" + i);
        }
        byte[] content = TransferTestSupport.bytes(wb);
        assertThatThrownBy(() -> XlsxTableReader.read(content, 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("more than 10 device rows");
    }

    @Test
    void xlsxWithAPartNameThatIsNotUtf8IsNotAWorkbook() throws IOException {
        // found by fuzzing: Java's zip reader throws IllegalArgumentException (not an IOException) on such a name,
        // which escaped the size guard as a 500
        XSSFWorkbook wb = new XSSFWorkbook();
        TransferTestSupport.sheetWithHeader(wb, "s", "assetTag");
        byte[] content = TransferTestSupport.bytes(wb);
        byte[] name = "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(content, name);
        assertThat(at).as("the first local header's name").isPositive();
        content[at + 1] = (byte) 0xC3; // a UTF-8 lead byte followed by an ASCII letter: malformed
        byte[] damaged = content;
        assertThatThrownBy(() -> XlsxTableReader.read(damaged, 10))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The XLSX file is not a valid workbook")
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(422));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void xlsxWithAnExternalEntityIsRefusedAndLeaksNothing() throws IOException {
        byte[] content = TransferTestSupport.xlsxWithExternalEntity(
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>assetTag</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>");
        // POI's XML reader refuses any DOCTYPE outright, so the entity is never resolved.
        assertThatThrownBy(() -> XlsxTableReader.read(content, 10))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The XLSX file is not a valid workbook")
                .hasMessageNotContaining(TransferTestSupport.SECRET)
                .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(422));
    }

    @Test
    void emptyBinaryAndNonSpreadsheetZipFilesAreRejected() throws IOException {
        assertThatThrownBy(() -> SpreadsheetFormat.detect(new byte[0])).hasMessage("The file is empty");
        assertThatThrownBy(() -> CsvTableReader.read(concat(BOM, " \r\n\r\n".getBytes(StandardCharsets.UTF_8)), 10))
                .hasMessage("The file is empty");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThatThrownBy(() -> SpreadsheetFormat.detect(png)).hasMessage("The file is neither CSV nor XLSX");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThatThrownBy(() -> SpreadsheetFormat.detect(xls)).hasMessageContaining("old Excel .xls");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(SpreadsheetFormat.detect(zip.toByteArray())).isEqualTo(SpreadsheetFormat.XLSX);
        assertThatThrownBy(() -> XlsxTableReader.read(zip.toByteArray(), 10))
                .isInstanceOf(ApiException.class).hasMessageContaining("is not a valid workbook");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
