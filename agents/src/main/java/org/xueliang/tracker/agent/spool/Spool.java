package org.xueliang.tracker.agent.spool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.transport.AgentJson;
import org.xueliang.tracker.agent.transport.Batch;

/**
 * The agent's disk spool on an H2 MVStore file ({@code DIR/agent-spool.mv.db}): every batch is committed (and
 * fsynced) here before it is sent, and deleted only when the backend acknowledges it, so neither a backend
 * outage nor a killed agent loses a result. Maps: {@code batches} (seq → batch JSON), {@code significant}
 * (seq → which results must survive a full spool), {@code lastStatus} (device → last status and how many
 * results in a row had it), {@code meta} (next seq, bytes), {@code identity} (the epoch). The sequence counter lives
 * here too: seq starts at 1 and grows by one per batch for as long as the spool exists. The <em>epoch</em> is a random
 * id created with the spool and stamped on every batch it seals: the backend deduplicates on (agent, epoch, seq), so
 * a deleted and re-created spool, whose seq starts at 1 again, is never taken for duplicates of the old one. Batches
 * sealed before the spool had an epoch (by an older agent) keep none and are sent as they were written.
 *
 * <p>Size limit: when the batches would exceed {@code maxBytes}, the spool keeps only the significant results
 * — those that change their device's status, and the first {@value #KEEP_RUN} of each run of equal status, so
 * the backend's "DOWN after 3 failures" still sees its failures — and replaces the rest by a count in the
 * batch's {@code summarised} field. Older pending batches are rewritten the same way (same seq: the backend
 * applies whichever version reaches it first, once). One WARN per episode, and
 * {@code xl_agent_spool_summarised_total} counts the folded results.
 */
public final class Spool implements AutoCloseable {

    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    /** Results kept from each run of equal status when the spool is full (matches the backend's failures-for-down). */
    public static final int KEEP_RUN = 3;
    static final String FILE_NAME = "agent-spool.mv.db";

    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private static final String NEXT_SEQ = "nextSeq";
    private static final String BYTES = "bytes";
    private static final String EPOCH = "epoch";

    private final MVStore store;
    private final MVMap<Long, byte[]> batches;
    private final MVMap<Long, byte[]> significant;
    private final MVMap<Long, Integer> lastStatus;
    private final MVMap<String, Long> meta;
    private final String epoch;
    private final long maxBytes;
    private final boolean fsync;
    private final AgentMetrics metrics;
    private boolean full;
    private long summarisedInEpisode;
    private long headSeq = -1;
    private Instant headSealedAt;

    private Spool(MVStore store, long maxBytes, boolean fsync, AgentMetrics metrics) {
        this.store = store;
        this.batches = store.openMap("batches");
        this.significant = store.openMap("significant");
        this.lastStatus = store.openMap("lastStatus");
        this.meta = store.openMap("meta");
        MVMap<String, String> identity = store.openMap("identity");
        if (identity.get(EPOCH) == null) {
            identity.put(EPOCH, UUID.randomUUID().toString());
            store.commit();
            store.sync();
        }
        this.epoch = identity.get(EPOCH);
        this.maxBytes = maxBytes;
        this.fsync = fsync;
        this.metrics = metrics;
    }

    /** Opens (or creates) the spool in {@code dir}; fails clearly if another agent has it open. */
    public static Spool open(Path dir, long maxBytes, AgentMetrics metrics) {
        return open(dir, maxBytes, true, metrics);
    }

