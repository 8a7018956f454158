package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.TestData;
import org.xueliang.tracker.agent.probe.Reason;

/** Parsing and building of WS-Discovery messages; recordings of real ProbeMatches; the multicast socket set-up (never sent). */
class WsDiscoveryTest {

    @Test
    void reads_the_ezviz_probe_matches_recording() throws Exception {
        Path dir = TestData.dir("onvif/2bad-onvif");
        List<WsDiscovery.Match> ms = WsDiscovery.parseProbeMatches(
                Files.readAllBytes(dir.resolve("ezviz/ds-2de2c400ig-w-w/discovery.ProbeMatches.xml")), null, null);
        assertThat(ms).hasSize(1);
        WsDiscovery.Match m = ms.get(0);
        assertThat(m.endpointReference()).isEqualTo("urn:uuid:00000000-0000-4000-8000-000000000012");
        assertThat(m.xaddrs()).containsExactly("http://192.0.2.13/onvif/device_service", "https://192.0.2.13/onvif/device_service");
        assertThat(m.xaddrHosts()).containsExactly("192.0.2.13");
        assertThat(m.address()).isEqualTo("192.0.2.13");
        assertThat(m.types()).containsExactly("dn:NetworkVideoTransmitter", "tds:Device");
        assertThat(m.isVideoTransmitter()).isTrue();
        assertThat(m.metadataVersion()).isEqualTo("10");
        assertThat(m.name()).contains("REDACTED5");
        assertThat(m.hardware()).contains("DS-2DE2C400IG-W-W");
        assertThat(m.location()).isEmpty();
        assertThat(m.scope("MAC")).containsExactly("02:00:00:00:00:15");
        assertThat(m.scopes()).hasSize(8);
    }

    @Test
    void reads_the_dvc_probe_matches_recording_with_an_ipv6_xaddr() throws Exception {
        Path dir = TestData.dir("onvif/2bad-onvif");
        WsDiscovery.Match m = WsDiscovery.parseProbeMatches(
                Files.readAllBytes(dir.resolve("dvc/dcn-bf5365/discovery.ProbeMatches.xml")), null,
                "urn:uuid:00000000-0000-4000-8000-000000000012").get(0);
        assertThat(m.endpointReference()).isEqualTo("urn:uuid:00000000-0000-4000-8000-000000000011");
        assertThat(m.xaddrHosts()).containsExactly("192.0.2.14", "fe80::a");
        assertThat(m.types()).containsExactly("tdn:NetworkVideoTransmitter", "tds:Device");
        assertThat(m.isVideoTransmitter()).isTrue();
        assertThat(m.name()).contains("REDACTED7");
        assertThat(m.hardware()).contains("DCN-BF5365");
        assertThat(m.location()).contains("REDACTED6");
        assertThat(m.metadataVersion()).isEqualTo("10");
    }

    @Test
    void reads_the_agsh_mock_with_an_empty_location_and_a_placeholder_xaddr() throws Exception {
        Path dir = TestData.dir("onvif/agsh");
        WsDiscovery.Match m = WsDiscovery.parseProbeMatches(Files.readAllBytes(dir.resolve("Probe.xml")), null, null).get(0);
        assertThat(m.endpointReference()).isEqualTo("uuid:c9790c3a-701b-464d-a189-0060351c8ada");
        assertThat(m.name()).contains("PREDATOR");
        assertThat(m.hardware()).contains("HD_PREDATOR");
        assertThat(m.location()).isEmpty(); // "onvif://www.onvif.org/location/" carries no value
        assertThat(m.xaddrs()).containsExactly("SERVICE_URI");
        assertThat(m.address()).isNull(); // no host anywhere, and not received from the network
    }

    @Test
    void an_answer_to_another_probe_is_refused() throws Exception {
        Path dir = TestData.dir("onvif/2bad-onvif");
        byte[] raw = Files.readAllBytes(dir.resolve("ezviz/ds-2de2c400ig-w-w/discovery.ProbeMatches.xml"));
        assertThatThrownBy(() -> WsDiscovery.parseProbeMatches(raw, null, "urn:uuid:someone-else"))
                .isInstanceOf(OnvifException.class).hasMessageContaining("not our probe");
    }

