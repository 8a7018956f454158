package org.xueliang.tracker.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where the login of a request comes from. A request with {@code Authorization: Basic} stands on those credentials
 * alone: it neither reads the session's login nor stores one, so its password is always checked (Spring's Basic
 * filter skips the check when the session already holds the same user) and a wrong one is 401 even next to a
 * valid session cookie. That is what lets Basic requests go without a CSRF token safely (issue 9, defect 6).
 * Every other request finds its login in the session, as Spring Security's default does.
 */
final class BasicRequestsStandAlone implements SecurityContextRepository {

    /** Within one request (async and error dispatches of the same request see its login). */
    private final SecurityContextRepository thisRequest = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository sessionOrRequest =
            new DelegatingSecurityContextRepository(thisRequest, new HttpSessionSecurityContextRepository());

    private SecurityContextRepository of(HttpServletRequest request) {
        return SecurityConfig.carriesBasicCredentials(request) ? thisRequest : sessionOrRequest;
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return of(holder.getRequest()).loadContext(holder);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return of(request).loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        of(request).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return of(request).containsContext(request);
    }
}
