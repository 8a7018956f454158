package org.xueliang.tracker.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.OwnerOnlyFiles;

/**
 * The Ed25519 key that signs audit checkpoints (JDK only, no extra library). It lives in a file
 * outside the database: {@code xl.audit.checkpoint-key} ({@code XL_AUDIT_CHECKPOINT_KEY}), by default
 * {@code XL_DATA_DIR/audit-signing.key}, created with owner-only permissions on the first start. All
 * replicas must read the same file (copy it before starting the second one): checkpoints signed with
 * another key do not verify. The file holds the private key (PKCS#8) and its public key (X.509), base64.
 */
@Component
class CheckpointKey {

    private static final String PRIVATE = "private ";
    private static final String PUBLIC = "public ";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String fingerprint;

    @Autowired
    CheckpointKey(@Value("${xl.audit.checkpoint-key:${xl.data-dir:./data}/audit-signing.key}") String file) {
        this(loadOrCreate(Path.of(file)));
    }

    CheckpointKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.fingerprint = fingerprintOf(publicKey);
        if (!verifies("pair check", sign("pair check"))) {
            throw new IllegalStateException("The audit signing key file's public key does not belong to its private key");
        }
    }

    String sign(String message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
    }

    /** False for a wrong, malformed or foreign signature; never throws on bad input. */
    boolean verifies(String message, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** First 16 bytes of SHA-256 over the public key's X.509 encoding, hex: names the key in every checkpoint. */
    String fingerprint() {
        return fingerprint;
    }

    /** The public key as PEM, for whoever checks the checkpoints elsewhere (openssl, another program). */
    String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static String fingerprintOf(PublicKey key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(sha, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static KeyPair loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the audit signing key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
        }
        String content = String.join("\n",
                "# Xueliang Tracker audit checkpoint signing key (Ed25519). Secret: every backend replica needs this same file.",
                PRIVATE + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                PUBLIC + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())) + "\n";
        // When two replicas start at once on a fresh shared data dir, one creates the file and both read that one.
        OwnerOnlyFiles.createOnce(file, content.getBytes(StandardCharsets.US_ASCII));
    }

    private static KeyPair read(Path file) throws IOException {
        String privateB64 = null;
        String publicB64 = null;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.startsWith(PRIVATE)) {
                privateB64 = line.substring(PRIVATE.length()).trim();
            } else if (line.startsWith(PUBLIC)) {
                publicB64 = line.substring(PUBLIC.length()).trim();
            }
        }
        if (privateB64 == null || publicB64 == null) {
            throw new IllegalStateException("The audit signing key file " + file + " lacks its 'private' or 'public' line");
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicB64))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateB64))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The audit signing key file " + file + " does not hold an Ed25519 key", e);
        }
    }
}
