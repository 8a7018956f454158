package org.xueliang.tracker.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once-only work that marks itself done with an audit entry of its own action (demo mode's {@code DEMO_SETUP}): other
 * modules ask here whether such an entry exists instead of reading {@code audit_log} themselves (one owner per table,
 * docs/ARCHITECTURE.md). The entry is the marker because it commits with the work it records.
 */
@Service
public class AuditMarkers {

    private final JdbcTemplate jdbc;

    AuditMarkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the log holds at least one entry of {@code action}. */
    @Transactional(readOnly = true)
    public boolean recorded(String action) {
        return !jdbc.queryForList("SELECT id FROM audit_log WHERE action = ? LIMIT 1", Long.class, action).isEmpty();
    }
}
