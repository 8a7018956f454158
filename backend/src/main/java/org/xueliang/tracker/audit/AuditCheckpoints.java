package org.xueliang.tracker.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * Writes signed checkpoints of the audit chain's head (docs/SECURITY.md "Audit log"): one
 * is due when the head moved and either {@code xl.audit.checkpoint.interval} (default 15 min) has
 * passed since the last one or {@code xl.audit.checkpoint.every-entries} (default 1000) entries were
 * added. The check runs every {@code xl.audit.checkpoint.check-ms} under the lease
 * {@value #LEASE}, so one replica writes. A checkpoint goes to the table first, then to the file
 * outside the database, then out as {@link AuditCheckpointWritten}.
 */
@Service
public class AuditCheckpoints {

    static final String LEASE = "audit-checkpoint";
    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final AuditLogReader reader;
    private final CheckpointStore store;
    private final CheckpointLog file;
    private final CheckpointKey key;
    private final SchedulerLease lease;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration interval;
    private final long everyEntries;
    private final Duration leaseLength;

    AuditCheckpoints(AuditLogReader reader, CheckpointStore store, CheckpointLog file, CheckpointKey key, SchedulerLease lease,
                     ApplicationEventPublisher events, Clock clock,
                     @Value("${xl.audit.checkpoint.interval:PT15M}") Duration interval,
                     @Value("${xl.audit.checkpoint.every-entries:1000}") long everyEntries,
                     @Value("${xl.audit.checkpoint.check-ms:60000}") long checkMs) {
        this.reader = reader;
        this.store = store;
        this.file = file;
        this.key = key;
        this.lease = lease;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.everyEntries = everyEntries;
        // long enough to outlast a run, short enough that another replica takes over soon after this one stops
        this.leaseLength = Duration.ofMillis(Math.max(checkMs * 3, 60_000));
    }

    @Scheduled(fixedDelayString = "${xl.audit.checkpoint.check-ms:60000}", initialDelayString = "${xl.audit.checkpoint.check-ms:60000}")
    void onSchedule() {
        try {
            lease.runUnder(LEASE, leaseLength, this::writeIfDue);
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint not written: {}", e.getMessage());
        }
    }

    void writeIfDue() {
        AuditLogReader.HeadRow head = reader.head();
        Optional<Checkpoint> last = store.latest();
        boolean moved = head.lastId() > last.map(Checkpoint::lastId).orElse(0L);
        boolean due = last.isEmpty()
                || !last.get().signedAt().plus(interval).isAfter(clock.instant())
                || head.lastId() - last.get().lastId() >= everyEntries;
        if (moved && due) {
            write(head);
        }
    }

    /** Signs the chain's current head now, whether or not one is due; empty while the chain is empty. */
    public synchronized Optional<AuditCheckpointWritten> checkpointNow() {
        AuditLogReader.HeadRow head = reader.head();
        return head.lastId() == 0 ? Optional.empty() : Optional.of(write(head));
    }

    private synchronized AuditCheckpointWritten write(AuditLogReader.HeadRow head) {
        // The next number follows both copies, so a table emptied behind our back does not reuse numbers in the file.
        long id = Math.max(store.latest().map(Checkpoint::id).orElse(0L),
                file.read().checkpoints().stream().mapToLong(Checkpoint::id).max().orElse(0L)) + 1;
        Checkpoint unsigned = new Checkpoint(id, head.lastId(), head.lastHash(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                key.fingerprint(), null);
        Checkpoint signed = new Checkpoint(id, unsigned.lastId(), unsigned.lastHash(), unsigned.signedAt(), unsigned.keyId(),
                key.sign(unsigned.signedText()));
        store.insert(signed);
        file.append(signed);
        AuditCheckpointWritten written = new AuditCheckpointWritten(id, signed.lastId(), signed.lastHash(), signed.signedAt(),
                signed.keyId(), signed.line());
        events.publishEvent(written);
        return written;
    }
}
