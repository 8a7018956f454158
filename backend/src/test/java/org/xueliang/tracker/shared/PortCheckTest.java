package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.DatagramChannel;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The early check of configured ports: which ports it tests, and the one line for a busy one. */
class PortCheckTest {

    @Test
    void aBusyServerPortGivesOneLineNamingThePortAndXlPort() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            var env = new MockEnvironment().withProperty("server.port", String.valueOf(port)).withProperty("server.address", "127.0.0.1");
            assertThat(PortCheck.firstBusy(PortCheck.wanted(env))).hasValue("[xl] port " + port
                    + " (XL_PORT / server.port) on 127.0.0.1 is already in use: stop the other program or set XL_PORT to a free port");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        var env = new MockEnvironment().withProperty("server.port", String.valueOf(port));
        assertThat(PortCheck.firstBusy(PortCheck.wanted(env))).isEmpty();
    }

    @Test
    void demoPortsAreTestedOnlyInDemoModeAndOnlyWhenSet() throws Exception {
        var plain = new MockEnvironment().withProperty("server.port", "0").withProperty("xl.demo.onvif-port", "18080");
        assertThat(PortCheck.wanted(plain)).isEmpty();
        var demoUnset = new MockEnvironment().withProperty("server.port", "0").withProperty("xl.demo", "true");
        assertThat(PortCheck.wanted(demoUnset)).isEmpty();

        try (DatagramChannel taken = DatagramChannel.open()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName(PortCheck.DEMO_NETWORK_ADDRESS), 0));
            int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
            var demo = new MockEnvironment().withProperty("server.port", "0").withProperty("xl.demo", "true")
                    .withProperty("xl.demo.snmp-port", String.valueOf(port));
            assertThat(PortCheck.firstBusy(PortCheck.wanted(demo))).hasValueSatisfying(line -> assertThat(line)
                    .startsWith("[xl] port " + port + "/udp (XL_DEMO_SNMP_PORT / xl.demo.snmp-port) on 127.20.0.1 is already in use")
                    .endsWith("or to 0 (any free port)"));
        }
    }

    @Test
    void theGbSipPortIsTestedForUdpAndTcpOnlyWhenTheServerIsEnabled() throws Exception {
        var off = new MockEnvironment().withProperty("server.port", "0").withProperty("xl.gb.sip-port", "15060");
        assertThat(PortCheck.wanted(off)).isEmpty();
        var anyPort = new MockEnvironment().withProperty("server.port", "0").withProperty("xl.gb.enabled", "true")
                .withProperty("xl.gb.sip-port", "0");
        assertThat(PortCheck.wanted(anyPort)).isEmpty();

        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            var gb = new MockEnvironment().withProperty("server.port", "0").withProperty("xl.gb.enabled", "true")
                    .withProperty("xl.gb.sip-port", String.valueOf(port)).withProperty("xl.gb.sip-host", "127.0.0.1");
            assertThat(PortCheck.wanted(gb)).extracting(PortCheck.Wanted::udp).containsExactlyInAnyOrder(true, false);
            assertThat(PortCheck.firstBusy(PortCheck.wanted(gb).stream().filter(w -> !w.udp()).toList()))
                    .hasValue("[xl] port " + port + " (XL_GB_SIP_PORT / xl.gb.sip-port) on 127.0.0.1 is already in use: stop the"
                            + " other program or set XL_GB_SIP_PORT to a free port or to 0 (any free port)");
        }
    }
}
