package org.xueliang.tracker.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Status;

/** A fleet of simulated cameras on 127.21.x.y behind ONE listening socket, probed concurrently. */
class FleetTest {

    @Test
    void two_hundred_cameras_on_one_socket_are_all_up_when_probed_concurrently() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (OnvifSimulator sim = SimulatorMain.start(new String[] {"--cameras", "200", "--base", "127.21.0.1",
                "--port", "0", "--password", SimTargets.PASSWORD}, new PrintStream(printed, true, StandardCharsets.UTF_8));
             OnvifProber prober = SimTargets.loopbackProber()) {
            assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("200 ONVIF cameras on 127.21.0.1 .. 127.21.0.200");
            assertThat(sim.boundTo().getAddress().isAnyLocalAddress()).isTrue();
            List<ProbeTarget> targets = new ArrayList<>();
            for (InetAddress a : SimulatorMain.addresses(InetAddress.getByName("127.21.0.1"), 200)) {
                targets.add(SimTargets.target(a, sim.port(), Duration.ofSeconds(30)));
            }
            for (int round = 1; round <= 2; round++) {
                long t0 = System.nanoTime();
                List<CompletableFuture<ProbeResult>> all = targets.stream().map(prober::probe).toList();
                List<ProbeResult> results = all.stream().map(CompletableFuture::join).toList();
                double secs = (System.nanoTime() - t0) / 1e9;
                assertThat(results).as(() -> results.stream().filter(r -> r.status() != Status.UP)
                                .map(r -> r.reason() + " " + r.detail()).distinct().collect(Collectors.joining("\n")))
                        .allMatch(r -> r.status() == Status.UP);
                System.out.printf("fleet round %d: 200 full ONVIF probes in %.2f s (%.0f probes/s, %d simulator requests so far)%n",
                        round, secs, 200 / secs, sim.requests());
            }
        }
    }
}
