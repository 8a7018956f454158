package org.xueliang.tracker.monitoring;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.shared.TransientRetry;
import org.xueliang.tracker.monitoring.ingest.IngestService;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

/**
 * The way in for sources the backend observes itself (GB/T 28181: a device registers and keeps alive to us, nobody
 * probes it). Each observation is a result like an agent's, with {@code method} naming the source, and goes through
 * the same state machine, outages, facts and rollups. {@code intervalSeconds} is how often the source observes a
 * device (the GB keepalive interval), which the silence sweeper uses.
 */
@Service
public class PlatformObservations {

    private final IngestService ingest;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    PlatformObservations(IngestService ingest, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.ingest = ingest;
        this.jdbc = jdbc;
    }

    /**
     * The latest observation of {@code source} for each of these devices that has one: what the source last said,
     * so that it repeats itself only once per interval and reports changes at once.
     */
    public Map<Long, SourceStatus> latest(org.xueliang.tracker.agent.probe.Method source, java.util.Collection<Long> deviceIds) {
        Map<Long, SourceStatus> out = new java.util.HashMap<>();
        List<Long> ids = List.copyOf(new java.util.LinkedHashSet<>(deviceIds));
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> args = new java.util.ArrayList<>(chunk);
            args.add(source.name());
            jdbc.query("SELECT * FROM device_source_status WHERE device_id IN ("
                    + String.join(",", chunk.stream().map(id -> "?").toList()) + ") AND source = ?", rs -> {
                SourceStatus s = StatusStore.sourceStatus(rs);
                if (s != null) {
                    out.put(rs.getLong("device_id"), s);
                }
            }, args.toArray());
        }
        return out;
    }

    public void apply(List<Batch.Result> observations, int intervalSeconds) {
        if (observations.isEmpty()) {
            return;
        }
        Map<Long, Integer> intervals = new java.util.HashMap<>();
        observations.forEach(o -> intervals.put(o.deviceId(), intervalSeconds));
        // The sweeper and a REGISTER's immediate sweep can apply a device's first observation at once: both find no
        // status row and insert one; the loser's retry finds the row and updates it.
        TransientRetry.run(() -> ingest.applyPlatform(observations, intervals));
    }
}
