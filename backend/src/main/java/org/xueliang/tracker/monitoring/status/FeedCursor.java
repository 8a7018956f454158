package org.xueliang.tracker.monitoring.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How far one replica has fanned out the {@link StatusChangeFeed}. An auto-increment id is taken when a row is
 * inserted but the row becomes visible when its transaction commits, so a poll can see id 7 while id 6 is still
 * uncommitted; and on Galera ids step by the cluster size, so many ids never exist at all. Reading only "above the
 * highest id seen" would lose such late rows. The cursor therefore remembers the ids it skipped, for a grace period
 * longer than any state-changing transaction, and the stream asks for them again until they appear or the grace is
 * over (an id never used, or a rolled-back transaction). At most {@code maxPending} skipped ids are remembered, the
 * newest: that bounds each poll's extra look-up in a storm of changes.
 * Not thread-safe: one scheduler thread polls.
 */
final class FeedCursor {

    private final long graceNanos;
    private final int maxPending;
    private long last;
    /** Skipped id → when it was first skipped (System.nanoTime), oldest first. */
    private final LinkedHashMap<Long, Long> pending = new LinkedHashMap<>();

    FeedCursor(long last, Duration grace, int maxPending) {
        this.last = last;
        this.graceNanos = grace.toNanos();
        this.maxPending = maxPending;
    }

    /** The highest id seen. */
    long last() {
        return last;
    }

    /** The skipped ids still worth asking for at {@code nowNanos}; forgets those past the grace period. */
    Set<Long> pending(long nowNanos) {
        pending.values().removeIf(since -> nowNanos - since > graceNanos);
        return Set.copyOf(pending.keySet());
    }

    /**
     * Takes the rows of a poll (rows above {@link #last} in id order, and rows found among {@link #pending}) and
     * answers those not fanned out before, in the order given.
     */
    List<StatusChangeFeed.Entry> take(List<StatusChangeFeed.Entry> rows, long nowNanos) {
        List<StatusChangeFeed.Entry> fresh = new ArrayList<>();
        for (StatusChangeFeed.Entry row : rows) {
            long id = row.id();
            if (id > last) {
                for (long skipped = Math.max(last + 1, id - maxPending); skipped < id; skipped++) {
                    pending.put(skipped, nowNanos);
                }
                last = id;
                fresh.add(row);
            } else if (pending.remove(id) != null) {
                fresh.add(row);
            }
        }
        for (Iterator<Map.Entry<Long, Long>> oldest = pending.entrySet().iterator();
             pending.size() > maxPending && oldest.hasNext(); ) {
            oldest.next();
            oldest.remove();
        }
        return fresh;
    }
}
