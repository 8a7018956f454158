package org.xueliang.tracker.agent.net.http;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One request on its way: the bytes to send, where, until when, the body cap, and the future the caller waits on.
 * Owned by the event loop thread once submitted.
 */
final class Exchange {

    final InetSocketAddress address;
    /** host:port, the idle-pool key: one camera's requests share its kept-alive connections. */
    final String poolKey;
    final byte[] request;
    final boolean headRequest;
    final int maxBody;
    final long deadlineNanos;
    final CompletableFuture<HttpReply> result = new CompletableFuture<>();

    ByteBuffer out;
    /** The connection the request is on now (a retry moves it). */
    Connection carrier;
    /** On a connection taken from the idle pool: a close before any answer byte allows one retry on a new one. */
    boolean reusedConnection;
    boolean retried;
    boolean finished;

    Exchange(InetSocketAddress address, String poolKey, byte[] request, boolean headRequest, int maxBody,
             long deadlineNanos) {
        this.address = address;
        this.poolKey = poolKey;
        this.request = request;
        this.headRequest = headRequest;
        this.maxBody = maxBody;
        this.deadlineNanos = deadlineNanos;
    }

    /** The request from its first byte again (a new exchange, or the retry on a fresh connection). */
    void rewind() {
        out = ByteBuffer.wrap(request);
    }
}
