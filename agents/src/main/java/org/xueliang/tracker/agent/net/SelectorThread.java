package org.xueliang.tracker.agent.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector and the daemon thread that runs it, for the probers' own network loops (the HTTP client's
 * {@code HttpEventLoop}, the TCP prober's {@link ConnectLoop}). Everything about their channels happens on this
 * thread, so nothing is locked; other threads hand work in through {@link #execute}, which wakes the selector only
 * when it is not already being woken.
 */
public abstract class SelectorThread implements AutoCloseable {

    protected final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private volatile boolean open = true;

    protected SelectorThread(String name) {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /** Starts the thread; called by the subclass once its own fields are set. */
    protected final void start() {
        thread.start();
    }

    protected final boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    protected final boolean isOpen() {
        return open;
    }

    /** Runs {@code task} on the loop thread soon (after the current select). */
    protected final void execute(Runnable task) {
        tasks.add(task);
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** A key the selector found ready. */
    protected abstract void ready(SelectionKey key);

    /** How long the next select may wait, in ms; 0 waits until woken. */
    protected abstract long selectTimeoutMillis();

    /** After each select and the tasks handed in: deadlines, sweeps. */
    protected abstract void afterSelect(long nowNanos);

    /** On the loop thread once it stops, before the selector closes: close channels, fail what is pending. */
    protected abstract void shutdown();

    private void run() {
        try {
            while (open) {
                selector.select(this::ready, selectTimeoutMillis());
                wakeupPending.set(false);
                for (Runnable r; (r = tasks.poll()) != null; ) {
                    r.run();
                }
                afterSelect(System.nanoTime());
            }
        } catch (IOException | ClosedSelectorException e) {
            open = false;
        } finally {
            shutdown();
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
            // work handed in meanwhile meets a closed selector and fails its caller
            for (Runnable r; (r = tasks.poll()) != null; ) {
                r.run();
            }
        }
    }

    /** Milliseconds until {@code deadlineNanos}, rounded up, at least 1: a select never spins on a near deadline. */
    protected static long millisUntil(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime() + 999_999));
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
