package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.xueliang.tracker.agent.TestData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Every recording under testdata/onvif either parses into its typed result or is a known quirk
 * that fails with the expected, classified error. Nothing may escape as an unhandled exception.
 */
class OnvifConformanceTest {

    /** Recordings that must NOT parse, and the reason they must give. Keys are paths under onvif/. */
    static final Map<String, Reason> QUIRKS = Map.ofEntries(
            // HTML 401 page instead of SOAP (EZVIZ/Hikvision embedded web server)
            Map.entry("2bad-onvif/ezviz/ds-2de2c400ig-w-w/device.GetSystemDateAndTimeUnauthorizedFault.xml", Reason.AUTH_FAILED),
            // gSOAP's not-authorised reply: SOAP Fault with reason "HTTP Error: 401 Unauthorized"
            Map.entry("2bad-onvif/dvc/dcn-bf5365/device.GetSystemDateAndTimeUnauthorizedFault.xml", Reason.AUTH_FAILED),
            // SOAP faults from real devices
            Map.entry("2bad-onvif/ezviz/ds-2de2c400ig-w-w/device.UnknownActionFault.xml", Reason.BAD_RESPONSE),
            Map.entry("ex_onvif/soap_fault.xml", Reason.BAD_RESPONSE),
            Map.entry("easy_onvif/ENP1A14-IR_25X/device_management/Fault.xml", Reason.BAD_RESPONSE),
            Map.entry("easy_onvif/IPD-H4K8M05-BS/device_management/Fault.xml", Reason.BAD_RESPONSE),
            Map.entry("easy_onvif/SUNBA/device_management/Fault.xml", Reason.BAD_RESPONSE),
            // agsh mock files edited by hand: typographic quotes in the XML declaration
            Map.entry("agsh/Error.xml", Reason.BAD_RESPONSE),
            // agsh: doT template tags between elements ({{? ...}}) are not XML
            Map.entry("agsh/PullMessages.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/media.SetAudioEncoderConfiguration.xml", Reason.BAD_RESPONSE),
            // agsh: namespace declarations trimmed away, prefixes unbound
            Map.entry("agsh/GetSnapshotUri.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/device.GetDNS.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/device.GetNetworkDefaultGateway.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/device.SetDNS.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/device.SetNetworkDefaultGateway.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/device.SetNetworkInterfaces.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/imaging.GetServiceCapabilities.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/media.GetAudioEncoderConfigurationOptions.xml", Reason.BAD_RESPONSE),
            Map.entry("agsh/media.GetVideoEncoderConfigurationOptions.xml", Reason.BAD_RESPONSE)
    );

    private Path recordings;

    @BeforeEach
    void recordings() {
        recordings = TestData.dir("onvif"); // skips every test here when the recordings are absent
    }

    static Map<String, Reason> quirks() {
        return QUIRKS;
    }

    /** Parses a recording the way the prober parses a 200 answer; returns a short description. */
    static String classify(byte[] raw) throws OnvifException {
        XmlNode op = Soap.body(raw, 200);
        return switch (op.localName()) {
            case "GetSystemDateAndTimeResponse" -> "time " + OnvifResponses.systemDateAndTime(op).utc();
            case "GetDeviceInformationResponse" -> "device " + OnvifResponses.deviceInformation(op);
            case "GetServicesResponse" -> "services " + OnvifResponses.services(op).xaddrs().size();
            case "GetCapabilitiesResponse" -> "capabilities " + OnvifResponses.capabilities(op).xaddrs().size();
            case "GetProfilesResponse" -> "profiles " + OnvifResponses.profiles(op);
            case "GetSnapshotUriResponse" -> "snapshot " + OnvifResponses.snapshotUri(op);
            default -> "envelope " + op.localName();
        };
    }

    @TestFactory
    Stream<DynamicTest> every_recording_parses_or_is_a_known_quirk() throws IOException {
        Path root = TestData.dir("onvif");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(200);
        return files.stream().map(p -> {
            String rel = root.relativize(p).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(rel, () -> {
                byte[] raw = Files.readAllBytes(p);
                Reason expected = quirks().get(rel);
                try {
                    String what = classify(raw);
                    if (expected != null) {
                        fail(rel + " was expected to fail with " + expected + " but parsed: " + what);
                    }
                } catch (OnvifException e) {
                    if (expected == null) {
                        fail(rel + " is not a known quirk but failed: " + e.reason() + " " + e.getMessage());
                    }
                    assertThat(e.reason()).as(rel + ": " + e.getMessage()).isEqualTo(expected);
                }
            });
        });
    }

