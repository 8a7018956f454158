package org.xueliang.tracker.identity;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Deletes expired browser sessions from SPRING_SESSION, once a minute, on one replica (lease {@value #LEASE}).
 * Spring Session's own cleanup cron would run the same DELETE on every replica at the same second, where the
 * copies only contend for the same rows (and on Galera fail certification against each other); it is switched off
 * (spring.session.jdbc.cleanup-cron: "-"). An expired session is refused whether or not its row is gone yet:
 * Spring Session checks the expiry on every load, so this is housekeeping, not security.
 */
@Component
class ExpiredSessionCleanup {

    static final String LEASE = "session-cleanup";

    private final JdbcIndexedSessionRepository sessions;
    private final SchedulerLease lease;

    ExpiredSessionCleanup(JdbcIndexedSessionRepository sessions, SchedulerLease lease) {
        this.sessions = sessions;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${xl.security.session-cleanup-ms:60000}", initialDelayString = "${xl.security.session-cleanup-ms:60000}")
    void scheduled() {
        lease.runUnder(LEASE, Duration.ofMinutes(5), sessions::cleanUpExpiredSessions);
    }
}
