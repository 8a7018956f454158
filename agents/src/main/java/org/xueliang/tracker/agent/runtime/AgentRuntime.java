package org.xueliang.tracker.agent.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.schedule.ProbeScheduler;
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

/**
 * One probing agent, standalone or embedded in the backend: fetches its assignment (every 30 s, with the
 * version tag), probes through the {@link ProbeScheduler}, seals results into batches (every second, or at 500
 * results or 1 MiB) that go to the {@link Spool} first, sends them from the spool in seq order with one batch in flight,
 * deletes each only when acknowledged, and sends heartbeats. Threads: scheduler, batcher, sender, control.
 */
public final class AgentRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

    private final AssignmentSource assignments;
    private final BatchSink sink;
    private final HeartbeatSink heartbeats;
    private final Spool spool;
    private final Clock clock;
    private final AgentSettings settings;
    private final AgentMetrics metrics;
    private final ProbeScheduler scheduler;
    private final Queue<ProbeResult> buffer = new ConcurrentLinkedQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final List<Batch.Result> sealing = new ArrayList<>();
    private long sealingBytes;
    /** A result that did not fit into the batch being sealed (byte limit): the first of the next one. */
    private Batch.Result overflow;
    private final BlockingQueue<Boolean> wakeSender = new ArrayBlockingQueue<>(1);
    private final ScheduledExecutorService batcher = Executors.newSingleThreadScheduledExecutor(daemon("xl-agent-batcher"));
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(daemon("xl-agent-control"));
    private final Thread sender = daemon("xl-agent-sender").newThread(this::sendLoop);
    private final AtomicBoolean authFailing = new AtomicBoolean();
    private volatile boolean running;
    /** Guarded by this: whether {@link #start()} ran, and whether {@link #close()} did (a later start is ignored). */
    private boolean started;
    private boolean closed;
    private volatile String assignmentVersion;
    private boolean sendFailing;
    private boolean refusing;

    public AgentRuntime(ProberRegistry probers, AssignmentSource assignments, BatchSink sink, HeartbeatSink heartbeats,
                        Spool spool, Clock clock, AgentSettings settings, AgentMetrics metrics) {
        this.assignments = assignments;
        this.sink = sink;
        this.heartbeats = heartbeats;
        this.spool = spool;
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
        this.scheduler = new ProbeScheduler(probers, this::accept, metrics, clock, settings.concurrency(), settings.probeGrace());
        metrics.gauge("xl_agent_spool_depth", "Batches in the spool not yet acknowledged", spool::depth);
        metrics.gauge("xl_agent_spool_bytes", "Bytes of batches in the spool", spool::bytes);
        metrics.gauge("xl_agent_spool_full", "1 while the spool is at its size limit and summarises results", () -> spool.isFull() ? 1 : 0);
        metrics.gauge("xl_agent_send_lag_seconds", "Age of the oldest unacknowledged batch", () -> sendLagMillis() / 1000.0);
    }

    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        running = true;
        scheduler.start();
        sender.start();
        long flush = settings.flushInterval().toMillis();
        batcher.scheduleWithFixedDelay(this::flush, flush, flush, TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(this::refreshAssignment, 0, settings.assignmentRefresh().toMillis(), TimeUnit.MILLISECONDS);
        control.scheduleWithFixedDelay(this::heartbeat, 0, settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Agent runtime started: concurrency {}, spool depth {} (next seq {})", settings.concurrency(), spool.depth(), spool.nextSeq());
    }

    public ProbeScheduler scheduler() {
        return scheduler;
    }

    private void accept(ProbeResult result) {
        buffer.add(result);
        if (buffered.incrementAndGet() >= settings.maxBatchResults() && flushRequested.compareAndSet(false, true)) {
            try {
                batcher.execute(this::flush);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                flushRequested.set(false); // close() seals what is buffered
            }
        }
    }

    /**
     * Seals buffered results into batches in the spool, each of at most maxBatchResults results and maxBatchBytes
     * bytes of result JSON, so no batch ever exceeds the backend's limits; runs on the batcher thread.
     */
    private void flush() {
        flushRequested.set(false);
        try {
            while (true) {
                while (sealing.size() < settings.maxBatchResults()) {
                    Batch.Result next = overflow != null ? overflow : nextBuffered();
                    if (next == null) {
                        break;
                    }
                    overflow = null;
                    int size = AgentJson.write(next).length + 1;
                    if (!sealing.isEmpty() && sealingBytes + size > settings.maxBatchBytes()) {
                        overflow = next; // opens the next batch
                        break;
                    }
                    sealing.add(next);
                    sealingBytes += size;
                }
                if (sealing.isEmpty()) {
                    return;
                }
                spool.append(sealing, clock.instant());
                sealing.clear();
                sealingBytes = 0;
                wakeSender.offer(Boolean.TRUE);
            }
        } catch (RuntimeException e) {
            log.error("Could not write a batch of {} results to the spool (disk full or spool damaged?); will retry", sealing.size(), e);
        }
    }

    private Batch.Result nextBuffered() {
        ProbeResult r = buffer.poll();
        if (r == null) {
            return null;
        }
        buffered.decrementAndGet();
        return Batch.Result.of(r);
    }

    private void sendLoop() {
        long backoff = settings.retryInitial().toMillis();
        while (running) {
            Batch batch = spool.first().orElse(null);
            if (batch == null) {
                pause(Duration.ofSeconds(1));
                continue;
            }
            try {
                Ack ack = sink.send(batch);
                spool.ack(batch.seq());
                metrics.batchSent(ack.duplicate());
                noteRefusals(batch, ack);
                metrics.poisonBatch(0);
                authRecovered();
                if (sendFailing) {
                    sendFailing = false;
                    log.info("Backend accepts batches again (seq {})", batch.seq());
                }
                backoff = settings.retryInitial().toMillis();
            } catch (TransportException e) {
                metrics.sendFailed(e.kind().name().toLowerCase());
                switch (e.kind()) {
                    case UNAUTHORIZED -> {
                        authFailed(e);
                        pause(settings.authRetry());
                    }
                    case REJECTED -> {
                        metrics.poisonBatch(batch.seq());
                        log.error("Backend refuses batch seq {} ({} results): {}. The batch stays in the spool and blocks the"
                                + " ones after it (xl_agent_poison_batch_seq); retrying in {}", batch.seq(), batch.results().size(),
                                e.getMessage(), settings.rejectedRetry());
                        pause(settings.rejectedRetry());
                    }
                    case RETRYABLE -> {
                        retryLater(batch, e.getMessage(), backoff);
                        pause(Duration.ofMillis(backoff));
                        backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
                    }
                }
            } catch (RuntimeException e) {
                retryLater(batch, e.toString(), backoff);
                pause(Duration.ofMillis(backoff));
                backoff = Math.min(backoff * 2, settings.retryMax().toMillis());
            }
        }
    }

    /**
     * Results the backend refused one by one (device not in this agent's zone, time out of bounds — often a wrong
     * clock here): counted, and a WARN at the start of each episode, not for every batch.
     */
    private void noteRefusals(Batch batch, Ack ack) {
        if (ack.refused().isEmpty()) {
            refusing = false;
            return;
        }
        metrics.resultsRefused(ack.refused());
        if (!refusing) {
            refusing = true;
            log.warn("The backend refused {} of the {} results of batch seq {}: {} (notAssigned: device not in this agent's zone;"
                    + " inFuture/tooOld: check this machine's clock). Counted in xl_agent_results_refused_total; logged again"
                    + " after a batch without refusals", ack.rejected(), batch.results().size(), batch.seq(), ack.refused());
        }
    }

    private void retryLater(Batch batch, String why, long backoffMs) {
        if (!sendFailing) {
            sendFailing = true;
            log.warn("Cannot send batch seq {} (spool depth {}): {}; retrying with backoff up to {}", batch.seq(), spool.depth(),
                    why, settings.retryMax());
        } else {
            log.debug("Send of seq {} failed again, next try in {} ms: {}", batch.seq(), backoffMs, why);
        }
    }

    private void pause(Duration d) {
        try {
            wakeSender.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void refreshAssignment() {
        try {
            assignments.fetch(assignmentVersion).ifPresent(v -> {
                AgentAssignment a = v.assignment();
                scheduler.update(a.devices().stream()
                        .map(t -> new ProbeScheduler.Job(t.probeTarget(), t.interval())).toList());
                assignmentVersion = v.version();
                log.info("Assignment {}: agent {} zone {}, {} devices", v.version(), a.agentId(), a.zone(), a.devices().size());
            });
            authRecovered();
        } catch (TransportException e) {
            if (e.kind() == TransportException.Kind.UNAUTHORIZED) {
                authFailed(e);
            } else {
                log.warn("Cannot fetch the assignment (keeping the current one, {} devices): {}", scheduler.size(), e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Assignment refresh failed (keeping the current one)", e);
        }
    }

    private void heartbeat() {
        try {
            heartbeats.beat(new Heartbeat(settings.agentVersion(), spool.depth(), spool.bytes(), sendLagMillis(), clock.instant()));
        } catch (TransportException e) {
            if (e.kind() == TransportException.Kind.UNAUTHORIZED) {
                authFailed(e);
            } else {
                log.debug("Heartbeat failed: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat failed", e);
        }
    }

    private void authFailed(TransportException e) {
        metrics.unauthorized(true);
        if (authFailing.compareAndSet(false, true)) {
            log.error("The backend refuses this agent's token ({}). Results keep going to the spool (depth {}); retrying every {}."
                    + " Fix: issue a new token for this agent and restart it with it.", e.getMessage(), spool.depth(), settings.authRetry());
        }
    }

    private void authRecovered() {
        if (authFailing.compareAndSet(true, false)) {
            metrics.unauthorized(false);
            log.info("The backend accepts this agent's token again");
        }
    }

    private long sendLagMillis() {
        return spool.oldestSealedAt().map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis())).orElse(0L);
    }

    /** Stops probing, waits briefly for running probes, seals what is buffered into the spool, stops sending. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            stopProbingAndSending();
        } else {
            // Closed before start (a SIGTERM during the warm-up): nothing ran, but the operator and the scripts that
            // watch for the line below still learn what the spool holds.
            control.shutdownNow();
            batcher.shutdownNow();
        }
        log.info("Agent runtime stopped; {} batches left in the spool for the next start", spool.depth());
    }

    private void stopProbingAndSending() {
        control.shutdownNow();
        boolean drained = scheduler.stop(settings.shutdownAwait());
        if (!drained) {
            log.warn("Shutting down with probes still running after {}; their results are dropped", settings.shutdownAwait());
        }
        batcher.shutdown();
        try {
            batcher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        running = false;
        sender.interrupt();
        try {
            sender.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
