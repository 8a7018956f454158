package org.xueliang.tracker.monitoring.agent;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.xueliang.tracker.monitoring.ingest.IngestService;

/**
 * The agent for zone {@code local} that runs inside the backend, so one process is a complete
 * system. It is the same runtime as the standalone agent (scheduler, disk spool, ordered batches);
 * only its transport is in-process: assignments come from {@link AssignmentService}, batches go to
 * {@link IngestService#ingest} — the same ingest path remote agents use — and heartbeats to
 * {@link AgentService}. Switch it off with {@code XL_EMBEDDED_AGENT=false} when all devices are
 * probed by standalone agents.
 *
 * <p>Each backend replica runs one, with an identity of its own: the agent row {@code embedded-<replica id>}
 * ({@link ReplicaId}, stable per data dir) and its own spool and epoch, so two replicas never share a seq counter.
 * Zone {@code local} is shared out among the live ones ({@link EmbeddedShare}): each device is probed by one replica.
 */
@Component
class EmbeddedAgent implements SmartLifecycle, AssignmentSource, BatchSink, HeartbeatSink, VqdSnapshotSink {

    static final String NAME_PREFIX = "embedded-";
    static final String ZONE = "local";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedAgent.class);

    private final AgentService agents;
    private final EmbeddedShare share;
    private final IngestService ingest;
    private final AgentVqdSnapshots vqdSnapshots;
    private final boolean enabled;
    private final Path dataDir;
    private final Path spoolDir;
    /** Each camera's last checked snapshot, for the scheduled picture check's FREEZE (docs/VQD.md). */
    private final Path vqdDir;
    private final String configuredReplicaId;
    private final Duration assignmentRefresh;
    private final Duration heartbeatInterval;
    private String name;
    private long agentId;
    private StandardProbers probers;
    private Spool spool;
    private AgentRuntime runtime;
    private volatile boolean running;

    EmbeddedAgent(AgentService agents, EmbeddedShare share, IngestService ingest, AgentVqdSnapshots vqdSnapshots,
                  @Value("${xl.agent.embedded.enabled:true}") boolean enabled, @Value("${xl.data-dir:./data}") String dataDir,
                  @Value("${xl.agent.embedded.replica-id:}") String replicaId,
                  @Value("${xl.agent.embedded.assignment-refresh-seconds:15}") int assignmentRefreshSeconds,
                  @Value("${xl.agent.embedded.live-seconds:45}") int liveSeconds) {
        this.vqdSnapshots = vqdSnapshots;
        this.agents = agents;
        this.share = share;
        this.ingest = ingest;
        this.enabled = enabled;
        this.dataDir = Path.of(dataDir);
        this.spoolDir = this.dataDir.resolve("embedded-agent-spool");
        this.configuredReplicaId = replicaId;
        // A dead replica's share moves at the first poll after its heartbeat turned stale: polling every 15 s rather
        // than the standalone agent's 30 s bounds the takeover to the live timeout + 15 s. Three heartbeats per live
        // timeout (15 s for the default 45 s) so that one late heartbeat does not make a live replica look dead.
        this.assignmentRefresh = Duration.ofSeconds(assignmentRefreshSeconds);
        this.heartbeatInterval = Duration.ofMillis(Math.max(1000, liveSeconds * 1000L / 3));
        this.vqdDir = this.dataDir.resolve("embedded-agent-vqd");
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        name = NAME_PREFIX + ReplicaId.resolve(configuredReplicaId, dataDir, spoolDir);
        agentId = agents.ensureEmbedded(name, ZONE);
        AgentMetrics metrics = new AgentMetrics();
        probers = StandardProbers.open(vqdDir, this);
        spool = Spool.open(spoolDir, Spool.DEFAULT_MAX_BYTES, metrics);
        AgentSettings settings = AgentSettings.defaults();
        settings = settings.withPacing(assignmentRefresh, settings.flushInterval(), heartbeatInterval);
        runtime = new AgentRuntime(probers.registry(), this, this, this, spool, Clock.systemUTC(), settings, metrics);
        runtime.start();
        running = true;
        log.info("Embedded agent {} (zone {}) started; spool in {}, epoch {}", name, ZONE, spoolDir.toAbsolutePath(), spool.epoch());
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
            AgentAssignment assignment = share.assignment(agentId, name, ZONE);
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
