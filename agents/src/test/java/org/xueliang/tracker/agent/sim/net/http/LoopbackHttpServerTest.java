package org.xueliang.tracker.agent.sim.net.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulators' HTTP server on a raw socket: keep-alive, pipelining, delays, drops, caps, refusals. */
class LoopbackHttpServerTest {

    private static final int MAX_BODY = 64;

    private final List<SimHttpRequest> seen = new CopyOnWriteArrayList<>();
    private LoopbackHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(LoopbackHttpServer.Handler handler) throws IOException {
        server = LoopbackHttpServer.start("test-http", new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2,
                MAX_BODY, r -> {
                    seen.add(r);
                    return handler.answer(r);
                });
    }

    private static SimHttpReply echo(SimHttpRequest r) {
        String text = r.method() + " " + r.target() + " " + (r.body() == null ? "TOO-LARGE"
                : new String(r.body(), StandardCharsets.UTF_8)) + " " + r.authorization();
        return SimHttpReply.of(200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.boundTo().getPort());
        s.setSoTimeout(5_000);
        return s;
    }

    @Test
    void answers_several_requests_on_one_kept_alive_connection_with_their_bodies_and_fields() throws Exception {
        start(LoopbackHttpServerTest::echo);
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /onvif/device_service HTTP/1.1\r\nHost: x\r\ncontent-length: 5\r\n\r\nhello").getBytes());
            assertThat(Reply.read(s.getInputStream()).body()).isEqualTo("POST /onvif/device_service hello null");
            out.write("GET /snapshot/p1?x=1 HTTP/1.1\r\nAuthorization:  Digest a=b \r\n\r\n".getBytes());
            Reply second = Reply.read(s.getInputStream());
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.head()).contains("Content-Type: text/plain").doesNotContain("Connection: close");
            assertThat(second.body()).isEqualTo("GET /snapshot/p1?x=1  Digest a=b");
        }
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).local().getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
        assertThat(seen.get(0).remote().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void pipelined_requests_are_answered_in_order() throws Exception {
        start(LoopbackHttpServerTest::echo);
        try (Socket s = connect()) {
            s.getOutputStream().write(("GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nhiGET /c"
                    + " HTTP/1.1\r\n\r\n").getBytes());
            InputStream in = s.getInputStream();
            assertThat(Reply.read(in).body()).startsWith("GET /a ");
            assertThat(Reply.read(in).body()).startsWith("POST /b hi");
            assertThat(Reply.read(in).body()).startsWith("GET /c ");
        }
    }

    @Test
    void a_delayed_answer_comes_after_its_delay_and_the_connection_stays_usable() throws Exception {
        start(r -> new SimHttpReply(200, "text/plain", "late".getBytes(), java.util.Map.of("X-Sim", "1"), 300));
        try (Socket s = connect()) {
            long t0 = System.nanoTime();
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            Reply r = Reply.read(s.getInputStream());
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
            assertThat(r.body()).isEqualTo("late");
            assertThat(r.head()).contains("X-Sim: 1");
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            assertThat(Reply.read(s.getInputStream()).body()).isEqualTo("late");
        }
    }

    @Test
    void a_dropped_request_closes_the_connection_without_a_byte() throws Exception {
        start(r -> SimHttpReply.DROP);
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes());
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void a_body_over_the_cap_reaches_the_handler_as_null_and_the_connection_closes_after_the_answer() throws Exception {
        start(LoopbackHttpServerTest::echo);
        try (Socket s = connect()) {
            s.getOutputStream().write(("POST / HTTP/1.1\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n").getBytes());
            Reply r = Reply.read(s.getInputStream());
            assertThat(r.body()).isEqualTo("POST / TOO-LARGE null");
            assertThat(r.head()).contains("Connection: close");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void chunked_bodies_and_garbage_are_refused_without_the_handler() throws Exception {
        start(LoopbackHttpServerTest::echo);
        assertThat(answerBeforeClose("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").status()).isEqualTo(411);
        assertThat(answerBeforeClose("HELLO\r\n\r\n").status()).isEqualTo(400);
        // one byte over the cap and no more: the server has read all of it when it answers and closes
        String start = "GET / HTTP/1.1\r\nX: ";
        assertThat(answerBeforeClose(start + "a".repeat(RequestReader.MAX_HEAD_BYTES + 1 - start.length())).status())
                .isEqualTo(431);
        assertThat(seen).isEmpty();
    }

    @Test
    void http10_and_connection_close_end_the_connection_after_the_answer() throws Exception {
        start(LoopbackHttpServerTest::echo);
        assertThat(answerBeforeClose("GET / HTTP/1.0\r\n\r\n").head()).contains("Connection: close");
        assertThat(answerBeforeClose("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").head()).contains("Connection: close");
    }

    /** Sends {@code request} on a new connection; the server answers it and then closes the connection. */
    private Reply answerBeforeClose(String request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            Reply r = Reply.read(s.getInputStream());
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            return r;
        }
    }

    @Test
    void expect_continue_gets_100_before_the_body_is_sent() throws Exception {
        start(LoopbackHttpServerTest::echo);
        try (Socket s = connect()) {
            s.getOutputStream().write("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".getBytes());
            assertThat(Reply.readHead(s.getInputStream())).startsWith("HTTP/1.1 100 Continue");
            s.getOutputStream().write("ok".getBytes());
            assertThat(Reply.read(s.getInputStream()).body()).isEqualTo("POST / ok null");
        }
    }

    @Test
    void an_answer_larger_than_the_socket_buffer_arrives_whole() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        start(r -> SimHttpReply.of(200, "application/octet-stream", big));
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\n\r\n".getBytes());
            assertThat(Reply.read(s.getInputStream()).body()).hasSize(big.length);
            assertThat(Reply.read(s.getInputStream()).body()).hasSize(big.length);
        }
    }

    /** One answer read off the socket. */
    private record Reply(String head, String body) {

        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        static Reply read(InputStream in) throws IOException {
            String head = readHead(in);
            int at = head.toLowerCase().indexOf("content-length:");
            int end = head.indexOf("\r\n", at);
            int length = Integer.parseInt(head.substring(at + 15, end < 0 ? head.length() : end).strip());
            return new Reply(head, new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
        }

        static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed inside a head: " + head);
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
