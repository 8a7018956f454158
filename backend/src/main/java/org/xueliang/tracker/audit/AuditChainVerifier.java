package org.xueliang.tracker.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Checks the audit chain against itself and against the signed checkpoints (docs/SECURITY.md "Audit
 * chain anchoring"), in this order:
 * <ol>
 * <li>every checkpoint, from the table and from the file outside the database, carries a valid
 * signature of the configured key, and every checkpoint of the file is still in the table, unchanged;</li>
 * <li>the chain starts at entry 1, or right after a checkpoint signed more than 180 days ago (the
 * retention's anchor);</li>
 * <li>every entry follows its predecessor without gaps, links to its hash, hashes to what it says under
 * its own rule version (never an older version after a newer one), and still has the hash any
 * checkpoint signed for it;</li>
 * <li>no checkpoint names an entry beyond the chain's end, and the head row points at the last entry.</li>
 * </ol>
 * Reads the chain in slices so a long log verifies in bounded memory.
 */
@Component
class AuditChainVerifier {

    private static final int SLICE = 1000;

    private final AuditLogReader reader;
    private final CheckpointStore store;
    private final CheckpointLog file;
    private final CheckpointKey key;
    private final Clock clock;

    AuditChainVerifier(AuditLogReader reader, CheckpointStore store, CheckpointLog file, CheckpointKey key, Clock clock) {
        this.reader = reader;
        this.store = store;
        this.file = file;
        this.key = key;
        this.clock = clock;
    }

    /**
     * @param problem a code for what broke (null when valid): ENTRY_MISSING, LINK_BROKEN, HASH_MISMATCH,
     *                HASH_VERSION_DOWNGRADE, HEAD_MISMATCH, CHECKPOINT_SIGNATURE, CHECKPOINT_MISSING,
     *                CHECKPOINT_MISMATCH, CHECKPOINT_FILE_UNREADABLE, HEAD_BEHIND_CHECKPOINT, PRUNED_TOO_EARLY
     * @param reason  the same in a sentence, naming the entry or checkpoint
     */
    record Result(boolean valid, long checked, Long firstBrokenId, String problem, String reason, CheckpointStatus checkpoints) {
    }

    /**
     * What the checkpoints say. {@code keyFingerprint} is the configured key's; {@code anchorId} the
     * checkpoint the chain starts after (null: from entry 1).
     */
    record CheckpointStatus(int count, Long lastId, Long lastEntryId, Instant lastSignedAt, String lastSignedBy,
                            String keyFingerprint, Long anchorId) {
    }

    private record Broken(Long id, String problem, String reason) {
    }

    Result verify() {
        List<Checkpoint> table = store.all();
        CheckpointLog.Read outside = file.read();
        Map<Long, Checkpoint> merged = new TreeMap<>();
        table.forEach(c -> merged.put(c.id(), c));
        outside.checkpoints().forEach(c -> merged.putIfAbsent(c.id(), c));
        Optional<Checkpoint> newest = merged.values().stream().max(Comparator.comparingLong(Checkpoint::lastId));
        Broken broken = checkpointsHold(table, outside);
        // by entry id: the checkpoints the walk must meet (several may sign the same entry)
        Map<Long, List<Checkpoint>> byEntry = merged.values().stream()
                .collect(Collectors.groupingBy(Checkpoint::lastId, TreeMap::new, Collectors.toList()));
        Walk walk = new Walk();
        if (broken == null) {
            broken = walk.run(byEntry);
        }
        var status = new CheckpointStatus(merged.size(), newest.map(Checkpoint::id).orElse(null),
                newest.map(Checkpoint::lastId).orElse(null), newest.map(Checkpoint::signedAt).orElse(null),
                newest.map(Checkpoint::keyId).orElse(null), key.fingerprint(), walk.anchor == null ? null : walk.anchor.id());
        return broken == null
                ? new Result(true, walk.checked, null, null, null, status)
                : new Result(false, walk.checked, broken.id(), broken.problem(), broken.reason(), status);
    }

    private Broken checkpointsHold(List<Checkpoint> table, CheckpointLog.Read outside) {
        if (!outside.unreadable().isEmpty()) {
            return new Broken(null, "CHECKPOINT_FILE_UNREADABLE", "the checkpoint file " + file.file() + " has lines that are not"
                    + " checkpoints: " + String.join(", ", outside.unreadable()));
        }
        for (Checkpoint c : table) {
            if (!signedByOurKey(c)) {
                return new Broken(c.lastId(), "CHECKPOINT_SIGNATURE", "checkpoint #" + c.id() + " in the database does not carry"
                        + " a valid signature of key " + key.fingerprint());
            }
        }
        Map<Long, Checkpoint> inTable = table.stream().collect(Collectors.toMap(Checkpoint::id, Function.identity()));
        for (Checkpoint c : outside.checkpoints()) {
            if (!signedByOurKey(c)) {
                return new Broken(c.lastId(), "CHECKPOINT_SIGNATURE", "checkpoint #" + c.id() + " in the checkpoint file does not"
                        + " carry a valid signature of key " + key.fingerprint());
            }
            Checkpoint stored = inTable.get(c.id());
            if (stored == null) {
                return new Broken(c.lastId(), "CHECKPOINT_MISSING", "checkpoint #" + c.id() + " (entry " + c.lastId()
                        + ") is in the checkpoint file but no longer in the database");
            }
            if (!stored.equals(c)) {
                return new Broken(c.lastId(), "CHECKPOINT_MISMATCH", "checkpoint #" + c.id() + " in the database differs from"
                        + " the checkpoint file");
            }
        }
        return null;
    }

    private boolean signedByOurKey(Checkpoint c) {
        return c.keyId().equals(key.fingerprint()) && key.verifies(c.signedText(), c.signature());
    }

    /** One pass over the chain from its start (entry 1 or the retention anchor) to the head. */
    private final class Walk {
        long checked;
        Checkpoint anchor;

        Broken run(Map<Long, List<Checkpoint>> byEntry) {
            AuditLogReader.HeadRow head = reader.head();
            Long first = reader.firstId();
            long start = first == null ? head.lastId() + 1 : first;
            String prevHash = AuditEntry.GENESIS_HASH;
            if (start > 1) {
                anchor = byEntry.getOrDefault(start - 1, List.of()).stream().findFirst().orElse(null);
                if (anchor == null) {
                    return new Broken(1L, "ENTRY_MISSING", "entries 1 to " + (start - 1) + " are missing and no checkpoint"
                            + " anchors entry " + start);
                }
                Instant youngestPrunable = clock.instant().minus(Duration.ofDays(AuditRetention.MINIMUM_DAYS));
                if (!anchor.signedAt().isBefore(youngestPrunable)) {
                    return new Broken(1L, "PRUNED_TOO_EARLY", "entries 1 to " + (start - 1) + " were removed though checkpoint #"
                            + anchor.id() + " is younger than the " + AuditRetention.MINIMUM_DAYS + "-day minimum retention");
                }
                prevHash = anchor.lastHash();
            }
            long expectedId = start;
            int newestVersion = 0;
            while (true) {
                List<AuditEntry> slice = reader.chainAfter(expectedId - 1, SLICE);
                if (slice.isEmpty()) {
                    break;
                }
                for (AuditEntry e : slice) {
                    if (e.id() != expectedId) {
                        return new Broken(expectedId, "ENTRY_MISSING", "entry " + expectedId + " is missing");
                    }
                    if (!e.prevHash().equals(prevHash)) {
                        return new Broken(e.id(), "LINK_BROKEN", "does not link to the entry before it");
                    }
                    if (e.hashVersion() < newestVersion) {
                        return new Broken(e.id(), "HASH_VERSION_DOWNGRADE", "is hashed by rule version " + e.hashVersion()
                                + " after an entry of version " + newestVersion);
                    }
                    if (!e.hashMatches()) {
                        return new Broken(e.id(), "HASH_MISMATCH", "its content no longer matches its hash");
                    }
                    for (Checkpoint c : byEntry.getOrDefault(e.id(), List.of())) {
                        if (!c.lastHash().equals(e.hash())) {
                            return new Broken(e.id(), "CHECKPOINT_MISMATCH", "entry " + e.id() + " no longer has the hash that"
                                    + " checkpoint #" + c.id() + " signed on " + c.signedAt() + ": it or an entry before it was rewritten");
                        }
                    }
                    newestVersion = e.hashVersion();
                    prevHash = e.hash();
                    expectedId++;
                    checked++;
                }
            }
            long lastId = expectedId - 1;
            List<Checkpoint> beyond = new ArrayList<>();
            byEntry.forEach((entry, cs) -> {
                if (entry > lastId) {
                    beyond.addAll(cs);
                }
            });
            if (!beyond.isEmpty()) {
                Checkpoint c = beyond.get(beyond.size() - 1);
                return new Broken(expectedId, "HEAD_BEHIND_CHECKPOINT", "the newest entries were removed: the chain ends at entry "
                        + lastId + " but checkpoint #" + c.id() + " signed entry " + c.lastId());
            }
            if (head.lastId() != lastId || !head.lastHash().equals(prevHash)) {
                return new Broken(head.lastId() > lastId ? expectedId : head.lastId(), "HEAD_MISMATCH",
                        "the newest entries were removed (chain head points at entry " + head.lastId() + ")");
            }
            return null;
        }
    }
}
