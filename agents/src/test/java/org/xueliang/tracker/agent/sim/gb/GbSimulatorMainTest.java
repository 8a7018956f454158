package org.xueliang.tracker.agent.sim.gb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

/** {@code xueliang-simulator.jar gb28181 …}: the fleet the arguments describe registers, with its faults. */
class GbSimulatorMainTest {

    @Test
    void theCommandLineFleetRegistersWithItsCodesAndFaults() throws Exception {
        Map<String, String> passwords = Map.of("14082400111320000101", "Pw-1", "14082400111320000102", "Pw-1",
                "14082400111180000101", "Pw-1");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (TinyRegistrar server = new TinyRegistrar("udp", passwords)) {
            GbSimulator sim = GbSimulatorMain.start(new String[] {"--server", "127.0.0.1:" + server.port(),
                    "--server-id", TinyRegistrar.SERVER_ID, "--domain", TinyRegistrar.DOMAIN, "--ipcs", "2", "--nvrs", "1",
                    "--channels", "3", "--base-code", "14082400111320000101", "--password", "Pw-1", "--keepalive-seconds", "1",
                    "--fault", "1=wrong-password", "--fault", "2=vlost=1@5", "--fault", "2=drift-30"}, out);
            ScheduledExecutorService reporter = GbSimulatorMain.report(sim, out, 1);
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> server.registered.size() == 2 && !server.refused.isEmpty());
                assertThat(server.registered).containsOnlyKeys("14082400111320000101", "14082400111180000101");
                assertThat(server.refused).contains("14082400111320000102");
                await().atMost(Duration.ofSeconds(20)).until(() -> printed.toString(StandardCharsets.UTF_8).contains("registered 2/3"));
            } finally {
                reporter.shutdownNow();
                sim.close();
            }
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("gb28181: 3 devices (2 IPCs, 1 NVRs × 3 channels) from 14082400111320000101 on 127.0.0.1:")
                    .contains("faults {1=[wrong-password], 2=[vlost=1@5, drift-30]}")
                    .doesNotContain("all 3 registered");
        }
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] base = {"--server", "127.0.0.1:5060", "--server-id", "14082400002000000001", "--domain", "1408240000",
                "--base-code", "14082400111320000101", "--password", "x"};
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "1", "--server", "192.168.1.10:5060"), out))
                .hasMessageContaining("127.0.0.0/8");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--nvrs", "1"), out)).hasMessageContaining("--channels");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "2", "--fault", "2=wrong-password"), out))
                .hasMessageContaining("out of 0..1");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "1", "--fault", "0=explode"), out))
                .hasMessageContaining("unknown GB/T 28181 fault");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "1", "--transport", "sctp"), out))
                .hasMessageContaining("udp or tcp");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "1", "--colour", "red"), out))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "1", "--zone", "Mars/Olympus"), out))
                .hasMessageContaining("--zone wants a time zone");
        assertThatThrownBy(() -> GbSimulatorMain.start(concat(base, "--ipcs", "999999"), out))
                .hasMessageContaining("serials run out");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
