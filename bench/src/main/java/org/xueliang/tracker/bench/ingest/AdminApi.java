package org.xueliang.tracker.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.xueliang.tracker.agent.transport.AgentJson;

import tools.jackson.databind.JsonNode;

/**
 * The administration calls the benchmark makes before the load, through the public API as an admin would:
 * the project to put devices in ({@code GET /api/v1/projects}), devices by CSV import
 * ({@code POST /api/v1/devices/import}) and agents ({@code POST /api/v1/agents}).
 */
final class AdminApi {

    /** An agent as created: its id (for the row count at the end) and its bearer token, shown once. */
    record CreatedAgent(long id, String zone, String token) {
    }

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminApi(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first project's id: the reference project on a fresh database. Not always 1: a Galera node hands out
     * auto-increment ids from its own offset.
     */
    long firstProjectId() {
        JsonNode projects = AgentJson.MAPPER.readTree(call(request("api/v1/projects").GET().build(), 200));
        if (projects.isEmpty()) {
            throw new IllegalStateException("GET /api/v1/projects answered no project to put the bench's devices in");
        }
        return projects.get(0).get("id").asLong();
    }

    CreatedAgent createAgent(String name, String zone) {
        String body = "{\"name\":\"" + name + "\",\"zone\":\"" + zone + "\"}";
        JsonNode created = AgentJson.MAPPER.readTree(call(request("api/v1/agents")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201));
        return new CreatedAgent(created.get("agent").get("id").asLong(), zone, created.get("token").asString());
    }

    /** Imports devices from a CSV (header = API field names); one transaction on the server. */
    void importDevices(String csv) {
        String boundary = "xl-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] body = (head + csv + tail).getBytes(StandardCharsets.UTF_8);
        call(request("api/v1/devices/import").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private String call(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                String text = response.body();
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + (text.length() > 500 ? text.substring(0, 500) + "…" : text));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
