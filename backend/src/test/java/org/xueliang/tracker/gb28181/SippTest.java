package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.testing.OnMariaDb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The independent peer: Debian's SIPp ({@code /usr/bin/sipp}, package sip-tester, installed by
 * {@code ./scripts/test.sh --prereqs-only}) plays a device from the scenario files in {@code src/test/resources/sipp/}
 * against the server on 127.0.0.1, over UDP and TCP: its digest answer registers it, its keepalives are counted, its
 * Expires 0 ends the registration; with the wrong password it gets 403 and no registration. Skipped, saying so, when
 * SIPp is not installed.
 */
@OnMariaDb
class SippTest extends GbServerTestSupport {

    static final Path SIPP = Path.of("/usr/bin/sipp");
    static final Path SCENARIOS = Path.of("src", "test", "resources", "sipp").toAbsolutePath();
    private static final long PAUSE_MS = 2000;

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(Files.isExecutable(SIPP), "SIPp is not installed (/usr/bin/sipp): run ./scripts/test.sh --prereqs-only; SIPp tests skipped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void sippRegistersKeepsAliveAndUnregisters(String transport) throws Exception {
        String code = newDeviceCode();
        Process sipp = start("gb-register-keepalive.xml", transport, code, DEVICE_PASSWORD);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(registeredNow(code)).isTrue();
            assertThat(registration(code).keepaliveCount()).isGreaterThanOrEqualTo(1);
        });
        assertThat(registration(code).transport()).isEqualTo(transport);
        assertThat(finished(sipp)).as(output(sipp)).isZero();
        RegistrationState after = registration(code);
        assertThat(after.keepaliveCount()).isEqualTo(3);
        assertThat(after.unregisteredAt()).isNotNull();
        assertThat(registeredNow(code)).isFalse();
    }

    @Test
    void sippFallingSilentStaysRegisteredWithItsKeepalivesCounted() throws Exception {
        String code = newDeviceCode();
        Process sipp = start("gb-register-then-silent.xml", "UDP", code, DEVICE_PASSWORD);
        assertThat(finished(sipp)).as(output(sipp)).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(registration(code).keepaliveCount()).isEqualTo(3));
        assertThat(registeredNow(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UDP", "TCP"})
    void sippWithTheWrongPasswordGets403(String transport) throws Exception {
        String code = newDeviceCode();
        Process sipp = start("gb-wrong-password.xml", transport, code, "Wrong-" + DEVICE_PASSWORD);
        assertThat(finished(sipp)).as(output(sipp)).isZero(); // the scenario expects the 403
        assertThat(registration(code)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'GB_REGISTER_REFUSED' AND entity_id = ?",
                Integer.class, code)).isEqualTo(1);
    }

    private final List<Path> outputs = new ArrayList<>();

    private Process start(String scenario, String transport, String code, String password) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "sipp", code + "-" + transport.toLowerCase()));
        Path csv = dir.resolve("device.csv");
        Files.writeString(csv, "SEQUENTIAL\n" + code + ";" + password + ";" + SERVER_ID + ";" + DOMAIN + ";\n", StandardCharsets.US_ASCII);
        Path out = dir.resolve("sipp.out");
        outputs.add(out);
        List<String> command = List.of(SIPP.toString(), "127.0.0.1:" + sipPort(), "-sf", SCENARIOS.resolve(scenario).toString(),
                "-inf", csv.toAbsolutePath().toString(), "-au", code, "-ap", password, "-i", "127.0.0.1", "-p", Integer.toString(freeLocalPort()),
                "-t", "TCP".equals(transport) ? "t1" : "u1", "-m", "1", "-d", Long.toString(PAUSE_MS), "-nostdin",
                "-timeout", "60s", "-timeout_error", "-trace_err", "-trace_msg", "-message_file", dir.resolve("messages.log").toAbsolutePath().toString(), "-error_file", dir.resolve("errors.log").toAbsolutePath().toString());
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static int finished(Process sipp) throws InterruptedException {
        if (!sipp.waitFor(90, TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
            return -1;
        }
        return sipp.exitValue();
    }

    private String output(Process sipp) {
        StringBuilder s = new StringBuilder("SIPp output:\n");
        for (Path p : outputs) {
            try {
                String text = Files.readString(p, StandardCharsets.ISO_8859_1);
                s.append(text, Math.max(0, text.length() - 3000), text.length());
                Path errors = p.resolveSibling("errors.log");
                if (Files.exists(errors)) {
                    s.append("\nerrors:\n").append(Files.readString(errors, StandardCharsets.ISO_8859_1));
                }
            } catch (IOException e) {
                s.append(e);
            }
        }
        return s.toString();
    }

    /** A loopback port free for UDP and TCP (SIPp binds its own -p). */
    private static int freeLocalPort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                 ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort()));
                return udp.getLocalPort();
            } catch (IOException busyForTcp) {
                // another
            }
        }
        throw new IOException("no free loopback port for SIPp");
    }
}
