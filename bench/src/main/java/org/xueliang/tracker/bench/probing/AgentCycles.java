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
import org.xueliang.tracker.agent.spool.Spool;
import org.xueliang.tracker.agent.transport.Batch;

/**
 * The agent side: the real {@link ProbeScheduler} over the real probers, one burst cycle at a time. Each cycle is
 * a fresh scheduler whose devices are all due at once ({@link ProbeScheduler#updateDueNow}), so the cycle lasts
 * exactly as long as the agent needs to probe every device once under its concurrency limit. Results go to an
 * in-memory counter, or — with a {@link Spool} — are also sealed into the real disk spool in batches of
 * {@value #BATCH} on one batcher thread (as {@code AgentRuntime} does, fsync on) and acknowledged at once (a
 * backend that answers instantly); such a cycle ends when the last result is on disk.
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

    /** Results per sealed batch, as the agent's default {@code maxBatchResults}. */
    static final int BATCH = 500;

    private final ProberRegistry probers;
    private final long simulatorPid;
    private final Spool spool;

    AgentCycles(ProberRegistry probers, long simulatorPid) {
        this(probers, simulatorPid, null);
    }

    /** @param spool null: results are only counted */
    AgentCycles(ProberRegistry probers, long simulatorPid, Spool spool) {
        this.probers = probers;
        this.simulatorPid = simulatorPid;
        this.spool = spool;
    }

    Cycle run(List<ProbeTarget> targets, int concurrency) throws InterruptedException {
        int n = targets.size();
        CountDownLatch done = new CountDownLatch(n);
        CountDownLatch sealed = new CountDownLatch(spool == null ? 0 : n);
        java.util.concurrent.BlockingQueue<ProbeResult> toSeal = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread batcher = spool == null ? null : new Thread(() -> seal(toSeal, sealed), "bench-batcher");
        if (batcher != null) {
            batcher.start();
        }
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
            if (spool != null) {
                toSeal.add(r);
            }
            done.countDown();
        }, new AgentMetrics(), Clock.systemUTC(), concurrency, Duration.ofSeconds(2))) {
            scheduler.updateDueNow(jobs);
            scheduler.start();
            if (!done.await(10, TimeUnit.MINUTES) || !sealed.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("cycle did not finish: " + done.getCount() + " probes outstanding, "
                        + sealed.getCount() + " results not sealed");
            }
        } finally {
            if (batcher != null) {
                batcher.interrupt();
                batcher.join();
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

    /** The batcher: seals queued results into spool batches of {@link #BATCH}, then acknowledges each (deletes it). */
    private void seal(java.util.concurrent.BlockingQueue<ProbeResult> queue, CountDownLatch sealed) {
        List<Batch.Result> batch = new java.util.ArrayList<>(BATCH);
        try {
            while (true) {
                ProbeResult first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(Batch.Result.of(first));
                    ProbeResult r;
                    while (batch.size() < BATCH && (r = queue.poll()) != null) {
                        batch.add(Batch.Result.of(r));
                    }
                }
                if (!batch.isEmpty() && (batch.size() >= BATCH || first == null || queue.isEmpty())) {
                    Batch b = spool.append(batch, java.time.Instant.now());
                    spool.ack(b.seq());
                    for (int i = 0; i < batch.size(); i++) {
                        sealed.countDown();
                    }
                    batch.clear();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code warmup} unreported cycles, then {@code cycles} printed ones; returns the median. */
    Cycle series(String label, List<ProbeTarget> targets, int concurrency, int warmup, int cycles)
            throws InterruptedException {
        return Series.median(label, warmup, cycles, () -> run(targets, concurrency), Cycle::seconds);
    }
}
