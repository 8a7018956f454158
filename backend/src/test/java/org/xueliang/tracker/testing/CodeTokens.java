package org.xueliang.tracker.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Internal codes in text for people: a token of three or more ASCII capitals (DRAFT, EXCLUDE,
 * ACTUAL_MISSING) is a code unless it is a short list of abbreviations a reader knows.
 */
public final class CodeTokens {

    /** Abbreviations that are words to the reader, not our codes. */
    static final Set<String> ALLOWED = Set.of("PDF", "SHA", "ONVIF", "SNMP", "LED", "IP", "ID", "MTTR", "NVR", "GB", "RTSP", "ICMP",
            "TCP", "HTTP", "HTTPS", "API", "URL", "UTC", "CPU", "GPS", "DVR", "POE", "UPS", "XLSX", "DOCX", "CSV", "JSON");

    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_])");

    private CodeTokens() {
    }

    /** The offending tokens in {@code text}, in order (empty when there are none). */
    public static List<String> offending(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            String token = m.group();
            long capitals = token.chars().filter(ch -> ch >= 'A' && ch <= 'Z').count();
            if (capitals >= 3 && !ALLOWED.contains(token)) {
                out.add(token);
            }
        }
        return out;
    }
}
