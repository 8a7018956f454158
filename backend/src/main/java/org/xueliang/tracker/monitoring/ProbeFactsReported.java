package org.xueliang.tracker.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.agent.probe.Method;

/**
 * The facts that accepted probe results carried (agents' batches and platform observations alike), published
 * synchronously inside the ingest transaction after the latest values went to {@code device_fact}. Modules that keep
 * a history of a fact (clock offsets, VQD findings, recording summaries) listen with {@code @EventListener} and write
 * their rows in the same transaction, so a batch applied once is recorded once — on whichever replica applied it.
 * Results without facts are left out; an event with no results is never published.
 */
public record ProbeFactsReported(List<Reported> results) {

    /** One result's facts: the device, the source that measured them, and when the probe started. */
    public record Reported(long deviceId, Method method, Instant probedAt, Map<String, String> facts) {
    }
}
