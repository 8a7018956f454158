package org.xueliang.tracker.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit log as stored. {@link #computeHash()} is the chain rule: SHA-256 over the
 * previous hash and every column, each length-prefixed so that no two different entries hash alike.
 *
 * <p>Two versions of the rule exist ({@code hash_version}, V12). Version 1, used before V12, left out
 * {@code project_id}; those entries keep their hashes and are verified by that rule. Version 2
 * (every entry written since) covers every column: the version itself, the previous hash, id, time,
 * actor, action, entity, summary, before, after and project.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, String summary, String beforeJson, String afterJson, Long projectId,
                         int hashVersion, String prevHash, String hash) {

    public static final String GENESIS_HASH = "0".repeat(64);
    /** The rule new entries are hashed with. */
    public static final int CURRENT_VERSION = 2;

    public String computeHash() {
        Object[] parts = switch (hashVersion) {
            case 1 -> new Object[] {prevHash, id, occurredAt.toEpochMilli(), actor, action, entityType, entityId, summary,
                    beforeJson, afterJson};
            case 2 -> new Object[] {"v2", prevHash, id, occurredAt.toEpochMilli(), actor, action, entityType, entityId,
                    summary, beforeJson, afterJson, projectId};
            default -> throw new IllegalArgumentException("unknown audit hash version " + hashVersion);
        };
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                String text = part == null ? "\u0000" : part.toString();
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                // Length-prefix each field so "ab"+"c" and "a"+"bc" cannot collide.
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the stored hash is what the entry's own version of the rule gives (false for an unknown version). */
    boolean hashMatches() {
        return (hashVersion == 1 || hashVersion == 2) && computeHash().equals(hash);
    }
}
