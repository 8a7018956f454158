package org.xueliang.tracker.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/** What the checkpoint endpoints hand out: the table's checkpoints as JSON, and every known checkpoint as a signed text file. */
@Component
class CheckpointFiles {

    private final CheckpointStore store;
    private final CheckpointLog file;
    private final CheckpointKey key;

    CheckpointFiles(CheckpointStore store, CheckpointLog file, CheckpointKey key) {
        this.store = store;
        this.file = file;
        this.key = key;
    }

    record Item(long id, long lastEntryId, String lastHash, Instant signedAt, String keyFingerprint, String signature, String line) {
    }

    record Listing(String algorithm, String keyFingerprint, String publicKeyPem, String signedTextPrefix, List<Item> checkpoints) {
    }

    Listing listing() {
        return new Listing("Ed25519", key.fingerprint(), key.publicKeyPem(), Checkpoint.PREFIX,
                store.all().stream().map(c -> new Item(c.id(), c.lastId(), c.lastHash(), c.signedAt(), c.keyId(), c.signature(),
                        c.line())).toList());
    }

    /**
     * The public key as comment lines, then one signed line per checkpoint of the table or the file (the file's copy
     * where both have it), by number. Each line stands on its own: its signature covers the prefix plus its first five fields.
     */
    String signedFile() {
        Map<Long, Checkpoint> all = new TreeMap<>();
        store.all().forEach(c -> all.put(c.id(), c));
        file.read().checkpoints().forEach(c -> all.put(c.id(), c));
        StringBuilder out = new StringBuilder();
        out.append("# Xueliang Tracker audit chain checkpoints (docs/SECURITY.md \"Audit log: hash chain, signed checkpoints, retention\").\n")
                .append("# Line: <checkpoint> <last entry id> <last entry hash> <signed at> <key fingerprint> <signature, base64>.\n")
                .append("# The Ed25519 signature covers \"").append(Checkpoint.PREFIX)
                .append("\" followed by the line's first five fields, separated by single spaces.\n")
                .append("# Key fingerprint ").append(key.fingerprint()).append(" (SHA-256 of the public key's DER, first 16 bytes):\n");
        key.publicKeyPem().lines().forEach(l -> out.append("# ").append(l).append('\n'));
        all.values().forEach(c -> out.append(c.line()).append('\n'));
        return out.toString();
    }
}
