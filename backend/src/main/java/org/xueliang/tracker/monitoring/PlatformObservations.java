package org.xueliang.tracker.monitoring;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.xueliang.tracker.agent.transport.Batch;

/**
 * The way in for sources the backend observes itself (GB/T 28181: a device registers and keeps alive to us, nobody
 * probes it). Each observation is a result like an agent's, with {@code method} naming the source, and goes through
 * the same state machine, outages, facts and rollups. {@code intervalSeconds} is how often the source observes a
 * device (the GB keepalive interval), which the silence sweeper uses.
 */
@Service
public class PlatformObservations {

    private final IngestService ingest;

    PlatformObservations(IngestService ingest) {
        this.ingest = ingest;
    }

    public void apply(List<Batch.Result> observations, int intervalSeconds) {
        if (observations.isEmpty()) {
            return;
        }
        Map<Long, Integer> intervals = new java.util.HashMap<>();
        observations.forEach(o -> intervals.put(o.deviceId(), intervalSeconds));
        ingest.applyPlatform(observations, intervals);
    }
}
