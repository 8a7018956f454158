package org.xueliang.tracker.monitoring.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.DeviceCategoryRepository;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

/**
 * Approved maintenance windows for a device, a site or a category. Time inside a window is taken
 * out of (or counted as up in) availability according to the evaluation's policy; windows are
 * audited because they change quality figures.
 */
@Service
@Transactional
public class MaintenanceWindowService {

    public enum Scope { DEVICE, SITE, CATEGORY }

    public record Window(Long id, Scope scopeType, String scopeRef, Instant startsAt, Instant endsAt, String reason,
                         String createdBy, Instant createdAt) {
    }

    public record WindowInput(Scope scopeType, String scopeRef, Instant startsAt, Instant endsAt, String reason) {
    }

    private static final RowMapper<Window> ROW = (rs, n) -> new Window(rs.getLong("id"),
            Scope.valueOf(rs.getString("scope_type")), rs.getString("scope_ref"),
            StatusStore.instant(rs.getTimestamp("starts_at")), StatusStore.instant(rs.getTimestamp("ends_at")),
            rs.getString("reason"), rs.getString("created_by"), StatusStore.instant(rs.getTimestamp("created_at")));

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final SiteRepository sites;
    private final DeviceCategoryRepository categories;

    MaintenanceWindowService(JdbcTemplate jdbc, AuditTrail audit, CurrentUser currentUser, SiteRepository sites,
                             DeviceCategoryRepository categories) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.sites = sites;
        this.categories = categories;
    }

    /*
     * Project scoping: a DEVICE window belongs to its device's project, and users limited to some
     * projects see and manage only those of their projects (others answer as if they did not exist).
     * SITE and CATEGORY windows apply across the installation (sites and categories are shared by the
     * counties of a prefecture): every reader sees them, only an all-projects user may set them.
     */

    @Transactional(readOnly = true)
    public List<Window> list(Instant from, Instant to) {
        List<Window> all = from == null || to == null
                ? jdbc.query("SELECT * FROM maintenance_window ORDER BY starts_at DESC", ROW)
                : jdbc.query("SELECT * FROM maintenance_window WHERE starts_at < ? AND ends_at > ? ORDER BY starts_at",
                        ROW, StatusStore.ts(to), StatusStore.ts(from));
        AccessScope scope = currentUser.scope();
        return scope.all() ? all : all.stream().filter(w -> visible(w.scopeType(), w.scopeRef(), scope)).toList();
    }

    @Transactional(readOnly = true)
    public Window get(long id) {
        return jdbc.query("SELECT * FROM maintenance_window WHERE id = ?", ROW, id).stream()
                .filter(w -> visible(w.scopeType(), w.scopeRef(), currentUser.scope())).findFirst()
                .orElseThrow(() -> ApiException.notFound("Maintenance window", id));
    }

    private boolean visible(Scope type, String ref, AccessScope scope) {
        return scope.all() || type != Scope.DEVICE || scope.allows(projectOfDevice(ref));
    }

    /** The project of the device a DEVICE window names, null for other windows or a device that does not exist. */
    private Long projectOfDevice(String ref) {
        try {
            return jdbc.queryForList("SELECT project_id FROM ledger_device_dimension WHERE id = ?", Long.class, Long.parseLong(ref.trim()))
                    .stream().findFirst().orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A scoped user may set windows only on devices of their projects. */
    private void requireManageable(Scope type) {
        if (type != null && type != Scope.DEVICE && !currentUser.scope().all()) {
            throw ApiException.forbidden("A " + type + " window applies to the devices of every project; only a user with"
                    + " access to all projects may set one. Set DEVICE windows on your own devices instead.");
        }
    }

    private Long projectOf(WindowInput in) {
        return in.scopeType() == Scope.DEVICE ? projectOfDevice(in.scopeRef()) : null;
    }

    private Long projectOf(Window w) {
        return w.scopeType() == Scope.DEVICE ? projectOfDevice(w.scopeRef()) : null;
    }

    public Window create(WindowInput in) {
        requireManageable(in.scopeType());
        validate(in);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO maintenance_window (scope_type, scope_ref, starts_at, ends_at, reason,"
                    + " created_by, created_at) VALUES (?,?,?,?,?,?,?)", new String[] {"id"});
            ps.setString(1, in.scopeType().name());
            ps.setString(2, in.scopeRef().trim());
            ps.setTimestamp(3, StatusStore.ts(in.startsAt()));
            ps.setTimestamp(4, StatusStore.ts(in.endsAt()));
            ps.setString(5, in.reason().trim());
            ps.setString(6, AuditTrail.currentActor());
            ps.setTimestamp(7, StatusStore.ts(Instant.now()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        Window created = get(id);
        audit.record(projectOf(in), "CREATE", "MaintenanceWindow", id, "Maintenance " + in.scopeType() + " " + in.scopeRef()
                + " " + in.startsAt() + " → " + in.endsAt(), null, created);
        return created;
    }

    public Window update(long id, WindowInput in) {
        Window before = get(id);
        requireManageable(before.scopeType());
        requireManageable(in.scopeType());
        validate(in);
        jdbc.update("UPDATE maintenance_window SET scope_type = ?, scope_ref = ?, starts_at = ?, ends_at = ?, reason = ? WHERE id = ?",
                in.scopeType().name(), in.scopeRef().trim(), StatusStore.ts(in.startsAt()), StatusStore.ts(in.endsAt()),
                in.reason().trim(), id);
        Window after = get(id);
        audit.record(projectOf(after), "UPDATE", "MaintenanceWindow", id, "Changed maintenance window " + id, before, after);
        return after;
    }

    public void delete(long id) {
        Window before = get(id);
        requireManageable(before.scopeType());
        Long project = projectOf(before);
        jdbc.update("DELETE FROM maintenance_window WHERE id = ?", id);
        audit.record(project, "DELETE", "MaintenanceWindow", id, "Deleted maintenance window " + id, before, null);
    }

    /** What every database of ours stores as a DATETIME, with room to spare (MariaDB's ends at 9999). */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static boolean outsideStorable(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST);
    }

    private void validate(WindowInput in) {
        List<FieldProblem> p = new ArrayList<>();
        if (in.scopeType() == null) {
            p.add(new FieldProblem("scopeType", "is required: DEVICE, SITE or CATEGORY"));
        }
        if (in.scopeRef() == null || in.scopeRef().isBlank()) {
            p.add(new FieldProblem("scopeRef", "is required: a device id, site id or category code"));
        } else if (in.scopeType() != null && !scopeExists(in.scopeType(), in.scopeRef().trim())) {
            p.add(new FieldProblem("scopeRef", in.scopeType() + " " + in.scopeRef() + " does not exist"));
        }
        if (in.startsAt() == null || in.endsAt() == null) {
            p.add(new FieldProblem("startsAt", "startsAt and endsAt are required"));
        } else if (outsideStorable(in.startsAt()) || outsideStorable(in.endsAt())) {
            // found by fuzzing: year 1,000,000,000 is an Instant but no database timestamp (it was a 500)
            p.add(new FieldProblem(outsideStorable(in.startsAt()) ? "startsAt" : "endsAt",
                    "must be between " + EARLIEST + " and " + LATEST));
        } else if (!in.startsAt().isBefore(in.endsAt())) {
            p.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (in.reason() == null || in.reason().isBlank()) {
            p.add(new FieldProblem("reason", "is required: say what work is done (it is shown to evaluators)"));
        } else if (in.reason().length() > 300) {
            p.add(new FieldProblem("reason", "is longer than 300 characters"));
        }
        if (!p.isEmpty()) {
            throw ApiException.invalid(p);
        }
    }

    private boolean scopeExists(Scope scope, String ref) {
        try {
            return switch (scope) {
                case DEVICE -> { // a device outside the user's scope answers as if it did not exist
                    Long project = projectOfDevice(ref);
                    yield project != null && currentUser.scope().allows(project);
                }
                case SITE -> sites.existsById(Long.parseLong(ref));
                case CATEGORY -> categories.existsById(ref);
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
