package org.xueliang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.shared.SchedulerLease;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

/**
 * Retention: below 180 days the start is refused with one line; pruning removes entries only up to a
 * checkpoint older than the retention, and the chain still verifies from that checkpoint on.
 */
@OnH2
class AuditRetentionTest extends ApiTestSupport {

    @Autowired
    private AuditLogReader reader;
    @Autowired
    private CheckpointStore store;
    @Autowired
    private CheckpointLog file;
    @Autowired
    private CheckpointKey key;
    @Autowired
    private SchedulerLease lease;
    @Autowired
    private AuditCheckpoints checkpoints;

    @Test
    void aRetentionBelow180DaysStopsTheStartWithOneLine() {
        assertThatThrownBy(() -> retention(179, Clock.systemUTC())).isInstanceOf(AuditRetention.TooShort.class);
        var analysis = new AuditRetention.TooShortAnalyzer().analyze(
                new BeanCreationException("auditRetention", "failed", new AuditRetention.TooShort(90)));
        assertThat(analysis.getDescription()).isEqualTo("xl.audit.retention-days (XL_AUDIT_RETENTION_DAYS) is 90, but audit"
                + " entries must be kept at least 180 days; set 0 to keep them forever.").doesNotContain("\n");
        assertThat(retention(0, Clock.systemUTC()).days()).isZero();
        assertThat(retention(180, Clock.systemUTC()).days()).isEqualTo(180);
    }

    @Test
    void keepingForeverPrunesNothing() throws Exception {
        createDevice();
        checkpoints.checkpointNow();
        createDevice();
        assertThat(retention(0, Clock.offset(Clock.systemUTC(), Duration.ofDays(10_000))).prune()).isZero();
    }

    @Test
    void pruningStopsAtACheckpointAndTheChainStillVerifiesFromIt() throws Exception {
        createDevice();
        long anchored = checkpoints.checkpointNow().orElseThrow().lastEntryId();
        createDevice();
        List<Map<String, Object>> everything = jdbc.queryForList("SELECT * FROM audit_log ORDER BY id");
        try {
            Clock in200Days = Clock.offset(Clock.systemUTC(), Duration.ofDays(200));

            long removed = retention(180, in200Days).prune();

            assertThat(removed).isPositive();
            assertThat(reader.firstId()).isEqualTo(anchored + 1);
            var later = new AuditChainVerifier(reader, store, file, key, in200Days).verify();
            assertThat(later.valid()).as("%s", later).isTrue();
            assertThat(later.checkpoints().anchorId()).isNotNull();
            var today = new AuditChainVerifier(reader, store, file, key, Clock.systemUTC()).verify();
            assertThat(today.problem()).as("seen today, the same gap is younger than 180 days").isEqualTo("PRUNED_TOO_EARLY");
        } finally {
            long first = reader.firstId();
            everything.stream().filter(row -> ((Number) row.get("id")).longValue() < first).forEach(this::putBack);
        }
        assertThat(getJson("/api/v1/audit/verify").get("valid").asBoolean()).isTrue();
    }

    private AuditRetention retention(int days, Clock clock) {
        return new AuditRetention(days, jdbc, store, file, key, lease, clock);
    }

    private void putBack(Map<String, Object> row) {
        List<String> columns = List.copyOf(row.keySet());
        jdbc.update("INSERT INTO audit_log (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", columns.stream().map(row::get).toArray());
    }
}
