package org.xueliang.tracker.agent.net;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * RTSP OPTIONS probe: {@code OPTIONS rtsp://host:port/PATH RTSP/1.0} with CSeq 1 and no credentials.
 * {@code RTSP/1.0 200} → UP; 401 → DEGRADED AUTH_FAILED (the server lives but wants credentials, which a
 * camera without anonymous OPTIONS does too: set {@code rtsp.expect401=true} to count 401 as UP); any other
 * status or a non-RTSP answer → DEGRADED BAD_RESPONSE; connection failures as in {@link TcpProber}.
 * Setting {@code rtsp.path} (default "/"). Fact {@code rtspServer} from the Server header.
 */
public final class RtspProber implements Prober {

    private static final int MAX_RESPONSE = 8192;

    private final NioClient client;
    private final boolean ownsClient;

    public RtspProber() {
        this(new NioClient(), true);
    }

    public RtspProber(NioClient client) {
        this(client, false);
    }

    private RtspProber(NioClient client, boolean owns) {
        this.client = client;
        this.ownsClient = owns;
    }

    @Override
    public Method method() {
        return Method.RTSP;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget t) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        long deadline = t0 + t.timeout().toNanos();
        int port = t.port() > 0 ? t.port() : 554;
        String path = t.setting("rtsp.path", "/");
        String request = "OPTIONS rtsp://" + t.host() + ":" + port + (path.startsWith("/") ? path : "/" + path)
                + " RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: xueliang-tracker\r\n\r\n";
        return client.connect(new InetSocketAddress(t.host(), port), t.timeout())
                .thenCompose(ch -> exchange(ch, request, deadline).whenComplete((r, e) -> NioClient.closeQuietly(ch)))
                .handle((response, e) -> e != null ? NioClient.failure(t, started, t0, e)
                        : interpret(t, started, t0, response));
    }

    private static CompletableFuture<String> exchange(AsynchronousSocketChannel ch, String request, long deadline) {
        return NioClient.write(ch, ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)), deadline)
                .thenCompose(v -> NioClient.readUntil(ch, ByteBuffer.allocate(MAX_RESPONSE), deadline, RtspProber::headerComplete))
                .thenApply(buf -> new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1));
    }

    private static boolean headerComplete(ByteBuffer buf) {
        int n = buf.position();
        byte[] a = buf.array();
        for (int i = 3; i < n; i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return true;
            }
        }
        return false;
    }

    static ProbeResult interpret(ProbeTarget t, Instant started, long t0, String response) {
        Duration latency = Duration.ofNanos(System.nanoTime() - t0);
        String[] lines = response.split("\r\n");
        String status = lines.length > 0 ? lines[0] : "";
        Map<String, String> facts = new LinkedHashMap<>();
        for (String l : lines) {
            if (l.regionMatches(true, 0, "Server:", 0, 7)) {
                facts.put("rtspServer", l.substring(7).trim());
            }
        }
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("RTSP/")) {
            String shown = status.length() > 80 ? status.substring(0, 80) + "…" : status;
            return ProbeResult.of(t, started, latency, Status.DEGRADED, Reason.BAD_RESPONSE,
                    "Not an RTSP answer: '" + shown + "'", facts);
        }
        String code = parts[1];
        if ("200".equals(code) || ("401".equals(code) && Boolean.parseBoolean(t.setting("rtsp.expect401", "false")))) {
            return ProbeResult.up(t, started, latency, facts);
        }
        Reason reason = "401".equals(code) ? Reason.AUTH_FAILED : Reason.BAD_RESPONSE;
        return ProbeResult.of(t, started, latency, Status.DEGRADED, reason, "RTSP OPTIONS answered " + status, facts);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
