package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.TransactionSystemException;

/** The MariaDB error numbers that a new attempt can fix, found however deep the drivers and Spring wrap them. */
class TransientFailureTest {

    @Test
    void aDeadlockOrCertificationFailureAtCommitIsFoundUnderTheWrappers() {
        SQLException galera = new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        Exception atCommit = new TransactionSystemException("Could not commit JDBC transaction", new RuntimeException(galera));
        assertThat(TransientFailure.of(atCommit)).contains(TransientFailure.DEADLOCK);
        assertThat(TransientFailure.DEADLOCK.reason()).isEqualTo("deadlock");
    }

    @Test
    void lockWaitTimeoutAndNodeNotReadyHaveTheirOwnReasons() {
        assertThat(TransientFailure.of(new CannotAcquireLockException("x", new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
                .contains(TransientFailure.LOCK_WAIT_TIMEOUT);
        assertThat(TransientFailure.of(new SQLException("WSREP has not yet prepared node for application use", "08S01", 1047)))
                .contains(TransientFailure.NODE_NOT_READY);
    }

    @Test
    void aFirstInsertThatLostItsRaceIsRetriedButAPlainDuplicateIsNot() {
        SQLException duplicate = new SQLException("Duplicate entry '77-TCP' for key 'PRIMARY'", "23000", 1062);
        assertThat(TransientFailure.of(new RaceLost("first status row", new RuntimeException(duplicate))))
                .contains(TransientFailure.RACE_LOST);
        assertThat(TransientFailure.RACE_LOST.reason()).isEqualTo("race_lost");
        assertThat(TransientFailure.of(new SQLException("no code", "HY000", 0))).isEmpty();
    }

    @Test
    void otherErrorsAreNotRetried() {
        assertThat(TransientFailure.of(new SQLException("Duplicate entry", "23000", 1062))).isEmpty();
        assertThat(TransientFailure.of(new SQLException("Table doesn't exist", "42S02", 1146))).isEmpty();
        assertThat(TransientFailure.of(new IllegalStateException("no database at all"))).isEmpty();
    }
}
