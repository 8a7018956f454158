package org.xueliang.tracker.shared;

/**
 * The free-text filters of list endpoints ({@code q}, {@code category}, {@code actor}, …): bounded
 * to {@value #MAX_LENGTH} characters. Nothing the filters match is longer (asset tags 64, names
 * 200), and a bound keeps a multi-kilobyte {@code LIKE} pattern away from the database (issue 9).
 */
public final class FilterText {

    public static final int MAX_LENGTH = 200;

    private FilterText() {
    }

    /** The value as given (null stays null), or a 400 naming the parameter when it is too long. */
    public static String check(String parameter, String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            throw ApiException.badRequest(parameter, parameter + " must be at most " + MAX_LENGTH + " characters");
        }
        return value;
    }
}
