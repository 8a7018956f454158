package org.xueliang.tracker.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of browser sessions (docs/SECURITY.md "Sessions"). The token lives in the session and the CSRF
 * filter compares the X-XSRF-TOKEN header with the session's copy, so an XSRF-TOKEN cookie an attacker planted
 * (a sibling subdomain, a man in the middle on plain HTTP) proves nothing. The single-page app still reads the
 * token from the readable XSRF-TOKEN cookie (frontend/src/lib/csrf.js); this class offers the session's token there.
 */
final class SessionCsrfTokens {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository repository = new HttpSessionCsrfTokenRepository();

    SessionCsrfTokens() {
        repository.setHeaderName(HEADER);
    }

    CsrfTokenRepository repository() {
        return repository;
    }

    /**
     * Sets the XSRF-TOKEN cookie to the session's token on an API answer when the browser does not hold that value.
     * Only browsers get one: a request with a session, or the web app's first call (it sends X-Requested-With),
     * which needs a session to carry its login token. Scripts without a session (health checks, Basic callers)
     * create no session rows, a Basic request never touches the session at all, and the page's files and
     * routes outside /api/ do not look the session up (each look-up is a database read and write).
     */
    void offer(HttpServletRequest request, HttpServletResponse response) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || SecurityConfig.carriesBasicCredentials(request)
                || (request.getSession(false) == null && request.getHeader("X-Requested-With") == null)
                || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return;
        }
        String value = token.getToken();
        if (!value.equals(cookieValue(request))) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
                    .path("/").sameSite("Lax").secure(request.isSecure()).httpOnly(false).build().toString());
        }
    }

    /** Offers the token on every response that goes through the filter chain (see {@link #offer}). */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                offer(request, response);
                chain.doFilter(request, response);
            }
        };
    }

    private static String cookieValue(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
