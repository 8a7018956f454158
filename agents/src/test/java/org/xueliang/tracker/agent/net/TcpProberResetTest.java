package org.xueliang.tracker.agent.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.probe.Status;

/** The TCP probe leaves with a reset, so the agent keeps no TIME_WAIT socket per probe. */
class TcpProberResetTest {

    @Test
    void the_device_sees_the_probe_leave_with_a_reset() throws Exception {
        try (NioClient client = new NioClient(); TcpProber tcp = new TcpProber(client);
             ServerSocket device = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            ProbeResult r = tcp.probe(new ProbeTarget(1, Method.TCP, "127.0.0.1", device.getLocalPort(), Duration.ofSeconds(2),
                    Map.of(), Secrets.NONE)).get();
            assertThat(r.status()).isEqualTo(Status.UP);
            try (Socket accepted = device.accept()) {
                accepted.setSoTimeout(2000);
                // a FIN would read as end of stream (-1); a reset fails the read
                assertThatThrownBy(() -> accepted.getInputStream().read()).isInstanceOf(SocketException.class)
                        .hasMessageContaining("reset");
            }
        }
    }
}
