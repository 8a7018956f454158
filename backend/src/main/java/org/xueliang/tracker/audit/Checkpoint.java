package org.xueliang.tracker.audit;

import java.time.Instant;

/**
 * A signed statement "the chain's entry {@code lastId} had hash {@code lastHash} at {@code signedAt}".
 * One line of the checkpoint file is {@link #line()}; the signature covers {@link #signedText()}, which
 * is that line without its last field behind the prefix {@value #PREFIX}, so anyone holding the public
 * key can check a line without this program.
 */
record Checkpoint(long id, long lastId, String lastHash, Instant signedAt, String keyId, String signature) {

    static final String PREFIX = "xl-audit-checkpoint/1 ";

    String signedText() {
        return PREFIX + id + " " + lastId + " " + lastHash + " " + signedAt + " " + keyId;
    }

    String line() {
        return id + " " + lastId + " " + lastHash + " " + signedAt + " " + keyId + " " + signature;
    }

    /** The inverse of {@link #line()}; throws IllegalArgumentException on anything else. */
    static Checkpoint parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 fields, found " + f.length);
        }
        try {
            return new Checkpoint(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], Instant.parse(f[3]), f[4], f[5]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed checkpoint line", e);
        }
    }
}
