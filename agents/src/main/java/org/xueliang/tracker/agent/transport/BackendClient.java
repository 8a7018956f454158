package org.xueliang.tracker.agent.transport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;

/**
 * The agent protocol over HTTP(S) (docs/AGENT-PROTOCOL.md): assignment with ETag, result batches, heartbeats,
 * each with {@code Authorization: Bearer <token>}. The token never appears in a message or log line.
 */
public final class BackendClient implements AssignmentSource, BatchSink, HeartbeatSink {

    private static final int MAX_ERROR_BODY = 300;

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;

    public BackendClient(URI server, String token, Duration connectTimeout, Duration requestTimeout) {
        Objects.requireNonNull(token, "token");
        String s = server.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.authorization = "Bearer " + token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public BackendClient(URI server, String token) {
        this(server, token, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Override
    public Optional<Versioned> fetch(String knownVersion) throws TransportException {
        HttpRequest.Builder request = request("api/v1/agent/assignment").GET();
        if (knownVersion != null) {
            request.header("If-None-Match", knownVersion);
        }
        HttpResponse<byte[]> response = exchange(request.build());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        expect(response, 200);
        String etag = response.headers().firstValue("ETag").orElse(null);
        return Optional.of(new Versioned(parse(response, AgentAssignment.class), etag));
    }

    @Override
    public Ack send(Batch batch) throws TransportException {
        HttpResponse<byte[]> response = exchange(post("api/v1/agent/batches", batch));
        expect(response, 200);
        Ack ack = parse(response, Ack.class);
        if (ack.seq() != batch.seq()) {
            throw new TransportException(TransportException.Kind.RETRYABLE, response.statusCode(),
                    "Backend acknowledged seq " + ack.seq() + " for batch " + batch.seq());
        }
        return ack;
    }

    @Override
    public void beat(Heartbeat heartbeat) throws TransportException {
        HttpResponse<byte[]> response = exchange(post("api/v1/agent/heartbeat", heartbeat));
        if (response.statusCode() != 200) {
            expect(response, 204);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpRequest post(String path, Object body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(AgentJson.write(body))).build();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) throws TransportException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TransportException(TransportException.Kind.RETRYABLE, 0,
                    request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.RETRYABLE, 0, request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    private static void expect(HttpResponse<byte[]> response, int status) throws TransportException {
        int code = response.statusCode();
        if (code == status) {
            return;
        }
        String what = response.request().method() + " " + response.uri() + " answered " + code;
        if (code == 401 || code == 403) {
            throw new TransportException(TransportException.Kind.UNAUTHORIZED, code,
                    what + ": the agent token is wrong or revoked; issue a new one in the backend (Admin → Agents)");
        }
        TransportException.Kind kind = code >= 500 || code == 408 || code == 429 || code < 400
                ? TransportException.Kind.RETRYABLE : TransportException.Kind.REJECTED;
        throw new TransportException(kind, code, what + ": " + snippet(response.body()));
    }

    private static <T> T parse(HttpResponse<byte[]> response, Class<T> type) throws TransportException {
        try {
            return AgentJson.read(response.body(), type);
        } catch (JacksonException e) {
            throw new TransportException(TransportException.Kind.RETRYABLE, response.statusCode(),
                    response.request().method() + " " + response.uri() + ": unreadable " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(), e);
        }
    }

    private static String snippet(byte[] body) {
        String s = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return s.length() <= MAX_ERROR_BODY ? s : s.substring(0, MAX_ERROR_BODY) + "…";
    }
}
