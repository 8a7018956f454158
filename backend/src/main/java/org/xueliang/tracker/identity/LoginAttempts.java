package org.xueliang.tracker.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.identity.LoginAudit.Channel;
import org.xueliang.tracker.identity.LoginAudit.Failure;

/**
 * Counts failed logins per account and locks it for a while after too many (defaults: 5 failures,
 * 15 minutes); a success resets the count. The counters change with single conditional UPDATE
 * statements ({@link AppUserRepository}), so parallel requests of one user are counted exactly and
 * never fail on the entity's version. Every login, failure, lockout and logout is audited with its
 * source address ({@link LoginAudit}); HTTP Basic, which authenticates every request, writes its
 * successful login at most once per {@link #BASIC_LOGIN_AUDIT_INTERVAL} per user, its failures always.
 */
@Component
class LoginAttempts {

    static final Duration BASIC_LOGIN_AUDIT_INTERVAL = Duration.ofHours(1);
    /** A form login is always recorded: no earlier login is "recent enough" to skip it. */
    private static final Instant NEVER_QUIET = Instant.parse("9999-01-01T00:00:00Z");
    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AppUserRepository users;
    private final LoginAudit audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    LoginAttempts(AppUserRepository users, LoginAudit audit, Clock clock,
                  @Value("${xl.security.max-failed-logins:5}") int maxFailures,
                  @Value("${xl.security.lock-minutes:15}") long lockMinutes) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        AuthenticationException e = event.getException();
        String name = event.getAuthentication().getName();
        Channel channel = LoginAudit.currentChannel();
        if (e instanceof BadCredentialsException) {
            recordWrongPassword(name, channel);
        } else {
            Failure failure = e instanceof LockedException ? Failure.LOCKED : e instanceof DisabledException ? Failure.DISABLED : Failure.OTHER;
            audit.failed(name, idOf(name), channel, failure);
        }
    }

    /**
     * A wrong password for {@code username} (or no such user): counted unless the account is locked
     * already, and the count reaching the limit locks it. Also used for the current password of a change.
     */
    @Transactional
    public void recordWrongPassword(String username, Channel channel) {
        Instant now = clock.instant();
        boolean counted = username != null && users.countFailure(username, now) == 1;
        Long id = username == null ? null : idOf(username);
        Failure failure = counted ? Failure.WRONG_PASSWORD : id != null ? Failure.LOCKED : Failure.UNKNOWN_USER;
        audit.failed(username, id, channel, failure);
        if (counted && users.lockWhenOver(username, maxFailures, now.plus(lockFor)) == 1) {
            log.warn("Account {} locked for {} after {} failed logins", username, lockFor, maxFailures);
            audit.locked(username, id, maxFailures);
        }
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        Channel channel = LoginAudit.currentChannel();
        Instant now = clock.instant();
        Instant quietSince = channel == Channel.BASIC ? now.minus(BASIC_LOGIN_AUDIT_INTERVAL) : NEVER_QUIET;
        if (users.recordLogin(name, now, quietSince) == 1) {
            audit.loggedIn(name, idOf(name), channel);
        }
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        String name = event.getAuthentication().getName();
        audit.loggedOut(name, idOf(name));
    }

    private Long idOf(String username) {
        return users.idOf(username).orElse(null);
    }
}
