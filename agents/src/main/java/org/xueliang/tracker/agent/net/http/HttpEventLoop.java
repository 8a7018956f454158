package org.xueliang.tracker.agent.net.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.xueliang.tracker.agent.net.SelectorThread;

/**
 * One selector thread that connects, writes requests, reads answers and keeps connections alive for its share
 * of the devices. Everything about a connection happens on this thread, so nothing is locked. Callers' futures
 * complete on this thread too: the next request of an ONVIF probe, submitted from that continuation, goes straight
 * onto the connection just returned to the pool, without a thread hop or a wake-up. Continuations must therefore
 * not block; heavy work (decoding a snapshot) belongs on another executor.
 */
final class HttpEventLoop extends SelectorThread {

    /** Idle connections are checked for expiry this often. */
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PriorityQueue<Exchange> deadlines =
            new PriorityQueue<>((a, b) -> Long.compare(a.deadlineNanos - b.deadlineNanos, 0));
    private final IdleConnections idle;
    /** Reads land here and are copied out by the reader: one buffer per loop, not one per connection. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private long nextSweep = System.nanoTime() + SWEEP_NANOS;

    HttpEventLoop(String name, IdleConnections idle) {
        super(name);
        this.idle = idle;
        start();
    }

    void submit(Exchange x) {
        if (onLoopThread()) {
            begin(x);
        } else {
            execute(() -> begin(x));
        }
    }

    @Override
    protected void afterSelect(long now) {
        expireDeadlines(now);
        if (now - nextSweep >= 0) {
            idle.expire(now, Connection::close);
            nextSweep = now + SWEEP_NANOS;
        }
    }

    @Override
    protected long selectTimeoutMillis() {
        long until = nextSweep;
        Exchange first = deadlines.peek();
        if (first != null && first.deadlineNanos - until < 0) {
            until = first.deadlineNanos;
        }
        return millisUntil(until);
    }

    private void begin(Exchange x) {
        if (x.finished) {
            return;
        }
        if (!x.retried) {
            deadlines.add(x);
        }
        Connection c = idle.take(x.poolKey);
        if (c != null) {
            x.reusedConnection = true;
            assign(c, x);
            try {
                write(c);
            } catch (IOException | RuntimeException e) {
                broken(c, e);
            }
            return;
        }
        x.reusedConnection = false;
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c = new Connection(ch, x.poolKey);
            assign(c, x);
            boolean connected = ch.connect(x.address);
            c.key = ch.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, c);
            if (connected) {
                write(c);
            }
        } catch (IOException | RuntimeException e) {
            if (c != null) {
                c.close();
            } else if (ch != null) {
                closeQuietly(ch);
            }
            fail(x, e);
        }
    }

    private static void assign(Connection c, Exchange x) {
        c.current = x;
        x.carrier = c;
        c.reader = new ResponseReader(x.maxBody, x.headRequest);
        x.rewind();
    }

    @Override
    protected void ready(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                if (c.channel.finishConnect()) {
                    write(c);
                }
                return;
            }
            if (key.isWritable()) {
                write(c);
                return;
            }
            if (key.isReadable()) {
                read(c);
            }
        } catch (IOException | RuntimeException e) {
            broken(c, e);
        }
    }

    private void write(Connection c) throws IOException {
        Exchange x = c.current;
        c.channel.write(x.out);
        c.key.interestOps(x.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(Connection c) throws IOException {
        while (true) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (c.current == null) {
                // idle: the device closed it, or sent something unasked; either way it is no longer usable
                idle.remove(c);
                c.close();
                return;
            }
            if (n < 0) {
                if (c.reader.endOfStream()) {
                    finish(c, false);
                } else {
                    throw new EOFException("connection closed");
                }
                return;
            }
            if (n == 0) {
                return;
            }
            readBuffer.flip();
            if (c.reader.feed(readBuffer)) {
                // bytes after the answer would be a device speaking out of turn: do not reuse that connection
                finish(c, !readBuffer.hasRemaining());
                return;
            }
        }
    }

    /** The answer is complete: the connection goes back to the pool first, then the caller hears of it. */
    private void finish(Connection c, boolean cleanEnd) {
        Exchange x = c.current;
        c.current = null;
        HttpReply reply = c.reader.reply();
        boolean reusable = cleanEnd && c.reader.reusable();
        c.reader = null;
        if (!reusable || !isOpen() || !idle.offer(c, System.nanoTime())) {
            c.close();
        }
        x.finished = true;
        x.result.complete(reply);
    }

    /** A connection failed under an exchange: retried once when it was a stale pooled one, else the caller hears. */
    private void broken(Connection c, Throwable e) {
        Exchange x = c.current;
        boolean answerStarted = c.reader != null && c.reader.started();
        c.current = null;
        c.close();
        if (x == null) {
            idle.remove(c);
            return;
        }
        if (x.reusedConnection && !x.retried && !answerStarted && !(e instanceof BadResponseException)
                && x.deadlineNanos - System.nanoTime() > TimeUnit.MILLISECONDS.toNanos(1)) {
            // A kept-alive connection the device closed meanwhile. Every request the agent makes only reads,
            // so sending it again on a fresh connection is safe.
            x.retried = true;
            begin(x);
            return;
        }
        fail(x, e);
    }

    private void expireDeadlines(long now) {
        Exchange x;
        while ((x = deadlines.peek()) != null && (x.finished || now - x.deadlineNanos >= 0)) {
            deadlines.poll();
            if (!x.finished) {
                Connection owner = x.carrier;
                if (owner != null && owner.current == x) {
                    owner.current = null;
                    owner.close();
                }
                fail(x, new HttpTimeoutException("request timed out"));
            }
        }
    }

    private static void fail(Exchange x, Throwable e) {
        x.finished = true;
        x.result.completeExceptionally(e);
    }

    @Override
    protected void shutdown() {
        idle.closeAll(Connection::close);
        for (SelectionKey k : selector.keys()) {
            if (k.attachment() instanceof Connection c) {
                Exchange x = c.current;
                c.close();
                if (x != null && !x.finished) {
                    fail(x, new IOException("HTTP client closed"));
                }
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing to release
        }
    }
}
