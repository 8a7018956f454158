package org.xueliang.tracker.agent.net;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator.Device;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator.Fault;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator.Kind;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class NetProbersTest {

    private static TcpDeviceSimulator sim;
    private static NioClient client;
    private static TcpProber tcp;
    private static RtspProber rtsp;
    private static int next;

    @BeforeAll
    static void start() {
        sim = new TcpDeviceSimulator();
        client = new NioClient();
        tcp = new TcpProber(client);
        rtsp = new RtspProber(client);
    }

    @AfterAll
    static void stop() {
        tcp.close();
        rtsp.close();
        client.close();
        sim.close();
    }

    private static InetAddress address() {
        return LoopbackAddresses.nth(LoopbackAddresses.parse("127.25.0.1"), next++);
    }

    private static ProbeTarget target(Method m, String host, int port, long timeoutMs) {
        return new ProbeTarget(1, m, host, port, Duration.ofMillis(timeoutMs), Map.of(), null);
    }

    @Test
    void tcp_connect_to_a_listening_device_is_up_and_to_a_closed_port_refused() {
        Device screen = sim.add(Kind.TCP, address(), 0);
        ProbeResult up = tcp.probe(target(Method.TCP, screen.host(), screen.port(), 1000)).join();
        assertThat(up.status()).as(up.detail()).isEqualTo(Status.UP);

        screen.fault(Fault.DOWN);
        ProbeResult refused = tcp.probe(target(Method.TCP, screen.host(), screen.port(), 1000)).join();
        assertThat(refused.status()).isEqualTo(Status.DOWN);
        assertThat(refused.reason()).isEqualTo(Reason.REFUSED);
        screen.fault(Fault.NONE);
        assertThat(tcp.probe(target(Method.TCP, screen.host(), screen.port(), 1000)).join().status()).isEqualTo(Status.UP);
    }

    @Test
    void tcp_connect_to_a_server_whose_backlog_is_full_times_out() throws IOException {
        InetAddress a = address();
        try (ServerSocket full = new ServerSocket(0, 1, a)) {
            List<Socket> fill = new ArrayList<>();
            try {
                // the kernel completes handshakes until the accept queue (backlog + 1) is full, then drops SYNs
                ProbeResult r;
                int attempts = 0;
                do {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress(a, full.getLocalPort()), 200);
                    fill.add(s);
                    r = tcp.probe(target(Method.TCP, a.getHostAddress(), full.getLocalPort(), 300)).join();
                } while (r.status() == Status.UP && ++attempts < 5);
                assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
                assertThat(r.latency()).isBetween(Duration.ofMillis(250), Duration.ofMillis(1000));
            } catch (java.net.SocketTimeoutException e) {
                // the filler itself timed out: the queue is full, probe now
                ProbeResult r = tcp.probe(target(Method.TCP, a.getHostAddress(), full.getLocalPort(), 300)).join();
                assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
            } finally {
                for (Socket s : fill) {
                    s.close();
                }
            }
        }
    }

    @Test
    void a_thousand_tcp_devices_probed_concurrently_are_all_up() {
        List<Device> fleet = sim.addFleet(Kind.TCP, 1000, LoopbackAddresses.parse("127.26.0.1"), freePort());
        List<CompletableFuture<ProbeResult>> all = new ArrayList<>();
        for (Device d : fleet) {
            all.add(tcp.probe(target(Method.TCP, d.host(), d.port(), 3000)));
        }
        assertThat(all).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(Status.UP));
    }

    @Test
    void rtsp_options_200_is_up_and_401_is_auth_failed() {
        Device cam = sim.add(Kind.RTSP, address(), 0);
        ProbeResult ok = rtsp.probe(target(Method.RTSP, cam.host(), cam.port(), 1000)).join();
        assertThat(ok.status()).as(ok.detail()).isEqualTo(Status.UP);
        assertThat(ok.facts()).containsEntry("rtspServer", "xl-sim-rtsp");

        cam.fault(Fault.AUTH_REQUIRED);
        ProbeResult auth = rtsp.probe(target(Method.RTSP, cam.host(), cam.port(), 1000)).join();
        assertThat(auth.status()).isEqualTo(Status.DEGRADED);
        assertThat(auth.reason()).isEqualTo(Reason.AUTH_FAILED);
        assertThat(auth.detail()).contains("401");
    }

    @Test
    void rtsp_server_that_accepts_but_never_answers_times_out_and_a_closed_port_is_refused() {
        Device cam = sim.add(Kind.RTSP, address(), 0).fault(Fault.SILENT);
        ProbeResult r = rtsp.probe(target(Method.RTSP, cam.host(), cam.port(), 400)).join();
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(r.latency()).isLessThan(Duration.ofMillis(1000));

        cam.fault(Fault.DOWN);
        assertThat(rtsp.probe(target(Method.RTSP, cam.host(), cam.port(), 400)).join().reason()).isEqualTo(Reason.REFUSED);
    }

    @Test
    void a_non_rtsp_answer_is_a_bad_response() {
        var r = RtspProber.interpret(target(Method.RTSP, "127.0.0.1", 554, 100), java.time.Instant.now(), System.nanoTime(),
                "HTTP/1.1 400 Bad Request\r\n\r\n");
        assertThat(r.status()).isEqualTo(Status.DEGRADED);
        assertThat(r.reason()).isEqualTo(Reason.BAD_RESPONSE);
    }

    @Test
    void icmp_echo_to_loopback_is_up_and_uses_real_icmp_when_permitted() throws IOException {
        try (IcmpProber icmp = new IcmpProber(4)) {
            long before = outEchos();
            ProbeResult r = icmp.probe(target(Method.ICMP, "127.0.0.1", 0, 1000)).join();
            assertThat(r.status()).as(r.detail()).isEqualTo(Status.UP);
            assertThat(r.detail()).contains(icmp.mode().name());
            if (icmp.mode() == IcmpProber.Mode.ICMP_ECHO && before >= 0) {
                assertThat(outEchos()).as("an ICMP echo request left the stack").isGreaterThan(before);
            }
        }
    }

    /** Icmp OutEchos from /proc/net/snmp, or -1 where there is none. */
    private static long outEchos() throws IOException {
        Path p = Path.of("/proc/net/snmp");
        if (!Files.exists(p)) {
            return -1;
        }
        List<String> icmp = Files.readAllLines(p).stream().filter(l -> l.startsWith("Icmp:")).toList();
        List<String> names = List.of(icmp.get(0).split("\\s+"));
        return Long.parseLong(icmp.get(1).split("\\s+")[names.indexOf("OutEchos")]);
    }

    /** A port free on loopback now: fixed ports collide with a demo or benchmark running on the same machine. */
    private static int freePort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
