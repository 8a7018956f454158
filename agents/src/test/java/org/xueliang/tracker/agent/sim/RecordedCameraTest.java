package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.onvif.OnvifException;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.TestData;
import org.xueliang.tracker.agent.onvif.XmlNode;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/** Replaying easy_onvif recordings through the simulator, on loopback only. */
class RecordedCameraTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Test
    void the_prober_reads_the_dcs6511_identity_through_the_simulator() throws IOException {
        Path dir = TestData.dir("onvif").resolve("easy_onvif/DCS-6511");
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (OnvifSimulator sim = OnvifSimulator.start(List.of(new RecordedCamera(lo, dir)), 0);
             OnvifProber prober = SimTargets.loopbackProber()) {
            // the recording's clock is from 2023: with a wide tolerance the camera is UP
            ProbeResult r = prober.probe(SimTargets.target(lo, sim.port(), TIMEOUT,
                    OnvifProber.CLOCK_TOLERANCE, Long.toString(Long.MAX_VALUE / 2_000))).join();
            assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
            assertThat(r.facts()).containsEntry(Facts.MANUFACTURER, "D-Link Corporation")
                    .containsEntry(Facts.MODEL, "DCS-6511").containsKey(Facts.SNAPSHOT_BYTES);
            // with the default tolerance the recorded clock is reported as drift
            ProbeResult drift = prober.probe(SimTargets.target(lo, sim.port(), TIMEOUT)).join();
            assertThat(drift.status()).isEqualTo(Status.DEGRADED);
            assertThat(drift.reason()).isEqualTo(Reason.CLOCK_DRIFT);
            assertThat(drift.facts()).containsEntry(Facts.MANUFACTURER, "D-Link Corporation");
        }
    }

    @Test
    void an_operation_without_a_recording_is_action_not_supported() throws IOException {
        Path dir = TestData.dir("onvif").resolve("easy_onvif/DCS-6511");
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (OnvifSimulator sim = OnvifSimulator.start(List.of(new RecordedCamera(lo, dir)), 0)) {
            OnvifClient client = new OnvifClient(OnvifClient.LOOPBACK_ONLY);
            URI uri = URI.create("http://127.0.0.1:" + sim.port() + "/onvif/device_service");
            assertThatThrownBy(() -> client.call(uri, "<tds:GetServices/>", null, TIMEOUT).join())
                    .isInstanceOf(CompletionException.class)
                    .satisfies(e -> {
                        OnvifException o = OnvifClient.classify(e);
                        assertThat(o.reason()).isEqualTo(Reason.BAD_RESPONSE);
                        assertThat(o.getMessage()).contains("ActionNotSupported");
                    });
        }
    }

    /** Network-rule guard: every XAddr and Uri a replayed camera serves points back at loopback. */
    @TestFactory
    Stream<DynamicTest> every_served_uri_points_at_the_simulator() throws IOException {
        Path root = TestData.dir("onvif").resolve("easy_onvif");
        List<Path> models;
        try (Stream<Path> s = Files.list(root)) {
            models = s.filter(Files::isDirectory).sorted().toList();
        }
        return models.stream().map(model -> DynamicTest.dynamicTest(model.getFileName().toString(), () -> {
            InetAddress lo = InetAddress.getByName("127.0.0.1");
            try (OnvifSimulator sim = OnvifSimulator.start(List.of(new RecordedCamera(lo, model)), 0)) {
                OnvifClient client = new OnvifClient(OnvifClient.LOOPBACK_ONLY);
                URI uri = URI.create("http://127.0.0.1:" + sim.port() + "/onvif/device_service");
                List<String> seen = new ArrayList<>();
                for (String op : List.of("<tds:GetCapabilities/>", "<tds:GetServices/>", "<trt:GetSnapshotUri/>",
                        "<trt:GetStreamUri/>", "<tr2:GetSnapshotUri xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\"/>")) {
                    try {
                        collectUris(client.call(uri, op, null, TIMEOUT).join(), seen);
                    } catch (CompletionException e) {
                        assertThat(OnvifClient.classify(e).reason()).isEqualTo(Reason.BAD_RESPONSE); // no recording
                    }
                }
                assertThat(seen).isNotEmpty().allSatisfy(u -> assertThat(u).matches(
                        "(https?|rtsp)://127\\.0\\.0\\.1(:\\d+)?(/.*)?"));
            }
        }));
    }

    @Test
    void rewrites_hosts_inside_uri_elements_but_not_namespaces() {
        String xml = "<e xmlns:tt=\"http://www.onvif.org/ver10/schema\"><tt:XAddr>http://192.168.1.182/onvif/Media</tt:XAddr>"
                + "<tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>"
                + "<tt:Uri>rtsp://192.168.1.182:554/Streaming/Channels/101</tt:Uri>"
                + "<d:XAddrs>http://192.0.2.5/onvif/device_service http://[fe80::1]/onvif/device_service</d:XAddrs></e>";
        String out = RecordedCamera.rewriteHosts(xml, "http://127.0.0.1:8080");
        assertThat(out).contains("<tt:XAddr>http://127.0.0.1:8080/onvif/Media</tt:XAddr>")
                .contains("<tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>")
                .contains("<tt:Uri>rtsp://127.0.0.1/Streaming/Channels/101</tt:Uri>")
                .contains("<d:XAddrs>http://127.0.0.1:8080/onvif/device_service http://127.0.0.1:8080/onvif/device_service</d:XAddrs>")
                .contains("xmlns:tt=\"http://www.onvif.org/ver10/schema\"")
                .doesNotContain("192.");
    }

    @Test
    void the_command_line_serves_a_recording_on_a_loopback_address_and_port() throws IOException {
        Path dir = TestData.dir("onvif").resolve("easy_onvif/DCS-6511");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (OnvifSimulator sim = SimulatorMain.start(new String[] {"--onvif-recording", dir.toString(),
                "--listen", "127.0.0.1:0"}, new PrintStream(printed, true, StandardCharsets.UTF_8));
             OnvifProber prober = SimTargets.loopbackProber()) {
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("http://127.0.0.1:" + sim.port() + "/onvif/device_service");
            ProbeResult r = prober.probe(SimTargets.target(InetAddress.getByName("127.0.0.1"), sim.port(), TIMEOUT,
                    OnvifProber.SNAPSHOT, "false")).join();
            assertThat(r.facts()).containsEntry(Facts.MODEL, "DCS-6511");
        }
    }

    @Test
    void the_command_line_refuses_non_loopback_addresses() {
        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--cameras", "2", "--base", "192.168.1.10",
                "--password", "x"}, System.out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127");
    }

    private static void collectUris(XmlNode n, List<String> out) {
        if (n.localName().equals("XAddr") || n.localName().equals("Uri")) {
            out.add(n.text().trim());
        }
        n.children().forEach(c -> collectUris(c, out));
    }
}
