package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.onvif.WsDiscovery;
import org.xueliang.tracker.agent.sim.CameraFaults.Fault;

/** Unicast WS-Discovery against the simulator's responder, on loopback only. */
class WsDiscoveryResponderTest {

    private static SimulatedCamera cam(String ip) throws Exception {
        return SimulatedCamera.standard(InetAddress.getByName(ip), "admin", "pw");
    }

    @Test
    void every_camera_that_is_up_answers_from_its_own_address_with_its_xaddr() throws Exception {
        SimulatedCamera a = cam("127.24.1.1");
        SimulatedCamera b = cam("127.24.1.2");
        SimulatedCamera down = cam("127.24.1.3");
        down.faults().set(Fault.DOWN);
        try (WsDiscoveryResponder r = WsDiscoveryResponder.start(new InetSocketAddress("127.24.0.1", 0),
                List.of(a, b, down), 8080)) {
            WsDiscovery.Result res = WsDiscovery.probeUnicast(r.address(), Duration.ofMillis(500));
            assertThat(res.matches()).extracting(WsDiscovery.Match::address).containsExactlyInAnyOrder("127.24.1.1", "127.24.1.2");
            WsDiscovery.Match m = res.matches().stream().filter(x -> x.address().equals("127.24.1.1")).findFirst().orElseThrow();
            assertThat(m.fromAddress().getAddress()).isEqualTo(a.address());
            assertThat(m.xaddrs()).containsExactly("http://127.24.1.1:8080/onvif/device_service");
            assertThat(m.name()).contains("SIM-127-24-1-1");
            assertThat(m.hardware()).contains("XL-IPC-2000");
            assertThat(m.location()).contains("xl-sim");
            assertThat(m.isVideoTransmitter()).isTrue();
            assertThat(res.ignored()).isZero();
            // sent twice, answered twice, reported once per device
            assertThat(r.probes()).isEqualTo(2);
            assertThat(res.messageId()).startsWith("urn:uuid:");
        }
    }

    @Test
    void nothing_answers_on_an_empty_port_within_the_timeout() throws Exception {
        long t0 = System.nanoTime();
        WsDiscovery.Result res = WsDiscovery.probeUnicast(new InetSocketAddress("127.24.0.9", 9), Duration.ofMillis(200));
        assertThat(res.matches()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(190), Duration.ofMillis(1500));
    }

    @Test
    void the_responder_stays_on_loopback() {
        assertThatThrownBy(() -> WsDiscoveryResponder.start(new InetSocketAddress("192.0.2.1", 0), List.of(), 80))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulator_main_starts_a_responder_with_discovery() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OnvifSimulator sim = SimulatorMain.start(new String[] {"--cameras", "3", "--base", "127.24.2.1", "--password", "pw",
                "--discovery", "127.24.0.2:0"}, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            Matcher m = Pattern.compile("udp://([0-9.]+):(\\d+)").matcher(out.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
            WsDiscovery.Result res = WsDiscovery.probeUnicast(new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2))),
                    Duration.ofMillis(400));
            assertThat(res.matches()).extracting(WsDiscovery.Match::address)
                    .containsExactlyInAnyOrder("127.24.2.1", "127.24.2.2", "127.24.2.3");
            assertThat(res.matches().get(0).xaddrs().get(0)).endsWith(":" + sim.port() + "/onvif/device_service");
        }
    }
}
