package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.TestData;
import org.xueliang.tracker.agent.sim.RecordedCamera;
import org.xueliang.tracker.agent.sim.SimCamera;
import org.xueliang.tracker.agent.sim.SimulatedCamera;

/**
 * What the simulator says and hears reads the same with {@link SafeXml#parse} as with StAX, by the fast reader:
 * the agent's requests (with WS-UsernameToken), a {@link SimulatedCamera}'s answers to every operation it serves
 * (faults included), WS-Discovery messages, and a {@link RecordedCamera}'s answers when the recordings are present.
 */
class SafeXmlSimulatorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
    private static final String BASE = "http://127.0.0.1:8080";
    private static final String[] DEVICE_OPS = {"<tds:GetSystemDateAndTime/>", "<tds:GetDeviceInformation/>",
            "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>",
            "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>", "<trt:GetProfiles/>",
            "<trt:GetSnapshotUri><trt:ProfileToken>profile_&amp;1</trt:ProfileToken></trt:GetSnapshotUri>",
            "<tse:GetRecordingSummary" + RecordingSearch.NS + "/>",
            "<tse:FindRecordings" + RecordingSearch.NS + "><tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindRecordings>",
            "<tse:GetRecordingSearchResults" + RecordingSearch.NS + "><tse:SearchToken>search-1</tse:SearchToken></tse:GetRecordingSearchResults>",
            "<tse:GetRecordingSearchResults" + RecordingSearch.NS + "><tse:SearchToken>unknown</tse:SearchToken></tse:GetRecordingSearchResults>",
            "<tse:EndSearch" + RecordingSearch.NS + "><tse:SearchToken>search-1</tse:SearchToken></tse:EndSearch>",
            "<tds:GetHostname/>"};

    @Test
    void simulated_camera_requests_and_answers_read_the_same() throws Exception {
        SimulatedCamera camera = SimulatedCamera.standard(InetAddress.getByName("127.0.0.1"), "admin", "secret");
        List<byte[]> documents = new ArrayList<>();
        for (String op : DEVICE_OPS) {
            for (String header : new String[] {WsUsernameToken.header("admin", "secret", NOW), null}) {
                byte[] request = Soap.envelope(header, op).getBytes(StandardCharsets.UTF_8);
                XmlNode envelope = SafeXml.parse(request);
                XmlNode body = envelope.child("Body").orElseThrow().children().get(0);
                documents.add(request);
                documents.add(camera.soap(envelope, body, BASE, NOW).body());
            }
        }
        String id = WsDiscovery.newMessageId();
        documents.add(WsDiscovery.probeMessage(id).getBytes(StandardCharsets.UTF_8));
        documents.add(WsDiscovery.probeMatchesMessage(WsDiscovery.newMessageId(), id, List.of(new WsDiscovery.Match(
                "urn:uuid:1", List.of(BASE + "/onvif/device_service"), List.of("onvif://www.onvif.org/name/A&B"),
                List.of("dn:NetworkVideoTransmitter"), "1", null))).getBytes(StandardCharsets.UTF_8));
        assertAllReadFast(documents);
    }

    @Test
    void recorded_camera_answers_read_the_same() throws IOException, OnvifException {
        Path root = TestData.dir("onvif").resolve("easy_onvif");
        List<byte[]> documents = new ArrayList<>();
        List<Path> models;
        try (Stream<Path> s = Files.list(root)) {
            models = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path model : models) {
            RecordedCamera camera = new RecordedCamera(InetAddress.getByName("127.0.0.1"), model);
            for (String folder : new String[] {"device_management", "media1", "media2"}) {
                documents.addAll(answers(camera, model.resolve(folder), folder));
            }
        }
        assertThat(documents).hasSizeGreaterThan(20);
        assertAllReadFast(documents);
    }

    private static List<byte[]> answers(SimCamera camera, Path folder, String name) throws IOException, OnvifException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String ns = switch (name) {
            case "media1" -> Soap.MEDIA_NS;
            case "media2" -> Soap.MEDIA2_NS;
            default -> Soap.DEVICE_NS;
        };
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith("Response.xml")) {
                    String op = file.substring(0, file.length() - "Response.xml".length());
                    XmlNode request = SafeXml.parse(("<o:" + op + " xmlns:o=\"" + ns + "\"/>").getBytes(StandardCharsets.UTF_8));
                    out.add(camera.soap(request, request, BASE, NOW).body());
                }
            }
        }
        return out;
    }

    private static void assertAllReadFast(List<byte[]> documents) {
        for (int i = 0; i < documents.size(); i++) {
            byte[] doc = documents.get(i);
            String label = "simulator document #" + i + ": " + new String(doc, StandardCharsets.UTF_8);
            assertThat(XmlDifferential.assertAgree(label, doc)).as(label).isEqualTo(XmlDifferential.Path.FAST);
        }
    }
}
