package org.xueliang.tracker.bench.probing;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.schedule.ProbeScheduler;

/**
 * The agent side: the real {@link ProbeScheduler} over the real probers, one burst cycle at a time. Each cycle is
 * a fresh scheduler whose devices are all due at once ({@link ProbeScheduler#updateDueNow}), so the cycle lasts
 * exactly as long as the agent needs to probe every device once under its concurrency limit; results go to an
 * in-memory counter instead of the spool.
 */
final class AgentCycles {

    /** One cycle's figures; CPU seconds are the agent JVM's and the simulator's, measured over the cycle. */
    record Cycle(int probes, double seconds, double agentCpu, double simCpu, long p50Micros, long p99Micros,
                 Map<String, Integer> outcomes) {

        double probesPerSecond() {
            return probes / seconds;
        }

        boolean allUp() {
            return outcomes.keySet().stream().allMatch(k -> k.endsWith(" UP"));
        }

        @Override
        public String toString() {
            return String.format("%,6d probes in %6.3f s = %,8.0f probes/s | agent CPU %6.2f s (%5.0f µs/probe)"
                            + " | simulator CPU %6.2f s | latency p50 %,d µs p99 %,d µs | %s",
                    probes, seconds, probesPerSecond(), agentCpu, agentCpu * 1e6 / probes, simCpu, p50Micros, p99Micros,
                    outcomes);
        }
    }

    private final ProberRegistry probers;
    private final long simulatorPid;

    AgentCycles(ProberRegistry probers, long simulatorPid) {
        this.probers = probers;
        this.simulatorPid = simulatorPid;
    }

    Cycle run(List<ProbeTarget> targets, int concurrency) throws InterruptedException {
        int n = targets.size();
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger next = new AtomicInteger();
        AtomicLongArray latencies = new AtomicLongArray(n);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<ProbeScheduler.Job> jobs = targets.stream().map(t -> new ProbeScheduler.Job(t, Duration.ofHours(1))).toList();
        double cpu0 = ProcStats.ownCpuSeconds();
        double sim0 = ProcStats.cpuSeconds(simulatorPid);
        long t0 = System.nanoTime();
        try (ProbeScheduler scheduler = new ProbeScheduler(probers, (ProbeResult r) -> {
            int i = next.getAndIncrement();
            if (i < n) {
                latencies.set(i, r.latency().toNanos() / 1000);
            }
            String key = r.method() + " " + r.status() + (r.status() == Status.UP ? "" : "/" + r.reason());
            outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            done.countDown();
        }, new AgentMetrics(), Clock.systemUTC(), concurrency, Duration.ofSeconds(2))) {
            scheduler.updateDueNow(jobs);
            scheduler.start();
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("cycle did not finish: " + done.getCount() + " probes outstanding");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = ProcStats.ownCpuSeconds() - cpu0;
        double sim = ProcStats.cpuSeconds(simulatorPid) - sim0;
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
            l[i] = latencies.get(i);
        }
        Arrays.sort(l);
        Map<String, Integer> counts = outcomes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(), Integer::sum, TreeMap::new));
        return new Cycle(n, seconds, cpu, sim, l[n / 2], l[Math.min(n - 1, (int) (n * 0.99))], counts);
    }

    /** {@code warmup} unreported cycles, then {@code cycles} printed ones; returns the median. */
    Cycle series(String label, List<ProbeTarget> targets, int concurrency, int warmup, int cycles)
            throws InterruptedException {
        return Series.median(label, warmup, cycles, () -> run(targets, concurrency), Cycle::seconds);
    }
}
