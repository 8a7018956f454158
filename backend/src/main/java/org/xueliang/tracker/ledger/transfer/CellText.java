package org.xueliang.tracker.ledger.transfer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field value as the text of a cell and back. Export writes ISO dates, money without grouping
 * and with its two decimals, enum names, and nothing for null, so a round trip is exact. Import is
 * a little more forgiving about what spreadsheets produce when people type (2021/3/2, 12,800,
 * lower-case enum names, 3.0 for a whole number) but never guesses beyond that.
 */
final class CellText {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    /** Digits after (or zeros before) the decimal point a cell may imply: any real id or price is far inside. */
    private static final int MAX_SCALE = 100;
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** Why a cell's text is not a value of its column's type; the message goes to the user as is. */
    static final class Unparsable extends Exception {
        Unparsable(String message) {
            super(message, null, false, false);
        }
    }

    private CellText() {
    }

    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal money) {
            return money.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value.toString();
    }

    /** The value of {@code text} (already trimmed) for a column of {@code type}; empty text is null. */
    static Object parse(String text, Class<?> type) throws Unparsable {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (type == String.class) {
            return text;
        }
        if (type == Long.class) {
            return wholeNumber(text).longValue();
        }
        if (type == Integer.class) {
            BigDecimal n = wholeNumber(text);
            if (n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new Unparsable("'" + text + "' is too large");
            }
            return n.intValue();
        }
        if (type == BigDecimal.class) {
            return money(text);
        }
        if (type == LocalDate.class) {
            return date(text);
        }
        if (type.isEnum()) {
            return enumValue(text, type);
        }
        throw new IllegalArgumentException("no cell conversion for " + type);
    }

    private static BigDecimal wholeNumber(String text) throws Unparsable {
        BigDecimal n = number(text, "'" + text + "' is not a whole number");
        if (n.stripTrailingZeros().scale() > 0 || n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new Unparsable("'" + text + "' is not a whole number");
        }
        return n;
    }

    private static BigDecimal money(String text) throws Unparsable {
        String plain = GROUPED.matcher(text).matches() ? text.replace(",", "") : text;
        BigDecimal n = number(plain, "'" + text + "' is not an amount like 12800.00");
        // Yuan with fen: 12800 and 12800.00 are the same price (a third decimal is left for the validator to refuse).
        return n.scale() < 2 ? n.setScale(2) : n;
    }

    private static BigDecimal number(String text, String message) throws Unparsable {
        BigDecimal n;
        try {
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Unparsable(message);
        }
        // 1E+999999999 is a valid BigDecimal, but rescaling it (money to fen) would build a billion-digit number
        if (Math.abs(n.scale()) > MAX_SCALE) {
            throw new Unparsable(message);
        }
        return n;
    }

    private static LocalDate date(String text) throws Unparsable {
        Matcher m = DATE.matcher(text);
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // falls through: 2021-02-30 has the shape of a date but is none
            }
        }
        throw new Unparsable("'" + text + "' is not a date (use YYYY-MM-DD)");
    }

    private static Object enumValue(String text, Class<?> type) throws Unparsable {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equals(text.toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new Unparsable("'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
}