    /** As {@link #open(Path, long, AgentMetrics)}; {@code fsync=false} relies on the OS to write (safe against a killed process, not against power loss). */
    public static Spool open(Path dir, long maxBytes, boolean fsync, AgentMetrics metrics) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().compress().open();
            Spool spool = new Spool(store, maxBytes, fsync, metrics);
            if (!spool.batches.isEmpty()) {
                log.info("Spool {}: {} unacknowledged batches (seq {}..{}, {} bytes) to replay", file, spool.depth(),
                        spool.batches.firstKey(), spool.batches.lastKey(), spool.bytes());
            }
            return spool;
        } catch (MVStoreException e) {
            throw new IllegalStateException("Cannot open the spool " + file + " (is another agent using it? "
                    + "Each agent needs its own --spool directory): " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the spool directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Seals {@code results} into the next batch and commits it to disk before returning: once this returns,
     * the batch survives a killed process.
     */
    public synchronized Batch append(List<Batch.Result> results, Instant sealedAt) {
        long seq = meta.getOrDefault(NEXT_SEQ, 1L);
        BitSet keep = classify(results);
        Batch batch = new Batch(seq, sealedAt, results, 0L, epoch);
        byte[] json = AgentJson.write(batch);
        if (bytes() + json.length > maxBytes) {
            compactPending();
            if (bytes() + json.length > maxBytes) {
                batch = fold(batch, keep);
                json = AgentJson.write(batch);
                summarised(batch.summarisedCount());
                keep = null;
            }
            enterFull();
        } else if (full && bytes() + json.length < maxBytes * 9 / 10) {
            log.warn("Spool below its size limit again: {} results were summarised during the episode", summarisedInEpisode);
            full = false;
        }
        batches.put(seq, json);
        if (keep != null && keep.cardinality() < results.size()) {
            significant.put(seq, keep.toByteArray());
        }
        meta.put(NEXT_SEQ, seq + 1);
        meta.put(BYTES, bytes() + json.length);
        commit(true);
        return batch;
    }

    /** Marks which results must survive a full spool, and advances each device's last status. */
    private BitSet classify(List<Batch.Result> results) {
        BitSet keep = new BitSet(results.size());
        for (int i = 0; i < results.size(); i++) {
            Batch.Result r = results.get(i);
            Integer last = lastStatus.get(r.deviceId());
            int ordinal = r.status().ordinal();
            int run = last != null && last % 8 == ordinal ? Math.min(last / 8 + 1, KEEP_RUN + 1) : 1;
            if (run <= KEEP_RUN) {
                keep.set(i);
            }
            lastStatus.put(r.deviceId(), run * 8 + ordinal);
        }
        return keep;
    }

    private static Batch fold(Batch batch, BitSet keep) {
        List<Batch.Result> kept = new ArrayList<>(keep.cardinality());
        for (int i = keep.nextSetBit(0); i >= 0; i = keep.nextSetBit(i + 1)) {
            kept.add(batch.results().get(i));
        }
        long folded = batch.results().size() - kept.size();
        return batch.withResults(kept, batch.summarisedCount() + folded);
    }

    /** Rewrites every pending batch that still holds insignificant results. */
    private void compactPending() {
        long bytes = bytes();
        for (Map.Entry<Long, byte[]> e : new ArrayList<>(significant.entrySet())) {
            byte[] old = batches.get(e.getKey());
            significant.remove(e.getKey());
            if (old == null) {
                continue;
            }
            Batch before = AgentJson.read(old, Batch.class);
            Batch after = fold(before, BitSet.valueOf(e.getValue()));
            byte[] json = AgentJson.write(after);
            batches.put(e.getKey(), json);
            bytes += json.length - old.length;
            summarised(after.summarisedCount() - before.summarisedCount());
        }
        meta.put(BYTES, bytes);
    }

    private void summarised(long folded) {
        summarisedInEpisode += folded;
        metrics.summarised(folded);
    }

    private void enterFull() {
        if (!full) {
            full = true;
            summarisedInEpisode = 0;
            log.warn("Spool full ({} of {} bytes, {} batches unacknowledged): keeping only results that change a device's"
                    + " status (and the first {} of each run), counting the rest in 'summarised'. Is the backend reachable?",
                    bytes(), maxBytes, depth(), KEEP_RUN);
        }
    }

    private void commit(boolean durable) {
        store.commit();
        if (durable && fsync) {
            store.sync();
        }
    }

    /** The oldest unacknowledged batch. */
    public synchronized Optional<Batch> first() {
        Long seq = batches.firstKey();
        if (seq == null) {
            return Optional.empty();
        }
        Batch batch = AgentJson.read(batches.get(seq), Batch.class);
        headSeq = seq;
        headSealedAt = batch.sentAt();
        return Optional.of(batch);
    }

    /** Every unacknowledged batch, in seq order. */
    public synchronized List<Batch> pending() {
        List<Batch> all = new ArrayList<>(batches.size());
        batches.values().forEach(json -> all.add(AgentJson.read(json, Batch.class)));
        return all;
    }

    /** Deletes an acknowledged batch; false if it was not there (already acknowledged). */
    public synchronized boolean ack(long seq) {
        byte[] json = batches.remove(seq);
        significant.remove(seq);
        if (json == null) {
            return false;
        }
        meta.put(BYTES, bytes() - json.length);
        commit(false);
        return true;
    }

    public synchronized int depth() {
        return batches.size();
    }

    /** Bytes of batch JSON held (the figure the size limit applies to). */
    public synchronized long bytes() {
        return meta.getOrDefault(BYTES, 0L);
    }

    /** This spool's epoch: created with the spool, on every batch it seals, never changed. */
    public String epoch() {
        return epoch;
    }

    /** The seq the next batch will get. */
    public synchronized long nextSeq() {
        return meta.getOrDefault(NEXT_SEQ, 1L);
    }

    /** When the oldest unacknowledged batch was sealed, if any. */
    public synchronized Optional<Instant> oldestSealedAt() {
        Long seq = batches.firstKey();
        if (seq == null) {
            return Optional.empty();
        }
        if (seq != headSeq) {
            first();
        }
        return Optional.of(headSealedAt);
    }

    public synchronized boolean isFull() {
        return full;
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
