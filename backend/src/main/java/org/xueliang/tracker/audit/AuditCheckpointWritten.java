package org.xueliang.tracker.audit;

import java.time.Instant;

/**
 * Published after a checkpoint of the audit chain was stored and appended to the checkpoint file, for
 * modules that copy it elsewhere (notification channels flagged for it). {@code line} is the signed
 * line exactly as in the file; {@code keyFingerprint} names the signing key.
 */
public record AuditCheckpointWritten(long checkpointId, long lastEntryId, String lastHash, Instant signedAt,
                                     String keyFingerprint, String line) {
}
