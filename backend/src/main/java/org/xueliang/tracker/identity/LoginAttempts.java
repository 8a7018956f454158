package org.xueliang.tracker.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;

/**
 * Counts failed logins per account and locks it for a while after too many (defaults: 5 failures,
 * 15 minutes). A success resets the count. Lockouts are audited; passwords never appear anywhere.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final AppUserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    LoginAttempts(AppUserRepository users, AuditTrail audit, Clock clock,
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
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(user -> {
            Instant now = clock.instant();
            user.recordFailure(maxFailures, now.plus(lockFor));
            if (user.isLockedAt(now)) {
                log.warn("Account {} locked until {} after {} failed logins", user.getUsername(), user.getLockedUntil(), maxFailures);
                audit.recordAs(AuditTrail.SYSTEM_ACTOR, "LOCK", "User", user.getId(),
                        "Locked " + user.getUsername() + " after " + maxFailures + " failed logins", null, null);
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(user -> {
            Instant now = clock.instant();
            // Basic auth authenticates every request: only write when something changes or hourly.
            if (user.getFailedAttempts() > 0 || user.getLockedUntil() != null || user.getLastLoginAt() == null
                    || user.getLastLoginAt().isBefore(now.minus(Duration.ofHours(1)))) {
                user.recordSuccess(now);
            }
        });
    }
}
