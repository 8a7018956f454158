package org.xueliang.tracker.agent.transport;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent protocol against several backend replicas ({@code --server A --server B} or {@code --server A,B}): every
 * request goes to the server that answered last; when it is unreachable or answers a retryable status (5xx, 408,
 * 429), the same request goes to the next one, round the list once, and the first that answers becomes the one to
 * stick to. Only when every server failed does the caller see the (last) failure and back off; its spool keeps the
 * results meanwhile. A 401/403 or another 4xx is the backend's answer, not an outage: all replicas share one
 * database and would answer the same, so it is passed on at once.
 *
 * <p>Failing over never duplicates a result: a batch applied by a replica whose answer was lost is answered
 * "duplicate" by the next one, because the dedup key (agent, epoch, seq) is in the shared database.
 */
public final class FailoverClient implements AssignmentSource, BatchSink, HeartbeatSink {

    private static final Logger log = LoggerFactory.getLogger(FailoverClient.class);

    private final List<BackendClient> servers;
    private final List<URI> uris;
    /* Shared by the sender and the control thread; a race between them only picks one of two working servers. */
    private volatile int current;

    private interface Call<T> {
        T on(BackendClient server) throws TransportException;
    }

    public FailoverClient(List<URI> uris, List<BackendClient> servers) {
        if (servers.isEmpty() || uris.size() != servers.size()) {
            throw new IllegalArgumentException("one client per server URL, at least one");
        }
        this.uris = List.copyOf(uris);
        this.servers = List.copyOf(servers);
    }

    public static FailoverClient of(List<URI> uris, String token) {
        return new FailoverClient(uris, uris.stream().map(u -> new BackendClient(u, token)).toList());
    }

    /** The server requests go to now. */
    public URI current() {
        return uris.get(current);
    }

    @Override
    public Optional<Versioned> fetch(String knownVersion) throws TransportException {
        return call(s -> s.fetch(knownVersion));
    }

    @Override
    public Ack send(Batch batch) throws TransportException {
        return call(s -> s.send(batch));
    }

    @Override
    public void beat(Heartbeat heartbeat) throws TransportException {
        call(s -> {
            s.beat(heartbeat);
            return null;
        });
    }

    private <T> T call(Call<T> call) throws TransportException {
        int first = current;
        TransportException last = null;
        for (int tried = 0; tried < servers.size(); tried++) {
            int index = (first + tried) % servers.size();
            try {
                T answer = call.on(servers.get(index));
                if (tried > 0) {
                    log.warn("Backend {} failed ({}); switched to {}", uris.get(first), last.getMessage(), uris.get(index));
                    current = index;
                }
                return answer;
            } catch (TransportException e) {
                if (e.kind() != TransportException.Kind.RETRYABLE) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
