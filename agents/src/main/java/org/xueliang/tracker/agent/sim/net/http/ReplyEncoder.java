package org.xueliang.tracker.agent.sim.net.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The bytes of an answer: status line and fields, then the body (Content-Length always, never chunked). */
final class ReplyEncoder {

    static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private ReplyEncoder() {
    }

    /** The head and the body as two buffers, written together in one gathering write. */
    static ByteBuffer[] encode(SimHttpReply r, boolean close, boolean headOnly) {
        StringBuilder h = new StringBuilder(160 + 40 * r.headers().size());
        h.append("HTTP/1.1 ").append(r.status()).append(' ').append(reason(r.status())).append("\r\n");
        if (!r.contentType().isEmpty()) {
            h.append("Content-Type: ").append(r.contentType()).append("\r\n");
        }
        h.append("Content-Length: ").append(r.body().length).append("\r\n");
        for (Map.Entry<String, String> e : r.headers().entrySet()) {
            h.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        if (close) {
            h.append("Connection: close\r\n");
        }
        h.append("\r\n");
        ByteBuffer head = ByteBuffer.wrap(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer body = ByteBuffer.wrap(headOnly ? new byte[0] : r.body());
        return new ByteBuffer[]{head, body};
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }
}
