package org.xueliang.tracker.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.xueliang.tracker.shared.VisibleProjects;

/**
 * The user behind the current request and the projects they may see. The scope is read from the
 * database (once per request) rather than from the session, so an admin's change of a user's
 * projects applies at that user's next request.
 */
@Component
public class CurrentUser implements VisibleProjects {

    private static final String CACHE = CurrentUser.class.getName() + ".scope";

    private final AppUserRepository users;

    CurrentUser(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public java.util.Set<Long> limitedTo() {
        AccessScope scope = scope();
        return scope.all() ? null : scope.projectIds();
    }

    public AccessScope scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            // Start-up jobs (seeding) and other work outside a request act for the system.
            return AccessScope.EVERYTHING;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof AccessScope cached) {
            return cached;
        }
        AccessScope scope = users.findByUsername(auth.getName()).map(AppUser::scope)
                .orElse(new AccessScope(false, java.util.Set.of()));
        if (request != null) {
            request.setAttribute(CACHE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }
}
