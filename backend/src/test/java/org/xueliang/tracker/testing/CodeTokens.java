package org.xueliang.tracker.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Internal codes in text meant for people (issue 8): a token of three or more ASCII capitals
 * ({@code EXCLUDE}, {@code DRAFT}, {@code ACTUAL_MISSING}) is a code unless it is one of the few
 * abbreviations a Chinese official document uses as words (PDF, SHA-256, ONVIF …).
 */
public final class CodeTokens {

    /** Abbreviations that are words in an official document, not codes. */
    public static final Set<String> ALLOWED = Set.of("PDF", "SHA-256", "ONVIF", "SNMP", "LED", "IP", "ID", "MTTR", "NVR", "DVR",
            "GB", "RTSP", "ICMP", "TCP", "UDP", "HTTP", "HTTPS", "API", "URL", "UTC", "GPS", "PTZ", "UPS", "POE", "CPU", "XLSX", "DOCX",
            "CSV", "JSON");

    /** An ASCII word, hyphenated parts included (SHA-256, XL-QJ-001). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*");
    private static final Pattern CAPITALS = Pattern.compile("[A-Z]{3,}");

    private CodeTokens() {
    }

    /** The tokens of {@code text} that look like codes, in order of appearance (empty when there are none). */
    public static List<String> offending(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (ALLOWED.contains(token)) {
                continue;
            }
            for (String part : token.split("-")) {
                if (CAPITALS.matcher(part).find() && !ALLOWED.contains(part)) {
                    out.add(token);
                    break;
                }
            }
        }
        return out;
    }
}
