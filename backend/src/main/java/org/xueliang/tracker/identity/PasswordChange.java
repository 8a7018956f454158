package org.xueliang.tracker.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/**
 * A user changes their own password, proving the current one. A wrong current password counts as a
 * failed login (and can lock the account), so a stolen session cannot be used to guess the password;
 * that count commits even though the request then fails. The new password must meet the
 * {@link PasswordPolicy} and differ from the current one.
 */
@Service
class PasswordChange {

    record Input(String currentPassword, String newPassword) {
    }

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginAttempts attempts;
    private final LoginAudit audit;
    private final SessionRevoker sessions;
    private final TransactionTemplate tx;
    private final Clock clock;

    PasswordChange(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, LoginAttempts attempts,
                   LoginAudit audit, SessionRevoker sessions, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.attempts = attempts;
        this.audit = audit;
        this.sessions = sessions;
        this.tx = tx;
        this.clock = clock;
    }

    /** Changes the password of {@code username}; {@code sessionId} is the session asking (null for HTTP Basic). */
    void change(String username, Input in, String sessionId) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> ApiException.notFound("User", username));
        if (in == null || in.currentPassword() == null || in.currentPassword().isEmpty()) {
            throw ApiException.invalid(List.of(policy.problem("currentPassword", "password.required")));
        }
        if (!encoder.matches(in.currentPassword(), user.getPasswordHash())) {
            attempts.recordWrongPassword(username, LoginAudit.Channel.PASSWORD_CHANGE);
            throw ApiException.invalid(List.of(policy.problem("currentPassword", "password.wrongCurrent")));
        }
        List<FieldProblem> problems = new ArrayList<>(policy.check("newPassword", username, in.newPassword()));
        if (problems.isEmpty() && in.newPassword().equals(in.currentPassword())) {
            problems.add(policy.problem("newPassword", "password.sameAsCurrent"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        tx.executeWithoutResult(status -> {
            AppUser current = users.findById(user.getId()).orElseThrow(() -> ApiException.notFound("User", username));
            current.setPassword(encoder.encode(in.newPassword()), clock.instant());
            users.saveAndFlush(current);
            audit.passwordChanged(username, current.getId());
            // The change proves who holds this session: every other one of the user's ends (a thief's included).
            sessions.endOtherSessionsOf(username, sessionId);
        });
    }
}
