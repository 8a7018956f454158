package org.xueliang.tracker.agent.sim.net.http;

import java.util.Map;

/**
 * What a simulated device does with a request: an answer, sent after {@code delayMillis}, or {@link #DROP}: the
 * connection is closed without a byte, as with a dead device.
 */
public record SimHttpReply(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {

    public static final SimHttpReply DROP = new SimHttpReply(0, "", new byte[0], Map.of(), 0);

    public SimHttpReply {
        headers = headers == null ? Map.of() : headers;
    }

    public static SimHttpReply of(int status, String contentType, byte[] body) {
        return new SimHttpReply(status, contentType, body, Map.of(), 0);
    }

    boolean drops() {
        return this == DROP;
    }
}
