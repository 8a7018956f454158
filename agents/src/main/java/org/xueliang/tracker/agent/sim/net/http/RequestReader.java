package org.xueliang.tracker.agent.sim.net.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Collects one connection's bytes and cuts requests out of them: HTTP/1.1 heads, bodies by Content-Length. Only the
 * fields a simulated device answers by are kept. Bytes beyond a request (a pipelined next one) stay for the next
 * call. Used on its connection's loop thread only.
 */
final class RequestReader {

    /** Larger heads are refused: no simulated device has a use for them. */
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private final int maxBodyBytes;
    private ByteBuffer buf = ByteBuffer.allocate(4096);
    /** Where to look for the end of the head next: what was scanned before holds no CRLFCRLF. */
    private int scanFrom;
    private Head head;
    private boolean continueSent;

    /** A request head that is waiting for its body. */
    private record Head(String method, String target, String authorization, long contentLength, boolean close,
                        boolean expectsContinue, int bodyStart) {
    }

    /** A request cut from the stream; {@code close} when the connection ends after its answer. */
    record Parsed(String method, String target, String authorization, byte[] body, boolean close) {
    }

    RequestReader(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The buffer to read into, grown when full (the caps bound it). */
    ByteBuffer buffer() {
        if (!buf.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(buf.capacity() * 2);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
        return buf;
    }

    /**
     * The next complete request, or null when more bytes are needed.
     *
     * @throws BadRequestException when the bytes are not a request this server takes
     */
    Parsed next() throws BadRequestException {
        if (head == null) {
            int end = headEnd();
            if (end < 0) {
                if (buf.position() > MAX_HEAD_BYTES) {
                    throw new BadRequestException(431, "request head larger than " + MAX_HEAD_BYTES + " bytes");
                }
                return null;
            }
            head = parseHead(end);
            if (head.contentLength > maxBodyBytes) {
                Head h = head;
                head = null;
                return new Parsed(h.method, h.target, h.authorization, null, true);
            }
        }
        long have = buf.position() - head.bodyStart;
        if (have < head.contentLength) {
            return null;
        }
        Head h = head;
        head = null;
        continueSent = false;
        byte[] body = new byte[(int) h.contentLength];
        System.arraycopy(buf.array(), h.bodyStart, body, 0, body.length);
        consume(h.bodyStart + body.length);
        return new Parsed(h.method, h.target, h.authorization, body, h.close);
    }

    /** True once per request whose head asked for 100 Continue and whose body has not begun: send it now. */
    boolean continueDue() {
        if (head == null || !head.expectsContinue || continueSent || buf.position() != head.bodyStart) {
            return false;
        }
        continueSent = true;
        return true;
    }

    private int headEnd() {
        byte[] a = buf.array();
        for (int i = Math.max(0, scanFrom - 3); i + 3 < buf.position(); i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') {
                return i;
            }
        }
        scanFrom = buf.position();
        return -1;
    }

    private Head parseHead(int end) throws BadRequestException {
        String text = new String(buf.array(), 0, end, StandardCharsets.ISO_8859_1);
        int lineEnd = text.indexOf("\r\n");
        String requestLine = lineEnd < 0 ? text : text.substring(0, lineEnd);
        int sp1 = requestLine.indexOf(' ');
        int sp2 = requestLine.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1 || !requestLine.startsWith("HTTP/1.", sp2 + 1)) {
            throw new BadRequestException(400, "not an HTTP/1.x request line");
        }
        boolean http10 = requestLine.startsWith("HTTP/1.0", sp2 + 1);
        String authorization = null;
        long contentLength = 0;
        String connection = "";
        boolean expectsContinue = false;
        int pos = lineEnd < 0 ? text.length() : lineEnd + 2;
        while (pos < text.length()) {
            int next = text.indexOf("\r\n", pos);
            String line = text.substring(pos, next < 0 ? text.length() : next);
            pos = next < 0 ? text.length() : next + 2;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException(400, "a header line without a name");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = contentLength(value);
            } else if (name.equalsIgnoreCase("Authorization")) {
                authorization = value;
            } else if (name.equalsIgnoreCase("Connection")) {
                connection = value.toLowerCase(java.util.Locale.ROOT);
            } else if (name.equalsIgnoreCase("Expect")) {
                expectsContinue = value.equalsIgnoreCase("100-continue");
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new BadRequestException(411, "chunked request bodies are not taken: send Content-Length");
            }
        }
        boolean close = connection.contains("close") || (http10 && !connection.contains("keep-alive"));
        return new Head(requestLine.substring(0, sp1), originForm(requestLine.substring(sp1 + 1, sp2)), authorization,
                contentLength, close, expectsContinue, end + 4);
    }

    private static long contentLength(String value) throws BadRequestException {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "bad Content-Length");
        }
    }

    /** An absolute-form target (http://host/path) becomes its path and query, as a device reads it. */
    private static String originForm(String target) {
        if (!target.regionMatches(true, 0, "http://", 0, 7)) {
            return target;
        }
        int slash = target.indexOf('/', 7);
        return slash < 0 ? "/" : target.substring(slash);
    }

    private void consume(int n) {
        int left = buf.position() - n;
        System.arraycopy(buf.array(), n, buf.array(), 0, left);
        buf.position(left);
        scanFrom = 0;
    }

    /** Bytes that cannot be a request; answered with {@code status} and the connection closed. */
    static final class BadRequestException extends Exception {
        final int status;

        BadRequestException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
