package org.xueliang.tracker.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit log as stored. {@link #computeHash()} is the chain rule: SHA-256 over the
 * previous hash and every field, separated so that no two different entries hash alike.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
                         String entityId, String summary, String beforeJson, String afterJson,
                         String prevHash, String hash) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public String computeHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part : new Object[] {prevHash, id, occurredAt.toEpochMilli(), actor, action, entityType,
                    entityId, summary, beforeJson, afterJson}) {
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
}
