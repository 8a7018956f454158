package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(new byte[32]);

    @Test
    void encryptsSoThatOnlyTheKeyReadsItBack() {
        String stored = cipher.encrypt("onvif-密码-123");
        assertThat(stored).startsWith("v1:").doesNotContain("onvif");
        assertThat(cipher.decrypt(stored)).isEqualTo("onvif-密码-123");
    }

    @Test
    void usesAFreshIvEachTimeSoEqualSecretsDoNotLookEqual() {
        assertThat(cipher.encrypt("public")).isNotEqualTo(cipher.encrypt("public"));
    }

    @Test
    void refusesTamperedCiphertext() {
        String stored = cipher.encrypt("community");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be decrypted");
    }

    @Test
    void refusesAnotherKey() {
        byte[] otherKey = new byte[32];
        Arrays.fill(otherKey, (byte) 7);
        String stored = new SecretCipher(otherKey).encrypt("secret");
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeysOfTheWrongSize() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16])).hasMessageContaining("32 bytes");
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested/secret.key");
        byte[] first = SecretCipher.loadOrCreateKeyFile(file);
        byte[] second = SecretCipher.loadOrCreateKeyFile(file);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }
}
