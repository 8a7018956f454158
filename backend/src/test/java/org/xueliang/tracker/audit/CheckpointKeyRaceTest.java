package org.xueliang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.shared.AtOnce;

/**
 * Two replicas starting at once on a fresh shared data directory must sign with one key: every starter of the audit
 * signing key file reads the key of the one that created it, and that is the key the file keeps.
 */
class CheckpointKeyRaceTest {

    @Test
    void startersAtOnceOnAFreshDataDirAllUseOneKey(@TempDir Path dir) throws Exception {
        for (int round = 0; round < 25; round++) {
            Path file = dir.resolve("round-" + round + "/audit-signing.key");
            List<String> fingerprints = AtOnce.run(16, () -> new CheckpointKey(CheckpointKey.loadOrCreate(file)).fingerprint());
            String kept = new CheckpointKey(CheckpointKey.loadOrCreate(file)).fingerprint();
            assertThat(fingerprints).as("round " + round).hasSize(16).containsOnly(kept);
        }
    }
}
