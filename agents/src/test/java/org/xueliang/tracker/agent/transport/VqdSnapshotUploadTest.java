package org.xueliang.tracker.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VqdSnapshotUploadTest {

    private static final Instant CHECKED_AT = Instant.parse("2026-12-06T20:10:00Z");
    private final BlockingQueue<String[]> received = new ArrayBlockingQueue<>(10);
    private HttpServer server;

    private URI serve(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/api/v1/agent/devices/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new String[] {ex.getRequestMethod(), ex.getRequestURI().toString(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)});
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void puts_the_picture_with_the_agent_token_and_the_check_time() throws Exception {
        VqdSnapshotUpload upload = new VqdSnapshotUpload(serve(204), "agent-token", Duration.ofSeconds(5));
        upload.checked(42, CHECKED_AT, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        String[] r = received.poll(5, TimeUnit.SECONDS);
        assertThat(r).isNotNull();
        assertThat(r[0]).isEqualTo("PUT");
        assertThat(r[1]).isEqualTo("/api/v1/agent/devices/42/vqd-snapshot?checkedAt=2026-12-06T20:10:00Z");
        assertThat(r[2]).isEqualTo("Bearer agent-token");
        assertThat(r[3]).isEqualTo("image/jpeg");
        assertThat(r[4]).isEqualTo(new String(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void a_refused_or_unreachable_upload_is_dropped_without_failing_the_caller() throws Exception {
        VqdSnapshotUpload refused = new VqdSnapshotUpload(serve(403), "t", Duration.ofSeconds(5));
        refused.checked(1, CHECKED_AT, new byte[] {1});
        assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
        int port = server.getAddress().getPort();
        server.stop(0);
        server = null;
        VqdSnapshotUpload away = new VqdSnapshotUpload(URI.create("http://127.0.0.1:" + port), "t", Duration.ofSeconds(2));
        for (int i = 0; i < VqdSnapshotUpload.MAX_IN_FLIGHT * 3; i++) {
            away.checked(i, CHECKED_AT, new byte[] {1}); // never throws, never blocks: dropped when too many are under way
        }
        assertThat(received).isEmpty();
    }
}
