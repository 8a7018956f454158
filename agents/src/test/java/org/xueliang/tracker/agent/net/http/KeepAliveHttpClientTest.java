package org.xueliang.tracker.agent.net.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a scripted peer on 127.0.0.1: one thread per connection reads requests and writes what the test says. */
class KeepAliveHttpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KeepAliveHttpClient client = new KeepAliveHttpClient("test-http", 2, 64, Duration.ofSeconds(30));
    private Peer peer;

    @AfterEach
    void stop() throws IOException {
        client.close();
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void sequential_requests_to_one_device_share_one_connection() throws Exception {
        peer = new Peer((n, request) -> ok("answer " + n));
        for (int i = 1; i <= 5; i++) {
            HttpReply r = post("/onvif/device_service", "<x/>").get(5, TimeUnit.SECONDS);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("answer " + i);
        }
        assertThat(peer.connections.get()).isEqualTo(1);
        String first = peer.requests.get(0);
        assertThat(first).startsWith("POST /onvif/device_service HTTP/1.1\r\nHost: 127.0.0.1:" + peer.port() + "\r\n")
                .contains("Content-Type: application/soap+xml\r\n").contains("Content-Length: 4\r\n").endsWith("\r\n\r\n<x/>");
    }

    @Test
    void a_chunked_answer_is_read_whole() throws Exception {
        peer = new Peer((n, request) -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        assertThat(new String(get("/x").get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("abcde");
        assertThat(new String(get("/x").get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("abcde");
        assertThat(peer.connections.get()).isEqualTo(1);
    }

    @Test
    void an_answer_with_connection_close_is_not_reused() throws Exception {
        peer = new Peer((n, request) -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
        get("/a").get(5, TimeUnit.SECONDS);
        get("/b").get(5, TimeUnit.SECONDS);
        assertThat(peer.connections.get()).isEqualTo(2);
    }

    @Test
    void a_kept_alive_connection_the_device_dropped_is_retried_once_on_a_fresh_one() throws Exception {
        // the second request reaches a connection the device then closes without a byte of answer
        peer = new Peer((n, request) -> n == 2 ? "" : ok("fine " + n));
        assertThat(new String(get("/a").get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("fine 1");
        assertThat(new String(get("/b").get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("fine 3");
        assertThat(peer.requests).hasSize(3);
        assertThat(peer.connections.get()).isEqualTo(2);
    }

    @Test
    void an_idle_connection_the_device_closed_is_not_used_again() throws Exception {
        peer = new Peer((n, request) -> ok("fine " + n));
        peer.closeAfterEachAnswer = true; // without saying so in the answer
        get("/a").get(5, TimeUnit.SECONDS);
        Thread.sleep(100); // the client sees the close while the connection is idle
        assertThat(new String(get("/b").get(5, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("fine 2");
        assertThat(peer.requests).hasSize(2);
        assertThat(peer.connections.get()).isEqualTo(2);
    }

    @Test
    void a_truncated_answer_fails_and_is_not_sent_again() throws Exception {
        peer = new Peer((n, request) -> "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
        peer.closeAfterEachAnswer = true;
        assertThat(cause(get("/a"))).isInstanceOf(EOFException.class);
        assertThat(peer.requests).hasSize(1);
    }

    @Test
    void no_answer_in_time_is_a_timeout_and_closes_the_connection() throws Exception {
        peer = new Peer((n, request) -> null); // reads the request, never answers
        long t0 = System.nanoTime();
        CompletableFuture<HttpReply> f = client.send("GET", peer.uri("/slow"), null, Duration.ofMillis(300), 1024);
        assertThat(cause(f)).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    }

    @Test
    void a_closed_port_is_refused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(cause(client.send("GET", URI.create("http://127.0.0.1:" + port + "/"), null, TIMEOUT, 1024)))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void a_body_over_the_cap_is_a_bad_response() throws Exception {
        peer = new Peer((n, request) -> ok("x".repeat(2000)));
        assertThat(cause(client.send("GET", peer.uri("/big"), null, TIMEOUT, 1000)))
                .isInstanceOf(BadResponseException.class).hasMessageContaining("limit 1000");
    }

    @Test
    void header_values_cannot_split_the_request() throws Exception {
        peer = new Peer((n, request) -> ok("no"));
        assertThat(cause(client.send("GET", peer.uri("/"), null, TIMEOUT, 1024, "Authorization", "x\r\nEvil: 1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cause(client.send("GET", URI.create("https://127.0.0.1/"), null, TIMEOUT, 1024)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(peer.requests).isEmpty();
    }

    @Test
    void many_devices_in_parallel_each_get_their_own_answer() throws Exception {
        peer = new Peer((n, request) -> ok(request.substring(4, request.indexOf(' ', 4))));
        List<CompletableFuture<HttpReply>> all = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(get("/d" + i));
        }
        for (int i = 0; i < 200; i++) {
            assertThat(new String(all.get(i).get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8)).isEqualTo("/d" + i);
        }
    }

    private CompletableFuture<HttpReply> get(String path) {
        return client.send("GET", peer.uri(path), null, TIMEOUT, 64 * 1024);
    }

    private CompletableFuture<HttpReply> post(String path, String body) {
        return client.send("POST", peer.uri(path), body.getBytes(StandardCharsets.UTF_8), TIMEOUT, 64 * 1024,
                "Content-Type", "application/soap+xml");
    }

    private static Throwable cause(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no outcome in 10 s", e);
        }
        throw new AssertionError("expected a failure");
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** A scripted HTTP peer: (request number, request text) → answer text, null to stay silent, "" to hang up. */
    private static final class Peer implements AutoCloseable {

        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger numbered = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final BiFunction<Integer, String, String> script;
        volatile boolean closeAfterEachAnswer;

        Peer(BiFunction<Integer, String, String> script) throws IOException {
            this.script = script;
            server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::accept, "peer-accept");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "peer-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                while (true) {
                    String request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    String answer = script.apply(numbered.incrementAndGet(), request);
                    if (answer == null) {
                        Thread.sleep(10_000);
                        return;
                    }
                    if (answer.isEmpty()) {
                        return; // closes without answering
                    }
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (closeAfterEachAnswer) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        /** Head up to the empty line, then Content-Length bytes of body; null at end of stream. */
        private static String readRequest(InputStream in) throws IOException {
            byte[] buf = new byte[16 * 1024];
            int n = 0;
            for (int c = in.read(); c >= 0 && n < buf.length; c = in.read()) {
                buf[n++] = (byte) c;
                if (n >= 4 && buf[n - 4] == '\r' && buf[n - 3] == '\n' && buf[n - 2] == '\r' && buf[n - 1] == '\n') {
                    String head = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                    return head + new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        private static int contentLength(String head) {
            return head.lines().filter(l -> l.regionMatches(true, 0, "content-length:", 0, 15))
                    .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
