package org.xueliang.tracker.agent.transport;

import java.util.Map;

/**
 * The backend's answer to a batch: applied now, or already applied earlier ({@code duplicate}). Either way the
 * batch is acknowledged and leaves the spool. {@code rejected} counts the results the backend refused one by one
 * (the rest of the batch is applied); {@code refused} says why, per reason ({@code notAssigned}, {@code tooOld},
 * {@code inFuture}, {@code badLatency}). Older backends send no {@code refused}: it is then empty.
 */
public record Ack(long seq, boolean duplicate, int applied, int rejected, Map<String, Integer> refused) {

    public Ack {
        refused = refused == null ? Map.of() : Map.copyOf(refused);
    }

    public Ack(long seq, boolean duplicate, int applied, int rejected) {
        this(seq, duplicate, applied, rejected, Map.of());
    }
}
