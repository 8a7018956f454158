package org.xueliang.tracker.gb28181;

/**
 * Published when a request the server sent through {@link GbOutbound} got its final answer from the device, or none
 * ({@code statusCode} 408 after the SIP timeout): for the queries to remember, e.g., that a device does not support
 * SUBSCRIBE. {@code method} is MESSAGE or SUBSCRIBE; {@code cmdType} the CmdType of the body sent.
 */
public record GbRequestAnswered(String deviceCode, String method, String cmdType, int statusCode) {

    public boolean success() {
        return statusCode >= 200 && statusCode < 300;
    }
}
