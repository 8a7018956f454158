package org.xueliang.tracker.monitoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.onvif.VqdSnapshotSink;
import org.xueliang.tracker.agent.runtime.AgentRuntime;
import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.agent.runtime.StandardProbers;
import org.xueliang.tracker.agent.spool.Spool;
import org.xueliang.tracker.agent.transport.Ack;
import org.xueliang.tracker.agent.transport.AgentAssignment;
import org.xueliang.tracker.agent.transport.AgentJson;
import org.xueliang.tracker.agent.transport.AssignmentSource;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.transport.BatchSink;
import org.xueliang.tracker.agent.transport.Heartbeat;
import org.xueliang.tracker.agent.transport.HeartbeatSink;
import org.xueliang.tracker.agent.transport.TransportException;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Hashes;

/**
 * The agent for zone {@code local} that runs inside the backend, so one process is a complete
 * system. It is the same runtime as the standalone agent (scheduler, disk spool, ordered batches);
 * only its transport is in-process: assignments come from {@link AssignmentService}, batches go to
 * {@link IngestService#ingest} — the same ingest path remote agents use — and heartbeats to
 * {@link AgentService}. Switch it off with {@code XL_EMBEDDED_AGENT=false} when all devices are
 * probed by standalone agents.
 */
@Component
class EmbeddedAgent implements SmartLifecycle, AssignmentSource, BatchSink, HeartbeatSink, VqdSnapshotSink {

    static final String NAME = "embedded-local";
    static final String ZONE = "local";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAgent.class);

    private final AgentService agents;
    private final AssignmentService assignments;
    private final IngestService ingest;
    private final AgentVqdSnapshots vqdSnapshots;
    private final boolean enabled;
    private final Path spoolDir;
    /** Each camera's last checked snapshot, for the scheduled picture check's FREEZE (docs/VQD.md). */
    private final Path vqdDir;
    private long agentId;
    private StandardProbers probers;
    private Spool spool;
    private AgentRuntime runtime;
    private volatile boolean running;

    EmbeddedAgent(AgentService agents, AssignmentService assignments, IngestService ingest, AgentVqdSnapshots vqdSnapshots,
                  @Value("${xl.agent.embedded.enabled:true}") boolean enabled, @Value("${xl.data-dir:./data}") String dataDir) {
        this.vqdSnapshots = vqdSnapshots;
        this.agents = agents;
        this.assignments = assignments;
        this.ingest = ingest;
        this.enabled = enabled;
        this.spoolDir = Path.of(dataDir, "embedded-agent-spool");
        this.vqdDir = Path.of(dataDir, "embedded-agent-vqd");
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        agentId = agents.ensureEmbedded(NAME, ZONE);
        AgentMetrics metrics = new AgentMetrics();
        probers = StandardProbers.open(vqdDir, this);
        spool = Spool.open(spoolDir, Spool.DEFAULT_MAX_BYTES, metrics);
        runtime = new AgentRuntime(probers.registry(), this, this, this, spool, Clock.systemUTC(), AgentSettings.defaults(), metrics);
        runtime.start();
        running = true;
        log.info("Embedded agent {} (zone {}) started; spool in {}", NAME, ZONE, spoolDir.toAbsolutePath());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        runtime.close();
        spool.close();
        probers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the database are up, before nothing else: the default phase is fine. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public Optional<Versioned> fetch(String knownVersion) throws TransportException {
        try {
            AgentAssignment assignment = assignments.forAgent(agentId, ZONE);
            String version = Hashes.sha256Hex(AgentJson.write(assignment));
            return version.equals(knownVersion) ? Optional.empty() : Optional.of(new Versioned(assignment, version));
        } catch (DataAccessException e) {
            throw new TransportException(TransportException.Kind.RETRYABLE, 503, "database unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public Ack send(Batch batch) throws TransportException {
        try {
            return ingest.ingest(agentId, batch);
        } catch (ApiException e) {
            throw new TransportException(TransportException.Kind.REJECTED, e.status().value(), e.getMessage(), e);
        } catch (DataAccessException e) {
            throw new TransportException(TransportException.Kind.RETRYABLE, 503, "database unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * The picture of a scheduled check, handed over in-process through the same checks a standalone agent's upload
     * passes. As there, a picture that cannot be kept is logged and dropped: the check's facts are in the batch.
     */
    @Override
    public void checked(long deviceId, Instant checkedAt, byte[] jpeg) {
        try {
            vqdSnapshots.accept(ZONE, deviceId, checkedAt.toString(), jpeg);
        } catch (ApiException | DataAccessException e) {
            log.warn("VQD snapshot of device {} not kept (dropped): {}", deviceId, e.getMessage());
        }
    }

    @Override
    public void beat(Heartbeat heartbeat) throws TransportException {
        try {
            agents.heartbeat(agentId, heartbeat);
        } catch (DataAccessException e) {
            throw new TransportException(TransportException.Kind.RETRYABLE, 503, "database unavailable: " + e.getMessage(), e);
        }
    }


}
