package org.xueliang.tracker.agent.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The TCP prober's "does it accept a connection": one selector thread that connects, and closes at once with a reset
 * (SO_LINGER 0) instead of a FIN. A FIN close leaves the agent's side of every probe in TIME_WAIT for a minute: at
 * 10,000 devices a minute that is tens of thousands of sockets, and the kernel's port search for each new connect
 * slowed down with them (the probing benchmark's TCP series fell from ~20,000 to ~11,000 devices/s once 40,000 were
 * waiting). A port scanner's reset is also what devices see from any monitoring tool that only checks the port.
 */
final class ConnectLoop implements AutoCloseable {

    /** One connect attempt: the channel, its deadline and the caller's future. */
    private record Attempt(SocketChannel channel, long deadlineNanos, CompletableFuture<Void> result) {
    }

    private final Selector selector;
    private final Thread thread;
    private final Queue<Attempt> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Attempt> deadlines =
            new PriorityQueue<>((a, b) -> Long.compare(a.deadlineNanos() - b.deadlineNanos(), 0));
    private volatile boolean open = true;

    ConnectLoop(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes when {@code address} accepted a connection within {@code timeout} (already reset again). */
    CompletableFuture<Void> connectAndReset(InetSocketAddress address, Duration timeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        SocketChannel ch;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            if (ch.connect(address)) {
                close(ch);
                result.complete(null);
                return result;
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        submitted.add(new Attempt(ch, System.nanoTime() + timeout.toNanos(), result));
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
        return result;
    }

    private void run() {
        try {
            while (open) {
                selector.select(this::onConnectable, selectTimeoutMillis());
                wakeupPending.set(false);
                for (Attempt a; (a = submitted.poll()) != null; ) {
                    try {
                        a.channel().register(selector, SelectionKey.OP_CONNECT, a);
                        deadlines.add(a);
                    } catch (IOException | RuntimeException e) {
                        close(a.channel());
                        a.result().completeExceptionally(e);
                    }
                }
                expire(System.nanoTime());
            }
        } catch (IOException | ClosedSelectorException e) {
            open = false;
        } finally {
            for (SelectionKey k : selector.keys()) {
                Attempt a = (Attempt) k.attachment();
                close(a.channel());
                a.result().completeExceptionally(new IOException("TCP prober closed"));
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private long selectTimeoutMillis() {
        Attempt first = deadlines.peek();
        if (first == null) {
            return 0; // no attempt pending: wait for a wake-up
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(first.deadlineNanos() - System.nanoTime() + 999_999));
    }

    private void onConnectable(SelectionKey key) {
        Attempt a = (Attempt) key.attachment();
        try {
            if (!a.channel().finishConnect()) {
                return;
            }
            close(a.channel());
            a.result().complete(null);
        } catch (IOException | RuntimeException e) {
            close(a.channel());
            a.result().completeExceptionally(e);
        }
    }

    private void expire(long now) {
        Attempt a;
        while ((a = deadlines.peek()) != null && (a.result().isDone() || now - a.deadlineNanos() >= 0)) {
            deadlines.poll();
            if (!a.result().isDone()) {
                close(a.channel());
                a.result().completeExceptionally(new InterruptedByTimeoutException());
            }
        }
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close(); // with SO_LINGER 0: a reset, no TIME_WAIT
        } catch (IOException e) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        open = false;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