    @Test
    void reads_the_identity_of_a_dlink_dcs6511() throws Exception {
        XmlNode op = body("easy_onvif/DCS-6511/device_management/GetDeviceInformationResponse.xml");
        OnvifResponses.DeviceInformation di = OnvifResponses.deviceInformation(op);
        assertThat(di.manufacturer()).isEqualTo("D-Link Corporation");
        assertThat(di.model()).isEqualTo("DCS-6511");
        assertThat(di.firmware()).startsWith("1.16");
    }

    @Test
    void reads_utc_time_profiles_and_snapshot_uri_of_the_dcs6511() throws Exception {
        assertThat(OnvifResponses.systemDateAndTime(body("easy_onvif/DCS-6511/device_management/GetSystemDateAndTimeResponse.xml")).utc())
                .isEqualTo(Instant.parse("2023-03-07T16:14:53Z"));
        assertThat(OnvifResponses.profiles(body("easy_onvif/DCS-6511/media1/GetProfilesResponse.xml")))
                .extracting(OnvifResponses.Profile::token).containsExactly("Profile1", "Profile2");
        assertThat(OnvifResponses.snapshotUri(body("easy_onvif/DCS-6511/media1/GetSnapshotUriResponse.xml")))
                .startsWith("http://");
    }

    @Test
    void ezviz_html_401_page_is_an_auth_failure() {
        assertThatThrownBy(() -> body("2bad-onvif/ezviz/ds-2de2c400ig-w-w/device.GetSystemDateAndTimeUnauthorizedFault.xml"))
                .isInstanceOfSatisfying(OnvifException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED));
    }

    @Test
    void reads_identity_from_crlf_ezviz_and_milesight_captures() throws Exception {
        var ezviz = OnvifResponses.deviceInformation(body("2bad-onvif/ezviz/ds-2de2c400ig-w-w/device.GetDeviceInformation.xml"));
        assertThat(ezviz.firmware()).isEqualTo("V5.3.8 build 260123");
        assertThat(ezviz.hardwareId()).isEqualTo("88");
        var milesight = OnvifResponses.deviceInformation(body("ex_onvif/get_device_information.xml"));
        assertThat(milesight.manufacturer()).startsWith("Milesight");
        assertThat(milesight.model()).isEqualTo("MS-C8165-PE");
    }

    @Test
    void utf16_declaration_over_ascii_content_is_read_as_utf8() throws Exception {
        assertThat(body("agsh/GetCapabilitiesEncoder.xml").localName()).isEqualTo("GetCapabilitiesResponse");
    }

    @Test
    void fault_subcodes_are_read() {
        assertThatThrownBy(() -> body("easy_onvif/ENP1A14-IR_25X/device_management/Fault.xml"))
                .isInstanceOf(OnvifException.class).hasMessageContaining("ter:OperationProhibited")
                .hasMessageContaining("Too weak password");
        assertThatThrownBy(() -> body("easy_onvif/SUNBA/device_management/Fault.xml"))
                .isInstanceOf(OnvifException.class).hasMessageContaining("ter:ActionNotSupported");
    }

    @Test
    void services_and_capabilities_give_the_media_xaddr_as_reported() throws Exception {
        var services = OnvifResponses.services(body("easy_onvif/ENP1A14-IR_25X/device_management/GetServicesResponse.xml"));
        assertThat(services.mediaXAddr()).contains("http://192.168.1.182/onvif/Media");
        var caps = OnvifResponses.capabilities(body("easy_onvif/DCS-6511/device_management/GetCapabilitiesResponse.xml"));
        assertThat(caps.mediaXAddr()).isPresent();
    }

    private XmlNode body(String rel) throws IOException, OnvifException {
        return Soap.body(Files.readAllBytes(recordings.resolve(rel)), 200);
    }
}
