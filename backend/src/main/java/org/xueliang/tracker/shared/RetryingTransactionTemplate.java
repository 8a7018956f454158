package org.xueliang.tracker.shared;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TransactionTemplate} whose {@code execute} runs the transaction again on a {@link TransientFailure}, like
 * {@code @Transactional} methods do through {@link TransactionRetryAdvisor}. The application's
 * {@code TransactionTemplate} bean is one of these; code that builds its own template builds this one.
 */
public class RetryingTransactionTemplate extends TransactionTemplate {

    private final transient TransactionRetries retries;

    public RetryingTransactionTemplate(PlatformTransactionManager transactions, TransactionRetries retries) {
        super(transactions);
        this.retries = retries;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        try {
            return retries.run(() -> super.execute(action));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            // TransactionTemplate throws only unchecked exceptions; a checked one here would be a bug in Spring.
            throw new IllegalStateException(checked);
        }
    }
}
