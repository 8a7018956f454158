package org.xueliang.tracker.audit;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the first entry: every entry must follow its predecessor by id
 * without gaps, carry its predecessor's hash, and hash to what it says; the chain head must point at
 * the last entry. Reads in slices so a long log verifies in bounded memory.
 */
@Component
class AuditChainVerifier {

    private static final int SLICE = 1000;

    private final AuditLogReader reader;

    AuditChainVerifier(AuditLogReader reader) {
        this.reader = reader;
    }

    record Result(boolean valid, long checked, Long firstBrokenId, String reason) {
    }

    Result verify() {
        long expectedId = 1;
        String prevHash = AuditEntry.GENESIS_HASH;
        long checked = 0;
        while (true) {
            List<AuditEntry> slice = reader.chainAfter(expectedId - 1, SLICE);
            if (slice.isEmpty()) {
                break;
            }
            for (AuditEntry e : slice) {
                if (e.id() != expectedId) {
                    return new Result(false, checked, expectedId, "entry " + expectedId + " is missing");
                }
                if (!e.prevHash().equals(prevHash)) {
                    return new Result(false, checked, e.id(), "does not link to the entry before it");
                }
                if (!e.computeHash().equals(e.hash())) {
                    return new Result(false, checked, e.id(), "its content no longer matches its hash");
                }
                prevHash = e.hash();
                expectedId++;
                checked++;
            }
        }
        AuditLogReader.HeadRow head = reader.head();
        if (head.lastId() != expectedId - 1 || !head.lastHash().equals(prevHash)) {
            return new Result(false, checked, head.lastId() > expectedId - 1 ? expectedId : head.lastId(),
                    "the newest entries were removed (chain head points at entry " + head.lastId() + ")");
        }
        return new Result(true, checked, null, null);
    }
}