    @Test
    void the_probe_is_soap12_with_the_discovery_action_a_fresh_message_id_and_the_nvt_type() throws Exception {
        String id = WsDiscovery.newMessageId();
        assertThat(id).matches("urn:uuid:[0-9a-f-]{36}").isNotEqualTo(WsDiscovery.newMessageId());
        XmlNode env = SafeXml.parse(WsDiscovery.probeMessage(id).getBytes(StandardCharsets.UTF_8));
        assertThat(env.namespace()).isEqualTo(Soap.ENV_NS);
        assertThat(env.path("Header", "Action").orElseThrow().text())
                .isEqualTo("http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe");
        assertThat(env.path("Header", "MessageID").orElseThrow().text()).isEqualTo(id);
        XmlNode probe = env.path("Body", "Probe").orElseThrow();
        assertThat(probe.namespace()).isEqualTo(WsDiscovery.DISCOVERY_NS);
        assertThat(probe.child("Types").orElseThrow().text()).isEqualTo("dn:NetworkVideoTransmitter");

        WsDiscovery.Probe read = WsDiscovery.parseProbe(WsDiscovery.probeMessage(id).getBytes(StandardCharsets.UTF_8));
        assertThat(read.messageId()).isEqualTo(id);
        assertThat(read.wantsVideoTransmitters()).isTrue();
        assertThat(new WsDiscovery.Probe(id, List.of("x:Printer")).wantsVideoTransmitters()).isFalse();
    }

    @Test
    void probe_matches_round_trip_with_percent_encoded_scopes() throws Exception {
        var m = new WsDiscovery.Match("urn:uuid:1", List.of("http://127.20.1.1:8080/onvif/device_service"),
                WsDiscovery.scopes("北门 卡口 #1", "XL-IPC+2000", "济山县/城关"), List.of("dn:NetworkVideoTransmitter"), "3", null);
        byte[] raw = WsDiscovery.probeMatchesMessage("urn:uuid:2", "urn:uuid:probe", List.of(m)).getBytes(StandardCharsets.UTF_8);
        WsDiscovery.Match back = WsDiscovery.parseProbeMatches(raw, new InetSocketAddress("127.20.1.1", 3702), "urn:uuid:probe").get(0);
        assertThat(back.scopes()).allSatisfy(s -> assertThat(s).doesNotContainAnyWhitespaces());
        assertThat(back.name()).contains("北门 卡口 #1");
        assertThat(back.hardware()).contains("XL-IPC+2000");
        assertThat(back.location()).contains("济山县/城关");
        assertThat(back.address()).isEqualTo("127.20.1.1");
        assertThat(back.fromAddress().getPort()).isEqualTo(3702);
    }

    @Test
    void hostile_datagrams_are_refused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"" + Soap.ENV_NS + "\"><s:Body><ProbeMatches>&x;</ProbeMatches></s:Body></s:Envelope>";
        assertThatThrownBy(() -> WsDiscovery.parseProbeMatches(xxe.getBytes(StandardCharsets.UTF_8), null, null))
                .isInstanceOfSatisfying(OnvifException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESPONSE));
        assertThatThrownBy(() -> WsDiscovery.parseProbeMatches(new byte[WsDiscovery.MAX_DATAGRAM + 1], null, null))
                .isInstanceOf(OnvifException.class).hasMessageContaining("bytes");
        String noEpr = WsDiscovery.probeMatchesMessage("urn:uuid:2", "r", List.of()).replace("<d:ProbeMatches></d:ProbeMatches>",
                "<d:ProbeMatches><d:ProbeMatch><d:XAddrs>http://127.0.0.1/</d:XAddrs></d:ProbeMatch></d:ProbeMatches>");
        assertThatThrownBy(() -> WsDiscovery.parseProbeMatches(noEpr.getBytes(StandardCharsets.UTF_8), null, "r"))
                .isInstanceOf(OnvifException.class).hasMessageContaining("EndpointReference");
        assertThatThrownBy(() -> WsDiscovery.parseProbe("<html/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(OnvifException.class).hasMessageContaining("not a SOAP envelope");
    }

    /** The production path: socket options only. Nothing is sent (239.255.255.250 is not loopback). */
    @Test
    void the_multicast_socket_leaves_through_the_named_interface_with_ttl_1() throws Exception {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        org.junit.jupiter.api.Assumptions.assumeTrue(lo != null, "no interface named lo");
        try (DatagramChannel ch = WsDiscovery.openMulticast(lo)) {
            assertThat(ch.getOption(StandardSocketOptions.IP_MULTICAST_IF)).isEqualTo(lo);
            assertThat(ch.getOption(StandardSocketOptions.IP_MULTICAST_TTL)).isEqualTo(1);
            assertThat(((InetSocketAddress) ch.getLocalAddress()).getPort()).isPositive();
            assertThat(ch.isConnected()).isFalse();
        }
        assertThat(WsDiscovery.MULTICAST_GROUP.getAddress().getHostAddress()).isEqualTo("239.255.255.250");
        assertThat(WsDiscovery.MULTICAST_GROUP.getPort()).isEqualTo(3702);
    }

    @Test
    void unicast_probes_want_a_unicast_target_and_a_bounded_timeout() {
        assertThatThrownBy(() -> WsDiscovery.probeUnicast(WsDiscovery.MULTICAST_GROUP, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WsDiscovery.probeUnicast(new InetSocketAddress("127.0.0.1", 3702), Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100..10000");
    }
}
