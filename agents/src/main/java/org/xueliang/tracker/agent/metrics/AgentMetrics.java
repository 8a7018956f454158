package org.xueliang.tracker.agent.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Status;

/**
 * The agent's own metrics, rendered by hand in the Prometheus text format 0.0.4 (no client library: a few
 * counters, gauges and one histogram). Thread-safe; recording is lock-free.
 */
public final class AgentMetrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Upper bounds (seconds) of the probe duration histogram buckets. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final ConcurrentMap<String, LongAdder> probes = new ConcurrentHashMap<>();
    private final ConcurrentMap<Method, Histogram> durations = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> probeErrors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> sendFailures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> resultsRefused = new ConcurrentHashMap<>();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder summarised = new LongAdder();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder batchesDuplicate = new LongAdder();
    private final LongAdder batchesRejected = new LongAdder();
    private final AtomicLong poisonSeq = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final Map<String, Gauge> gauges = new ConcurrentHashMap<>();

    private record Gauge(String help, DoubleSupplier value) {
    }

    /** Registers (or replaces) a gauge read at each scrape. */
    public void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, new Gauge(help, value));
    }

    public void probe(Method method, Status status, Duration latency) {
        probes.computeIfAbsent(labels("method", method.name(), "status", status.name()), k -> new LongAdder()).increment();
        durations.computeIfAbsent(method, m -> new Histogram()).observe(latency == null ? 0 : latency.toNanos() / 1e9);
    }

    public void probeSkipped() {
        skipped.increment();
    }

    public void probesSkipped(long count) {
        skipped.add(count);
    }

    public void probeError(Method method) {
        probeErrors.computeIfAbsent(labels("method", method.name()), k -> new LongAdder()).increment();
    }

    public void summarised(long results) {
        summarised.add(results);
    }

    public void batchSent(boolean duplicate) {
        batchesSent.increment();
        if (duplicate) {
            batchesDuplicate.increment();
        }
    }

    public void sendFailed(String kind) {
        sendFailures.computeIfAbsent(labels("kind", kind), k -> new LongAdder()).increment();
    }

    /** Results of an acknowledged batch that the backend refused one by one, by its reason (notAssigned, inFuture, …). */
    public void resultsRefused(Map<String, Integer> byReason) {
        byReason.forEach((reason, n) -> resultsRefused.computeIfAbsent(labels("reason", reason), k -> new LongAdder()).add(n));
    }

    /** A batch the backend refuses (4xx): kept at the head of the spool; 0 clears the alert. */
    public void poisonBatch(long seq) {
        if (seq > 0 && poisonSeq.getAndSet(seq) != seq) {
            batchesRejected.increment();
        } else if (seq == 0) {
            poisonSeq.set(0);
        }
    }

    public void unauthorized(boolean now) {
        unauthorized.set(now ? 1 : 0);
    }

    public long probesSkipped() {
        return skipped.sum();
    }

    public long summarisedTotal() {
        return summarised.sum();
    }

    public long batchesSent() {
        return batchesSent.sum();
    }

    public long poisonSeq() {
        return poisonSeq.get();
    }

    public String render() {
        StringBuilder out = new StringBuilder(4096);
        new TreeMap<>(gauges).forEach((name, g) -> {
            header(out, name, g.help(), "gauge");
            out.append(name).append(' ').append(number(g.value().getAsDouble())).append('\n');
        });
        labelled(out, "xl_agent_probes_total", "Probes completed, by method and status", probes);
        header(out, "xl_agent_probe_duration_seconds", "Probe duration, by method", "histogram");
        new TreeMap<>(durations).forEach((method, h) -> h.render(out, "xl_agent_probe_duration_seconds", method.name()));
        counter(out, "xl_agent_probes_skipped_total", "Probes not started because the previous one of that device still ran or the scheduler fell behind", skipped.sum());
        labelled(out, "xl_agent_probe_errors_total", "Probes that produced no result (prober failure or no prober for the method)", probeErrors);
        counter(out, "xl_agent_spool_summarised_total", "Results the full spool folded into counts (none changed its device's status)", summarised.sum());
        counter(out, "xl_agent_batches_sent_total", "Batches acknowledged by the backend (including duplicates)", batchesSent.sum());
        counter(out, "xl_agent_batches_duplicate_total", "Batches the backend had already applied", batchesDuplicate.sum());
        counter(out, "xl_agent_batches_rejected_total", "Batches the backend refused with a 4xx (kept in the spool)", batchesRejected.sum());
        labelled(out, "xl_agent_results_refused_total", "Results the backend refused in acknowledged batches, by reason", resultsRefused);
        labelled(out, "xl_agent_send_failures_total", "Failed requests to the backend, by kind", sendFailures);
        header(out, "xl_agent_poison_batch_seq", "Seq of the batch the backend refuses and that blocks the spool (0: none)", "gauge");
        out.append("xl_agent_poison_batch_seq ").append(poisonSeq.get()).append('\n');
        header(out, "xl_agent_unauthorized", "1 while the backend refuses the agent's token", "gauge");
        out.append("xl_agent_unauthorized ").append(unauthorized.get()).append('\n');
        return out.toString();
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        header(out, name, help, "counter");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void labelled(StringBuilder out, String name, String help, Map<String, LongAdder> series) {
        header(out, name, help, "counter");
        new TreeMap<>(series).forEach((labels, v) -> out.append(name).append(labels).append(' ').append(v.sum()).append('\n'));
    }

    private static void header(StringBuilder out, String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String labels(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=\"" + escape(pairs[i + 1]) + "\"");
        }
        return "{" + String.join(",", parts) + "}";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static final class Histogram {
        private final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        private final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            int i = 0;
            while (i < BUCKETS.length && seconds > BUCKETS[i]) {
                i++;
            }
            counts[i].increment();
            sum.add(seconds);
        }

        void render(StringBuilder out, String name, String method) {
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += counts[i].sum();
                String le = i < BUCKETS.length ? number(BUCKETS[i]) : "+Inf";
                out.append(name).append("_bucket").append(labels("method", method, "le", le)).append(' ').append(cumulative).append('\n');
            }
            out.append(name).append("_sum").append(labels("method", method)).append(' ').append(number(sum.sum())).append('\n');
            out.append(name).append("_count").append(labels("method", method)).append(' ').append(cumulative).append('\n');
        }
    }
}
