package org.xueliang.tracker.ledger;


import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.xueliang.tracker.shared.TimestampedEntity;
import org.xueliang.tracker.shared.SecretCipher;

/**
 * A device credential: ONVIF user/password, SNMP v2c community, or SNMPv3 user with auth and
 * privacy keys. Secrets are stored only as ciphertexts ({@link SecretCipher}); there are no getters
 * for them, only {@link #secret(SecretCipher)} for the prober, and toString never prints them.
 */
@Entity
@Table(name = "credential")
public class Credential extends TimestampedEntity {

    public enum Kind { ONVIF, SNMP_V2C, SNMP_V3, GB28181 }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;
    private String username;
    private String secretCipher;
    private String authProtocol;
    private String privProtocol;
    private String privSecretCipher;

    protected Credential() {
    }

    public Credential(Kind kind, String username) {
        this.kind = kind;
        this.username = username;
    }


    public void setUsername(String username) {
        this.username = username;
    }

    public void setSecret(String plaintext, SecretCipher cipher) {
        this.secretCipher = cipher.encrypt(plaintext);
    }

    public void setPrivacy(String protocol, String plaintext, SecretCipher cipher) {
        this.privProtocol = protocol;
        this.privSecretCipher = cipher.encrypt(plaintext);
    }

    public void setAuthProtocol(String authProtocol) {
        this.authProtocol = authProtocol;
    }

    public String secret(SecretCipher cipher) {
        return cipher.decrypt(secretCipher);
    }

    public String privacySecret(SecretCipher cipher) {
        return cipher.decrypt(privSecretCipher);
    }

    public boolean hasSecret() {
        return secretCipher != null;
    }

    public Long getId() { return id; }
    public Kind getKind() { return kind; }
    public String getUsername() { return username; }
    public String getAuthProtocol() { return authProtocol; }
    public String getPrivProtocol() { return privProtocol; }

    @Override
    public String toString() {
        return "Credential[id=" + id + ", kind=" + kind + ", username=" + username + ", secret=***]";
    }
}
