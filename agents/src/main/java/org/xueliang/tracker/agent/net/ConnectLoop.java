package org.xueliang.tracker.agent.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The TCP prober's "does it accept a connection": one selector thread that connects, and closes at once with a reset
 * (SO_LINGER 0) instead of a FIN. A FIN close leaves the agent's side of every probe in TIME_WAIT for a minute: at
 * 10,000 devices a minute that is tens of thousands of sockets, and the kernel's port search for each new connect
 * slowed down with them (the probing benchmark's TCP series fell from ~20,000 to ~11,000 devices/s once 40,000 were
 * waiting). A port scanner's reset is also what devices see from any monitoring tool that only checks the port.
 */
final class ConnectLoop extends SelectorThread {

    /** One connect attempt: the channel, its deadline and the caller's future. */
    private record Attempt(SocketChannel channel, long deadlineNanos, CompletableFuture<Void> result) {
    }

    private final PriorityQueue<Attempt> deadlines =
            new PriorityQueue<>((a, b) -> Long.compare(a.deadlineNanos() - b.deadlineNanos(), 0));

    ConnectLoop(String name) {
        super(name);
        start();
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
        Attempt a = new Attempt(ch, System.nanoTime() + timeout.toNanos(), result);
        execute(() -> register(a));
        return result;
    }

    private void register(Attempt a) {
        try {
            a.channel().register(selector, SelectionKey.OP_CONNECT, a);
            deadlines.add(a);
        } catch (IOException | RuntimeException e) {
            close(a.channel());
            a.result().completeExceptionally(e);
        }
    }

    @Override
    protected long selectTimeoutMillis() {
        Attempt first = deadlines.peek();
        return first == null ? 0 : millisUntil(first.deadlineNanos());
    }

    @Override
    protected void ready(SelectionKey key) {
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

    @Override
    protected void afterSelect(long now) {
        Attempt a;
        while ((a = deadlines.peek()) != null && (a.result().isDone() || now - a.deadlineNanos() >= 0)) {
            deadlines.poll();
            if (!a.result().isDone()) {
                close(a.channel());
                a.result().completeExceptionally(new InterruptedByTimeoutException());
            }
        }
    }

    @Override
    protected void shutdown() {
        for (Attempt a : deadlines) {
            close(a.channel());
            a.result().completeExceptionally(new IOException("TCP prober closed"));
        }
        deadlines.clear();
    }

    private static void close(SocketChannel ch) {
        try {
            ch.close(); // with SO_LINGER 0: a reset, no TIME_WAIT
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
