package org.xueliang.tracker.agent.net.http;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one HTTP/1.x response from bytes as they arrive (RFC 9112): the status line and fields, interim 1xx
 * answers skipped, then a body delimited by Content-Length, by chunked transfer coding, or by the connection's
 * close. Bodies larger than the cap are refused as soon as that is known (from Content-Length or while reading),
 * so a device cannot make the agent buffer more than it asked for.
 */
final class ResponseReader {

    /** Status line plus fields; real cameras send well under 2 KB. */
    static final int MAX_HEAD_BYTES = 32 * 1024;

    private enum State { HEAD, LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, UNTIL_CLOSE, DONE }

    private final int maxBody;
    private final boolean headRequest;
    private State state = State.HEAD;
    private boolean started;

    private byte[] line = new byte[512];
    private int lineLength;
    private boolean statusLineSeen;
    private boolean http10;
    private int status;
    private HttpFields fields = new HttpFields();
    private int headBytes;

    private byte[] body = new byte[0];
    private int bodyLength;
    private long remaining;
    private boolean keepAlive;

    ResponseReader(int maxBody, boolean headRequest) {
        this.maxBody = maxBody;
        this.headRequest = headRequest;
    }

    /** Any byte of an answer arrived: a retry on a fresh connection could then repeat a request the device saw. */
    boolean started() {
        return started;
    }

    /**
     * Consumes what {@code in} holds, up to the end of this response; returns true once the response is complete
     * (bytes after it stay in {@code in}).
     */
    boolean feed(ByteBuffer in) throws BadResponseException {
        if (in.hasRemaining()) {
            started = true;
        }
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD, CHUNK_SIZE, CHUNK_END, TRAILER -> {
                    if (readLine(in)) {
                        onLine();
                    }
                }
                case LENGTH, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    append(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.LENGTH ? State.DONE : State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> append(in, in.remaining());
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    /** The peer closed the connection: ends a close-delimited body, anything else is a truncated answer. */
    boolean endOfStream() throws EOFException {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            keepAlive = false;
            return true;
        }
        if (state == State.DONE) {
            return true;
        }
        throw new EOFException(started ? "connection closed in the middle of the answer" : "connection closed before any answer");
    }

    HttpReply reply() {
        return new HttpReply(status, fields, bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength));
    }

    /** The connection may carry another request: HTTP/1.1 without "close", or 1.0 with "keep-alive", body delimited. */
    boolean reusable() {
        return state == State.DONE && keepAlive;
    }

    private boolean readLine(ByteBuffer in) throws BadResponseException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == line.length) {
                if (line.length >= MAX_HEAD_BYTES) {
                    throw new BadResponseException("HTTP header line longer than " + MAX_HEAD_BYTES + " bytes");
                }
                line = Arrays.copyOf(line, Math.min(MAX_HEAD_BYTES, line.length * 2));
            }
            line[lineLength++] = b;
        }
        return false;
    }

    private void onLine() throws BadResponseException {
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        switch (state) {
            case HEAD -> onHeadLine(text);
            case CHUNK_SIZE -> onChunkSize(text);
            case CHUNK_END -> {
                if (!text.isEmpty()) {
                    throw new BadResponseException("chunk not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILER -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void onHeadLine(String text) throws BadResponseException {
        headBytes += text.length() + 2;
        if (headBytes > MAX_HEAD_BYTES) {
            throw new BadResponseException("HTTP head larger than " + MAX_HEAD_BYTES + " bytes");
        }
        if (!statusLineSeen) {
            if (text.isEmpty()) {
                return; // tolerated: a stray empty line before the status line (RFC 9112 §2.2)
            }
            parseStatusLine(text);
            statusLineSeen = true;
            return;
        }
        if (!text.isEmpty()) {
            if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
                if (fields.isEmpty()) {
                    throw new BadResponseException("folded header line without a field before it");
                }
                fields.appendToLast(text.trim());
                return;
            }
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new BadResponseException("malformed header line: " + abbreviate(text));
            }
            fields.add(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
            return;
        }
        if (status >= 100 && status < 200) {
            // an interim answer (100 Continue, 102 Processing): the real one follows
            statusLineSeen = false;
            fields = new HttpFields();
            headBytes = 0;
            return;
        }
        startBody();
    }

    private void parseStatusLine(String text) throws BadResponseException {
        if (!text.startsWith("HTTP/1.") || text.length() < 12 || text.charAt(8) != ' ') {
            throw new BadResponseException("not an HTTP/1.x status line: " + abbreviate(text));
        }
        http10 = text.charAt(7) == '0';
        try {
            status = Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new BadResponseException("status code is not a number: " + abbreviate(text));
        }
        if (status < 100 || status > 999) {
            throw new BadResponseException("impossible status code " + status);
        }
    }

    private void startBody() throws BadResponseException {
        keepAlive = http10 ? fields.lists("connection", "keep-alive") : !fields.lists("connection", "close");
        if (headRequest || status == 204 || status == 304) {
            state = State.DONE;
            return;
        }
        if (!fields.all("transfer-encoding").isEmpty()) {
            if (!fields.lists("transfer-encoding", "chunked")) {
                state = State.UNTIL_CLOSE; // another coding without chunked: the close delimits it (RFC 9112 §6.3)
                keepAlive = false;
                return;
            }
            state = State.CHUNK_SIZE;
            return;
        }
        String declared = null;
        for (String v : fields.all("content-length")) {
            if (declared != null && !declared.equals(v)) {
                throw new BadResponseException("conflicting Content-Length fields " + declared + " and " + v);
            }
            declared = v;
        }
        if (declared == null) {
            state = State.UNTIL_CLOSE;
            keepAlive = false;
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared);
        } catch (NumberFormatException e) {
            throw new BadResponseException("Content-Length is not a number: " + abbreviate(declared));
        }
        if (length < 0) {
            throw new BadResponseException("negative Content-Length " + length);
        }
        if (length > maxBody) {
            throw tooLarge("announced " + length + " bytes");
        }
        body = new byte[(int) length];
        remaining = length;
        state = length == 0 ? State.DONE : State.LENGTH;
    }

    private void onChunkSize(String text) throws BadResponseException {
        int semicolon = text.indexOf(';');
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new BadResponseException("chunk size is not hexadecimal: " + abbreviate(text));
        }
        if (size < 0) {
            throw new BadResponseException("negative chunk size");
        }
        if (size == 0) {
            state = State.TRAILER;
            return;
        }
        if (bodyLength + size > maxBody) {
            throw tooLarge("more than " + maxBody + " bytes");
        }
        remaining = size;
        state = State.CHUNK_DATA;
    }

    private void append(ByteBuffer in, int n) throws BadResponseException {
        if ((long) bodyLength + n > maxBody) {
            throw tooLarge("more than " + maxBody + " bytes");
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, (int) Math.min(maxBody, Math.max(4096L, Math.max(body.length * 2L, bodyLength + n))));
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
    }

    private BadResponseException tooLarge(String what) {
        return new BadResponseException("response body too large (" + what + "; limit " + maxBody + ")");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
