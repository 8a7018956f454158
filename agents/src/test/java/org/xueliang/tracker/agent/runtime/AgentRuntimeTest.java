package org.xueliang.tracker.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.net.TcpProber;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.schedule.FakeProber;
import org.xueliang.tracker.agent.spool.Spool;
import org.xueliang.tracker.agent.transport.AgentAssignment;
import org.xueliang.tracker.agent.transport.BackendClient;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.transport.FakeBackend;

/** The whole agent against a fake backend on 127.0.0.1: spool first, send in order, exactly once. */
class AgentRuntimeTest {

    private static final String TOKEN = "runtime-test-token";

    @TempDir
    Path dir;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final FakeProber prober = new FakeProber(Method.TCP, 5, t -> t.deviceId() % 5 == 0 ? Status.DOWN : Status.UP);

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private static AgentSettings fast() {
        return AgentSettings.defaults()
                .withPacing(Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(200))
                .withRetries(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
    }

    private static AgentAssignment devices(int n) {
        List<AgentAssignment.Target> targets = new ArrayList<>();
        for (long id = 1; id <= n; id++) {
            targets.add(new AgentAssignment.Target(id, Method.TCP, "127.20.0." + id, 80, 1, 500, Map.of(), null));
        }
        return new AgentAssignment(1, "local", targets);
    }

    private record Agent(AgentRuntime runtime, Spool spool, AgentMetrics metrics) {
    }

    private Agent agent(FakeBackend backend) {
        return agent(backend, fast());
    }

    private Agent agent(FakeBackend backend, AgentSettings settings) {
        Agent agent = unstarted(backend, new ProberRegistry(List.of(prober)), settings);
        agent.runtime().start();
        return agent;
    }

    /** An agent on a fresh spool in {@link #dir}, closed after the test, not started yet. */
    private Agent unstarted(FakeBackend backend, ProberRegistry probers, AgentSettings settings) {
        AgentMetrics metrics = new AgentMetrics();
        Spool spool = Spool.open(dir, Spool.DEFAULT_MAX_BYTES, false, metrics);
        BackendClient client = new BackendClient(backend.uri(), TOKEN);
        AgentRuntime runtime = new AgentRuntime(probers, client, client, client, spool, Clock.systemUTC(), settings, metrics);
        closeables.add(spool);
        closeables.add(runtime);
        return new Agent(runtime, spool, metrics);
    }

    @Test
    void delivers_every_result_exactly_once_in_seq_order_while_every_third_request_fails_and_across_a_restart() throws Exception {
        FakeBackend backend = new FakeBackend(TOKEN);
        closeables.add(backend);
        backend.assign(devices(50));
        backend.failEvery(3);

        Agent first = agent(backend);
        await().atMost(Duration.ofSeconds(30)).until(() -> backend.appliedSeqs().size() >= 15);
        assertThat(backend.failures()).isPositive();
        assertThat(first.metrics().render()).contains("xl_agent_batches_duplicate_total");

        // Backend down while the agent is stopped: the rest waits in the spool.
        backend.revoke(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.spool().depth() >= 2);
        first.runtime().close();
        first.spool().close();
        long probed = prober.probesByDevice().values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum).sum();

        // Restart with nothing left to probe: the spool is replayed in order.
        backend.assign(devices(0));
        backend.revoke(false);
        Agent second = agent(backend);
        await().atMost(Duration.ofSeconds(30)).until(() -> second.spool().depth() == 0);

        List<Long> seqs = backend.appliedSeqs();
        assertThat(seqs).as("applied in seq order, each once, none missing")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        List<Batch.Result> results = new ArrayList<>();
        backend.appliedBatches().forEach(b -> results.addAll(b.results()));
        Set<String> unique = new HashSet<>();
        results.forEach(r -> unique.add(r.deviceId() + "@" + r.startedAt()));
        assertThat(unique).as("no result applied twice").hasSize(results.size());
        assertThat((long) results.size()).as("every probe's result arrived").isEqualTo(probed);
        assertThat(results).filteredOn(r -> r.deviceId() == 5).allMatch(r -> r.status() == Status.DOWN);
        assertThat(backend.heartbeats()).isNotEmpty();
    }

