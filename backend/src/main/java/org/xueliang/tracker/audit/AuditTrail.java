package org.xueliang.tracker.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends entries to the hash-chained audit log. Runs inside the caller's transaction, so a change
 * and its audit entry commit or roll back together. Appends are serialised by locking the single
 * chain-head row, which holds across backend replicas too.
 */
@Service
public class AuditTrail {

    public static final String SYSTEM_ACTOR = "system";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a change by the current user (or {@value #SYSTEM_ACTOR} outside a request) to something of no one project. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(String action, String entityType, Object entityId, String summary, Object before, Object after) {
        return recordAs(currentActor(), null, action, entityType, entityId, summary, before, after);
    }

    /**
     * Records a change to something of project {@code projectId}: users limited to some projects see
     * the entry when they may see that project.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(Long projectId, String action, String entityType, Object entityId, String summary, Object before,
                             Object after) {
        return recordAs(currentActor(), projectId, action, entityType, entityId, summary, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry recordAs(String actor, String action, String entityType, Object entityId, String summary,
                               Object before, Object after) {
        return recordAs(actor, null, action, entityType, entityId, summary, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry recordAs(String actor, Long projectId, String action, String entityType, Object entityId, String summary,
                               Object before, Object after) {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        long id = ((Number) head.get("last_id")).longValue() + 1;
        String prevHash = (String) head.get("last_hash");
        AuditEntry entry = new AuditEntry(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), actor, action, entityType,
                entityId == null ? null : entityId.toString(), truncate(summary, 500), toJson(before), toJson(after),
                projectId, AuditEntry.CURRENT_VERSION, prevHash, null);
        String hash = entry.computeHash();
        jdbc.update("INSERT INTO audit_log (id, occurred_at, actor, action, entity_type, entity_id, summary, before_json,"
                        + " after_json, prev_hash, hash, project_id, hash_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, Timestamp.valueOf(entry.occurredAt().atOffset(ZoneOffset.UTC).toLocalDateTime()), actor, action,
                entityType, entry.entityId(), entry.summary(), entry.beforeJson(), entry.afterJson(), prevHash, hash, projectId,
                entry.hashVersion());
        jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
        return new AuditEntry(id, entry.occurredAt(), actor, action, entityType, entry.entityId(), entry.summary(),
                entry.beforeJson(), entry.afterJson(), projectId, entry.hashVersion(), prevHash, hash);
    }

    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM_ACTOR : auth.getName();
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
