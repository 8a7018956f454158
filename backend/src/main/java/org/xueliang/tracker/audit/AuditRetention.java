package org.xueliang.tracker.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Audit retention ({@code xl.audit.retention-days}, {@code XL_AUDIT_RETENTION_DAYS}): 0 (the default)
 * keeps every entry forever; otherwise at least {@value #MINIMUM_DAYS} days (等保 2.0 level 3), and a
 * smaller value stops the start with one line. Pruning runs under the lease {@value #LEASE} and removes
 * entries only up to a checkpointed entry whose checkpoint was signed before the cut-off and is also
 * in the checkpoint file: that checkpoint becomes the anchor the verification starts from.
 */
@Component
class AuditRetention {

    static final int MINIMUM_DAYS = 180;
    static final String LEASE = "audit-retention";
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final int days;
    private final JdbcTemplate jdbc;
    private final CheckpointStore store;
    private final CheckpointLog file;
    private final CheckpointKey key;
    private final SchedulerLease lease;
    private final Clock clock;

    AuditRetention(@Value("${xl.audit.retention-days:0}") int days, JdbcTemplate jdbc, CheckpointStore store, CheckpointLog file,
                   CheckpointKey key, SchedulerLease lease, Clock clock) {
        if (days != 0 && days < MINIMUM_DAYS) {
            throw new TooShort(days);
        }
        this.days = days;
        this.jdbc = jdbc;
        this.store = store;
        this.file = file;
        this.key = key;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${xl.audit.retention.check-ms:3600000}", initialDelayString = "${xl.audit.retention.check-ms:3600000}")
    void onSchedule() {
        if (days == 0) {
            return;
        }
        try {
            lease.runUnder(LEASE, Duration.ofHours(2), this::prune);
        } catch (RuntimeException e) {
            log.warn("Audit retention did not run: {}", e.getMessage());
        }
    }

    /**
     * Removes the entries up to the newest usable anchor; answers how many were removed. It deletes from one
     * usable checkpoint to the next, oldest first, so that after each step (and after a crash between two) the
     * remaining chain starts right after a checkpoint and still verifies.
     */
    long prune() {
        if (days == 0) {
            return 0;
        }
        List<Checkpoint> anchors = anchorsBefore(clock.instant().minus(Duration.ofDays(days)));
        Long first = jdbc.queryForObject("SELECT MIN(id) FROM audit_log", Long.class);
        long removed = 0;
        for (Checkpoint anchor : anchors) {
            if (first != null && anchor.lastId() >= first) {
                removed += jdbc.update("DELETE FROM audit_log WHERE id <= ?", anchor.lastId());
            }
        }
        if (removed > 0) {
            Checkpoint last = anchors.get(anchors.size() - 1);
            log.info("Audit retention ({} days) removed {} entries up to entry {} (checkpoint #{})", days, removed,
                    last.lastId(), last.id());
        }
        return removed;
    }

    /**
     * The checkpoints signed before {@code cutoff} that verify and that the file outside the database holds too, by
     * entry; never the head itself, so the chain keeps at least one entry.
     */
    List<Checkpoint> anchorsBefore(Instant cutoff) {
        Set<String> inFile = file.read().checkpoints().stream().map(Checkpoint::line).collect(Collectors.toSet());
        long head = jdbc.queryForObject("SELECT last_id FROM audit_chain_head WHERE id = 1", Long.class);
        return store.all().stream()
                .filter(c -> c.signedAt().isBefore(cutoff) && c.lastId() < head && inFile.contains(c.line())
                        && c.keyId().equals(key.fingerprint()) && key.verifies(c.signedText(), c.signature()))
                .sorted(Comparator.comparingLong(Checkpoint::lastId))
                .toList();
    }

    int days() {
        return days;
    }

    /** A retention below the minimum: the start stops with one line (registered in META-INF/spring.factories). */
    static final class TooShort extends RuntimeException {
        TooShort(int days) {
            super("xl.audit.retention-days (XL_AUDIT_RETENTION_DAYS) is " + days + ", but audit entries must be kept at least "
                    + MINIMUM_DAYS + " days; set 0 to keep them forever.");
        }
    }

    static final class TooShortAnalyzer extends AbstractFailureAnalyzer<TooShort> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, TooShort cause) {
            return new FailureAnalysis(cause.getMessage(), "Set XL_AUDIT_RETENTION_DAYS to 0 or to " + MINIMUM_DAYS
                    + " or more (docs/SECURITY.md \"Audit retention\").", cause);
        }
    }
}
