package org.xueliang.tracker.agent.transport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/**
 * A result batch as sent ({@code POST /api/v1/agent/batches}). {@code epoch} is the spool's random id, created
 * with the spool; {@code seq} is per epoch, starts at 1 and grows by one per batch for as long as the spool lives.
 * The backend applies each (agent, epoch, seq) once, so a new spool (new epoch) is never taken for duplicates of an
 * old one. A batch without an epoch (sealed by an agent older than epochs) is deduplicated on (agent, seq) among
 * the other epoch-less batches, as before. {@code sentAt} is when the batch was sealed into the spool;
 * {@code summarised} counts results a full spool folded away (none of them changed its device's status).
 */
public record Batch(long seq, Instant sentAt, List<Result> results, Long summarised, String epoch) {

    public Batch {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** A batch without an epoch: what agents older than epochs send (and tests of the legacy path). */
    public Batch(long seq, Instant sentAt, List<Result> results, Long summarised) {
        this(seq, sentAt, results, summarised, null);
    }

    /** The same batch with other results and summarised count (a full spool folding it), same seq and epoch. */
    public Batch withResults(List<Result> kept, long summarisedCount) {
        return new Batch(seq, sentAt, kept, summarisedCount, epoch);
    }

    public long summarisedCount() {
        return summarised == null ? 0 : summarised;
    }

    public record Result(long deviceId, Method method, Instant startedAt, Long latencyMs, Status status, Reason reason,
                         String detail, Map<String, String> facts) {

        /** The backend rejects a detail longer than this; longer ones are cut. */
        public static final int MAX_DETAIL = 300;
        /** The backend keeps fact keys and values up to these lengths; cutting them here bounds a result's size. */
        public static final int MAX_FACT_KEY = 64;
        public static final int MAX_FACT_VALUE = 1000;

        public static Result of(ProbeResult r) {
            Map<String, String> facts = new java.util.LinkedHashMap<>();
            r.facts().forEach((k, v) -> facts.put(cut(k, MAX_FACT_KEY), cut(v, MAX_FACT_VALUE)));
            return new Result(r.deviceId(), r.method(), r.startedAt(), r.latency() == null ? null : r.latency().toMillis(),
                    r.status(), r.reason(), cut(r.detail(), MAX_DETAIL), facts);
        }

        private static String cut(String s, int max) {
            return s == null || s.length() <= max ? s : s.substring(0, max);
        }
    }
}
