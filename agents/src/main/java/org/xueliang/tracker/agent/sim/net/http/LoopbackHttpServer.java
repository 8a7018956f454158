package org.xueliang.tracker.agent.sim.net.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.sim.net.SelectorLoop;

/**
 * A small HTTP/1.1 server for simulated devices, much cheaper per exchange than the JDK's HttpServer (no worker
 * thread hop, no per-exchange stream objects): a few selector threads, connections spread over them as they are
 * accepted, keep-alive, Content-Length bodies (capped), TCP_NODELAY. The handler runs on the selector thread and
 * must not block; an answer it wants delayed is written later by a timer, without holding the thread.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** Answers one request, on a selector thread. */
    public interface Handler {
        SimHttpReply answer(SimHttpRequest request);
    }

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);
    private static final int BACKLOG = 1024;

    private final Handler handler;
    private final int maxBodyBytes;
    private final ServerSocketChannel listener;
    private final SelectorLoop[] loops;
    private final ScheduledExecutorService timer;
    /** Touched by the accepting loop only. */
    private int nextLoop;

    private LoopbackHttpServer(String name, InetSocketAddress bind, int threads, int maxBodyBytes, Handler handler)
            throws IOException {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        listener = ServerSocketChannel.open();
        try {
            listener.bind(bind, BACKLOG);
            listener.configureBlocking(false);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        loops = new SelectorLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new SelectorLoop(name + "-" + (i + 1), this::ready);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-delay");
            t.setDaemon(true);
            return t;
        });
        loops[0].register(listener, SelectionKey.OP_ACCEPT, null);
    }

    /** Listens on {@code bind} (port 0: any free one) with {@code threads} selector threads. */
    public static LoopbackHttpServer start(String name, InetSocketAddress bind, int threads, int maxBodyBytes,
                                           Handler handler) throws IOException {
        return new LoopbackHttpServer(name, bind, threads, maxBodyBytes, handler);
    }

    public InetSocketAddress boundTo() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the listener is closed", e);
        }
    }

    SimHttpReply answer(SimHttpRequest request) {
        return handler.answer(request);
    }

    void later(long millis, Runnable task) {
        timer.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    private void ready(SelectionKey key) {
        if (key.attachment() instanceof HttpConnection c) {
            try {
                c.ready(key);
            } catch (IOException e) {
                c.close();
            }
        } else {
            acceptAll();
        }
    }

    private void acceptAll() {
        try {
            SocketChannel ch;
            while ((ch = listener.accept()) != null) {
                adopt(ch);
            }
        } catch (IOException e) {
            // Out of descriptors, most likely: the backlog keeps the rest until connections close.
            log.debug("accept failed: {}", e.toString());
        }
    }

    private void adopt(SocketChannel ch) {
        SelectorLoop loop = loops[nextLoop++ % loops.length];
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            HttpConnection c = new HttpConnection(ch, loop, this, maxBodyBytes);
            if (loop == loops[0]) {
                loop.registerNow(ch, SelectionKey.OP_READ, c);
            } else {
                loop.register(ch, SelectionKey.OP_READ, c);
            }
        } catch (IOException e) {
            SelectorLoop.closeQuietly(ch); // the client went away before it was set up
        }
    }

    @Override
    public void close() {
        SelectorLoop.closeQuietly(listener);
        for (SelectorLoop l : loops) {
            l.close();
        }
        timer.shutdownNow();
    }
}
