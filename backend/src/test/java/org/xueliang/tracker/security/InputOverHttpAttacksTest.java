package org.xueliang.tracker.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group {@code input}, the part only a real Tomcat shows (issue 9, defect 10): a {@code q} over
 * Tomcat's old 8 KB header limit reaches the API and gets its field error, and what Tomcat still
 * refuses itself (a request line or header over 64 KB, a broken request line) is a problem detail,
 * not Tomcat's HTML error page. Raw HTTP over a socket, because HTTP clients refuse to send some of it.
 */
@OnH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xl.admin-password=" + InputOverHttpAttacksTest.PASSWORD,
        "xl.data-dir=target/test-data",
        "xl.security.bcrypt-strength=4",
        "spring.main.banner-mode=off",
        "logging.level.root=WARN"})
class InputOverHttpAttacksTest {

    static final String PASSWORD = "Http-Attack-Passw0rd";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    /** The answer of a raw request: status, content type and body. */
    record Answer(int status, String contentType, String body) {
    }

    @Test
    void aLongQueryReachesTheApiAndIsAFieldError() throws Exception {
        String q = "x".repeat(20_000);
        AttackTally.attempt(InputAttacksTest.GROUP, "q of 20,000 characters (over Tomcat's default 8 KB) over HTTP", () -> {
            Answer a = send("GET /api/v1/devices?q=" + q + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin() + "\r\n");
            return a.status() == 400 && problem(a) && json.readTree(a.body()).at("/errors/0/field").asString().equals("q");
        });
    }

    @Test
    void whatTomcatRefusesItselfIsAProblemDetail() throws Exception {
        String huge = "x".repeat(70_000);
        refusedByTomcat("request line of 70,000 characters", "GET /api/v1/devices?q=" + huge + " HTTP/1.1\r\nHost: localhost\r\n");
        refusedByTomcat("header of 70,000 characters", "GET /api/v1/devices HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + huge + "\r\n");
        refusedByTomcat("malformed request line", "GET /api/v1/devices?q=a b c HTTP/1.1\r\nHost: localhost\r\n");
        refusedByTomcat("broken percent-encoding in the path", "GET /api/v1/devices/%zz HTTP/1.1\r\nHost: localhost\r\n");
    }

    private void refusedByTomcat(String what, String request) throws Exception {
        AttackTally.attempt(InputAttacksTest.GROUP, what, () -> {
            Answer a = send(request);
            boolean refused = a.status() / 100 == 4 && problem(a);
            if (!refused) {
                System.out.println("[input] " + what + " -> " + a);
            }
            return refused;
        });
    }

    /** problem+json whose words a person reads name no Java internals. */
    private boolean problem(Answer a) {
        if (a.contentType() == null || !a.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return false;
        }
        JsonNode body = json.readTree(a.body());
        return InputAttacksTest.userWords(body).stream().noneMatch(w -> InputAttacksTest.INTERNALS.matcher(w).find());
    }

    private Answer send(String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String headers = end < 0 ? response : response.substring(0, end);
            String body = end < 0 ? "" : response.substring(end + 4);
            int status = Integer.parseInt(headers.substring(9, 12));
            String contentType = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(status, contentType, body);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            // sizes count bytes; the bodies here are ASCII
            out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
