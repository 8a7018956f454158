package org.xueliang.tracker.agent.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The backend's agent protocol on a JDK HttpServer at 127.0.0.1: bearer token, assignment with ETag, batches
 * applied once per seq (a repeated seq answers duplicate), heartbeats. Can fail every n-th request with 500 —
 * alternately before and after applying a batch, so some acknowledgements are lost — or refuse the token.
 */
public final class FakeBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final String token;
    private final Map<Long, Batch> applied = new LinkedHashMap<>();
    private final List<Long> appliedOrder = new CopyOnWriteArrayList<>();
    private final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile AgentAssignment assignment = new AgentAssignment(1, "local", List.of());
    private volatile int failEvery;
    private volatile boolean revoked;
    private volatile int rejectStatus;

    public FakeBackend(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/api/v1/agent/assignment", ex -> handle(ex, this::assignment));
        server.createContext("/api/v1/agent/batches", ex -> handle(ex, this::batch));
        server.createContext("/api/v1/agent/heartbeat", ex -> handle(ex, this::heartbeat));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void assign(AgentAssignment a) {
        assignment = a;
    }

    /** Every n-th request answers 500 (0: never). */
    public void failEvery(int n) {
        failEvery = n;
    }

    public void revoke(boolean revoked) {
        this.revoked = revoked;
    }

    /** Batches answer this status (e.g. 400) without being applied (0: accept). */
    public void rejectBatches(int status) {
        rejectStatus = status;
    }

    public synchronized List<Long> appliedSeqs() {
        return List.copyOf(appliedOrder);
    }

    public synchronized List<Batch> appliedBatches() {
        return new ArrayList<>(applied.values());
    }

    public List<Heartbeat> heartbeats() {
        return heartbeats;
    }

    public int failures() {
        return failures.get();
    }

    private interface Handler {
        void handle(HttpExchange ex, boolean failAfter) throws IOException;
    }

    private void handle(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            if (revoked || !("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                respond(ex, 401, "{\"title\":\"Unauthorized\"}");
                return;
            }
            int n = requests.incrementAndGet();
            boolean fail = failEvery > 0 && n % failEvery == 0;
            if (fail && failures.incrementAndGet() % 2 == 1) {
                respond(ex, 500, "{\"title\":\"Internal Server Error\"}");
                return;
            }
            handler.handle(ex, fail);
        }
    }

    private void assignment(HttpExchange ex, boolean failAfter) throws IOException {
        String body = new String(AgentJson.write(assignment), StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        ex.getResponseHeaders().set("ETag", etag);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
        }
        respond(ex, failAfter ? 500 : 200, body);
    }

    private void batch(HttpExchange ex, boolean failAfter) throws IOException {
        if (rejectStatus != 0) {
            respond(ex, rejectStatus, "{\"title\":\"Bad Request\",\"detail\":\"results[0].detail is longer than 300 characters\"}");
            return;
        }
        Batch batch = AgentJson.read(ex.getRequestBody().readAllBytes(), Batch.class);
        boolean duplicate;
        synchronized (this) {
            duplicate = applied.containsKey(batch.seq());
            if (!duplicate) {
                applied.put(batch.seq(), batch);
                appliedOrder.add(batch.seq());
            }
        }
        Ack ack = new Ack(batch.seq(), duplicate, duplicate ? 0 : batch.results().size(), 0);
        respond(ex, failAfter ? 500 : 200, new String(AgentJson.write(ack), StandardCharsets.UTF_8));
    }

    private void heartbeat(HttpExchange ex, boolean failAfter) throws IOException {
        heartbeats.add(AgentJson.read(ex.getRequestBody().readAllBytes(), Heartbeat.class));
        ex.sendResponseHeaders(failAfter ? 500 : 204, -1);
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
