package org.xueliang.tracker.ledger.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes export rows as CSV: UTF-8 with a BOM (without it Excel on Chinese Windows reads the file
 * as GBK and garbles every name), RFC 4180 quoting and CRLF, values as {@link CellText} formats
 * them, text cells guarded against formula injection.
 */
final class CsvDeviceWriter {

    private static final char BOM = '\uFEFF';

    private CsvDeviceWriter() {
    }

    static byte[] write(List<String> header, List<List<Object>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            out.write(BOM);
            csv.printRecord(header);
            for (List<Object> row : rows) {
                csv.printRecord(cells(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> cells(List<Object> row) {
        List<String> cells = new ArrayList<>(row.size());
        for (Object value : row) {
            String text = CellText.format(value);
            cells.add(value instanceof String ? CsvFormulaGuard.guard(text) : text);
        }
        return cells;
    }
}
