package org.xueliang.tracker.agent.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The outcome of one probe: status and reason, how long it took, a human detail line, and the
 * facts the device reported (keys in {@link Facts}: sysDescr, serial, firmware, clock offset…).
 */
public record ProbeResult(long deviceId, Method method, Instant startedAt, Duration latency, Status status,
                          Reason reason, String detail, Map<String, String> facts) {

    public ProbeResult {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static ProbeResult up(ProbeTarget t, Instant startedAt, Duration latency, Map<String, String> facts) {
        return new ProbeResult(t.deviceId(), t.method(), startedAt, latency, Status.UP, Reason.OK, null, facts);
    }

    public static ProbeResult of(ProbeTarget t, Instant startedAt, Duration latency, Status status, Reason reason,
                                 String detail, Map<String, String> facts) {
        return new ProbeResult(t.deviceId(), t.method(), startedAt, latency, status, reason, detail, facts);
    }

    /** This result with {@code more} facts added (replacing facts of the same key). */
    public ProbeResult withFacts(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(facts);
        all.putAll(more);
        return new ProbeResult(deviceId, method, startedAt, latency, status, reason, detail, all);
    }
}
