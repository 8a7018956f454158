package org.xueliang.tracker.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/**
 * User administration. Every change is audited without the password; the last admin cannot be removed. A change
 * of what a user may do or how they prove who they are (role, projects, password, enabled) and a deletion end the
 * user's browser sessions at once ({@link SessionRevoker}); they log in again with the rights they have now.
 */
@Service
@Transactional
public class UserService {

    static final String ENTITY = "User";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;
    private final SessionRevoker sessions;

    UserService(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, AuditTrail audit, Clock clock,
                SessionRevoker sessions) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
        this.sessions = sessions;
    }

    public record UserInput(String username, String displayName, Role role, Boolean enabled, Boolean allProjects,
                            Set<Long> projectIds, String password) {
    }

    public record UserView(Long id, String username, String displayName, Role role, boolean enabled, boolean allProjects,
                           Set<Long> projectIds, boolean locked, Instant lockedUntil, Instant lastLoginAt) {
    }

    @Transactional(readOnly = true)
    public List<UserView> list() {
        return users.findAll(Sort.by("username")).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return view(load(id));
    }

    public UserView create(UserInput in) {
        List<FieldProblem> problems = validate(in, true);
        if (in.password() != null) {
            problems.addAll(policy.check("password", in.username(), in.password()));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (users.findByUsername(in.username()).isPresent()) {
            throw ApiException.conflict("User name " + in.username() + " is taken");
        }
        AppUser user = new AppUser(in.username(), displayName(in), encoder.encode(in.password()), clock.instant(), in.role());
        applyAccess(user, in);
        users.saveAndFlush(user);
        UserView after = view(user);
        audit.record("CREATE", ENTITY, user.getId(), "Created user " + user.getUsername() + " (" + user.getRole() + ")", null, after);
        return after;
    }

    public UserView update(long id, UserInput in) {
        AppUser user = load(id);
        List<FieldProblem> problems = validate(in, false);
        if (in.password() != null && !in.password().isEmpty()) {
            problems.addAll(policy.check("password", user.getUsername(), in.password()));
        }
        if (in.username() != null && !in.username().equals(user.getUsername())) {
            problems.add(new FieldProblem("username", "cannot be changed; create a new user instead"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        UserView before = view(user);
        if (user.getRole() == Role.ADMIN && (in.role() != Role.ADMIN || Boolean.FALSE.equals(in.enabled()))) {
            requireAnotherAdmin(user);
        }
        if (in.displayName() != null && !in.displayName().isBlank()) {
            user.setDisplayName(in.displayName().trim());
        }
        user.setRole(in.role());
        applyAccess(user, in);
        boolean passwordReset = in.password() != null && !in.password().isEmpty();
        if (passwordReset) {
            // A reset starts a new password age; the user is not forced to change it (docs/SECURITY.md "Login policy").
            user.setPassword(encoder.encode(in.password()), clock.instant());
        }
        users.saveAndFlush(user);
        UserView after = view(user);
        String summary = "Updated user " + user.getUsername() + (passwordReset ? " (password reset)" : "");
        audit.record("UPDATE", ENTITY, id, summary, before, after);
        if (passwordReset || rightsChanged(before, after)) {
            sessions.endSessionsOf(user.getUsername());
        }
        return after;
    }

    public void delete(long id) {
        AppUser user = load(id);
        if (user.getRole() == Role.ADMIN) {
            requireAnotherAdmin(user);
        }
        UserView before = view(user);
        users.delete(user);
        audit.record("DELETE", ENTITY, id, "Deleted user " + user.getUsername(), before, null);
        sessions.endSessionsOf(user.getUsername());
    }

    /** What a session was granted at login: the role's permissions, the project scope, being allowed in at all. */
    private static boolean rightsChanged(UserView before, UserView after) {
        return before.role() != after.role() || before.enabled() != after.enabled()
                || before.allProjects() != after.allProjects() || !before.projectIds().equals(after.projectIds());
    }

    public UserView unlock(long id) {
        AppUser user = load(id);
        UserView before = view(user);
        user.unlock();
        // Written before the audit entry: the same order (user row, then chain head) as a login's, so they never deadlock.
        users.saveAndFlush(user);
        UserView after = view(user);
        audit.record("UNLOCK", ENTITY, id, "Unlocked user " + user.getUsername(), before, after);
        return after;
    }

    private void requireAnotherAdmin(AppUser user) {
        boolean another = users.findAll().stream()
                .anyMatch(u -> !u.getId().equals(user.getId()) && u.getRole() == Role.ADMIN && u.isEnabled());
        if (!another) {
            throw ApiException.conflict("This is the last enabled admin; create another admin first");
        }
    }

    private static void applyAccess(AppUser user, UserInput in) {
        user.setEnabled(in.enabled() == null || in.enabled());
        boolean all = in.allProjects() == null || in.allProjects();
        user.setAllProjects(all);
        user.setProjectIds(all || in.projectIds() == null ? Set.of() : in.projectIds());
    }

    private static String displayName(UserInput in) {
        return in.displayName() == null || in.displayName().isBlank() ? in.username() : in.displayName().trim();
    }

    /** The checks other than the password policy, which needs the user name. */
    private static List<FieldProblem> validate(UserInput in, boolean creating) {
        List<FieldProblem> p = new ArrayList<>();
        if (creating) {
            if (in.username() == null || !in.username().matches("[A-Za-z0-9._-]{3,64}")) {
                p.add(new FieldProblem("username", "use 3-64 letters, digits, '.', '_' or '-'"));
            }
            if (in.password() == null) {
                p.add(new FieldProblem("password", "is required"));
            }
        }
        if (in.role() == null) {
            p.add(new FieldProblem("role", "is required: ADMIN, MANAGER, EVALUATOR or TECHNICIAN"));
        }
        if (in.displayName() != null && in.displayName().length() > 100) {
            p.add(new FieldProblem("displayName", "is longer than 100 characters"));
        }
        if (Boolean.FALSE.equals(in.allProjects()) && (in.projectIds() == null || in.projectIds().isEmpty())) {
            p.add(new FieldProblem("projectIds", "name at least one project when the user is not allowed all projects"));
        }
        return p;
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("User", id));
    }

    private UserView view(AppUser u) {
        return new UserView(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isEnabled(), u.isAllProjects(),
                u.getProjectIds(), u.isLockedAt(clock.instant()), u.getLockedUntil(), u.getLastLoginAt());
    }
}
