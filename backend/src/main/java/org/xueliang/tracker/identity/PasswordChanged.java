package org.xueliang.tracker.identity;

/**
 * Published after a user changed their own password ({@code POST /api/v1/auth/password}). The hook for
 * ending that user's other sessions: {@code keepSessionId} is the session the change came from (null
 * for HTTP Basic), which stays signed in. Published inside the change's transaction: a listener that must
 * act only on a committed change uses {@code @TransactionalEventListener}.
 */
public record PasswordChanged(long userId, String username, String keepSessionId) {
}
