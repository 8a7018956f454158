package org.xueliang.tracker.agent.sim.net.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.xueliang.tracker.agent.sim.net.SelectorLoop;

/**
 * One client connection of the {@link LoopbackHttpServer}: reads requests, has them answered, writes the answers,
 * one request at a time (no reading while an answer is delayed or half written, so answers keep the requests' order;
 * an answer written at once leaves the read interest as it was, which costs no epoll_ctl per exchange). Everything
 * happens on its loop's thread; a delayed answer comes back to that thread before it is written.
 */
final class HttpConnection {

    private final SocketChannel channel;
    private final SelectorLoop loop;
    private final LoopbackHttpServer server;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final RequestReader reader;
    private SelectionKey key;
    private ByteBuffer[] unsent;
    private boolean closeWhenSent;

    HttpConnection(SocketChannel channel, SelectorLoop loop, LoopbackHttpServer server, int maxBodyBytes)
            throws IOException {
        this.channel = channel;
        this.loop = loop;
        this.server = server;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
        this.reader = new RequestReader(maxBodyBytes);
    }

    void ready(SelectionKey k) throws IOException {
        key = k;
        if (k.isWritable()) {
            flush();
        } else if (k.isReadable()) {
            if (channel.read(reader.buffer()) < 0) {
                close();
                return;
            }
            serveBuffered();
        }
    }

    private void serveBuffered() throws IOException {
        RequestReader.Parsed p;
        try {
            p = reader.next();
        } catch (RequestReader.BadRequestException e) {
            send(SimHttpReply.of(e.status, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8)), true, false);
            return;
        }
        if (p == null) {
            if (reader.continueDue()) {
                channel.write(ByteBuffer.wrap(ReplyEncoder.CONTINUE)); // 25 bytes into an idle socket's buffer
            }
            key.interestOps(SelectionKey.OP_READ); // no system call unless it was writing or waiting before
            return;
        }
        SimHttpReply reply = server.answer(new SimHttpRequest(p.method(), p.target(), p.authorization(), p.body(),
                local, remote));
        if (reply.drops()) {
            close();
            return;
        }
        boolean close = p.close() || p.body() == null;
        boolean headOnly = p.method().equals("HEAD");
        if (reply.delayMillis() > 0) {
            key.interestOps(0); // nothing more is read until the late answer is out: answers keep the requests' order
            server.later(reply.delayMillis(), () -> loop.onLoop(() -> sendLate(reply, close, headOnly)));
        } else {
            send(reply, close, headOnly);
        }
    }

    private void send(SimHttpReply reply, boolean close, boolean headOnly) throws IOException {
        unsent = ReplyEncoder.encode(reply, close, headOnly);
        closeWhenSent = close;
        flush();
    }

    /** A delayed answer: the client may have given up meanwhile, or the server closed. */
    private void sendLate(SimHttpReply reply, boolean close, boolean headOnly) {
        try {
            send(reply, close, headOnly);
        } catch (IOException | CancelledKeyException e) {
            close();
        }
    }

    private void flush() throws IOException {
        channel.write(unsent);
        if (unsent[unsent.length - 1].hasRemaining()) {
            key.interestOps(SelectionKey.OP_WRITE);
            return;
        }
        unsent = null;
        if (closeWhenSent) {
            close();
        } else {
            serveBuffered(); // a pipelined request may be waiting already
        }
    }

    void close() {
        if (key != null) {
            key.cancel();
        }
        SelectorLoop.closeQuietly(channel);
    }
}
