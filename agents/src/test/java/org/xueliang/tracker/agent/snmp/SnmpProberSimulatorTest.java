package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;
import org.xueliang.tracker.agent.sim.snmp.SimulatedSnmpAgent;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;
import org.xueliang.tracker.agent.sim.snmp.SnmpFault;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SnmpProberSimulatorTest {

    private static final AtomicLong IDS = new AtomicLong(1);
    private static SimulatedSnmp snmp;
    private static SnmpAgentSimulator sim;
    private static SnmpProber prober;

    @BeforeAll
    static void start() {
        snmp = new SimulatedSnmp("127.23.0.1");
        sim = snmp.sim;
        prober = snmp.prober;
    }

    @AfterAll
    static void stop() {
        snmp.close();
    }

    private static SimulatedSnmpAgent agent(String recording) throws IOException {
        return snmp.agent(recording);
    }

    private static ProbeTarget v2c(SimulatedSnmpAgent a, Map<String, String> settings) {
        return new ProbeTarget(IDS.getAndIncrement(), Method.SNMP, a.host(), a.port(), Duration.ofMillis(1500), settings,
                Secrets.community("public"));
    }

    private static ProbeTarget v3(SimulatedSnmpAgent a, String authPass) {
        return new ProbeTarget(IDS.getAndIncrement(), Method.SNMP, a.host(), a.port(), Duration.ofMillis(1500),
                Map.of("snmp.version", "3"), new Secrets(SnmpAgentSimulator.DEFAULT_V3_USER, null, "SHA", authPass, "AES",
                SnmpAgentSimulator.DEFAULT_V3_PRIV));
    }

    private static ProbeResult probe(ProbeTarget t) {
        return prober.probe(t).join();
    }

    @Test
    void reads_system_group_uplinks_and_host_resources_of_a_linux_server() throws IOException {
        SimulatedSnmpAgent a = agent("linux_powermon");
        ProbeResult r = probe(v2c(a, Map.of("snmp.uplinks", "1,2", "snmp.hostResources", "true")));
        assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
        assertThat(r.facts()).containsEntry(Facts.SYS_OBJECT_ID, "1.3.6.1.4.1.8072.3.2.10")
                .containsEntry(Facts.IF_OPER_STATUS_PREFIX + "1", "1").containsEntry(Facts.IF_OPER_STATUS_PREFIX + "2", "1")
                .containsKeys(Facts.CPU_LOAD_PCT, Facts.STORAGE_USED_PCT_PREFIX + "Physical memory")
                .doesNotContainKeys(Facts.UPS_BATTERY_STATUS);
        assertThat(r.facts().get(Facts.SYS_DESCR)).startsWith("Linux some.host.com 4.18.0-259.el8");
        assertThat(Long.parseLong(r.facts().get(Facts.SYS_UPTIME_TICKS))).isGreaterThanOrEqualTo(43303292L);
        assertThat(Integer.parseInt(r.facts().get(Facts.CPU_LOAD_PCT))).isBetween(0, 100);
    }

    @Test
    void reports_an_uplink_that_is_not_up() throws IOException {
        SimulatedSnmpAgent a = agent("linux_powermon"); // ifIndex 3 is down(2) in the recording
        ProbeResult r = probe(v2c(a, Map.of("snmp.uplinks", "1,3")));
        assertThat(r.status()).isEqualTo(Status.DEGRADED);
        assertThat(r.reason()).isEqualTo(Reason.UPLINK_DOWN);
        assertThat(r.detail()).contains("ifIndex 3 (ifOperStatus 2)");
        assertThat(probe(v2c(a, Map.of("snmp.uplinks", "99"))).detail()).contains("99 (no such interface)");
    }

    @Test
    void decodes_the_hex_sysDescr_of_a_huawei_switch() throws IOException {
        ProbeResult r = probe(v2c(agent("vrp_s5328c-ei"), Map.of()));
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(r.facts().get(Facts.SYS_DESCR)).contains("S5328C-EI").contains("Huawei Versatile Routing Platform");
        assertThat(r.facts()).containsEntry(Facts.SYS_OBJECT_ID, "1.3.6.1.4.1.2011.2.23.95");
    }

    @Test
    void reads_ups_status_and_degrades_a_ups_on_battery() throws IOException {
        SimulatedSnmpAgent ups = agent("huaweiups_ups2000");
        ProbeResult normal = probe(v2c(ups, Map.of()));
        assertThat(normal.status()).isEqualTo(Status.UP);
        assertThat(normal.facts()).containsEntry(Facts.UPS_BATTERY_STATUS, "batteryNormal")
                .containsEntry(Facts.UPS_OUTPUT_SOURCE, "normal")
                .containsEntry(Facts.SYS_DESCR, "SNMP Card for HUAWEI UPS2000");

        ups.set("1.3.6.1.2.1.33.1.4.1.0", new Integer32(5)); // upsOutputSource = battery
        ProbeResult onBattery = probe(v2c(ups, Map.of()));
        assertThat(onBattery.status()).isEqualTo(Status.DEGRADED);
        assertThat(onBattery.reason()).isEqualTo(Reason.ON_BATTERY);
        assertThat(onBattery.facts()).containsEntry(Facts.UPS_OUTPUT_SOURCE, "battery");
    }

    @Test
    void answers_from_a_recording_without_system_group() throws IOException {
        ProbeResult r = probe(v2c(agent("hikvision-cam"), Map.of()));
        assertThat(r.status()).isEqualTo(Status.UP);
        assertThat(r.facts()).doesNotContainKeys(Facts.SYS_DESCR, Facts.SYS_UPTIME_TICKS);
    }

    @Test
    void a_device_that_does_not_answer_is_down_with_timeout() throws IOException {
        SimulatedSnmpAgent a = agent(null).fault(SnmpFault.DOWN);
        ProbeResult r = probe(v2c(a, Map.of()));
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(r.latency()).isLessThan(Duration.ofMillis(3000));
        assertThat(a.requests()).as("one retry within the timeout").isEqualTo(2);
    }

    @Test
    void a_slow_device_times_out() throws IOException {
        SimulatedSnmpAgent a = agent(null).delay(Duration.ofSeconds(4)).fault(SnmpFault.SLOW);
        assertThat(probe(v2c(a, Map.of())).reason()).isEqualTo(Reason.TIMEOUT);
        a.delay(Duration.ofMillis(50));
        assertThat(probe(v2c(a, Map.of("snmp.retries", "0"))).status()).isEqualTo(Status.UP);
    }

    @Test
    void v2c_wrong_community_is_indistinguishable_from_down() throws IOException {
        SimulatedSnmpAgent a = agent(null);
        ProbeTarget wrong = new ProbeTarget(IDS.getAndIncrement(), Method.SNMP, a.host(), a.port(), Duration.ofMillis(500),
                Map.of(), Secrets.community("private"));
        ProbeResult r = probe(wrong);
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(r.detail()).contains("wrong community");
    }

    @Test
    void detects_a_reboot_from_the_sysUpTime_drop() throws IOException {
        SimulatedSnmpAgent a = agent("linux_powermon");
        ProbeTarget t = v2c(a, Map.of());
        ProbeResult first = probe(t);
        assertThat(first.facts()).doesNotContainKey(Facts.REBOOTED);
        assertThat(probe(t).facts()).as("uptime advances in real time").doesNotContainKey(Facts.REBOOTED);
        a.reboot();
        ProbeResult after = probe(t);
        assertThat(after.facts()).containsEntry(Facts.REBOOTED, "true");
        assertThat(Long.parseLong(after.facts().get(Facts.SYS_UPTIME_TICKS))).isLessThan(500);
        assertThat(after.status()).isEqualTo(Status.UP);
    }

    @Test
    void v3_authPriv_with_SHA_and_AES_works_and_an_unknown_user_is_auth_failed() throws IOException {
        SimulatedSnmpAgent a = agent("linux_powermon");
        ProbeResult ok = probe(v3(a, SnmpAgentSimulator.DEFAULT_V3_AUTH));
        assertThat(ok.status()).as(ok.detail()).isEqualTo(Status.UP);
        assertThat(ok.facts().get(Facts.SYS_DESCR)).startsWith("Linux");

        a.fault(SnmpFault.AUTH_FAILURE);
        ProbeResult rejected = probe(v3(a, SnmpAgentSimulator.DEFAULT_V3_AUTH));
        assertThat(rejected.status()).isEqualTo(Status.DEGRADED);
        assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(Reason.AUTH_FAILED);
        a.fault(SnmpFault.NONE);
        assertThat(probe(v3(a, SnmpAgentSimulator.DEFAULT_V3_AUTH)).status()).isEqualTo(Status.UP);
    }

    @Test
    void a_flapping_device_alternates_between_up_and_down() throws IOException {
        SimulatedSnmpAgent a = agent(null).flapPeriod(Duration.ofMillis(600)).fault(SnmpFault.FLAPPING);
        ProbeTarget t = new ProbeTarget(IDS.getAndIncrement(), Method.SNMP, a.host(), a.port(), Duration.ofMillis(150),
                Map.of("snmp.retries", "0"), Secrets.community("public"));
        List<Status> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            seen.add(probe(t).status());
            return seen.contains(Status.UP) && seen.contains(Status.DOWN) && seen.get(seen.size() - 1) == Status.UP
                    && seen.indexOf(Status.DOWN) > 0;
        });
    }

    @Test
    void probes_a_thousand_simulated_agents_concurrently_all_up() {
        List<SimulatedSnmpAgent> fleet = sim.addFleet(1000, LoopbackAddresses.parse("127.24.0.1"), freeUdpPort(), List.of());
        List<CompletableFuture<ProbeResult>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (SimulatedSnmpAgent a : fleet) {
            all.add(prober.probe(new ProbeTarget(IDS.getAndIncrement(), Method.SNMP, a.host(), a.port(),
                    Duration.ofSeconds(3), Map.of(), Secrets.community("public"))));
        }
        Map<Status, Integer> byStatus = new HashMap<>();
        all.forEach(f -> byStatus.merge(f.join().status(), 1, Integer::sum));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(byStatus).as("in %d ms", ms).containsExactly(Map.entry(Status.UP, 1000));
        assertThat(fleet).allMatch(a -> a.requests() >= 1);
    }

    /** A UDP port free on loopback now: a fixed port collides with a demo or benchmark running on the same machine. */
    private static int freeUdpPort() {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
