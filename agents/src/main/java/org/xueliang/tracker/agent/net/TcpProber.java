package org.xueliang.tracker.agent.net;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * TCP connect probe (screens, LED controllers, cloud clients): connected → UP; RST → DOWN REFUSED (host up,
 * nothing listening); no answer within the timeout → DOWN TIMEOUT; no route → DOWN UNREACHABLE.
 * The connection is closed at once with a reset (no TIME_WAIT left on the agent, see {@link ConnectLoop}); nothing
 * is sent.
 */
public final class TcpProber implements Prober {

    private final NioClient client;
    private final boolean ownsClient;

    public TcpProber() {
        this(new NioClient(), true);
    }

    public TcpProber(NioClient client) {
        this(client, false);
    }

    private TcpProber(NioClient client, boolean owns) {
        this.client = client;
        this.ownsClient = owns;
    }

    @Override
    public Method method() {
        return Method.TCP;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        return client.connectAndReset(new InetSocketAddress(t.host(), t.port()), t.timeout()).handle((v, e) -> e != null
                ? NioClient.failure(t, started, t0, e)
                : ProbeResult.up(t, started, Duration.ofNanos(System.nanoTime() - t0), Map.of()));
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
