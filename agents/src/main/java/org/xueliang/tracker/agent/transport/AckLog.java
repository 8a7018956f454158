package org.xueliang.tracker.agent.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code --ack-log FILE}: an append-only record of every batch the backend acknowledged, so a test can compare "what
 * the agent was told is stored" with the database. Wraps the real {@link BatchSink}; for each acknowledgement it
 * appends, in one write, one {@code batch} line and one {@code result} line per result (space-separated, UTF-8):
 *
 * <pre>
 * batch  EPOCH SEQ RESULTS APPLIED REJECTED DUPLICATE
 * result EPOCH SEQ DEVICE_ID METHOD STARTED_AT
 * </pre>
 *
 * {@code EPOCH} is {@code -} for a batch sealed before the spool had one; {@code STARTED_AT} is ISO-8601 UTC. The
 * lines are written <em>before</em> the runtime deletes the batch from the spool: an agent killed in between sends
 * the batch again and logs it again with {@code DUPLICATE} true, so (EPOCH, SEQ) may appear twice but an
 * acknowledged batch is never missing. A line cut short by a kill (one write per batch makes it unlikely) is ended
 * with a newline when the log is opened again, so it stays a line of its own; its batch was still in the spool. The backend does not say which results it refused ({@code REJECTED} counts them),
 * so a batch with refusals lists results of which that many are not stored.
 */
public final class AckLog implements BatchSink, AutoCloseable {

    private final BatchSink delegate;
    private final FileChannel file;

    public AckLog(Path path, BatchSink delegate) {
        this.delegate = delegate;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean torn = endsWithoutNewline(path);
            this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (torn) {
                file.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the ack log " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsWithoutNewline(Path path) throws IOException {
        if (!Files.exists(path) || Files.size(path) == 0) {
            return false;
        }
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) != '\n';
        }
    }

    @Override
    public Ack send(Batch batch) throws TransportException {
        Ack ack = delegate.send(batch);
        append(lines(batch, ack));
        return ack;
    }

    static String lines(Batch batch, Ack ack) {
        String epoch = batch.epoch() == null ? "-" : batch.epoch();
        StringBuilder out = new StringBuilder(64 + batch.results().size() * 80);
        out.append("batch ").append(epoch).append(' ').append(batch.seq()).append(' ').append(batch.results().size()).append(' ')
                .append(ack.applied()).append(' ').append(ack.rejected()).append(' ').append(ack.duplicate()).append('\n');
        for (Batch.Result r : batch.results()) {
            out.append("result ").append(epoch).append(' ').append(batch.seq()).append(' ').append(r.deviceId()).append(' ')
                    .append(r.method()).append(' ').append(r.startedAt()).append('\n');
        }
        return out.toString();
    }

    /*
     * No fsync: the log has to survive a killed agent (the OS holds the written bytes), like the fault test does;
     * not a power loss. A failed write fails the send, so the batch stays in the spool and is offered again.
     */
    private synchronized void append(String text) throws TransportException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.RETRYABLE, 0, "Cannot write the ack log: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
