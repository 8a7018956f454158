package org.xueliang.tracker.shared;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Why a transaction failed in a way that running it again can fix: the database gave up one side of a race.
 * Recognised by MariaDB's error number anywhere in the cause chain, because Spring, Hibernate and the two JDBC
 * drivers wrap it differently (and a failure at commit is wrapped once more).
 */
public enum TransientFailure {

    /** 1213: an InnoDB deadlock, and also how Galera reports a certification failure (a conflicting write committed
     *  first on another node), whether at a statement or at commit. */
    DEADLOCK("deadlock", 1213),
    /** 1205: a row lock not granted within innodb_lock_wait_timeout. */
    LOCK_WAIT_TIMEOUT("lock_wait_timeout", 1205),
    /** 1047 (WSREP has not yet prepared node for application use): the node left the primary component before the
     *  transaction wrote anything lasting; the next attempt gets a connection the driver has failed over. */
    NODE_NOT_READY("wsrep_not_ready", 1047),
    /** A first insert that lost to a concurrent one ({@link RaceLost}, a duplicate key where the code expects that race). */
    RACE_LOST("race_lost", 0);

    private final String reason;
    private final int errorCode;

    TransientFailure(String reason, int errorCode) {
        this.reason = reason;
        this.errorCode = errorCode;
    }

    /** The metric tag: {@code xl_db_transaction_retries_total{reason="deadlock"}}. */
    public String reason() {
        return reason;
    }

    public static Optional<TransientFailure> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RaceLost) {
                return Optional.of(RACE_LOST);
            }
            if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
                for (TransientFailure kind : values()) {
                    if (sql.getErrorCode() == kind.errorCode) {
                        return Optional.of(kind);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
