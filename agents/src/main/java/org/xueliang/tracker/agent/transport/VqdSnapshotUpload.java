package org.xueliang.tracker.agent.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.onvif.VqdSnapshotSink;

/**
 * The standalone agent's {@link VqdSnapshotSink}: uploads each scheduled check's picture with
 * {@code PUT /api/v1/agent/devices/{id}/vqd-snapshot?checkedAt=…} (docs/AGENT-PROTOCOL.md), asynchronously so the
 * probe thread never waits on the backend. The picture is evidence beside the check's facts, which travel in the
 * spooled batch: an upload that fails (backend away, refused) is logged and dropped, never spooled or retried, and
 * when {@link #MAX_IN_FLIGHT} uploads are already under way a further picture is dropped rather than queued, so a
 * slow backend cannot make the agent hold pictures in memory. The next check of the camera uploads a new one. With
 * several {@code --server} URLs it goes to the one the agent's {@link FailoverClient} currently sticks to.
 */
public final class VqdSnapshotUpload implements VqdSnapshotSink {

    static final int MAX_IN_FLIGHT = 4;
    private static final Logger log = LoggerFactory.getLogger(VqdSnapshotUpload.class);

    private final Supplier<URI> server;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    public VqdSnapshotUpload(Supplier<URI> server, String token, Duration requestTimeout) {
        Objects.requireNonNull(token, "token");
        this.server = server;
        this.authorization = "Bearer " + token;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public VqdSnapshotUpload(URI server, String token, Duration requestTimeout) {
        this(() -> server, token, requestTimeout);
    }

    public VqdSnapshotUpload(Supplier<URI> server, String token) {
        this(server, token, Duration.ofSeconds(30));
    }

    @Override
    public void checked(long deviceId, Instant checkedAt, byte[] jpeg) {
        if (!inFlight.tryAcquire()) {
            log.info("VQD snapshot of device {} dropped: {} uploads already under way", deviceId, MAX_IN_FLIGHT);
            return;
        }
        String s = server.get().toString();
        URI base = URI.create(s.endsWith("/") ? s : s + "/");
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/v1/agent/devices/" + deviceId
                        + "/vqd-snapshot?checkedAt=" + checkedAt))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Content-Type", "image/jpeg")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.release();
            if (error != null) {
                log.warn("VQD snapshot of device {} not uploaded (dropped; its check's facts still go in the batch): {}",
                        deviceId, error.toString());
            } else if (response.statusCode() != 204) {
                log.warn("VQD snapshot of device {} refused with HTTP {} (dropped)", deviceId, response.statusCode());
            }
        });
    }
}
