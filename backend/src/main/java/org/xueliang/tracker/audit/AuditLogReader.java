package org.xueliang.tracker.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the audit log: filtered pages for people, and the whole chain in id order for verification. */
@Component
class AuditLogReader {

    static final RowMapper<AuditEntry> ROW = AuditLogReader::map;

    private final JdbcTemplate jdbc;

    AuditLogReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param projects null for every entry; otherwise only entries of these projects */
    record Filter(String entityType, String entityId, String actor, java.util.Set<Long> projects) {
    }

    List<AuditEntry> page(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", ROW, args.toArray());
    }

    long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    /** A slice of the chain after {@code afterId}, for verification in bounded memory. */
    List<AuditEntry> chainAfter(long afterId, int limit) {
        return jdbc.query("SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?", ROW, afterId, limit);
    }

    /** The oldest entry still stored (the retention removes older ones up to a checkpoint); null when none is. */
    Long firstId() {
        return jdbc.queryForObject("SELECT MIN(id) FROM audit_log", Long.class);
    }

    HeadRow head() {
        return jdbc.queryForObject("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1",
                (rs, n) -> new HeadRow(rs.getLong("last_id"), rs.getString("last_hash")));
    }

    record HeadRow(long lastId, String lastHash) {
    }

    private static String where(Filter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.entityType() != null && !f.entityType().isBlank()) {
            clauses.add("entity_type = ?");
            args.add(f.entityType());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            clauses.add("entity_id = ?");
            args.add(f.entityId());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            clauses.add("actor = ?");
            args.add(f.actor());
        }
        if (f.projects() != null) {
            if (f.projects().isEmpty()) {
                clauses.add("1 = 0");
            } else {
                clauses.add("project_id IN (" + String.join(",", f.projects().stream().map(p -> "?").toList()) + ")");
                args.addAll(f.projects());
            }
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static AuditEntry map(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("occurred_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("summary"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getObject("project_id") == null ? null : rs.getLong("project_id"), rs.getInt("hash_version"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
