package org.xueliang.tracker.agent.net;

import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Non-blocking TCP for the TCP and RTSP probers: {@link AsynchronousSocketChannel}s on one small channel
 * group (epoll underneath), a single timer thread for connect deadlines. No thread per connection; one file
 * descriptor per connection in flight, so the scheduler's concurrency bound is also the descriptor bound.
 */
public final class NioClient implements AutoCloseable {

    private final AsynchronousChannelGroup group;
    private final ScheduledExecutorService timer;
    /** The TCP prober's connect-and-reset, on a selector of its own ({@link ConnectLoop}). */
    private final ConnectLoop connects = new ConnectLoop("tcp-connect");

    public NioClient() {
        this(2);
    }

    public NioClient(int threads) {
        try {
            group = AsynchronousChannelGroup.withFixedThreadPool(threads, r -> daemon(r, "tcp-probe"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tcp-probe-timer"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Whether {@code address} accepts a connection within {@code timeout}: connects and closes at once with a reset.
     * Fails as {@link #connect} does.
     */
    public CompletableFuture<Void> connectAndReset(InetSocketAddress address, Duration timeout) {
        return connects.connectAndReset(address, timeout);
    }

    /** Connects within {@code timeout}; fails with {@link InterruptedByTimeoutException} when it passes. */
    public CompletableFuture<AsynchronousSocketChannel> connect(InetSocketAddress address, Duration timeout) {
        CompletableFuture<AsynchronousSocketChannel> f = new CompletableFuture<>();
        AsynchronousSocketChannel ch;
        try {
            ch = AsynchronousSocketChannel.open(group);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            f.completeExceptionally(e);
            return f;
        }
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (f.completeExceptionally(new InterruptedByTimeoutException())) {
                closeQuietly(ch);
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ch.connect(address, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void v, Void a) {
                deadline.cancel(false);
                if (!f.complete(ch)) {
                    closeQuietly(ch);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                deadline.cancel(false);
                closeQuietly(ch);
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Writes all of {@code data}. */
    public static CompletableFuture<Void> write(AsynchronousSocketChannel ch, ByteBuffer data, long deadlineNanos) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        ch.write(data, remainingMs(deadlineNanos), TimeUnit.MILLISECONDS, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (data.hasRemaining()) {
                    ch.write(data, remainingMs(deadlineNanos), TimeUnit.MILLISECONDS, null, this);
                } else {
                    f.complete(null);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Reads into {@code buf} until {@code done} says so, the peer closes, or the buffer is full. */
    public static CompletableFuture<ByteBuffer> readUntil(AsynchronousSocketChannel ch, ByteBuffer buf, long deadlineNanos,
                                                         java.util.function.Predicate<ByteBuffer> done) {
        CompletableFuture<ByteBuffer> f = new CompletableFuture<>();
        ch.read(buf, remainingMs(deadlineNanos), TimeUnit.MILLISECONDS, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (n < 0 || !buf.hasRemaining() || done.test(buf)) {
                    f.complete(buf);
                } else {
                    ch.read(buf, remainingMs(deadlineNanos), TimeUnit.MILLISECONDS, null, this);
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private static long remainingMs(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    public static void closeQuietly(AsynchronousSocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    /** The DOWN result for a connection that failed: refused, timed out, or unreachable. */
    public static ProbeResult failure(ProbeTarget t, Instant started, long t0, Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        Reason reason;
        if (e instanceof InterruptedByTimeoutException) {
            reason = Reason.TIMEOUT;
        } else if (e instanceof ConnectException && !(e instanceof NoRouteToHostException)
                && String.valueOf(e.getMessage()).toLowerCase().contains("refused")) {
            reason = Reason.REFUSED;
        } else {
            reason = Reason.UNREACHABLE;
        }
        String what = reason == Reason.TIMEOUT ? "no answer within " + t.timeout().toMillis() + " ms"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return ProbeResult.of(t, started, latency, Status.DOWN, reason, t.host() + ":" + t.port() + " " + what, Map.of());
    }

    @Override
    public void close() {
        connects.close();
        timer.shutdownNow();
        group.shutdown();
    }
}
