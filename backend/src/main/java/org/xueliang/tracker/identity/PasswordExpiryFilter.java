package org.xueliang.tracker.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xueliang.tracker.shared.Problems;

/**
 * An expired password still logs in, but until it is changed the API answers only the account's own
 * calls ({@code /api/v1/auth/**}: who am I, change password, log out); everything else is a 403 problem
 * of type {@value #TYPE}. Read from the database on each request, so a change on one replica (or a
 * reset by an admin) applies everywhere at once. Part of the security filter chain, not a servlet filter
 * of its own (hence no {@code @Component}).
 */
class PasswordExpiryFilter extends OncePerRequestFilter {

    static final String CODE = "PASSWORD_EXPIRED";
    static final String TYPE = "urn:xueliang:problem:password-expired";

    private final AppUserRepository users;
    private final PasswordPolicy policy;
    private final Clock clock;

    PasswordExpiryFilter(AppUserRepository users, PasswordPolicy policy, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || path.startsWith("/api/v1/auth/") || path.equals("/api/v1/system/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken) && expired(auth.getName())) {
            Problems.write(response, HttpStatus.FORBIDDEN, TYPE, CODE, "Password expired",
                    "Your password has expired: change it (POST /api/v1/auth/password) before anything else");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean expired(String username) {
        Optional<Instant> changedAt = users.passwordChangedAt(username);
        if (changedAt.isPresent()) {
            return policy.expired(changedAt.get(), clock.instant());
        }
        // No date: a password to change at the next login, or no such user (left to the other checks).
        return users.idOf(username).isPresent();
    }
}
