package org.xueliang.tracker.shared;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a whole transaction again when the database failed it for a {@link TransientFailure} (deadlock, Galera
 * certification failure, lock wait timeout), at most {@link #ATTEMPTS} times with a short growing pause, and counts
 * every retry in {@code xl_db_transaction_retries_total{reason}}.
 *
 * <p>Only the outermost transaction boundary retries: a call that joins a transaction already open on this thread
 * runs once, and its failure travels up to the boundary that opened it, because the database has rolled back the
 * whole transaction, not just the inner call's part. {@link TransactionRetryAdvisor} applies this to every
 * {@code @Transactional} method and {@link RetryingTransactionTemplate} to programmatic transactions
 * (docs/CLUSTER.md "Transactions").
 */
public class TransactionRetries {

    public static final int ATTEMPTS = 5;
    public static final String METRIC = "xl.db.transaction.retries";

    private static final Logger log = LoggerFactory.getLogger(TransactionRetries.class);

    @FunctionalInterface
    public interface Work<T> {
        T run() throws Throwable;
    }

    private final Map<TransientFailure, Counter> retries = new EnumMap<>(TransientFailure.class);

    public TransactionRetries(MeterRegistry meters) {
        for (TransientFailure kind : TransientFailure.values()) {
            retries.put(kind, Counter.builder(METRIC)
                    .description("Transactions run again after a deadlock, Galera certification failure or lock wait timeout")
                    .tag("reason", kind.reason())
                    .register(meters));
        }
    }

    public <T> T run(Work<T> transaction) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.run(); // joined: the boundary that opened the transaction retries it
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.run();
            } catch (Throwable failure) {
                Optional<TransientFailure> kind = TransientFailure.of(failure);
                if (kind.isEmpty() || attempt >= ATTEMPTS) {
                    throw failure;
                }
                retries.get(kind.get()).increment();
                log.debug("Transaction failed ({}), attempt {} of {}: running it again", kind.get().reason(), attempt, ATTEMPTS);
                pause(attempt);
            }
        }
    }

    /** 10, 40, 90, 160 ms: long enough for the winner to commit, short enough that a request does not notice. */
    private static void pause(int attempt) throws InterruptedException {
        Thread.sleep(10L * attempt * attempt);
    }
}
