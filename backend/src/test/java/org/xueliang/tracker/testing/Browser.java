package org.xueliang.tracker.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * What a browser holds after logging in: its session cookie (XL_SESSION, the id of a Spring Session row) and the
 * XSRF-TOKEN cookie with the session's CSRF token, which the web app echoes in X-XSRF-TOKEN.
 */
public record Browser(Cookie session, Cookie xsrf) {

    /** A state-changing request as the web app sends it: both cookies and the token in the header. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> B send(B request) {
        return request.cookie(session, xsrf).header("X-XSRF-TOKEN", xsrf.getValue());
    }

    /** A read: the cookies alone. */
    public <B extends AbstractMockHttpServletRequestBuilder<B>> B read(B request) {
        return request.cookie(session, xsrf);
    }

    /** The session's id as stored in SPRING_SESSION.SESSION_ID (Spring Session writes it Base64 into the cookie). */
    public String sessionId() {
        return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.US_ASCII);
    }
}
