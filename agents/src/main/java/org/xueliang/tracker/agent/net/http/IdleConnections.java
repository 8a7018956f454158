package org.xueliang.tracker.agent.net.http;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The kept-alive connections of one event loop, by host:port, newest last. Confined to the loop's thread, so no
 * locks: this is what the JDK HttpClient's shared, locked expiry list cost us (docs/BENCHMARKS.md).
 */
final class IdleConnections {

    private final Map<String, ArrayDeque<Connection>> byHost = new HashMap<>();
    private final int maxTotal;
    private final int maxPerHost;
    private final long idleNanos;
    private int total;

    IdleConnections(int maxTotal, int maxPerHost, long idleNanos) {
        this.maxTotal = maxTotal;
        this.maxPerHost = maxPerHost;
        this.idleNanos = idleNanos;
    }

    /** The most recently used open connection to {@code poolKey}, or null. */
    Connection take(String poolKey) {
        ArrayDeque<Connection> q = byHost.get(poolKey);
        while (q != null && !q.isEmpty()) {
            Connection c = q.pollLast();
            total--;
            if (q.isEmpty()) {
                byHost.remove(poolKey);
            }
            if (c.isOpen()) {
                return c;
            }
        }
        return null;
    }

    /** Keeps {@code c} for reuse; false when the pool is full (the caller closes it). */
    boolean offer(Connection c, long now) {
        ArrayDeque<Connection> q = byHost.computeIfAbsent(c.poolKey, k -> new ArrayDeque<>(1));
        if (total >= maxTotal || q.size() >= maxPerHost) {
            if (q.isEmpty()) {
                byHost.remove(c.poolKey);
            }
            return false;
        }
        c.idleSince = now;
        q.addLast(c);
        total++;
        return true;
    }

    /** Forgets a connection the device closed while it was idle. */
    void remove(Connection c) {
        ArrayDeque<Connection> q = byHost.get(c.poolKey);
        if (q != null && q.remove(c)) {
            total--;
            if (q.isEmpty()) {
                byHost.remove(c.poolKey);
            }
        }
    }

    /** Hands every connection idle for longer than the idle time to {@code close}. */
    void expire(long now, Consumer<Connection> close) {
        for (Iterator<ArrayDeque<Connection>> it = byHost.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Connection> q = it.next();
            while (!q.isEmpty() && now - q.peekFirst().idleSince > idleNanos) {
                close.accept(q.pollFirst());
                total--;
            }
            if (q.isEmpty()) {
                it.remove();
            }
        }
    }

    void closeAll(Consumer<Connection> close) {
        byHost.values().forEach(q -> q.forEach(close));
        byHost.clear();
        total = 0;
    }
}
