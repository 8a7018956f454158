package org.xueliang.tracker.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

class ProbeSchedulerTest {

    private final AgentMetrics metrics = new AgentMetrics();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private ProbeScheduler scheduler(Prober prober, int concurrency, Consumer<ProbeResult> results) {
        ProberRegistry registry = new ProberRegistry(List.of(prober));
        ProbeScheduler scheduler = new ProbeScheduler(registry, results, metrics, Clock.systemUTC(), concurrency, Duration.ofMillis(50));
        closeables.add(scheduler);
        closeables.add(registry);
        return scheduler;
    }

    private static ProbeScheduler.Job job(long id, Duration interval, Duration timeout) {
        return new ProbeScheduler.Job(new ProbeTarget(id, Method.TCP, "127.20.0.1", 80, timeout, Map.of(), null), interval);
    }

    @Test
    void probes_ten_thousand_devices_once_per_cycle_with_bounded_concurrency_and_few_threads() {
        int devices = 10_000;
        int concurrency = 512;
        FakeProber prober = FakeProber.alwaysUp(Method.TCP, 20);
        Map<Long, Long> lastStart = new ConcurrentHashMap<>();
        LongSummaryStatistics gaps = new LongSummaryStatistics();
        LongAdder results = new LongAdder();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        ProbeScheduler scheduler = scheduler(prober, concurrency, r -> {
            results.increment();
            Long before = lastStart.put(r.deviceId(), r.startedAt().toEpochMilli());
            if (before != null) {
                synchronized (gaps) {
                    gaps.accept(r.startedAt().toEpochMilli() - before);
                }
            }
        });
        List<ProbeScheduler.Job> jobs = new ArrayList<>();
        for (long id = 1; id <= devices; id++) {
            jobs.add(job(id, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        }
        scheduler.update(jobs);
        long t0 = System.nanoTime();
        scheduler.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> lastStart.size() == devices);
        long firstCycleMs = (System.nanoTime() - t0) / 1_000_000;
        await().atMost(Duration.ofSeconds(30)).until(() -> prober.probesByDevice().values().stream().allMatch(n -> n.sum() >= 4));
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();

        LongSummaryStatistics perDevice = prober.probesByDevice().values().stream().mapToLong(LongAdder::sum).summaryStatistics();
        System.out.printf("scheduler: %,d devices, 1 s interval, concurrency %d: first full cycle %d ms; %,d results in %d ms"
                        + " (%.0f/s); start-to-start gap min/avg/max %d/%.1f/%d ms; peak in flight %d; skipped %d; threads %d -> %d%n",
                devices, concurrency, firstCycleMs, results.sum(), elapsedMs, results.sum() * 1000.0 / elapsedMs,
                gaps.getMin(), gaps.getAverage(), gaps.getMax(), prober.peakInFlight(), metrics.probesSkipped(), threadsBefore, threadsDuring);

        assertThat(perDevice.getMax() - perDevice.getMin()).as("every device probed once per cycle").isLessThanOrEqualTo(1);
        assertThat(metrics.probesSkipped()).isZero();
        assertThat(prober.peakInFlight()).isLessThanOrEqualTo(concurrency);
        assertThat(threadsDuring - threadsBefore).as("threads added (no thread per device)").isLessThanOrEqualTo(8);
        assertThat(gaps.getAverage()).as("no drift: probes start one interval apart on average (loose: a loaded machine delays some starts)")
                .isBetween(900.0, 1100.0);
    }

    @Test
    void never_exceeds_the_concurrency_bound() {
        FakeProber prober = FakeProber.alwaysUp(Method.TCP, 30);
        LongAdder results = new LongAdder();
        ProbeScheduler scheduler = scheduler(prober, 8, r -> results.increment());
        List<ProbeScheduler.Job> jobs = new ArrayList<>();
        for (long id = 1; id <= 200; id++) {
            jobs.add(job(id, Duration.ofMillis(200), Duration.ofSeconds(5)));
        }
        scheduler.update(jobs);
        scheduler.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> results.sum() >= 400);
        assertThat(prober.peakInFlight()).isLessThanOrEqualTo(8);
    }

    @Test
    void skips_and_counts_a_probe_that_is_due_while_the_previous_one_still_runs() {
        FakeProber silent = new FakeProber(Method.TCP, 0, t -> null);
        ProbeScheduler scheduler = scheduler(silent, 16, r -> { });
        scheduler.update(List.of(job(1, Duration.ofMillis(50), Duration.ofSeconds(30))));
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.probesSkipped() >= 3);
        assertThat(silent.probes(1)).isEqualTo(1);
    }

    @Test
    void answers_down_timeout_when_the_prober_does_not_finish_within_timeout_plus_grace() {
        FakeProber silent = new FakeProber(Method.TCP, 0, t -> null);
        List<ProbeResult> results = new CopyOnWriteArrayList<>();
        ProbeScheduler scheduler = scheduler(silent, 16, results::add);
        // Due at once (not at a random point of the minute, which made this test wait 0-60 s); the 60 s interval keeps
        // a second probe from starting before the assertions.
        scheduler.updateDueNow(List.of(job(7, Duration.ofSeconds(60), Duration.ofMillis(100))));
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !results.isEmpty());
        ProbeResult r = results.get(0);
        assertThat(r.deviceId()).isEqualTo(7);
        assertThat(r.status()).isEqualTo(Status.DOWN);
        assertThat(r.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(scheduler.inFlight()).isZero();
    }

    @Test
    void an_update_keeps_unchanged_devices_adds_new_ones_and_drops_removed_ones() {
        FakeProber prober = FakeProber.alwaysUp(Method.TCP, 0);
        ProbeScheduler scheduler = scheduler(prober, 16, r -> { });
        Duration interval = Duration.ofMillis(100);
        scheduler.update(List.of(job(1, interval, Duration.ofSeconds(1)), job(2, interval, Duration.ofSeconds(1))));
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> prober.probes(1) >= 2 && prober.probes(2) >= 2);

        scheduler.update(List.of(job(2, interval, Duration.ofSeconds(1)), job(3, interval, Duration.ofSeconds(1))));
        await().atMost(Duration.ofSeconds(10)).until(() -> prober.probes(3) >= 1);
        long removed = prober.probes(1);
        long kept = prober.probes(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> prober.probes(2) >= kept + 3);
        assertThat(prober.probes(1)).isEqualTo(removed);
        assertThat(scheduler.size()).isEqualTo(2);
    }

    @Test
    void a_prober_that_fails_yields_no_result_but_a_counted_error() {
        Prober broken = new Prober() {
            @Override
            public Method method() {
                return Method.TCP;
            }

            @Override
            public java.util.concurrent.CompletableFuture<ProbeResult> probe(ProbeTarget target) {
                throw new IllegalStateException("bug");
            }
        };
        List<ProbeResult> results = new CopyOnWriteArrayList<>();
        ProbeScheduler scheduler = scheduler(broken, 4, results::add);
        scheduler.update(List.of(job(1, Duration.ofMillis(50), Duration.ofSeconds(1))));
        scheduler.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> metrics.render().contains("xl_agent_probe_errors_total{method=\"TCP\"} 2"));
        assertThat(results).isEmpty();
        assertThat(scheduler.inFlight()).isZero();
    }
}
