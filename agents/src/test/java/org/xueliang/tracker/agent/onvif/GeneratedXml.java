package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-formed documents in the shape of device answers but using every construct the readers must agree
 * on: declarations with and without encoding/standalone, a UTF-8 byte order mark, prefixed and default namespaces
 * declared, redeclared and undeclared at any depth, attributes in either quote with references, tabs and line
 * ends, text with the predefined entities, character references, CRLF/CR line ends, non-ASCII and supplementary
 * characters, CDATA sections, comments and processing instructions anywhere they are allowed.
 */
final class GeneratedXml {

    private static final String[] PREFIXES = {"s", "tt", "tds", "a", "wsse"};
    private static final String[] URIS = {"http://www.w3.org/2003/05/soap-envelope", "http://www.onvif.org/ver10/schema",
            "urn:a", "urn:b", "http://www.onvif.org/ver10/device/wsdl"};
    private static final String[] LOCALS = {"Envelope", "Body", "Header", "Model", "X", "a", "_b", "c.d", "e-f", "G1"};
    private static final String[] TEXTS = {"abc", " ", "\n  ", "\r\n", "\r", "\t", "中文", "𝄞", "é", "a]b", "]]", "x>y",
            "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#65;", "&#x4E2D;", "&#x1F600;", "&#13;", "&#9;", "&#10;",
            "&#x0000000041;", "'\"", "2026-12-07T05:00:00Z", "\u0085", "\u2028", "\u007f", "\uFEFF"};

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    /** Prefixes declared in the current scope, innermost last. */
    private final List<String> declared = new ArrayList<>();

    private GeneratedXml(Random random) {
        this.random = random;
    }

    static byte[] document(Random random) {
        return new GeneratedXml(random).build();
    }

    private byte[] build() {
        if (random.nextInt(10) == 0) {
            out.append('\uFEFF');
        }
        if (random.nextInt(3) > 0) {
            out.append(pick("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                    "<?xml version='1.0' encoding='utf-8' standalone='yes'?>", "<?xml  version = \"1.0\"  standalone=\"no\" ?>"));
        }
        misc();
        element(0);
        misc();
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void misc() {
        for (int i = random.nextInt(3); i > 0; i--) {
            out.append(pick("\n", " ", "\r\n", "\t", "<!-- note - here -->", "<!---->", "<?pi some data?>", "<?target?>"));
        }
    }

    private void element(int depth) {
        int scope = declared.size();
        StringBuilder attrs = new StringBuilder();
        if (random.nextInt(3) == 0) {
            String p = PREFIXES[random.nextInt(PREFIXES.length)];
            attrs.append(space()).append("xmlns:").append(p).append('=').append(quoted(URIS[random.nextInt(URIS.length)]));
            declared.add(p);
        }
        if (random.nextInt(5) == 0) {
            attrs.append(space()).append("xmlns=").append(quoted(random.nextBoolean() ? "" : URIS[random.nextInt(URIS.length)]));
        }
        String name = qname();
        List<String> used = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            String attr = random.nextInt(3) == 0 && !declared.isEmpty()
                    ? declared.get(random.nextInt(declared.size())) + ":" + LOCALS[random.nextInt(LOCALS.length)]
                    : LOCALS[random.nextInt(LOCALS.length)];
            if (!used.contains(attr) && !sameExpandedName(used, attr)) {
                used.add(attr);
                attrs.append(space()).append(attr).append(random.nextBoolean() ? "=" : " = ").append(quoted(attributeText()));
            }
        }
        out.append('<').append(name).append(attrs).append(random.nextInt(4) == 0 ? space() : "");
        if (depth > 6 || random.nextInt(5) == 0) {
            out.append("/>");
        } else {
            out.append('>');
            for (int i = random.nextInt(6); i > 0; i--) {
                switch (random.nextInt(7)) {
                    case 0, 1 -> element(depth + 1);
                    case 2 -> out.append("<![CDATA[").append(pick("x<y&z", "]]", "]", "", "a\r\nb", "中")).append("]]>");
                    case 3 -> out.append(pick("<!-- c -->", "<!--a-b-->", "<?p d?>"));
                    default -> out.append(TEXTS[random.nextInt(TEXTS.length)]);
                }
            }
            out.append("</").append(name).append(random.nextInt(5) == 0 ? " " : "").append('>');
        }
        while (declared.size() > scope) {
            declared.remove(declared.size() - 1);
        }
    }

    /** Two prefixes may be bound to one URI; their attributes with one local name would then clash. */
    private static boolean sameExpandedName(List<String> used, String attr) {
        int colon = attr.indexOf(':');
        for (String u : used) {
            int c = u.indexOf(':');
            if (colon >= 0 && c >= 0 && u.substring(c).equals(attr.substring(colon))) {
                return true;
            }
        }
        return false;
    }

    private String qname() {
        String local = LOCALS[random.nextInt(LOCALS.length)];
        return declared.isEmpty() || random.nextInt(4) == 0 ? local
                : declared.get(random.nextInt(declared.size())) + ":" + local;
    }

    private String attributeText() {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            String t = TEXTS[random.nextInt(TEXTS.length)];
            b.append(t.equals("'\"") ? "&apos;&quot;" : t);
        }
        return b.toString();
    }

    private String quoted(String value) {
        return random.nextBoolean() ? "\"" + value + "\"" : "'" + value + "'";
    }

    private String space() {
        return pick(" ", "  ", "\n", "\t", "\r\n ");
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
