package org.xueliang.tracker.shared;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a unit of database work again when it lost a race the database resolves by failing one side: a deadlock or
 * lock wait timeout (MariaDB 1213/1205, a Galera certification failure), or a duplicate key from two first inserts
 * of one row at once (the retry then finds the row and updates it). Bounded, with a short growing pause. The work
 * must be its own transaction (not joined to a caller's), or the retry would run inside a transaction already lost.
 */
public final class TransientRetry {

    public static final int DEFAULT_ATTEMPTS = 5;

    private TransientRetry() {
    }

    public static <T> T run(Supplier<T> work) {
        return run(DEFAULT_ATTEMPTS, work);
    }

    public static <T> T run(int attempts, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (TransientDataAccessException | DuplicateKeyException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                pause(10L * attempt * attempt);
            }
        }
    }

    public static void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
