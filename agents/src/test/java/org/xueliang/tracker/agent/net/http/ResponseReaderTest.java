package org.xueliang.tracker.agent.net.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n"
            + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n";

    @Test
    void a_length_delimited_answer_in_one_piece() throws Exception {
        ResponseReader r = new ResponseReader(1024, false);
        assertThat(r.feed(bytes("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"a\"\r\n"
                + "www-authenticate: Basic realm=\"a\"\r\nContent-Length: 3\r\n\r\nabc"))).isTrue();
        HttpReply reply = r.reply();
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().all("WWW-Authenticate")).containsExactly("Digest realm=\"a\"", "Basic realm=\"a\"");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(r.reusable()).isTrue();
    }

    @Test
    void any_split_of_the_bytes_reads_the_same_answer() throws Exception {
        byte[] all = CHUNKED.getBytes(StandardCharsets.ISO_8859_1);
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            ResponseReader r = new ResponseReader(1024, false);
            int at = 0;
            boolean done = false;
            while (at < all.length) {
                int n = 1 + rnd.nextInt(Math.min(9, all.length - at));
                ByteBuffer piece = ByteBuffer.wrap(all, at, n);
                done = r.feed(piece);
                assertThat(piece.hasRemaining()).isFalse();
                at += n;
                assertThat(done).isEqualTo(at == all.length);
            }
            assertThat(new String(r.reply().body(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
            assertThat(r.reusable()).isTrue();
        }
    }

    @Test
    void bytes_after_the_answer_stay_in_the_buffer() throws Exception {
        ResponseReader r = new ResponseReader(1024, false);
        ByteBuffer in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA");
        assertThat(r.feed(in)).isTrue();
        assertThat(in.remaining()).isEqualTo(5);
    }

    @Test
    void interim_answers_are_skipped() throws Exception {
        ResponseReader r = new ResponseReader(1024, false);
        assertThat(r.feed(bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\nX-A: 1\r\n\r\n"))).isTrue();
        assertThat(r.reply().status()).isEqualTo(204);
        assertThat(r.reply().headers().first("x-a")).contains("1");
        assertThat(r.reply().body()).isEmpty();
    }

    @Test
    void without_a_length_the_close_ends_the_body_and_the_connection_is_not_reused() throws Exception {
        ResponseReader r = new ResponseReader(1024, false);
        assertThat(r.feed(bytes("HTTP/1.0 200 OK\r\n\r\npartial"))).isFalse();
        assertThat(r.feed(bytes(" body"))).isFalse();
        assertThat(r.endOfStream()).isTrue();
        assertThat(new String(r.reply().body(), StandardCharsets.UTF_8)).isEqualTo("partial body");
        assertThat(r.reusable()).isFalse();
    }

    @Test
    void keep_alive_follows_the_version_and_the_connection_field() throws Exception {
        assertThat(reusable("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")).isTrue();
        assertThat(reusable("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n")).isFalse();
        assertThat(reusable("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")).isFalse();
        assertThat(reusable("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")).isTrue();
    }

    @Test
    void a_body_over_the_cap_is_refused_as_soon_as_it_is_known() {
        assertThatThrownBy(() -> new ResponseReader(10, false).feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n")))
                .isInstanceOf(BadResponseException.class).hasMessageContaining("announced 11 bytes");
        assertThatThrownBy(() -> new ResponseReader(10, false).feed(bytes(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\n")))
                .isInstanceOf(BadResponseException.class).hasMessageContaining("limit 10");
        assertThatThrownBy(() -> new ResponseReader(10, false).feed(bytes("HTTP/1.1 200 OK\r\n\r\n0123456789A")))
                .isInstanceOf(BadResponseException.class).hasMessageContaining("limit 10");
    }

    @Test
    void malformed_answers_are_bad_responses() {
        for (String bad : new String[] {
                "SIP/2.0 200 OK\r\n\r\n",
                "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n"}) {
            assertThatThrownBy(() -> new ResponseReader(1024, false).feed(bytes(bad)))
                    .as(bad).isInstanceOf(BadResponseException.class);
        }
        String huge = "HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseReader.MAX_HEAD_BYTES) + "\r\n\r\n";
        assertThatThrownBy(() -> new ResponseReader(1024, false).feed(bytes(huge))).isInstanceOf(BadResponseException.class);
    }

    @Test
    void a_close_in_the_middle_is_a_truncated_answer() throws Exception {
        ResponseReader r = new ResponseReader(1024, false);
        assertThat(r.started()).isFalse();
        r.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        assertThat(r.started()).isTrue();
        assertThatThrownBy(r::endOfStream).isInstanceOf(EOFException.class).hasMessageContaining("middle");
    }

    private static boolean reusable(String text) throws Exception {
        ResponseReader r = new ResponseReader(1024, false);
        assertThat(r.feed(bytes(text))).isTrue();
        return r.reusable();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
