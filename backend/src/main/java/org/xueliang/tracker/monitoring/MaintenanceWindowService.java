package org.xueliang.tracker.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

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

    MaintenanceWindowService(JdbcTemplate jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Window> list(Instant from, Instant to) {
        if (from == null || to == null) {
            return jdbc.query("SELECT * FROM maintenance_window ORDER BY starts_at DESC", ROW);
        }
        return jdbc.query("SELECT * FROM maintenance_window WHERE starts_at < ? AND ends_at > ? ORDER BY starts_at",
                ROW, StatusStore.ts(to), StatusStore.ts(from));
    }

    @Transactional(readOnly = true)
    public Window get(long id) {
        return jdbc.query("SELECT * FROM maintenance_window WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Maintenance window", id));
    }

    public Window create(WindowInput in) {
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
        audit.record("CREATE", "MaintenanceWindow", id, "Maintenance " + in.scopeType() + " " + in.scopeRef()
                + " " + in.startsAt() + " → " + in.endsAt(), null, created);
        return created;
    }

    public Window update(long id, WindowInput in) {
        Window before = get(id);
        validate(in);
        jdbc.update("UPDATE maintenance_window SET scope_type = ?, scope_ref = ?, starts_at = ?, ends_at = ?, reason = ? WHERE id = ?",
                in.scopeType().name(), in.scopeRef().trim(), StatusStore.ts(in.startsAt()), StatusStore.ts(in.endsAt()),
                in.reason().trim(), id);
        Window after = get(id);
        audit.record("UPDATE", "MaintenanceWindow", id, "Changed maintenance window " + id, before, after);
        return after;
    }

    public void delete(long id) {
        Window before = get(id);
        jdbc.update("DELETE FROM maintenance_window WHERE id = ?", id);
        audit.record("DELETE", "MaintenanceWindow", id, "Deleted maintenance window " + id, before, null);
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
                case DEVICE -> count("SELECT COUNT(*) FROM device WHERE id = ?", Long.parseLong(ref));
                case SITE -> count("SELECT COUNT(*) FROM site WHERE id = ?", Long.parseLong(ref));
                case CATEGORY -> count("SELECT COUNT(*) FROM device_category WHERE code = ?", ref);
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean count(String sql, Object arg) {
        Integer n = jdbc.queryForObject(sql, Integer.class, arg);
        return n != null && n > 0;
    }
}
