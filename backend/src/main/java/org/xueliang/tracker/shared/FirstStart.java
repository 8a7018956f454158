package org.xueliang.tracker.shared;

import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up work that must happen once per database (the first admin, the reference dataset), made
 * safe for several instances starting at once on an empty database (issue 9, defect 5: both used to
 * crash on {@code Duplicate entry 'FACE_CAMERA'}).
 *
 * <p>Each attempt runs in one transaction that first locks the single {@code first_start_lock} row,
 * then asks whether the work is done, and does it only if not. A second instance waits on the row
 * lock and then finds the work done. Where row locks do not serialise writers across nodes (Galera
 * certifies at commit instead), the loser's commit fails: it then asks again and carries on when the
 * winner did the work, so a lost race is never a crash.
 *
 * <p>What makes this safe is that every row such work writes has a unique key (user name, codes, asset
 * tags): a second copy can only fail, on the key or at certification, never be stored (issue 12). The
 * lock row only spares a single database the wasted work.
 */
@Component
public class FirstStart {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    FirstStart(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Runs {@code work} unless {@code done} says another start (or an earlier one) already did it.
     *
     * @param what a few words for the log
     * @return whether this call did the work
     */
    public boolean once(String what, BooleanSupplier done, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(tx.execute(status -> {
                    jdbc.queryForObject("SELECT name FROM first_start_lock WHERE name = 'first-start' FOR UPDATE", String.class);
                    if (done.getAsBoolean()) {
                        return false;
                    }
                    work.run();
                    return true;
                }));
            } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
                if (Boolean.TRUE.equals(tx.execute(status -> done.getAsBoolean()))) {
                    log.info("Another instance did the first-start step '{}' at the same time; using its work", what);
                    return false;
                }
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.warn("First-start step '{}' collided with another instance ({}); trying again", what, e.getClass().getSimpleName());
            }
        }
    }
}