    @Test
    void seals_batches_small_enough_for_the_backend_limits_and_sends_its_clock_in_heartbeats() throws Exception {
        FakeBackend backend = new FakeBackend(TOKEN);
        closeables.add(backend);
        backend.assign(devices(200));
        int maxBytes = 3_000;
        // a flush every second gathers ~200 results: well over 40, and 40 results are well over 3,000 bytes
        Agent a = agent(backend, fast().withPacing(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(200))
                .withBatchLimits(40, maxBytes));
        await().atMost(Duration.ofSeconds(30)).until(() -> backend.appliedBatches().stream().mapToInt(b -> b.results().size()).sum() >= 600);
        assertThat(backend.appliedBatches()).allSatisfy(b -> {
            assertThat(b.results()).hasSizeLessThanOrEqualTo(40);
            int resultBytes = b.results().stream().mapToInt(r -> org.xueliang.tracker.agent.transport.AgentJson.write(r).length + 1).sum();
            assertThat(resultBytes).as("result JSON of batch %d", b.seq()).isLessThanOrEqualTo(maxBytes);
        });
        assertThat(backend.appliedBatches()).as("the byte limit, not the count, sealed most batches")
                .anyMatch(b -> b.results().size() < 40 && b.results().size() > 1);
        assertThat(backend.heartbeats()).isNotEmpty().allSatisfy(h ->
                assertThat(h.sentAt()).isCloseTo(java.time.Instant.now(), org.assertj.core.api.Assertions.within(10, java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(a.metrics().batchesSent()).isPositive();
    }

    @Test
    void keeps_spooling_while_the_token_is_refused_and_catches_up_when_it_is_accepted_again() throws Exception {
        FakeBackend backend = new FakeBackend(TOKEN);
        closeables.add(backend);
        backend.assign(devices(10));
        Agent agent = agent(backend);
        await().atMost(Duration.ofSeconds(10)).until(() -> !backend.appliedSeqs().isEmpty());

        backend.revoke(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.spool().depth() >= 3
                && agent.metrics().render().contains("xl_agent_unauthorized 1"));

        backend.revoke(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.spool().depth() <= 1
                && agent.metrics().render().contains("xl_agent_unauthorized 0"));
        List<Long> seqs = backend.appliedSeqs();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
    }

    @Test
    void probes_real_loopback_ports_with_the_tcp_prober_and_reports_up_and_refused() throws Exception {
        FakeBackend backend = new FakeBackend(TOKEN);
        closeables.add(backend);
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closedPort = closed.getLocalPort();
            closed.close();
            backend.assign(new AgentAssignment(1, "local", List.of(
                    new AgentAssignment.Target(1, Method.TCP, "127.0.0.1", open.getLocalPort(), 1, 1000, Map.of(), null),
                    new AgentAssignment.Target(2, Method.TCP, "127.0.0.1", closedPort, 1, 1000, Map.of(), null))));
            TcpProber tcp = new TcpProber();
            closeables.add(tcp);
            Agent agent = unstarted(backend, new ProberRegistry(List.of(tcp)), fast());
            agent.runtime().start();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<Batch.Result> results = new ArrayList<>();
                backend.appliedBatches().forEach(b -> results.addAll(b.results()));
                assertThat(results).anySatisfy(r -> assertThat(r.deviceId()).isEqualTo(1));
                assertThat(results).anySatisfy(r -> assertThat(r.deviceId()).isEqualTo(2));
                assertThat(results).filteredOn(r -> r.deviceId() == 1).allMatch(r -> r.status() == Status.UP && r.reason() == Reason.OK);
                assertThat(results).filteredOn(r -> r.deviceId() == 2).allMatch(r -> r.status() == Status.DOWN && r.reason() == Reason.REFUSED);
            });
            assertThat(agent.metrics().render()).contains("xl_agent_probes_total{method=\"TCP\",status=\"UP\"}");
        }
    }

    @Test
    void keeps_a_refused_batch_and_says_so_in_metrics() throws Exception {
        FakeBackend backend = new FakeBackend(TOKEN);
        closeables.add(backend);
        backend.rejectBatches(400);
        backend.assign(devices(3));
        Agent agent = agent(backend);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.metrics().poisonSeq() == 1 && agent.spool().depth() >= 2);
        assertThat(agent.spool().first()).get().extracting(Batch::seq).isEqualTo(1L);
        assertThat(agent.metrics().render()).contains("xl_agent_poison_batch_seq 1", "xl_agent_batches_rejected_total 1");

        backend.rejectBatches(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.appliedSeqs().contains(1L) && agent.metrics().poisonSeq() == 0);
    }

    @Test
    void closed_before_start_as_by_a_sigterm_during_the_warm_up_never_starts_probing_or_sending() throws Exception {
        FakeBackend backend = new FakeBackend(TOKEN);
        closeables.add(backend);
        backend.assign(devices(3));
        AgentRuntime runtime = unstarted(backend, new ProberRegistry(List.of(prober)), fast()).runtime();

        runtime.close();
        runtime.start(); // the main thread finishing its warm-up after the shutdown hook ran

        // A started runtime sends its first heartbeat and fetches its assignment at once (delay 0).
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2))
                .until(() -> backend.heartbeats().isEmpty() && prober.probesByDevice().isEmpty());
        runtime.close(); // a second close is harmless
    }
}
