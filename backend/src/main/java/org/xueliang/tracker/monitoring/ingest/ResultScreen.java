package org.xueliang.tracker.monitoring.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.monitoring.agent.AgentLimits;

/**
 * Decides, result by result, what an agent may report (a pure function: no clock, no database). An agent speaks
 * only for the devices assigned to it, and only about a plausible time: a result is refused when its device is
 * not assigned to the agent (another zone, deleted, retired, not probed), when it is dated before the raw result
 * retention or more than the allowed clock skew ahead of the server, or when its latency is negative or longer
 * than any probe can take. Refused results are dropped and counted per reason; the others are applied.
 * The device check comes first, so an agent learns nothing about devices outside its zone.
 */
final class ResultScreen {

    /** Why a result was refused; {@link #code} is the key in the batch answer's {@code refused} and the metric label. */
    enum Refusal {
        NOT_ASSIGNED("notAssigned"), TOO_OLD("tooOld"), IN_FUTURE("inFuture"), BAD_LATENCY("badLatency");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    record Outcome(List<Batch.Result> accepted, Map<String, Integer> refused) {
        int refusedCount() {
            return refused.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ResultScreen() {
    }

    static Outcome screen(List<Batch.Result> results, Set<Long> assigned, Instant now, AgentLimits limits) {
        Instant oldest = now.minus(limits.retention());
        Instant newest = now.plus(limits.maxClockSkew());
        long maxLatencyMs = limits.maxLatency().toMillis();
        List<Batch.Result> accepted = new ArrayList<>(results.size());
        Map<String, Integer> refused = new LinkedHashMap<>();
        for (Batch.Result r : results) {
            Refusal why = !assigned.contains(r.deviceId()) ? Refusal.NOT_ASSIGNED
                    : r.startedAt().isBefore(oldest) ? Refusal.TOO_OLD
                    : r.startedAt().isAfter(newest) ? Refusal.IN_FUTURE
                    : r.latencyMs() != null && (r.latencyMs() < 0 || r.latencyMs() > maxLatencyMs) ? Refusal.BAD_LATENCY
                    : null;
            if (why == null) {
                accepted.add(r);
            } else {
                refused.merge(why.code, 1, Integer::sum);
            }
        }
        return new Outcome(accepted, refused);
    }
}
