package org.xueliang.tracker.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xueliang.tracker.audit.AuditTrail;

/**
 * Writes the login events of 等保 2.0 to the audit log, each with its source address: the request's
 * remote address (docs/SECURITY.md "Login policy"; behind a reverse proxy only when Tomcat is told to
 * trust it, {@code server.forward-headers-strategy}). The attempted user name is the actor, so a
 * failure of a name that does not exist is found under that name too. Runs in the caller's transaction.
 */
@Component
class LoginAudit {

    /** How the credentials came: the login form, HTTP Basic on a request, or the current password of a change. */
    enum Channel { FORM, BASIC, PASSWORD_CHANGE }

    /** Why a login failed; only the audit log says it, the caller hears "wrong user name or password". */
    enum Failure { WRONG_PASSWORD, UNKNOWN_USER, LOCKED, DISABLED, OTHER }

    static final String LOGIN_URL = "/api/v1/auth/login";
    private static final int ACTOR_MAX = 64;

    private final AuditTrail audit;

    LoginAudit(AuditTrail audit) {
        this.audit = audit;
    }

    void loggedIn(String username, Long userId, Channel channel) {
        audit.recordAs(actor(username), "LOGIN", UserService.ENTITY, userId,
                "Logged in (" + words(channel) + ") from " + address(), null, origin(channel, null));
    }

    void failed(String attemptedName, Long userId, Channel channel, Failure failure) {
        audit.recordAs(actor(attemptedName), "LOGIN_FAILED", UserService.ENTITY, userId,
                "Failed login as '" + actor(attemptedName) + "' (" + words(channel) + ", " + failure.name().toLowerCase().replace('_', ' ')
                        + ") from " + address(), null, origin(channel, failure));
    }

    void locked(String username, Long userId, int failures) {
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, "LOCK", UserService.ENTITY, userId,
                "Locked " + username + " after " + failures + " failed logins, the last from " + address(), null, origin(null, null));
    }

    void loggedOut(String username, Long userId) {
        audit.recordAs(actor(username), "LOGOUT", UserService.ENTITY, userId, "Logged out from " + address(), null, origin(null, null));
    }

    void passwordChanged(String username, Long userId) {
        audit.recordAs(actor(username), "PASSWORD_CHANGE", UserService.ENTITY, userId,
                "Changed own password from " + address(), null, origin(Channel.PASSWORD_CHANGE, null));
    }

    /** The channel of the current request: the login form's URL, else HTTP Basic. */
    static Channel currentChannel() {
        HttpServletRequest request = currentRequest();
        return request != null && LOGIN_URL.equals(request.getRequestURI()) ? Channel.FORM : Channel.BASIC;
    }

    /** The remote address of the current request, "unknown" outside of one. */
    static String address() {
        HttpServletRequest request = currentRequest();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static Map<String, String> origin(Channel channel, Failure failure) {
        Map<String, String> origin = new LinkedHashMap<>();
        origin.put("address", address());
        if (channel != null) {
            origin.put("channel", channel.name());
        }
        if (failure != null) {
            origin.put("failure", failure.name());
        }
        return origin;
    }

    private static String words(Channel channel) {
        return switch (channel) {
            case FORM -> "login form";
            case BASIC -> "HTTP Basic";
            case PASSWORD_CHANGE -> "current password of a password change";
        };
    }

    /** A name as typed by whoever tried: blank as "anonymous", cut to the audit log's actor column. */
    private static String actor(String name) {
        if (name == null || name.isBlank()) {
            return "anonymous";
        }
        return name.length() <= ACTOR_MAX ? name : name.substring(0, ACTOR_MAX);
    }
}
