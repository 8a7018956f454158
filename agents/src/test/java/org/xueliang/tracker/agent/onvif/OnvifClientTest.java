package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Reason;

/** The client against a hand-written HTTP peer on 127.0.0.1. */
class OnvifClientTest {

    private static final Duration T = Duration.ofSeconds(3);
    private HttpServer server;
    private final OnvifClient client = new OnvifClient(OnvifClient.LOOPBACK_ONLY);
    private final AtomicInteger hits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.createContext("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, endless in practice
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) {
                    out.write(chunk);
                }
            } catch (IOException ignored) {
                // the client hung up, as it should
            }
        });
        server.createContext("/html401", ex -> send(ex, 401, "text/html",
                "<!DOCTYPE html>\r\n<html><body><h2>Access Error: 401 -- Unauthorized</h2></body></html>", Map.of()));
        server.createContext("/digest", ex -> {
            hits.incrementAndGet();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                send(ex, 401, "text/plain", "", Map.of("WWW-Authenticate",
                        "Digest realm=\"cam\", qop=\"auth\", nonce=\"abc123\", algorithm=SHA-256"));
                return;
            }
            var p = HttpDigest.params(auth.substring(7));
            String expected = HttpDigest.response("SHA-256", "admin", "cam", "pw", "POST", "/digest", "abc123",
                    p.get("nc"), p.get("cnonce"), p.get("qop"));
            if (expected.equals(p.get("response"))) {
                send(ex, 200, Soap.CONTENT_TYPE, Soap.envelope(null, "<tds:GetDeviceInformationResponse>"
                        + "<tds:Manufacturer>Digest Co</tds:Manufacturer></tds:GetDeviceInformationResponse>"), Map.of());
            } else {
                send(ex, 401, "text/plain", "", Map.of());
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void an_oversized_body_is_refused_while_streaming() {
        assertThatThrownBy(() -> client.call(uri("/huge"), "<tds:GetDeviceInformation/>", null, T).join())
                .satisfies(e -> {
                    OnvifException o = OnvifClient.classify(e);
                    assertThat(o.reason()).isEqualTo(Reason.BAD_RESPONSE);
                    assertThat(o.getMessage()).contains("too large");
                });
    }

    @Test
    void an_html_401_page_is_an_auth_failure() {
        assertThatThrownBy(() -> client.call(uri("/html401"), "<tds:GetSystemDateAndTime/>", null, T).join())
                .satisfies(e -> assertThat(OnvifClient.classify(e).reason()).isEqualTo(Reason.AUTH_FAILED));
    }

    @Test
    void answers_an_http_digest_challenge_on_a_soap_endpoint() {
        XmlNode body = client.call(uri("/digest"), "<tds:GetDeviceInformation/>",
                new OnvifClient.Auth("admin", "pw", Duration.ZERO), T).join();
        assertThat(body.findText("Manufacturer")).contains("Digest Co");
        assertThat(hits).hasValue(2);
    }

    @Test
    void the_network_rule_refuses_lan_addresses_without_connecting() {
        assertThatThrownBy(() -> client.get(URI.create("http://192.168.1.182/onvif-http/snapshot"), null, T, 1024).join())
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(OnvifClient.classify(e).getMessage()).contains("network rule"));
        assertThat(OnvifClient.isLoopback(URI.create("http://127.21.3.4:8080/x"))).isTrue();
        assertThat(OnvifClient.isLoopback(URI.create("http://[::1]:8080/x"))).isTrue();
        assertThat(OnvifClient.isLoopback(URI.create("http://10.0.0.1/x"))).isFalse();
        assertThat(OnvifClient.isLoopback(URI.create("http://camera.example/x"))).isFalse();
    }

    private static void send(HttpExchange ex, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
