package org.xueliang.tracker.ledger.transfer;

import java.util.Locale;

import org.xueliang.tracker.shared.ApiException;

/** The two file formats of import and export, and how an upload is told apart: by its bytes, not its name. */
enum SpreadsheetFormat {
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** Enough of the start of a file to tell text from binary. */
    private static final int SNIFF = 8192;

    private final String contentType;

    SpreadsheetFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The export format a caller asked for ({@code csv} or {@code xlsx}, any case). */
    static SpreadsheetFormat named(String name) {
        for (SpreadsheetFormat f : values()) {
            if (f.extension().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f;
            }
        }
        throw ApiException.badRequest("format", "format must be csv or xlsx, not '" + name + "'");
    }

    /**
     * The format of an upload by content: an XLSX is a zip (PK\3\4); a CSV is text. A file name
     * says nothing reliable (people rename .xls to .xlsx, browsers send any MIME type).
     */
    static SpreadsheetFormat detect(byte[] content) {
        if (content.length == 0) {
            throw ImportRejected.because("The file is empty");
        }
        if (startsWith(content, ZIP)) {
            return XLSX;
        }
        if (startsWith(content, OLE2)) {
            throw ImportRejected.because("This is an old Excel .xls file (or another OLE2 document); "
                    + "save it as .xlsx or as CSV UTF-8 and import that");
        }
        if (!looksLikeText(content)) {
            throw ImportRejected.because("The file is neither CSV nor XLSX");
        }
        return CSV;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text has no NUL and no control characters but tab, CR, LF (and FF, which some exporters emit). */
    private static boolean looksLikeText(byte[] content) {
        for (int i = 0; i < Math.min(content.length, SNIFF); i++) {
            int b = content[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                return false;
            }
        }
        return true;
    }
}
