package org.xueliang.tracker.shared;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a problem detail straight to a servlet response, for the places that run before Spring
 * MVC (the security filter chain: 401, 403, login failures; Tomcat's own refusals).
 */
public final class Problems {

    private Problems() {
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(response, status, "about:blank", null, title, detail);
    }

    /**
     * A problem of a kind the client acts on: {@code type} names it (a URI) and the extension member
     * {@code code} repeats it as a constant (e.g. {@code PASSWORD_EXPIRED}: the UI asks for a new password).
     */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String code, String title,
                             String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(status, type, code, title, detail));
    }

    /** The problem detail's JSON text. */
    static String json(HttpStatus status, String title, String detail) {
        return json(status, "about:blank", null, title, detail);
    }

    static String json(HttpStatus status, String type, String code, String title, String detail) {
        return "{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status.value()
                + ",\"detail\":" + quote(detail) + (code == null ? "" : ",\"code\":" + quote(code))
                + ",\"errors\":" + List.of() + "}";
    }

    /** Minimal JSON string quoting, enough for the fixed English messages written here. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
