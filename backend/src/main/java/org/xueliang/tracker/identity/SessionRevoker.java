package org.xueliang.tracker.identity;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends a user's browser sessions (issue 9, defect 1): a session must not outlive the rights it was granted with.
 * Sessions live in the database (Spring Session JDBC), found by the user's name, so this works whichever replica
 * holds the request. {@link UserService} calls it when an admin changes a user's role, projects, password or
 * enabled flag, or deletes the user; a user changing their own password ends their other sessions through
 * {@link #endOtherSessionsOf}.
 *
 * <p>Inside a transaction the sessions end twice: at once, so the change fails closed (if the transaction then
 * rolls back, the user merely logs in again), and after commit, which also ends a session that a login running
 * in parallel saved in between with the old rights.
 */
@Component
public class SessionRevoker {

    private static final Logger log = LoggerFactory.getLogger(SessionRevoker.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionRevoker(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of {@code username}. */
    public void endSessionsOf(String username) {
        end(username, null);
    }

    /** Ends every session of {@code username} except {@code keepSessionId} (the caller's own; null keeps none). */
    public void endOtherSessionsOf(String username, String keepSessionId) {
        end(username, keepSessionId);
    }

    private void end(String username, String keep) {
        endNow(username, keep);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    endNow(username, keep);
                }
            });
        }
    }

    private void endNow(String username, String keep) {
        int ended = 0;
        for (String id : sessions.findByPrincipalName(username).keySet()) {
            if (!Objects.equals(id, keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of {}", ended, username);
        }
    }
}
