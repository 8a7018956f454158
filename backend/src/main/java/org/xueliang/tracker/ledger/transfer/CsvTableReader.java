package org.xueliang.tracker.ledger.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV upload (RFC 4180; CRLF or LF; with or without a UTF-8 BOM) into an {@link ImportTable}.
 * UTF-8 is expected; a file that is not valid UTF-8 is read as GB18030, because that is what Excel
 * on Chinese Windows writes for plain "CSV (逗号分隔)" and the alternative is a page of mojibake.
 * Row numbers count every record, blank ones included, so they match what Excel shows.
 */
final class CsvTableReader {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvTableReader() {
    }

    static ImportTable read(byte[] content, int maxRows) {
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw ImportRejected.because("The file is empty");
        }
        List<String> header = null;
        List<ImportTable.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (hasNext(records, parser)) {
                CSVRecord record = records.next();
                ImportTable.Row row = new ImportTable.Row((int) record.getRecordNumber(), unguarded(record));
                if (header == null) {
                    header = row.cells();
                } else if (!row.blank()) {
                    rows.add(row);
                    if (rows.size() > maxRows) {
                        throw ImportRejected.tooManyRows(maxRows);
                    }
                }
            }
        } catch (IOException e) {
            throw ImportRejected.because("The CSV file cannot be read");
        }
        return new ImportTable(header, rows);
    }

    /**
     * Whether another record follows; a quoting error becomes "malformed at line n" in the user's
     * terms rather than the parser's exception text (issue 9).
     */
    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            // the parser has read up to the offending line break (or the end) when it gives up
            long line = Math.max(1, parser.getCurrentLineNumber());
            String message = String.valueOf(e.getMessage());
            String why = message.contains("EOF") ? "a quoted cell is not closed before the end of the file"
                    : "a quoted cell must end with a quote right before the next comma or line break (write a quote inside a cell as \"\")";
            throw ImportRejected.because("The CSV file is malformed at line " + line + ": " + why);
        }
    }

    private static List<String> unguarded(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String value : record) {
            cells.add(CsvFormulaGuard.unguard(value));
        }
        return cells;
    }

    private static String decode(byte[] content) {
        try {
            return strict(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GB18030, content);
            } catch (CharacterCodingException neither) {
                throw ImportRejected.because("The CSV is neither UTF-8 nor GB18030 text; save it as CSV UTF-8");
            }
        }
    }

    private static String strict(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }
}
