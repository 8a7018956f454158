package org.xueliang.tracker.agent.net.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The header fields of one response, in arrival order; names compare case-insensitively (stored lower-case). */
public final class HttpFields {

    private final List<String> names = new ArrayList<>(12);
    private final List<String> values = new ArrayList<>(12);

    /** Fields already parsed elsewhere (the JDK client's answers, tests). */
    public static HttpFields of(java.util.Map<String, List<String>> map) {
        HttpFields f = new HttpFields();
        map.forEach((name, values) -> values.forEach(v -> f.add(name, v)));
        return f;
    }

    void add(String name, String value) {
        names.add(name.toLowerCase(Locale.ROOT));
        values.add(value);
    }

    /** Continues the last field's value (an obsolete folded line). */
    void appendToLast(String more) {
        int i = values.size() - 1;
        values.set(i, values.get(i) + " " + more);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    public Optional<String> first(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(n)) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(n)) {
                out.add(values.get(i));
            }
        }
        return out;
    }

    /** True when a comma-separated field (Connection, Transfer-Encoding) lists {@code token}. */
    boolean lists(String name, String token) {
        for (String v : all(name)) {
            for (String part : v.split(",")) {
                if (part.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
