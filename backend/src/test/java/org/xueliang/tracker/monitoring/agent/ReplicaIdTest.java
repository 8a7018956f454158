package org.xueliang.tracker.monitoring.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaIdTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataDirGetsARandomIdThatARestartReuses() {
        String first = ReplicaId.resolve("", dir, dir.resolve("embedded-agent-spool"));
        assertThat(first).matches("[0-9a-f-]{12}");
        assertThat(ReplicaId.resolve(null, dir, dir.resolve("embedded-agent-spool"))).isEqualTo(first);
        assertThat(ReplicaId.resolve("", dir.resolve("other"), dir.resolve("other/embedded-agent-spool"))).isNotEqualTo(first);
    }

    @Test
    void aDataDirFromBeforeReplicaIdsKeepsItsAgentEmbeddedLocal() throws Exception {
        Files.createDirectories(dir.resolve("embedded-agent-spool"));
        assertThat(ReplicaId.resolve("", dir, dir.resolve("embedded-agent-spool"))).isEqualTo(ReplicaId.BEFORE_REPLICA_IDS);
        assertThat(Files.readString(dir.resolve(ReplicaId.FILE)).trim()).isEqualTo("local");
    }

    @Test
    void aConfiguredIdWinsAndMustBeUsableInAnAgentName() {
        assertThat(ReplicaId.resolve("app-2.example", dir, dir.resolve("spool"))).isEqualTo("app-2.example");
        assertThat(Files.exists(dir.resolve(ReplicaId.FILE))).isFalse();
        assertThatThrownBy(() -> ReplicaId.resolve("app 2", dir, dir.resolve("spool"))).hasMessageContaining("replica id 'app 2'");
    }
}
