package org.xueliang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/**
 * Tampering with the stored audit log is detected by {@code GET /api/v1/audit/verify}, which names
 * the first broken entry. Each test puts the rows back afterwards: the log is shared with the other
 * tests on this database.
 */
@OnH2
class AuditChainTamperingTest extends ApiTestSupport {

    private Map<String, Object> removed;

    @BeforeEach
    void aValidChainWithSomeEntries() throws Exception {
        createDevice();
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @AfterEach
    void restore() throws Exception {
        if (removed != null) {
            List<String> columns = List.copyOf(removed.keySet());
            jdbc.update("INSERT INTO audit_log (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")",
                    columns.stream().map(removed::get).toArray());
        }
        assertThat(verify().get("valid").asBoolean()).as("the chain is whole again").isTrue();
    }

    @Test
    void namesAnEditedEntry() throws Exception {
        long id = middleId();
        String summary = jdbc.queryForObject("SELECT summary FROM audit_log WHERE id = ?", String.class, id);
        jdbc.update("UPDATE audit_log SET summary = ? WHERE id = ?", "nothing happened here", id);
        try {
            JsonNode result = verify();
            assertThat(result.get("valid").asBoolean()).isFalse();
            assertThat(result.get("firstBrokenId").asLong()).isEqualTo(id);
            assertThat(result.get("checked").asLong()).isEqualTo(id - 1);
            assertThat(result.get("reason").asString()).contains("hash");
        } finally {
            jdbc.update("UPDATE audit_log SET summary = ? WHERE id = ?", summary, id);
        }
    }

    @Test
    void namesADeletedEntryInTheMiddle() throws Exception {
        long id = middleId();
        remove(id);
        JsonNode result = verify();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("firstBrokenId").asLong()).isEqualTo(id);
        assertThat(result.get("reason").asString()).contains("missing");
    }

    @Test
    void noticesThatTheNewestEntryWasDeleted() throws Exception {
        long last = jdbc.queryForObject("SELECT MAX(id) FROM audit_log", Long.class);
        remove(last);
        JsonNode result = verify();
        assertThat(result.get("valid").asBoolean()).isFalse();
        assertThat(result.get("firstBrokenId").asLong()).isEqualTo(last);
        assertThat(result.get("checked").asLong()).isEqualTo(last - 1);
        assertThat(result.get("reason").asString()).contains("removed");
    }

    @Test
    void noticesARewrittenHashThatNoLongerLinks() throws Exception {
        long id = middleId();
        String hash = jdbc.queryForObject("SELECT hash FROM audit_log WHERE id = ?", String.class, id);
        jdbc.update("UPDATE audit_log SET hash = ? WHERE id = ?", "f".repeat(64), id);
        try {
            assertThat(verify().get("firstBrokenId").asLong()).isEqualTo(id);
        } finally {
            jdbc.update("UPDATE audit_log SET hash = ? WHERE id = ?", hash, id);
        }
    }

    private long middleId() {
        return jdbc.queryForObject("SELECT MAX(id) FROM audit_log", Long.class) / 2;
    }

    private void remove(long id) {
        removed = jdbc.queryForMap("SELECT * FROM audit_log WHERE id = ?", id);
        jdbc.update("DELETE FROM audit_log WHERE id = ?", id);
    }

    private JsonNode verify() throws Exception {
        return getJson("/api/v1/audit/verify");
    }
}
