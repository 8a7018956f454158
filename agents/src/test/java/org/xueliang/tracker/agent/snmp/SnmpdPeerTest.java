package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/** The prober against a real peer: Debian's net-snmp snmpd, started on 127.0.0.1 and a free high port. */
class SnmpdPeerTest {

    private static final Path SNMPD = Path.of("/usr/sbin/snmpd");
    private static final String USER = "xltest";
    private static final String AUTH = "xl-auth-secret";
    private static final String PRIV = "xl-priv-secret";

    @TempDir
    static Path dir;
    private static Process snmpd;
    private static int port;
    private static SnmpTransport transport;
    private static SnmpProber prober;

    @BeforeAll
    static void startSnmpd() throws Exception {
        if (!Files.isExecutable(SNMPD)) {
            fail("Debian's snmpd is not installed (" + SNMPD + "): run ./scripts/test.sh, which installs it "
                    + "(or apt-get install -y snmpd snmp)");
        }
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("snmpd.conf");
        Files.writeString(conf, String.join("\n",
                "rocommunity public 127.0.0.1",
                "createUser " + USER + " SHA \"" + AUTH + "\" AES \"" + PRIV + "\"",
                "rouser " + USER + " priv",
                "sysDescr Linux xl-snmpd-peer (Debian net-snmp under test)",
                ""));
        ProcessBuilder pb = new ProcessBuilder(SNMPD.toString(), "-f", "-C", "-c", conf.toString(),
                "-Lf", dir.resolve("snmpd.log").toString(), "-p", dir.resolve("snmpd.pid").toString(),
                "udp:127.0.0.1:" + port);
        pb.environment().put("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString());
        pb.environment().put("MIBS", "");
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
        snmpd = pb.start();
        transport = new SnmpTransport();
        prober = new SnmpProber(transport);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!snmpd.isAlive()) {
                fail("snmpd exited with " + snmpd.exitValue() + ": " + Files.readString(dir.resolve("snmpd.out"))
                        + Files.readString(dir.resolve("snmpd.log")));
            }
            return prober.probe(v2c("public", Map.of())).join().status() == Status.UP;
        });
    }

    @AfterAll
    static void stopSnmpd() throws InterruptedException {
        if (prober != null) {
            prober.close();
            transport.close();
        }
        if (snmpd != null) {
            snmpd.destroy();
            if (!snmpd.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                snmpd.destroyForcibly();
            }
        }
    }

    private static ProbeTarget v2c(String community, Map<String, String> settings) {
        return new ProbeTarget(1, Method.SNMP, "127.0.0.1", port, Duration.ofMillis(700), settings,
                Secrets.community(community));
    }

    private static ProbeTarget v3(long id, String user, String auth) {
        return new ProbeTarget(id, Method.SNMP, "127.0.0.1", port, Duration.ofMillis(1500), Map.of("snmp.version", "3"),
                new Secrets(user, null, "SHA", auth, "AES", PRIV));
    }

    @Test
    void v2c_reads_the_system_group_and_host_resources() {
        ProbeResult r = prober.probe(v2c("public", Map.of("snmp.hostResources", "true", "snmp.uplinks", "1"))).join();
        assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
        assertThat(r.facts().get(Facts.SYS_DESCR)).contains("Linux");
        assertThat(r.facts()).containsEntry(Facts.SYS_OBJECT_ID, "1.3.6.1.4.1.8072.3.2.10")
                .containsEntry(Facts.IF_OPER_STATUS_PREFIX + "1", "1") // lo
                .containsKeys(Facts.SYS_UPTIME_TICKS, Facts.SYS_NAME); // hrProcessorLoad: empty in containers
        assertThat(r.facts().keySet()).anyMatch(k -> k.startsWith(Facts.STORAGE_USED_PCT_PREFIX));
    }

    @Test
    void v3_authPriv_with_SHA_and_AES_works() {
        ProbeResult r = prober.probe(v3(2, USER, AUTH)).join();
        assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
        assertThat(r.facts().get(Facts.SYS_DESCR)).contains("Linux");
    }

    @Test
    void v2c_wrong_community_gets_no_answer_so_down_timeout() {
        ProbeResult r = prober.probe(v2c("not-the-community", Map.of())).join();
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void v3_wrong_passphrase_gets_a_usm_report_so_auth_failed() throws IOException {
        try (SnmpTransport own = new SnmpTransport(1); SnmpProber p = new SnmpProber(own)) {
            ProbeResult r = p.probe(v3(3, USER, "wrong-auth-passphrase")).join();
            assertThat(r.status()).isEqualTo(Status.DEGRADED);
            assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.AUTH_FAILED);
            assertThat(r.detail()).contains("1.3.6.1.6.3.15.1.1.5"); // usmStatsWrongDigests
        }
    }

    @Test
    void v3_unknown_user_gets_a_usm_report_so_auth_failed() {
        ProbeResult r = prober.probe(v3(4, "nobody", AUTH)).join();
        assertThat(r.reason()).as(r.detail()).isEqualTo(Reason.AUTH_FAILED);
        assertThat(r.detail()).contains("1.3.6.1.6.3.15.1.1.3"); // usmStatsUnknownUserNames
    }
}
