package org.xueliang.tracker.agent.sim.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * One selector thread for the simulators: channels are registered through the loop (a selector only takes
 * registrations from its own thread without blocking), each ready key goes to the handler. A handler that
 * throws loses its key and channel, never the loop.
 */
public final class SelectorLoop implements AutoCloseable {

    private final Selector selector;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Consumer<SelectionKey> handler;

    public SelectorLoop(String name, Consumer<SelectionKey> handler) {
        this.handler = handler;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        t.start();
    }

    /** Runs {@code task} on the loop thread, soon. */
    public void onLoop(Runnable task) {
        pending.add(task);
        selector.wakeup();
    }

    public void register(SelectableChannel ch, int ops, Object attachment) {
        onLoop(() -> {
            try {
                ch.register(selector, ops, attachment);
            } catch (IOException e) {
                closeQuietly(ch);
            }
        });
    }

    /** Registers from the loop thread itself (inside a handler). */
    public void registerNow(SelectableChannel ch, int ops, Object attachment) throws IOException {
        ch.register(selector, ops, attachment);
    }

    /**
     * Closes a registered channel and waits until the loop has deregistered it: NIO releases the socket only
     * then, so a connect right after this call is refused.
     */
    public void closeAndWait(SelectableChannel ch) {
        closeQuietly(ch);
        CompletableFuture<Void> gone = new CompletableFuture<>();
        onLoop(() -> {
            try {
                selector.selectNow();
            } catch (IOException e) {
                // the selector is closing
            }
            gone.complete(null);
        });
        gone.join();
    }

    private void run() {
        try {
            while (selector.isOpen()) {
                selector.select();
                Runnable r;
                while ((r = pending.poll()) != null) {
                    r.run();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (key.isValid()) {
                            handler.accept(key);
                        }
                    } catch (RuntimeException e) {
                        key.cancel();
                        closeQuietly(key.channel());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (ClosedSelectorException e) {
            // closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Closes the selector and every channel registered with it. */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onLoop(() -> {
            selector.keys().forEach(k -> closeQuietly(k.channel()));
            done.complete(null);
        });
        try {
            done.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // the loop is gone already
        }
        try {
            selector.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
