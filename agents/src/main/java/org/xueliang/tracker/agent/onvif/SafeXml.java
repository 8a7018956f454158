package org.xueliang.tracker.agent.onvif;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Hardened XML reading for device answers: no DTDs, no external entities, no entity expansion,
 * bounded size, depth and element count. A document that declares a DOCTYPE is refused outright.
 *
 * <p>UTF-8 answers (nearly all of them) go through {@link Utf8XmlReader}, a strict hand-written reader that costs
 * a few microseconds where creating a StAX reader alone costs tens; it hands the rare document outside its subset
 * (another encoding, XML 1.1, non-ASCII names) to {@link StaxXml}, which gives the same tree.
 */
public final class SafeXml {

    public static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 50_000;
    static final String DOCTYPE_REFUSED = "document declares a DOCTYPE; refused";
    private static final Pattern FALSE_UTF16_DECLARATION =
            Pattern.compile("<\\?xml\\s.*encoding\\s*=\\s*[\"']utf-16(le|be)?[\"'].*");

    private SafeXml() {
    }

    /** Parses bytes into an element tree, or fails with BAD_RESPONSE saying why. */
    public static XmlNode parse(byte[] body) throws OnvifException {
        byte[] doc = prepared(body);
        try {
            return Utf8XmlReader.read(doc);
        } catch (Utf8XmlReader.OutsideSubset e) {
            return StaxXml.read(doc);
        }
    }

    /** The StAX reader alone, with the same checks: the reference for the differential tests and the benchmark. */
    public static XmlNode parseWithStax(byte[] body) throws OnvifException {
        return StaxXml.read(prepared(body));
    }

    static byte[] prepared(byte[] body) throws OnvifException {
        if (body.length > MAX_BYTES) {
            throw new OnvifException(Reason.BAD_RESPONSE, "XML body of " + body.length + " bytes exceeds " + MAX_BYTES);
        }
        return withoutFalseUtf16Declaration(body);
    }

    static OnvifException entityRefused(String name) {
        return new OnvifException(Reason.BAD_RESPONSE, "entity reference &" + name + "; refused");
    }

    /**
     * Some encoders declare {@code encoding="utf-16"} over single-byte content. Such a declaration
     * (no byte-order mark, 8-bit "&lt;?xml") is dropped so the content reads as the UTF-8 it is.
     */
    static byte[] withoutFalseUtf16Declaration(byte[] b) {
        if (b.length < 6 || b[0] != '<' || b[1] != '?') {
            return b;
        }
        int end = -1;
        for (int i = 2; i < Math.min(b.length - 1, 200); i++) {
            if (b[i] == '?' && b[i + 1] == '>') {
                end = i + 2;
                break;
            }
        }
        if (end < 0) {
            return b;
        }
        // the cheap test first: this runs for every answer, and nearly none declares UTF-16
        if (!mentionsUtf16(b, end)) {
            return b;
        }
        String decl = new String(b, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!FALSE_UTF16_DECLARATION.matcher(decl).matches()) {
            return b;
        }
        return Arrays.copyOfRange(b, end, b.length);
    }

    /** Whether "utf-16" in any case occurs in {@code b[0, end)}. */
    private static boolean mentionsUtf16(byte[] b, int end) {
        for (int i = 0; i + 6 <= end; i++) {
            if ((b[i] | 0x20) == 'u' && (b[i + 1] | 0x20) == 't' && (b[i + 2] | 0x20) == 'f' && b[i + 3] == '-'
                    && b[i + 4] == '1' && b[i + 5] == '6') {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(s);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /** Escapes text for inclusion in an element or attribute. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
