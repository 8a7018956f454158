package org.xueliang.tracker.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code IN (…)} lists of keys, cut into statements MariaDB reads by key range. With a list of 1,000 values or more
 * ({@code in_predicate_conversion_threshold}) MariaDB turns the IN into a semi-join, which looks rows up by the first
 * key column alone: {@code device_id IN (…) AND rollup_day BETWEEN ? AND ?} then reads every day of each device
 * instead of the range asked for.
 */
public final class InLists {

    /** Values per IN list. */
    public static final int MAX = 900;

    private InLists() {
    }

    /** {@code items} in lists of at most {@link #MAX}, in order. */
    public static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += MAX) {
            out.add(items.subList(i, Math.min(items.size(), i + MAX)));
        }
        return out;
    }

    /**
     * "17,18,…": keys written as decimal digits, for an IN list in a statement's text. Only numbers, so nothing to
     * escape; what it saves is binding a value per key (ingest's reads name 500 devices per batch).
     */
    public static String numbers(java.util.Collection<Long> keys) {
        StringBuilder out = new StringBuilder(keys.size() * 7);
        for (Long key : keys) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(key.longValue());
        }
        return out.toString();
    }

    /** "?,?,…,?": {@code n} placeholders for an IN list. */
    public static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
