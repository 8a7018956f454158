package org.xueliang.tracker.ledger.transfer;

import java.util.List;

import org.xueliang.tracker.shared.ApiException;

/**
 * The device import's file handling for other modules' imports and exports (one format detection, one XLSX reader
 * with its size guards, one CSV reader, one XLSX layout, one shape of row errors), so that every import in the
 * application rejects a file the same way.
 */
public final class Spreadsheets {

    public static final String XLSX_TYPE = SpreadsheetFormat.XLSX.contentType();

    private Spreadsheets() {
    }

    /** An upload (XLSX or CSV, told apart by its bytes) as rows of cell text; a 422 for an unreadable file. */
    public static ImportTable read(byte[] content, int maxRows) {
        return SpreadsheetFormat.detect(content) == SpreadsheetFormat.XLSX
                ? XlsxTableReader.read(content, maxRows)
                : CsvTableReader.read(content, maxRows);
    }

    /** One sheet: bold frozen header with a filter, numbers as numbers, the rest as text cells. */
    public static byte[] xlsx(String sheetName, List<String> header, List<List<Object>> rows) {
        return XlsxDeviceWriter.write(sheetName, header, rows);
    }

    /** The 422 of a file whose header row is wrong; nothing was imported. */
    public static ApiException headerRejected(List<RowProblem> problems) {
        return ImportRejected.header(problems);
    }

    /** The 422 of a file with {@code badRows} invalid rows of {@code rows}; nothing was imported. */
    public static ApiException rowsRejected(List<RowProblem> problems, int badRows, int rows) {
        return ImportRejected.rows(problems, badRows, rows);
    }

    /** SHA-256 of an upload, for the audit entry of its import. */
    public static String sha256(byte[] content) {
        return new ImportUpload("", content).sha256();
    }
}
