package org.xueliang.tracker.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

/**
 * What an agent sends: its batch sequence number and the results in it. The sequence is per agent
 * and increases by one per batch; (agent, seq) is applied exactly once however often it arrives.
 * {@code summarised} counts results the agent's full spool folded away (none of them changed state).
 */
public record ResultBatch(long seq, Instant sentAt, List<Result> results, Long summarised) {

    public record Result(long deviceId, Method method, Instant startedAt, Long latencyMs, Status status, Reason reason,
                         String detail, Map<String, String> facts) {
    }
}
