package org.xueliang.tracker.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.Texts;

/**
 * The password rules of 等保 2.0 level 3 (docs/SECURITY.md "Login policy"), configurable under
 * {@code xl.security.password.*}: a minimum length, at least so many of the four character classes
 * (lower-case, upper-case, digits, others), never the user name inside it, and a maximum age after
 * which the password must be changed (0 days = never expires).
 */
@Component
class PasswordPolicy {

    /** bcrypt reads the first 72 bytes only: a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private final Texts texts;
    private final int minLength;
    private final int minClasses;
    private final boolean forbidUsername;
    private final Duration maxAge;

    PasswordPolicy(Texts texts,
                   @Value("${xl.security.password.min-length:10}") int minLength,
                   @Value("${xl.security.password.min-classes:3}") int minClasses,
                   @Value("${xl.security.password.forbid-username:true}") boolean forbidUsername,
                   @Value("${xl.security.password.max-age-days:90}") int maxAgeDays) {
        this.texts = texts;
        this.minLength = minLength;
        this.minClasses = Math.max(1, Math.min(4, minClasses));
        this.forbidUsername = forbidUsername;
        this.maxAge = Duration.ofDays(Math.max(0, maxAgeDays));
    }

    /**
     * What is wrong with {@code password} for user {@code username}, as problems of input field {@code field}
     * in the request's language (i18n/passwords*.properties).
     */
    List<FieldProblem> check(String field, String username, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(problem(field, "password.required"));
            return problems;
        }
        if (password.length() < minLength) {
            problems.add(problem(field, "password.tooShort", minLength));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(problem(field, "password.tooLong", MAX_BYTES));
        }
        if (characterClasses(password) < minClasses) {
            problems.add(problem(field, "password.classes", minClasses));
        }
        if (forbidUsername && username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(problem(field, "password.containsUsername"));
        }
        return problems;
    }

    /** A field error in the request's language; also for the password change's own checks. */
    FieldProblem problem(String field, String key, Object... args) {
        return new FieldProblem(field, texts.get(Texts.current(), key, args));
    }

    boolean accepts(String username, String password) {
        return check("password", username, password).isEmpty();
    }

    static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** When a password set at {@code changedAt} expires; null when it never does (max age 0) or must change already. */
    Instant expiresAt(Instant changedAt) {
        return changedAt == null || maxAge.isZero() ? null : changedAt.plus(maxAge);
    }

    /** A password never set by its user ({@code changedAt} null) counts as expired. */
    boolean expired(Instant changedAt, Instant now) {
        if (changedAt == null) {
            return true;
        }
        Instant expires = expiresAt(changedAt);
        return expires != null && !expires.isAfter(now);
    }
}
