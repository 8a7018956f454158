package org.xueliang.tracker.workorder;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.identity.AppUser;
import org.xueliang.tracker.identity.AppUserRepository;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.identity.Permission;
import org.xueliang.tracker.shared.ApiException;

/**
 * Who may be assigned a work order of a project: an enabled user whose role works orders ({@code WORK_ORDER_WORK})
 * and whose projects include it. One rule for the check on opening / accepting and for the list a manager picks from
 * ({@code GET /api/v1/projects/{id}/work-order-assignees}), so the picker never offers a name the check refuses.
 */
@Service
public class WorkOrderAssignees {

    /** One pickable user: the name the API takes as {@code assignee}, and the name people read. */
    public record Assignee(String username, String displayName) {
    }

    private final AppUserRepository users;
    private final CurrentUser currentUser;

    WorkOrderAssignees(AppUserRepository users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    /** The users who may be assigned orders of project {@code projectId}, by user name; 404 outside the caller's scope. */
    @Transactional(readOnly = true)
    public List<Assignee> list(long projectId) {
        if (!currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
        return users.findAll().stream()
                .filter(u -> worksOrdersOf(u, projectId))
                .sorted(Comparator.comparing(AppUser::getUsername))
                .map(u -> new Assignee(u.getUsername(), u.getDisplayName()))
                .toList();
    }

    /** 422 on {@code field} unless {@code username} may be assigned orders of project {@code projectId}. */
    @Transactional(readOnly = true)
    public void require(String username, long projectId, String field) {
        AppUser user = users.findByUsername(username).orElse(null);
        if (user == null || !worksOrdersOf(user, projectId)) {
            throw ApiException.invalid(field, "must be an enabled user who works orders of this project");
        }
    }

    private static boolean worksOrdersOf(AppUser user, long projectId) {
        return user.isEnabled() && user.getRole().can(Permission.WORK_ORDER_WORK)
                && (user.isAllProjects() || user.getProjectIds().contains(projectId));
    }
}
