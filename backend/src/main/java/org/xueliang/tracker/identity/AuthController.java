package org.xueliang.tracker.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.ApiException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who am I (the UI asks after login and on every reload to decide which workspaces to show, and whether
 * the password must be changed first), and changing one's own password.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AppUserRepository users;
    private final PasswordPolicy policy;
    private final PasswordChange passwordChange;
    private final Clock clock;
    private final JsonMapper json;

    AuthController(AppUserRepository users, PasswordPolicy policy, PasswordChange passwordChange, Clock clock, JsonMapper json) {
        this.users = users;
        this.policy = policy;
        this.passwordChange = passwordChange;
        this.clock = clock;
        this.json = json;
    }

    /**
     * {@code passwordExpired}: every other API call answers 403 until the password is changed;
     * {@code passwordExpiresAt}: null when passwords never expire (or it has to change already).
     */
    record Me(String username, String displayName, Role role, List<Permission> permissions, boolean allProjects,
              Set<Long> projectIds, boolean passwordExpired, Instant passwordExpiresAt) {
    }

    @GetMapping("/me")
    @Transactional(readOnly = true)
    Me me(Authentication authentication) {
        AppUser user = users.findByUsername(authentication.getName())
                .orElseThrow(() -> ApiException.notFound("User", authentication.getName()));
        AccessScope scope = user.scope();
        return new Me(user.getUsername(), user.getDisplayName(), user.getRole(),
                List.copyOf(user.getRole().permissions()), scope.all(), scope.projectIds(),
                policy.expired(user.getPasswordChangedAt(), clock.instant()), policy.expiresAt(user.getPasswordChangedAt()));
    }

    /** Changes the caller's own password; 422 with field errors when the current one is wrong or the new one too weak. */
    @PostMapping("/password")
    ResponseEntity<Me> changePassword(Authentication authentication, @RequestBody PasswordChange.Input in,
                                      HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        passwordChange.change(authentication.getName(), in, session == null ? null : session.getId());
        return ResponseEntity.ok(me(authentication));
    }

    /** The login success response: the same body as GET /me. */
    void writeMe(HttpServletResponse response, Authentication authentication) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(me(authentication)));
    }
}
