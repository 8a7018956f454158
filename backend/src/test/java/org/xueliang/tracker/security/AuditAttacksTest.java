package org.xueliang.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.xueliang.tracker.audit.AuditCheckpoints;
import org.xueliang.tracker.audit.AuditEntry;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/**
 * Issue 9, "anchor the audit chain outside the database": an attacker who can write the database (but
 * not the signing key or the checkpoint file under XL_DATA_DIR) rewrites the audit log the way that
 * went unnoticed before — consistently, recomputing every hash and the head row — and
 * {@code GET /api/v1/audit/verify} must report it. Each attack starts from a valid chain with a
 * signed checkpoint and two entries after it; the database and the file are put back afterwards
 * (the log is shared with the other tests on this database).
 */
@OnH2
class AuditAttacksTest extends ApiTestSupport {

    private static final String GROUP = "audit";

    @Autowired
    private AuditCheckpoints checkpoints;
    @Value("${xl.audit.checkpoint-log}")
    private Path checkpointFile;

    private List<Map<String, Object>> savedLog;
    private Map<String, Object> savedHead;
    private List<Map<String, Object>> savedCheckpoints;
    private byte[] savedFile;
    private long checkpointed;

    @BeforeEach
    void aCheckpointedChainWithATail() throws Exception {
        createDevice();
        checkpointed = checkpoints.checkpointNow().orElseThrow().lastEntryId();
        createDevice();
        createDevice();
        assertThat(verify().get("valid").asBoolean()).as("verify: %s", verify()).isTrue();
        savedLog = jdbc.queryForList("SELECT * FROM audit_log ORDER BY id");
        savedHead = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
        savedCheckpoints = jdbc.queryForList("SELECT * FROM audit_checkpoint ORDER BY id");
        savedFile = Files.readAllBytes(checkpointFile);
    }

