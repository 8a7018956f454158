package org.xueliang.tracker.security;

import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Odd JSON values for the fuzz: wrong types, limits of numbers and dates, huge and strange strings, deep nesting. */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] TEXTS = {"", " ", "x", "ADMIN", "admin", "null", "-1", "80.5", "1e400", "NaN",
            "1970-01-01", "0000-00-00", "9999-12-31", "+999999999-12-31", "2024-02-30", "1970-01-01T00:00:00Z",
            "+1000000000-01-01T00:00:00Z", "2026-01-01T00:00:00", "P1000000000D", "PT-1S", "1.3.6.1.2.1.1.3.0",
            "127.0.0.1", "::1", "AA:BB:CC:DD:EE:FF", "中文名称", "\u0000", "\uFEFF", "\u202E", "'; DROP TABLE device; --",
            "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "../../etc/passwd", "%s%s%s", "${jndi:ldap://127.0.0.1/x}"};
    private static final String[] NUMBERS = {"0", "-1", "1", "80.5", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "1e-400", "-0.0",
            "123456789012345678901234567890", "0.001", "1E+308"};

    private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String[] INSTANTS = {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999Z",
            "10000-01-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-01-01T00:00:00+99:00", "2026-01-01T24:00:00Z"};
    private static final String[] DATES = {"+999999999-12-31", "-999999999-01-01", "0000-01-01", "0001-01-01",
            "1969-12-31", "9999-12-31", "+10000-01-01", "2024-02-30", "2026-00-10"};

    /** Stands for arrays nested beyond what a JSON writer emits; {@link #deepened} puts them in the text. */
    private static final String DEEP = "__nested_2000_deep__";

    private JsonValues() {
    }

    /** The JSON text with every {@link #DEEP} marker replaced by 2,000 nested arrays (past the parser's limit). */
    static byte[] deepened(byte[] json) {
        String text = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        if (!text.contains(DEEP)) {
            return json;
        }
        return text.replace("\"" + DEEP + "\"", "[".repeat(2_000) + "]".repeat(2_000))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A value that does not belong where {@code near} is, or an odd one of its own kind. */
    static JsonNode odd(Random random, JsonNode near) {
        if (near != null && near.isString() && random.nextBoolean()) {
            // a date or an instant at the edges of its type and of the databases' (half the time: that is where it breaks)
            String text = near.asString();
            if (INSTANT.matcher(text).matches()) {
                return NODES.stringNode(INSTANTS[random.nextInt(INSTANTS.length)]);
            }
            if (DATE.matcher(text).matches()) {
                return NODES.stringNode(DATES[random.nextInt(DATES.length)]);
            }
        }
        if (near != null && near.isNumber() && random.nextBoolean()) {
            return NODES.numberNode(new java.math.BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]));
        }
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2, 3 -> NODES.numberNode(new java.math.BigDecimal(NUMBERS[random.nextInt(NUMBERS.length)]));
            case 4, 5 -> NODES.stringNode(TEXTS[random.nextInt(TEXTS.length)]);
            case 6 -> NODES.stringNode("长".repeat(1 + random.nextInt(1 << random.nextInt(17))));
            case 7 -> random.nextInt(4) == 0 ? NODES.stringNode(DEEP) : nested(1 + random.nextInt(8));
            case 8 -> NODES.objectNode().set("value", near == null ? NODES.nullNode() : near.deepCopy());
            default -> near == null || !near.isValueNode() ? NODES.arrayNode() : NODES.arrayNode().add(near.deepCopy());
        };
    }

    private static JsonNode nested(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode at = root;
        for (int i = 1; i < depth; i++) {
            at = at.addArray();
        }
        return root;
    }
}
