package org.xueliang.tracker.identity;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.ApiException;

import tools.jackson.databind.json.JsonMapper;

/** Who am I: the UI asks after login and on every reload to decide which workspaces to show. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AppUserRepository users;
    private final JsonMapper json;

    AuthController(AppUserRepository users, JsonMapper json) {
        this.users = users;
        this.json = json;
    }

    record Me(String username, String displayName, Role role, List<Permission> permissions, boolean allProjects,
              Set<Long> projectIds) {
    }

    @GetMapping("/me")
    @Transactional(readOnly = true)
    Me me(Authentication authentication) {
        AppUser user = users.findByUsername(authentication.getName())
                .orElseThrow(() -> ApiException.notFound("User", authentication.getName()));
        AccessScope scope = user.scope();
        return new Me(user.getUsername(), user.getDisplayName(), user.getRole(),
                List.copyOf(user.getRole().permissions()), scope.all(), scope.projectIds());
    }

    /** The login success response: the same body as GET /me. */
    void writeMe(HttpServletResponse response, Authentication authentication) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(me(authentication)));
    }
}