    @AfterEach
    void putItBack() throws Exception {
        jdbc.update("DELETE FROM audit_log");
        savedLog.forEach(row -> insert("audit_log", row));
        jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", savedHead.get("last_id"),
                savedHead.get("last_hash"));
        jdbc.update("DELETE FROM audit_checkpoint");
        savedCheckpoints.forEach(row -> insert("audit_checkpoint", row));
        Files.write(checkpointFile, savedFile);
        assertThat(verify().get("valid").asBoolean()).as("the chain is whole again").isTrue();
    }

    @Test
    void rewritingTheTailAndTheHeadConsistentlyIsCaught() throws Exception {
        AttackTally.attempt(GROUP, "rewrite the chain's tail and its head row, recomputing every hash", () -> {
            rewriteFrom(checkpointed - 1, "UPDATE audit_log SET summary = 'nothing happened here' WHERE id = " + (checkpointed - 1));
            JsonNode result = verify();
            return !result.get("valid").asBoolean() && result.get("problem").asString().equals("CHECKPOINT_MISMATCH")
                    && result.get("firstBrokenId").asLong() == checkpointed;
        });
    }

    @Test
    void deletingTheTailAndRewindingTheHeadIsCaught() throws Exception {
        AttackTally.attempt(GROUP, "delete the newest entries and rewind the head row to match", () -> {
            jdbc.update("DELETE FROM audit_log WHERE id >= ?", checkpointed);
            jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = (SELECT hash FROM audit_log WHERE id = ?) WHERE id = 1",
                    checkpointed - 1, checkpointed - 1);
            JsonNode result = verify();
            return !result.get("valid").asBoolean() && result.get("problem").asString().equals("HEAD_BEHIND_CHECKPOINT")
                    && result.get("reason").asString().contains("removed");
        });
    }

    @Test
    void changingAnEntrysProjectIsCaught() throws Exception {
        long newest = (Long) savedHead.get("last_id");
        AttackTally.attempt(GROUP, "move an audit entry to another project (project_id)", () -> {
            jdbc.update("UPDATE audit_log SET project_id = ? WHERE id = ?", PROJECT + 1000, newest);
            JsonNode result = verify();
            return !result.get("valid").asBoolean() && result.get("problem").asString().equals("HASH_MISMATCH")
                    && result.get("firstBrokenId").asLong() == newest;
        });
        AttackTally.attempt(GROUP, "move a checkpointed entry to another project, recomputing the tail and head", () -> {
            rewriteFrom(checkpointed, "UPDATE audit_log SET project_id = NULL WHERE id = " + checkpointed);
            return verify().get("problem").asString().equals("CHECKPOINT_MISMATCH");
        });
    }

    @Test
    void aForgedCheckpointRowIsCaught() throws Exception {
        AttackTally.attempt(GROUP, "rewrite the tail and head, then vouch for it with a forged checkpoint row", () -> {
            rewriteFrom(checkpointed - 1, "UPDATE audit_log SET actor = 'nobody' WHERE id = " + (checkpointed - 1));
            Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
            Map<String, Object> real = savedCheckpoints.get(savedCheckpoints.size() - 1);
            jdbc.update("UPDATE audit_checkpoint SET last_hash = (SELECT hash FROM audit_log WHERE id = last_id)");
            jdbc.update("INSERT INTO audit_checkpoint (id, last_id, last_hash, signed_at, key_id, signature) VALUES (?,?,?,?,?,?)",
                    ((Number) real.get("id")).longValue() + 1, head.get("last_id"), head.get("last_hash"), real.get("signed_at"),
                    real.get("key_id"), Base64.getEncoder().encodeToString(new byte[64]));
            JsonNode result = verify();
            return !result.get("valid").asBoolean() && result.get("problem").asString().equals("CHECKPOINT_SIGNATURE");
        });
    }

    @Test
    void emptyingTheCheckpointTableIsCaught() throws Exception {
        AttackTally.attempt(GROUP, "truncate the checkpoint table, then rewrite the tail and head", () -> {
            jdbc.update("DELETE FROM audit_checkpoint");
            rewriteFrom(checkpointed - 1, "UPDATE audit_log SET summary = 'quiet' WHERE id = " + (checkpointed - 1));
            JsonNode result = verify();
            return !result.get("valid").asBoolean() && result.get("problem").asString().equals("CHECKPOINT_MISSING");
        });
    }

    @Test
    void removingRecentEntriesAsIfRetentionHadPrunedThemIsCaught() throws Exception {
        AttackTally.attempt(GROUP, "delete every entry up to a checkpoint, as if the retention had pruned them", () -> {
            jdbc.update("DELETE FROM audit_log WHERE id <= ?", checkpointed);
            JsonNode result = verify();
            return !result.get("valid").asBoolean() && result.get("problem").asString().equals("PRUNED_TOO_EARLY");
        });
    }

    /** What a database-level attacker does: change one entry, then recompute it and every later hash and the head row. */
    private void rewriteFrom(long firstId, String change) {
        jdbc.update(change);
        String prev = jdbc.queryForObject("SELECT prev_hash FROM audit_log WHERE id = ?", String.class, firstId);
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM audit_log WHERE id >= ? ORDER BY id", firstId)) {
            AuditEntry e = entry(row, prev);
            jdbc.update("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", prev, e.computeHash(), e.id());
            prev = e.computeHash();
            jdbc.update("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", e.id(), prev);
        }
    }

    private static AuditEntry entry(Map<String, Object> row, String prevHash) {
        Object project = row.get("project_id");
        return new AuditEntry(((Number) row.get("id")).longValue(),
                ((Timestamp) row.get("occurred_at")).toLocalDateTime().toInstant(ZoneOffset.UTC), (String) row.get("actor"),
                (String) row.get("action"), (String) row.get("entity_type"), (String) row.get("entity_id"),
                (String) row.get("summary"), (String) row.get("before_json"), (String) row.get("after_json"),
                project == null ? null : ((Number) project).longValue(), ((Number) row.get("hash_version")).intValue(), prevHash, null);
    }

    private void insert(String table, Map<String, Object> row) {
        List<String> columns = List.copyOf(row.keySet());
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(row::get).toArray());
    }

    private JsonNode verify() throws Exception {
        return getJson("/api/v1/audit/verify");
    }
}
