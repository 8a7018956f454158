package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.net.NioClient;
import org.xueliang.tracker.agent.net.RtspProber;
import org.xueliang.tracker.agent.net.TcpProber;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;

/**
 * The simulator's command line serves scripted faults, so a field problem can be reproduced from a
 * shell: ONVIF cameras with --fault, TCP/RTSP devices with the tcp subcommand; real probers check
 * what they answer.
 */
class SimulatorCommandLineTest {

    static final Duration TIMEOUT = Duration.ofMillis(1500);

    @Test
    void camerasAnswerWithTheFaultsTheCommandLineScripts() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (OnvifSimulator sim = SimulatorMain.start(new String[] {"--cameras", "4", "--base", "127.21.77.1", "--port", "0",
                "--password", SimTargets.PASSWORD, "--fault", "1=auth", "--fault", "2=down", "--fault", "3=drift-600"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
             OnvifProber prober = SimTargets.loopbackProber()) {
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("4 ONVIF cameras on 127.21.77.1")
                    .contains("faults 1=auth 2=down 3=drift-600");
            List<ProbeResult> r = List.of(probe(prober, "127.21.77.1", sim), probe(prober, "127.21.77.2", sim),
                    probe(prober, "127.21.77.3", sim), probe(prober, "127.21.77.4", sim));
            assertThat(r.get(0).status()).as(r.get(0).detail()).isEqualTo(Status.UP);
            assertThat(r.get(1).reason()).as(r.get(1).detail()).isEqualTo(Reason.AUTH_FAILED);
            assertThat(r.get(2).status()).as(r.get(2).detail()).isEqualTo(Status.DOWN);
            assertThat(r.get(3).status()).as(r.get(3).detail()).isEqualTo(Status.DEGRADED);
            assertThat(r.get(3).reason()).isEqualTo(Reason.CLOCK_DRIFT);
        }
    }

    @Test
    void tcpAndRtspDevicesComeFromTheTcpSubcommand() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int free;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = s.getLocalPort(); // one port for the whole fleet, each device on its own address
        }
        try (TcpDeviceSimulator sim = SimulatorMain.startTcp(new String[] {"--devices", "3", "--base", "127.23.77.1", "--port",
                String.valueOf(free), "--kind", "rtsp", "--fault", "1=auth", "--fault", "2=down"}, new PrintStream(printed, true, StandardCharsets.UTF_8));
             NioClient client = new NioClient(); RtspProber rtsp = new RtspProber(client); TcpProber tcp = new TcpProber(client)) {
            String line = printed.toString(StandardCharsets.UTF_8);
            assertThat(line).contains("3 RTSP devices on 127.23.77.1 .. 127.23.77.3");
            assertThat(line).contains("port " + free);
            int port = free;
            assertThat(rtsp.probe(target(Method.RTSP, "127.23.77.1", port)).join().status()).isEqualTo(Status.UP);
            assertThat(rtsp.probe(target(Method.RTSP, "127.23.77.2", port)).join().reason()).isEqualTo(Reason.AUTH_FAILED);
            assertThat(tcp.probe(target(Method.TCP, "127.23.77.3", port)).join().status()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void anUnknownFaultOrAnIndexOutsideTheFleetIsRefused() {
        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--cameras", "2", "--base", "127.21.78.1", "--password", "x",
                "--fault", "0=melting"}, System.out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("melting");
        assertThatThrownBy(() -> SimulatorMain.startTcp(new String[] {"--devices", "2", "--base", "127.23.78.1", "--port", "0",
                "--fault", "5=down"}, System.out)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index");
    }

    private static ProbeResult probe(OnvifProber prober, String host, OnvifSimulator sim) throws Exception {
        return prober.probe(SimTargets.target(InetAddress.getByName(host), sim.port(), TIMEOUT, OnvifProber.SNAPSHOT, "false")).join();
    }

    private static ProbeTarget target(Method m, String host, int port) {
        return new ProbeTarget(1, m, host, port, TIMEOUT, Map.of(), Secrets.NONE);
    }
}
