package org.xueliang.tracker.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects what a transaction produces one item at a time (state changes published by ingest, one per device) and
 * hands it over in one list just before the transaction commits, so that the work done for them costs one round trip
 * per transaction, not one per item, and still commits or rolls back with the transaction. Outside a transaction an
 * item is handed over at once.
 */
public final class BeforeCommitBatch {

    private BeforeCommitBatch() {
    }

    /**
     * Adds {@code item} to {@code owner}'s list for the current transaction; {@code flush} gets the list once, before
     * the commit (a failure there rolls the transaction back). {@code owner} tells apart the lists of several users.
     */
    public static <T> void add(Object owner, T item, Consumer<List<T>> flush) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            flush.accept(List.of(item));
            return;
        }
        @SuppressWarnings("unchecked")
        List<T> pending = (List<T>) TransactionSynchronizationManager.getResource(owner);
        if (pending == null) {
            List<T> collected = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(owner, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    flush.accept(collected);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            pending = collected;
        }
        pending.add(item);
    }
}
