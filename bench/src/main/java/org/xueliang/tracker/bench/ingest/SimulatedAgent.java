package org.xueliang.tracker.bench.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Ack;
import org.xueliang.tracker.agent.transport.BackendClient;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.transport.TransportException;

/**
 * One agent as the backend sees it: its own token, a spool epoch, seq 1, 2, 3 … and one batch in flight at a time,
 * sent with the agent's own {@link BackendClient} (the real wire format). It reports on its zone's devices in turn,
 * {@code batchSize} results per batch, each device's results in time order. A failed send is retried with the same
 * seq, as the agent's spool would, so the backend's exactly-once rule is exercised rather than bypassed.
 */
final class SimulatedAgent implements Runnable {

    /** What the measured window saw: acknowledged results, batches, refused results, and each batch's latency. */
    static final class Tally {
        long applied;
        long batches;
        long rejected;
        long duplicates;
        long failures;
        final List<Long> latencyNanos = new ArrayList<>();
    }

    /** A batch retried this often (0.2 s apart) without an answer stops the benchmark: the backend is gone. */
    private static final int MAX_ATTEMPTS = 150;

    private final BackendClient client;
    private final List<Long> deviceIds;
    private final ResultMix mix;
    private final int batchSize;
    private final BenchClock window;
    private final String epoch = UUID.randomUUID().toString();
    private final Tally measured = new Tally();
    private long seq;
    private long next;
    private long appliedInAll;
    private long failuresInAll;
    private volatile boolean stop;

    SimulatedAgent(BackendClient client, List<Long> deviceIds, ResultMix mix, int batchSize, BenchClock window) {
        this.client = client;
        this.deviceIds = List.copyOf(deviceIds);
        this.mix = mix;
        this.batchSize = batchSize;
        this.window = window;
    }

    @Override
    public void run() {
        while (!stop) {
            Batch batch = nextBatch();
            // Until acknowledged, even after stop: the stored rows must equal the acknowledged ones at the end.
            for (int attempt = 1; ; attempt++) {
                long started = System.nanoTime();
                try {
                    Ack ack = client.send(batch);
                    record(batch, ack, System.nanoTime() - started);
                    break;
                } catch (TransportException e) {
                    synchronized (this) {
                        failuresInAll++;
                        if (window.measures(System.nanoTime())) {
                            measured.failures++;
                        }
                    }
                    if (e.kind() != TransportException.Kind.RETRYABLE || attempt >= MAX_ATTEMPTS) {
                        throw new IllegalStateException("batch " + batch.seq() + " not acknowledged: " + e.getMessage(), e);
                    }
                    sleep();
                }
            }
        }
    }

    void stop() {
        stop = true;
    }

    synchronized Tally measured() {
        return measured;
    }

    /** Every result the backend acknowledged as applied, warm-up included: what the database must hold. */
    synchronized long appliedInAll() {
        return appliedInAll;
    }

    /** Sends that failed and were retried, warm-up included. */
    synchronized long failuresInAll() {
        return failuresInAll;
    }

    /**
     * Counts a batch in the window when its acknowledgement arrives in it. A duplicate answer follows a send whose
     * answer was lost (a timeout while the backend committed it): that first send stored the batch's results less
     * its refusals, which the duplicate answer repeats.
     */
    private synchronized void record(Batch batch, Ack ack, long tookNanos) {
        appliedInAll += ack.duplicate() ? batch.results().size() - ack.rejected() : ack.applied();
        if (window.measures(System.nanoTime())) {
            measured.applied += ack.applied();
            measured.rejected += ack.rejected();
            measured.batches++;
            measured.duplicates += ack.duplicate() ? 1 : 0;
            measured.latencyNanos.add(tookNanos);
        }
    }

    private Batch nextBatch() {
        Instant now = Instant.now();
        List<Batch.Result> results = new ArrayList<>(batchSize);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < batchSize; i++, next++) {
            long deviceId = deviceIds.get((int) (next % deviceIds.size()));
            long probe = next / deviceIds.size();
            Status status = mix.status(deviceId, probe);
            Long latency = status == Status.DOWN ? null : (long) random.nextInt(1, 40);
            results.add(new Batch.Result(deviceId, Method.TCP, now.minusMillis(batchSize - i), latency, status,
                    ResultMix.reasonOf(status), status == Status.UP ? null : "bench: simulated " + status, Map.of()));
        }
        return new Batch(++seq, now, results, 0L, epoch);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
