package org.xueliang.tracker.ledger;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.SecretCipher;
import org.xueliang.tracker.shared.Texts;

/**
 * The device's own GB/T 28181 REGISTER password, {@code "gbPassword"} of a device request: write-only like every
 * secret (null keeps the stored one, "" removes it, anything else replaces it), stored encrypted as a credential of
 * kind GB28181 and read back only by {@link GbDirectory#passwordOf} for the digest check. The device view says only
 * whether one is set.
 */
@Component
class GbPassword {

    static final String FIELD = "gbPassword";
    /** SIP digest passwords have no length limit of their own; devices' web pages allow far fewer. */
    static final int MAX_LENGTH = 64;

    private final CredentialRepository credentials;
    private final SecretCipher cipher;
    private final Texts texts;

    GbPassword(CredentialRepository credentials, SecretCipher cipher, Texts texts) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.texts = texts;
    }

    /** A password needs a code to register with, and fits a device's settings page. */
    List<FieldProblem> validate(String password, DeviceFields fields) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            return problems;
        }
        if (password.length() > MAX_LENGTH || password.chars().anyMatch(Character::isISOControl)) {
            problems.add(problem("gbPassword.invalid", MAX_LENGTH));
        }
        if (fields.gbCode() == null || fields.gbCode().isBlank()) {
            problems.add(problem("gbPassword.needsCode"));
        }
        return problems;
    }

    /** Stores the password on the device (validated beforehand). */
    void apply(Device device, String password) {
        if (password == null) {
            return;
        }
        Credential existing = device.getGbCredential();
        if (password.isEmpty()) {
            device.configureGbCredential(null);
            if (existing != null) {
                // flushed after the device's UPDATE that drops the reference (Hibernate runs deletes last)
                credentials.delete(existing);
            }
            return;
        }
        Credential credential = existing != null ? existing : new Credential(Credential.Kind.GB28181, null);
        credential.setSecret(password, cipher);
        credentials.save(credential);
        device.configureGbCredential(credential);
    }

    private FieldProblem problem(String key, Object... args) {
        return new FieldProblem(FIELD, texts.get(Texts.current(), key, args));
    }
}
