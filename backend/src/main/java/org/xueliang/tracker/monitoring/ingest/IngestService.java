package org.xueliang.tracker.monitoring.ingest;

import org.xueliang.tracker.agent.transport.Ack;
import org.xueliang.tracker.agent.transport.Batch;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.snmp.SysUpTime;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.monitoring.PlatformObservations;
import org.xueliang.tracker.monitoring.ProbeFactsReported;
import org.xueliang.tracker.monitoring.SourceStatus;
import org.xueliang.tracker.monitoring.agent.AgentLimits;
import org.xueliang.tracker.monitoring.agent.AssignmentService;
import org.xueliang.tracker.monitoring.status.MonitoringMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies result batches from agents: exactly once per (agent, epoch, sequence), in one transaction —
 * raw results, device states through the {@link StateMachine}, state intervals, reported facts —
 * and publishes the state changes after commit. The embedded agent calls this same method, so its results
 * pass the same checks (its zone is {@code local}). The epoch is the agent spool's random id (docs/AGENT-PROTOCOL.md):
 * a batch without one (an agent older than epochs) counts as epoch {@value #LEGACY_EPOCH}, which is what every batch
 * applied before epochs existed carries, so such an agent is deduplicated exactly as before.
 */
@Service
public class IngestService {

    /** The epoch of batches sent without one, and of every batch applied before epochs existed (V30). */
    public static final String LEGACY_EPOCH = "legacy";
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,36}");
    private static final String INSERT_RAW = "INSERT INTO probe_result (device_id, agent_id, probed_at, method, status, reason,"
            + " latency_ms, detail) VALUES (?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final StatusStore store;
    private final StateMachine machine;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Counter resultsApplied;
    private final Counter batchesDuplicate;
    private final MonitoringMetrics metrics;
    private final MeterRegistry meters;
    private final AssignmentService assignments;
    private final AgentLimits limits;
    private final SourceRule sources;
    private final FreshnessStep freshness;

    IngestService(JdbcTemplate jdbc, StatusStore store, ApplicationEventPublisher events, Clock clock, MeterRegistry meters,
                  MonitoringMetrics metrics, AssignmentService assignments, AgentLimits limits,
                  @Value("${xl.monitoring.failures-for-down:3}") int failuresForDown,
                  @Value("${xl.monitoring.source-fresh-seconds:600}") int sourceFreshSeconds,
                  @Value("${xl.monitoring.freshness-step-seconds:10}") int freshnessStepSeconds) {
        this.sources = new SourceRule(java.time.Duration.ofSeconds(sourceFreshSeconds));
        this.freshness = new FreshnessStep(java.time.Duration.ofSeconds(freshnessStepSeconds));
        this.jdbc = jdbc;
        this.meters = meters;
        this.assignments = assignments;
        this.limits = limits;
        this.store = store;
        this.machine = new StateMachine(failuresForDown);
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
        this.resultsApplied = Counter.builder("xl_ingest_results_total").description("Probe results applied").register(meters);
        this.batchesDuplicate = Counter.builder("xl_ingest_duplicate_batches_total")
                .description("Batches received again and acknowledged without applying").register(meters);
    }

    /**
     * Applies a batch of the agent {@code agentId}. Results for devices not assigned to the agent's zone, dated
     * outside [now − raw retention, now + allowed clock skew], or with an implausible latency are refused one by one
     * ({@link ResultScreen}) and counted in the answer and in {@code xl_ingest_refused_results_total}; the rest is
     * applied. A batch over the result limit is refused whole (413), before anything is recorded.
     */
    @Transactional
    public Ack ingest(long agentId, Batch batch) {
        if (batch.seq() < 1) {
            throw ApiException.invalid("seq", "must be 1 or more");
        }
        String epoch = epochOf(batch);
        List<Batch.Result> results = batch.results() == null ? List.of() : batch.results();
        if (results.size() > limits.maxBatchResults()) {
            throw ApiException.tooLarge("A batch of " + results.size() + " results",
                    "the limit of " + limits.maxBatchResults() + " results per batch; send smaller batches");
        }
        validate(results);
        Instant now = clock.instant();
        // One batch of an agent at a time. Without this, copies of one batch sent at once deadlock on
        // MariaDB/MySQL: each copy's INSERT takes a shared lock on the agent row (the foreign key) and then
        // waits on the first copy's key, while the first copy waits to update that agent row below.
        Map<String, Object> agent = jdbc.queryForList("SELECT name, zone FROM probe_agent WHERE id = ? FOR UPDATE", agentId)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("Agent", agentId));
        Map<Long, Integer> intervals = assignments.assignedAmong((String) agent.get("zone"),
                results.stream().map(Batch.Result::deviceId).collect(Collectors.toSet()));
        ResultScreen.Outcome outcome = ResultScreen.screen(results, intervals.keySet(), now, limits);
        try {
            jdbc.update("INSERT INTO agent_batch (agent_id, epoch, seq, received_at, result_count, refused_count) VALUES (?,?,?,?,?,?)",
                    agentId, epoch, batch.seq(), StatusStore.ts(now), results.size(), outcome.refusedCount());
        } catch (DuplicateKeyException alreadyApplied) {
            batchesDuplicate.increment();
            // The answer to the first send may have been lost (a replica killed after its commit): the duplicate
            // answer repeats how many results that application refused, so an agent that only ever sees this answer
            // (and its ack log) still knows that many of the batch's results are not stored.
            Integer refusedBefore = jdbc.queryForObject("SELECT refused_count FROM agent_batch WHERE agent_id = ? AND epoch = ? AND seq = ?",
                    Integer.class, agentId, epoch, batch.seq());
            return new Ack(batch.seq(), true, 0, refusedBefore == null ? 0 : refusedBefore);
        }
        List<Batch.Result> accepted = apply(agentId, outcome.accepted(), intervals, now);
        // last_seq follows the epoch applied last: an agent sends its batches in seq order, one at a time, and a new
        // spool's epoch takes over from the old one (whose last batches, if any were pending, go first).
        jdbc.update("UPDATE probe_agent SET last_seq = CASE WHEN last_epoch = ? AND last_seq >= ? THEN last_seq ELSE ? END,"
                        + " last_epoch = ?, summarised_results = COALESCE(summarised_results, 0) + ? WHERE id = ?",
                epoch, batch.seq(), batch.seq(), epoch, batch.summarised() == null ? 0 : batch.summarised(), agentId);
        resultsApplied.increment(accepted.size());
        outcome.refused().forEach((reason, n) -> Counter.builder("xl_ingest_refused_results_total")
                .description("Results refused one by one, by agent and reason (notAssigned, tooOld, inFuture, badLatency)")
                .tag("agent", String.valueOf(agent.get("name"))).tag("reason", reason).register(meters).increment(n));
        accepted.stream().filter(r -> r.latencyMs() != null).forEach(r -> metrics.recordProbe(r.method().name(), r.latencyMs()));
        return new Ack(batch.seq(), false, accepted.size(), outcome.refusedCount(), outcome.refused());
    }

    /**
     * Applies observations of a source the backend observes itself rather than an agent probing (GB/T 28181
     * registrations and keepalives): raw results without an agent, the state machine, facts, events after commit.
     * {@code intervals} gives each device's expected observation interval in seconds (the silence sweeper's clock).
     * Callers are the backend's own modules ({@link PlatformObservations}); nothing here is screened by zone.
     */
    @Transactional
    public void applyPlatform(List<Batch.Result> results, Map<Long, Integer> intervals) {
        validate(results);
        apply(null, results, intervals, clock.instant());
        resultsApplied.increment(results.size());
    }

    /** The shared path of agents' batches and platform observations; returns what it applied, in applying order. */
    private List<Batch.Result> apply(Long agentId, List<Batch.Result> results, Map<Long, Integer> intervals, Instant now) {
        List<Batch.Result> accepted = results.stream()
                .sorted(Comparator.comparing(Batch.Result::deviceId).thenComparing(Batch.Result::startedAt))
                .toList();
        insertRaw(agentId, accepted);
        List<DeviceStateChanged> published = applyStates(accepted, intervals, now);
        saveFacts(accepted, now);
        publishFacts(accepted);
        published.forEach(events::publishEvent);
        return accepted;
    }

    private static String epochOf(Batch batch) {
        if (batch.epoch() == null || batch.epoch().isEmpty()) {
            return LEGACY_EPOCH;
        }
        if (!EPOCH.matcher(batch.epoch()).matches()) {
            throw ApiException.invalid("epoch", "use 1-36 letters, digits, '_' or '-' (the agent's spool id, e.g. a UUID)");
        }
        return batch.epoch();
    }

    private static void validate(List<Batch.Result> results) {
        for (int i = 0; i < results.size(); i++) {
            Batch.Result r = results.get(i);
            if (r.startedAt() == null || r.status() == null || r.method() == null || r.reason() == null) {
                throw ApiException.invalid("results[" + i + "]", "startedAt, method, status and reason are required");
            }
            if (r.detail() != null && r.detail().length() > 300) {
                throw ApiException.invalid("results[" + i + "].detail", "is longer than 300 characters");
            }
        }
    }

    /**
     * The raw rows, as a JDBC batch of one single-row INSERT with the values set directly. Connector/J sends a batch
     * of INSERTs as one binary bulk command (COM_STMT_BULK_EXECUTE): the server parses the statement once for the
     * batch and reads typed values, where a multi-row text INSERT had it parse and convert ~4,000 literals per batch
     * (docs/BENCHMARKS.md "Three cuts in MariaDB's share"). The setters are the driver's own, not Spring's per-value
     * lookup.
     */
    private void insertRaw(Long agentId, List<Batch.Result> accepted) {
        jdbc.batchUpdate(INSERT_RAW, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Batch.Result r = accepted.get(i);
                ps.setLong(1, r.deviceId());
                if (agentId == null) {
                    ps.setNull(2, Types.BIGINT);
                } else {
                    ps.setLong(2, agentId);
                }
                ps.setObject(3, StatusStore.utc(r.startedAt()));
                ps.setString(4, r.method().name());
                ps.setString(5, r.status().name());
                ps.setString(6, r.reason().name());
                if (r.latencyMs() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, (int) Math.min(Integer.MAX_VALUE, r.latencyMs()));
                }
                ps.setString(8, r.detail());
            }

            @Override
            public int getBatchSize() {
                return accepted.size();
            }
        });
    }

    private List<DeviceStateChanged> applyStates(List<Batch.Result> accepted, Map<Long, Integer> intervals, Instant now) {
        Map<Long, List<Batch.Result>> byDevice = accepted.stream()
                .collect(Collectors.groupingBy(Batch.Result::deviceId, LinkedHashMap::new, Collectors.toList()));
        StatusStore.Locked locked = store.lockStatesWithSources(byDevice.keySet());
        Map<Long, StatusStore.StoredState> current = locked.states();
        Map<Long, Map<Method, SourceStatus>> sourcesBefore = locked.sources();
        Map<Long, Map<Method, SourceStatus>> sourcesAfter = new HashMap<>();
        List<StatusStore.StateRow> inserts = new ArrayList<>();
        List<StatusStore.StateRow> updates = new ArrayList<>();
        Map<Long, List<StateChange>> changes = new LinkedHashMap<>();
        List<DeviceStateChanged> published = new ArrayList<>();
        Set<Long> isNew = new HashSet<>();
        byDevice.forEach((deviceId, deviceResults) -> {
            StatusStore.StoredState stored = current.get(deviceId);
            TrackedState state;
            if (stored == null) {
                isNew.add(deviceId);
                state = TrackedState.unmeasured(deviceResults.get(0).startedAt());
            } else {
                state = stored.state();
            }
            Map<Method, SourceStatus> latest = new EnumMap<>(Method.class);
            latest.putAll(sourcesBefore.getOrDefault(deviceId, Map.of()));
            for (Batch.Result r : deviceResults) {
                SourceStatus incoming = new SourceStatus(r.method(), r.status(), r.reason(), r.startedAt(), r.detail());
                Optional<Observation> observation = sources.combine(incoming, latest);
                SourceStatus previous = latest.get(r.method());
                if (previous == null || !previous.observedAt().isAfter(r.startedAt())) {
                    latest.put(r.method(), incoming);
                }
                if (observation.isEmpty()) {
                    continue;
                }
                Observation combined = observation.get();
                if (r.method() == Method.GB28181 && !combined.decisive() && state.lastResultAt() != null
                        && !combined.at().isAfter(state.lastResultAt())) {
                    // GB reports as of the last keepalive, which another source's newer result may have passed:
                    // the combination is then news as of just after that result, not an old result to ignore.
                    combined = new Observation(state.lastResultAt().plusMillis(1), combined.status(), combined.reason());
                }
                StateMachine.Step step = machine.onResult(state, combined);
                step.change().ifPresent(c -> {
                    changes.computeIfAbsent(deviceId, k -> new ArrayList<>()).add(c);
                    published.add(new DeviceStateChanged(deviceId, c.from(), c.to(), c.at(), c.reason()));
                });
                state = step.next();
            }
            sourcesAfter.put(deviceId, latest);
            Long latency = deviceResults.get(deviceResults.size() - 1).latencyMs();
            int interval = intervals.get(deviceId);
            StatusStore.StateRow row = new StatusStore.StateRow(deviceId, state, latency, interval, now);
            if (stored == null) {
                inserts.add(row);
            } else if (freshness.mustWrite(stored.state(), stored.intervalSeconds(), state, interval)) {
                updates.add(row);
            }
        });
        // A device's first result is where its measured history begins: a synthetic past (demo) ends there.
        Map<Long, Instant> measuredFrom = new HashMap<>();
        isNew.forEach(id -> measuredFrom.put(id, byDevice.get(id).get(0).startedAt()));
        store.endSyntheticHistory(measuredFrom);
        store.insertStates(inserts);
        store.updateStates(updates);
        store.applyChanges(changes);
        store.saveSourceStatuses(sourcesAfter, sourcesBefore, freshness);
        return published;
    }

    /** Hands the facts to the modules that keep their history ({@link ProbeFactsReported}), in this transaction. */
    private void publishFacts(List<Batch.Result> accepted) {
        List<ProbeFactsReported.Reported> reported = accepted.stream()
                .filter(r -> r.facts() != null && !r.facts().isEmpty())
                .map(r -> new ProbeFactsReported.Reported(r.deviceId(), r.method(), r.startedAt(),
                        Collections.unmodifiableMap(new LinkedHashMap<>(r.facts()))))
                .toList();
        if (!reported.isEmpty()) {
            events.publishEvent(new ProbeFactsReported(reported));
        }
    }

    /**
     * The latest value of each reported fact, dated by the probe that reported it ({@code updated_at} = the result's
     * startedAt, so a spool replayed hours later still dates its readings right: the reboot check compares times).
     */
    private void saveFacts(List<Batch.Result> accepted, Instant now) {
        Map<Long, Map<String, String>> latest = new LinkedHashMap<>();
        Map<Long, Instant> observedAt = new HashMap<>();
        for (Batch.Result r : accepted) {
            if (r.facts() != null && !r.facts().isEmpty()) {
                latest.computeIfAbsent(r.deviceId(), k -> new LinkedHashMap<>()).putAll(r.facts());
                observedAt.put(r.deviceId(), r.startedAt());
            }
        }
        recordReboots(accepted, now);
        List<Object[]> rows = new ArrayList<>();
        latest.forEach((deviceId, facts) -> facts.forEach((k, v) -> rows.add(new Object[] {deviceId, truncate(k, 64)})));
        jdbc.batchUpdate("DELETE FROM device_fact WHERE device_id = ? AND fact_key = ?", rows);
        List<Object[]> inserts = new ArrayList<>();
        latest.forEach((deviceId, facts) -> facts.forEach((k, v) -> inserts.add(new Object[] {deviceId, truncate(k, 64),
                truncate(v, 1000), StatusStore.ts(observedAt.getOrDefault(deviceId, now))})));
        jdbc.batchUpdate("INSERT INTO device_fact (device_id, fact_key, fact_value, updated_at) VALUES (?,?,?,?)", inserts);
    }

    /**
     * Compares each result's sysUpTime with the reading before it (the stored fact and when it was observed, for the
     * first result of a device in the batch): a drop is a reboot, unless it is the 2^32 wrap after ~497 days that the
     * elapsed time predicts ({@link SysUpTime#dropped}). A device's first reading has nothing before it: no reboot.
     */
    private void recordReboots(List<Batch.Result> accepted, Instant now) {
        Map<Long, SysUpTime.Reading> previous = new HashMap<>();
        Set<Long> ids = accepted.stream().filter(r -> r.facts() != null && r.facts().containsKey(Facts.SYS_UPTIME_TICKS))
                .map(Batch.Result::deviceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return;
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
        List<Object> args = new ArrayList<>(ids);
        args.add(Facts.SYS_UPTIME_TICKS);
        jdbc.query("SELECT device_id, fact_value, updated_at FROM device_fact WHERE device_id IN (" + in + ") AND fact_key = ?",
                rs -> {
                    long deviceId = rs.getLong(1);
                    Instant at = StatusStore.instant(rs.getTimestamp(3));
                    parseTicks(rs.getString(2)).ifPresent(t -> previous.put(deviceId, new SysUpTime.Reading(t, at)));
                }, args.toArray());
        List<Object[]> reboots = new ArrayList<>();
        for (Batch.Result r : accepted) {
            if (r.facts() == null) {
                continue;
            }
            var ticks = parseTicks(r.facts().get(Facts.SYS_UPTIME_TICKS));
            if (ticks.isEmpty()) {
                continue;
            }
            SysUpTime.Reading current = new SysUpTime.Reading(ticks.get(), r.startedAt());
            SysUpTime.Reading before = previous.put(r.deviceId(), current);
            if (SysUpTime.dropped(before, current)) {
                Instant rebootedAt = r.startedAt().minusMillis(ticks.get() * 10);
                reboots.add(new Object[] {r.deviceId(), StatusStore.ts(rebootedAt), StatusStore.ts(now), before.ticks(), ticks.get()});
            }
        }
        jdbc.batchUpdate("INSERT INTO device_reboot (device_id, rebooted_at, detected_at, uptime_before, uptime_after)"
                + " VALUES (?,?,?,?,?)", reboots);
    }

    /**
     * A reported sysUpTime: TimeTicks, 32 bits unsigned; any other number is no uptime. Found by fuzzing: a tick count
     * of -922337203685477580 dated a reboot 292 million years away, MariaDB refused the row, and with it the whole
     * batch (409), which the agent would send again forever.
     */
    private static java.util.Optional<Long> parseTicks(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        try {
            long ticks = Long.parseLong(value.trim());
            return ticks >= 0 && ticks < 1L << 32 ? java.util.Optional.of(ticks) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
