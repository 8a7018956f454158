package org.xueliang.tracker.ledger.transfer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded import file: its name as the browser sent it (for the audit log only) and its bytes. */
record ImportUpload(String fileName, byte[] content) {

    /** SHA-256 of the bytes, recorded in the audit log so the very file of an import can be identified later. */
    String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
