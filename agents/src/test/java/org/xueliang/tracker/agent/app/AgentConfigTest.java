package org.xueliang.tracker.agent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    @TempDir
    Path dir;

    @Test
    void reads_the_command_line_and_takes_the_token_from_the_environment() {
        AgentConfig c = AgentConfig.parse(new String[] {"--server", "http://127.0.0.1:8080", "--spool", "/var/spool/xl",
                "--metrics", "127.0.0.1:9465", "--concurrency", "64"}, Map.of(AgentConfig.TOKEN_ENV, "env-token"));
        assertThat(c.token()).isEqualTo("env-token");
        assertThat(c.servers()).extracting(java.net.URI::getPort).containsExactly(8080);
        assertThat(c.ackLog()).isNull();
        assertThat(c.spool()).isEqualTo(Path.of("/var/spool/xl"));
        assertThat(c.metrics().getPort()).isEqualTo(9465);
        assertThat(c.concurrency()).isEqualTo(64);
        assertThat(c.spoolMaxBytes()).isEqualTo(256L << 20);
        assertThat(c.warmUp()).isEqualTo(org.xueliang.tracker.agent.runtime.ProberWarmUp.DEFAULT_BUDGET);
        assertThat(c.toString()).doesNotContain("env-token");
    }

    @Test
    void the_start_up_warm_up_is_an_iso_duration_and_zero_turns_it_off() {
        String[] base = {"--server", "http://127.0.0.1:8080", "--spool", "/tmp/s", "--token", "t"};
        assertThat(AgentConfig.parse(concat(base, "--warm-up", "PT0S"), Map.of()).warmUp()).isZero();
        assertThat(AgentConfig.parse(concat(base, "--warm-up", "PT1.5S"), Map.of()).warmUp()).isEqualTo(java.time.Duration.ofMillis(1500));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgentConfig.parse(concat(base, "--warm-up", "4"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AgentConfig.parse(concat(base, "--warm-up", "-PT1S"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] concat(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    @Test
    void reads_a_config_file_and_lets_the_command_line_override_it() throws Exception {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, "server=http://127.0.0.1:8080\ntoken=file-token\nspool=/tmp/s\nconcurrency=32\nspoolMaxMb=16\n");
        AgentConfig c = AgentConfig.parse(new String[] {"--config", file.toString(), "--concurrency", "8"}, Map.of(AgentConfig.TOKEN_ENV, "env"));
        assertThat(c.token()).isEqualTo("file-token");
        assertThat(c.concurrency()).isEqualTo(8);
        assertThat(c.spoolMaxBytes()).isEqualTo(16L << 20);
        assertThat(c.metrics()).isNull();
    }

    @Test
    void takes_several_servers_repeated_or_comma_separated_in_order() throws Exception {
        AgentConfig repeated = AgentConfig.parse(new String[] {"--server", "http://127.0.0.1:8081", "--server",
                "http://127.0.0.2:8082,http://127.0.0.3:8083", "--spool", "d", "--token", "t", "--ack-log", "/tmp/acks.log"}, Map.of());
        assertThat(repeated.servers()).extracting(java.net.URI::getPort).containsExactly(8081, 8082, 8083);
        assertThat(repeated.ackLog()).isEqualTo(Path.of("/tmp/acks.log"));
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, "server=http://127.0.0.1:8081, http://127.0.0.1:8082\ntoken=t\nspool=s\nackLog=a.log\n");
        AgentConfig fromFile = AgentConfig.parse(new String[] {"--config", file.toString()}, Map.of());
        assertThat(fromFile.servers()).extracting(java.net.URI::getPort).containsExactly(8081, 8082);
        assertThat(fromFile.ackLog()).isEqualTo(Path.of("a.log"));
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "http://127.0.0.1:1,ftp://x", "--spool", "d",
                "--token", "t"}, Map.of())).hasMessageContaining("http(s) URL, got ftp://x");
    }

    @Test
    void explains_what_is_missing_or_wrong() {
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "http://127.0.0.1", "--spool", "d"}, Map.of()))
                .hasMessageContaining("Missing token").hasMessageContaining(AgentConfig.TOKEN_ENV);
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "ftp://x", "--spool", "d", "--token", "t"}, Map.of()))
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--bogus", "1"}, Map.of())).hasMessageContaining("Unknown option --bogus");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "http://127.0.0.1", "--spool", "d", "--token", "t",
                "--concurrency", "0"}, Map.of())).hasMessageContaining("positive");
    }
}
