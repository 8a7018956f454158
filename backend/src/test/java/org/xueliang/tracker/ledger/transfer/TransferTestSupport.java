package org.xueliang.tracker.ledger.transfer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;

/** Helpers shared by the import/export tests: Basic credentials for DB users, upload requests, file builders. */
final class TransferTestSupport {

    static final String ADMIN_PASSWORD = "import-test-Secret-2024";
    static final String IMPORT = "/api/v1/devices/import";
    static final String EXPORT = "/api/v1/devices/export";
    /** Each test class gets its own in-memory database (and Spring context) through its own uuid. */
    static final String H2 = "spring.datasource.url=jdbc:h2:mem:xl-import-${random.uuid};MODE=MySQL;"
            + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    private TransferTestSupport() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    static RequestBuilder upload(String fileName, byte[] content, boolean dryRun, String auth) {
        return multipart(IMPORT).file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .param("dryRun", String.valueOf(dryRun)).header("Authorization", auth);
    }

    static byte[] csv(List<String> lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A new sheet whose row 1 holds these header names. */
    static XSSFSheet sheetWithHeader(XSSFWorkbook workbook, String sheetName, String... names) {
        XSSFSheet sheet = workbook.createSheet(sheetName);
        Row head = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            head.createCell(i).setCellValue(names[i]);
        }
        return sheet;
    }

    /** A cell style that shows numbers in this Excel number format. */
    static CellStyle numberFormat(XSSFWorkbook workbook, String pattern) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
        return style;
    }

    /**
     * An XLSX whose first sheet declares an external entity reading a local file holding
     * {@value #SECRET} (XXE), and uses it in a cell: {@code rowsXml} may refer to {@code &xxe;}.
     */
    static byte[] xlsxWithExternalEntity(String rowsXml) throws IOException {
        Path secret = Files.createTempFile("xl-secret", ".txt");
        Files.writeString(secret, SECRET);
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet().createRow(0).createCell(0).setCellValue("placeholder");
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + rowsXml + "</sheetData></worksheet>";
        return replaceEntry(bytes(workbook), "xl/worksheets/sheet1.xml", sheet);
    }

    static final String SECRET = "TOP-SECRET-XXE";

    static byte[] replaceEntry(byte[] zip, String name, String content) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? content.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
            }
        }
        return result.toByteArray();
    }

    static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        try (workbook) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
