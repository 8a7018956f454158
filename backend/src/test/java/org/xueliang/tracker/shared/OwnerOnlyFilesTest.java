package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas starting at once on a fresh shared data directory create each key file once: exactly one creator wins, and
 * every creator then reads the winner's key (before, a check-then-rename let a second key replace the first one after
 * a replica had already read it).
 */
class OwnerOnlyFilesTest {

    private static final int CREATORS = 16;
    private static final int ROUNDS = 25;

    @Test
    void exactlyOneOfManyCreatorsStartedAtOnceCreatesTheFile(@TempDir Path dir) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path file = dir.resolve("round-" + round + "/key");
            AtomicInteger next = new AtomicInteger();
            List<Boolean> created = AtOnce.run(CREATORS, () ->
                    OwnerOnlyFiles.createOnce(file, ("key of creator " + next.incrementAndGet() + "\n").getBytes(StandardCharsets.US_ASCII)));
            assertThat(created).as("round " + round).containsOnlyOnce(true);
            assertThat(Files.readString(file)).as("round " + round).matches("key of creator \\d+\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            try (var left = Files.list(file.getParent())) {
                assertThat(left).as("no temporary file left behind").containsExactly(file);
            }
        }
    }

    @Test
    void secretKeyFileCreatorsStartedAtOnceAllReadOneKey(@TempDir Path dir) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path file = dir.resolve("round-" + round + "/secret.key");
            List<String> keys = AtOnce.run(CREATORS, () -> HexFormat.of().formatHex(SecretCipher.loadOrCreateKeyFile(file)));
            assertThat(keys).as("round " + round).hasSize(CREATORS).containsOnly(HexFormat.of().formatHex(SecretCipher.loadOrCreateKeyFile(file)));
        }
    }
}
