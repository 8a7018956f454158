package org.xueliang.tracker.ledger.transfer;

import java.util.regex.Pattern;

/**
 * Keeps a CSV export from carrying formulas (CSV injection, OWASP): Excel runs a cell that starts
 * with = + - @ (or a tab/CR before them), so such text is written with a leading apostrophe, which
 * Excel shows as text. The import removes exactly that apostrophe again, so the round trip is
 * exact: text already starting with apostrophes before such a character gets one more on export.
 * Only CSV needs this; an XLSX text cell is never evaluated.
 */
final class CsvFormulaGuard {

    private static final Pattern NEEDS_GUARD = Pattern.compile("'*[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern GUARDED = Pattern.compile("'+[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private CsvFormulaGuard() {
    }

    static String guard(String text) {
        return NEEDS_GUARD.matcher(text).matches() ? "'" + text : text;
    }

    static String unguard(String text) {
        return GUARDED.matcher(text).matches() ? text.substring(1) : text;
    }
}
