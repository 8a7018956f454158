package org.xueliang.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9, group {@code agents}: what a holder of an agent token tries beyond its rights, replayed over real
 * HTTP on 127.0.0.1 — results for another zone's devices, results dated in the future, in 1970 or with a negative
 * latency, batches too large by count and by bytes (declared and chunked), the token of a revoked or deleted agent,
 * and malformed batch JSON. Each must be refused: per result (applied 0, counted in {@code refused}) or as a whole
 * with a problem detail, never a 500, and nothing about the device may change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-agent-attacks;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=" + AgentAttacksTest.ADMIN_PASSWORD,
        "xl.security.bcrypt-strength=4",
        "xl.monitoring.silence-check-ms=3600000",
        "logging.level.root=WARN"})
class AgentAttacksTest {

    static final String ADMIN_PASSWORD = "Agent-Attacks-Adm1n";
    private static final String GROUP = "agents";
    private static final AtomicLong NAMES = new AtomicLong();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private long zoneLocalDevice;
    private long zoneZ2Device;

    @BeforeEach
    void devices() {
        zoneLocalDevice = jdbc.queryForObject("SELECT MIN(id) FROM device WHERE probe_method = 'TCP'", Long.class);
        zoneZ2Device = jdbc.queryForObject("SELECT MIN(id) FROM device WHERE probe_method = 'SNMP'", Long.class);
        jdbc.update("UPDATE device SET probe_zone = 'z2' WHERE id = ?", zoneZ2Device);
    }

    @Test
    void anAgentCannotReportOnAnotherZonesDevices() throws Exception {
        String z1 = agent("z1");
        AttackTally.attempt(GROUP, "agent of zone z1 posts DOWN results for a device of zone local", () ->
                refusedPerResult(z1, 1, "notAssigned", result(zoneLocalDevice, Instant.now().minusSeconds(30), "DOWN", 3),
                        result(zoneLocalDevice, Instant.now().minusSeconds(20), "DOWN", 3),
                        result(zoneLocalDevice, Instant.now().minusSeconds(10), "DOWN", 3)));
        AttackTally.attempt(GROUP, "agent of zone z1 posts results for a device of zone z2", () ->
                refusedPerResult(z1, 2, "notAssigned", result(zoneZ2Device, Instant.now().minusSeconds(5), "DOWN", 3)));
        AttackTally.attempt(GROUP, "agent of zone z1 posts results for a device id that does not exist", () ->
                refusedPerResult(z1, 3, "notAssigned", result(987_654_321L, Instant.now().minusSeconds(5), "UP", 3)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_status WHERE device_id IN (?, ?)", Integer.class,
                zoneLocalDevice, zoneZ2Device)).as("no state was set by a foreign agent").isZero();
        String name = jdbc.queryForObject("SELECT name FROM probe_agent WHERE id = ?", String.class, agentId(z1));
        String prometheus = admin(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET()).body();
        assertThat(prometheus).contains("xl_ingest_refused_results_total{agent=\"" + name + "\",reason=\"notAssigned\"} 5.0");
    }

    @Test
    void resultTimesAndLatenciesMustBePlausible() throws Exception {
        String local = agent("local");
        Instant now = Instant.now();
        AttackTally.attempt(GROUP, "result dated 10 years ahead (would open a DOWN interval to 2036)", () ->
                refusedPerResult(local, 1, "inFuture", result(zoneLocalDevice, now.plus(3650, ChronoUnit.DAYS), "DOWN", 3),
                        result(zoneLocalDevice, now.plus(3651, ChronoUnit.DAYS), "DOWN", 3),
                        result(zoneLocalDevice, now.plus(3652, ChronoUnit.DAYS), "DOWN", 3)));
        AttackTally.attempt(GROUP, "result dated 10 minutes ahead (beyond the allowed 5 min skew)", () ->
                refusedPerResult(local, 2, "inFuture", result(zoneLocalDevice, now.plus(10, ChronoUnit.MINUTES), "UP", 3)));
        AttackTally.attempt(GROUP, "result dated 1970-01-01", () ->
                refusedPerResult(local, 3, "tooOld", result(zoneLocalDevice, Instant.EPOCH, "UP", 3)));
        AttackTally.attempt(GROUP, "result dated before the raw result retention (91 days ago)", () ->
                refusedPerResult(local, 4, "tooOld", result(zoneLocalDevice, now.minus(91, ChronoUnit.DAYS), "UP", 3)));
        AttackTally.attempt(GROUP, "result with a negative latencyMs", () ->
                refusedPerResult(local, 5, "badLatency", result(zoneLocalDevice, now.minusSeconds(5), "UP", -5)));
        AttackTally.attempt(GROUP, "result with an absurd latencyMs (a year)", () ->
                refusedPerResult(local, 6, "badLatency", result(zoneLocalDevice, now.minusSeconds(4), "UP", 31_536_000_000L)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE device_id = ? AND started_at > ?",
                Integer.class, zoneLocalDevice, java.sql.Timestamp.from(now.plus(1, ChronoUnit.DAYS)))).isZero();

        // the same agent's honest result in the same batch as a refused one is applied
        HttpResponse<String> mixed = post("/api/v1/agent/batches", local, batch(7,
                result(zoneLocalDevice, now.minusSeconds(3), "UP", 3), result(zoneLocalDevice, Instant.EPOCH, "UP", 3)));
        assertThat(mixed.statusCode()).isEqualTo(200);
        JsonNode ack = json.readTree(mixed.body());
        assertThat(ack.get("applied").asInt()).isEqualTo(1);
        assertThat(ack.get("refused").get("tooOld").asInt()).isEqualTo(1);
    }

    @Test
    void oversizedBatchesAreRefusedWith413BeforeAnythingIsApplied() throws Exception {
        String local = agent("local");
        List<String> many = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(60);
        for (int i = 0; i < 5001; i++) {
            many.add(result(zoneLocalDevice, at.plusMillis(i), "UP", 1));
        }
        String byCount = batch(1, many.toArray(String[]::new));
        AttackTally.attempt(GROUP, "batch of 5,001 results (limit 5,000)", () ->
                problem(post("/api/v1/agent/batches", local, byCount), 413) && nothingApplied(local));

        // the 200,000 results, 31 MB: refused on its Content-Length, unread
        byte[] huge = hugeBatch(2, 200_000);
        AttackTally.attempt(GROUP, "batch of 200,000 results, " + huge.length / 1_000_000 + " MB with Content-Length", () ->
                problem(send(local, HttpRequest.BodyPublishers.ofByteArray(huge)), 413) && nothingApplied(local));
        AttackTally.attempt(GROUP, "the same batch chunked (no Content-Length), capped while read", () ->
                problem(send(local, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))), 413)
                        && nothingApplied(local));
        byte[] justOver = hugeBatch(3, 27_000);
        assertThat(justOver.length).isBetween(4_000_001, 4_400_000);
        AttackTally.attempt(GROUP, "batch just over 4 MB (" + justOver.length + " bytes)", () ->
                problem(send(local, HttpRequest.BodyPublishers.ofByteArray(justOver)), 413) && nothingApplied(local));

        // the agent behind it still works: its next batch is taken
        assertThat(post("/api/v1/agent/batches", local, batch(4, result(zoneLocalDevice, at, "UP", 1))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRevokedOrDeletedAgentsTokenIsRefused() throws Exception {
        String revoked = agent("local");
        long revokedId = agentId(revoked);
        HttpResponse<String> revoke = admin(HttpRequest.newBuilder(uri("/api/v1/agents/" + revokedId)).DELETE());
        assertThat(revoke.statusCode()).isEqualTo(200);
        AttackTally.attempt(GROUP, "revoked agent's token posts a batch", () ->
                problem(post("/api/v1/agent/batches", revoked, batch(1, result(zoneLocalDevice, Instant.now(), "DOWN", 3))), 401)
                        && nothingApplied(revokedId));
        AttackTally.attempt(GROUP, "revoked agent's token pulls the assignment (device secrets)", () ->
                http.send(HttpRequest.newBuilder(uri("/api/v1/agent/assignment")).header("Authorization", "Bearer " + revoked).GET()
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 401);

        String deleted = agent("local");
        jdbc.update("DELETE FROM probe_agent WHERE id = ?", agentId(deleted));
        AttackTally.attempt(GROUP, "deleted agent's token posts a batch", () ->
                problem(post("/api/v1/agent/batches", deleted, batch(1, result(zoneLocalDevice, Instant.now(), "DOWN", 3))), 401));
        AttackTally.attempt(GROUP, "deleted agent's token sends a heartbeat", () ->
                problem(post("/api/v1/agent/heartbeat", deleted, "{\"agentVersion\":\"x\"}"), 401));
    }

    @Test
    void malformedBatchesGetAProblemDetailNotA500() throws Exception {
        String local = agent("local");
        String[] bodies = {
            "{\"seq\": 1, \"results\": [",                                                        // cut short
            "{\"seq\": \"one\", \"results\": []}",                                                // wrong type
            "{\"seq\": 1, \"results\": {\"deviceId\": 1}}",                                        // object, not a list
            "{\"seq\": 1, \"results\": [{\"deviceId\": 1, \"method\": \"TCP\", \"startedAt\": \"yesterday\","
                    + " \"status\": \"UP\", \"reason\": \"OK\"}]}",                               // not an instant
            "{\"seq\": 1, \"results\": [{\"deviceId\": 1, \"method\": \"TCP\", \"startedAt\": \"" + Instant.now()
                    + "\", \"status\": \"SIDEWAYS\", \"reason\": \"OK\"}]}",                        // unknown status
            "{\"seq\": 1, \"results\": [{\"deviceId\": 1}]}",                                       // fields missing
            "{\"seq\": 99999999999999999999999, \"results\": []}",                                // seq overflows a long
            "[" .repeat(5000) + "]".repeat(5000),                                                  // deep nesting
            "",                                                                                    // empty body
            "\u0000\u0001garbage",                                                                 // not JSON at all
        };
        for (String body : bodies) {
            String shown = body.length() > 60 ? body.substring(0, 60) + "…" : body;
            AttackTally.attempt(GROUP, "malformed batch JSON: " + shown.replace("\u0000", "\\0").replace("\u0001", "\\1"), () -> {
                HttpResponse<String> r = post("/api/v1/agent/batches", local, body);
                return r.statusCode() >= 400 && r.statusCode() < 500 && isProblem(r) && nothingApplied(local);
            });
        }
    }

    // ---- helpers

    private boolean refusedPerResult(String token, long seq, String reason, String... results) throws Exception {
        HttpResponse<String> r = post("/api/v1/agent/batches", token, batch(seq, results));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode ack = json.readTree(r.body());
        long agent = agentId(token);
        return ack.get("applied").asInt() == 0 && ack.get("rejected").asInt() == results.length
                && ack.get("refused").get(reason).asInt() == results.length
                && jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE agent_id = ?", Integer.class, agent) == 0;
    }

    private boolean nothingApplied(String token) {
        return nothingApplied(agentId(token));
    }

    private boolean nothingApplied(long agent) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM agent_batch WHERE agent_id = ?", Integer.class, agent) == 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE agent_id = ?", Integer.class, agent) == 0;
    }

    private static boolean problem(HttpResponse<String> r, int status) {
        return r.statusCode() == status && isProblem(r);
    }

    private static boolean isProblem(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private long agentId(String token) {
        return jdbc.queryForObject("SELECT id FROM probe_agent WHERE token_hash = ?", Long.class,
                org.xueliang.tracker.shared.Hashes.sha256Hex(token));
    }

    private String agent(String zone) throws Exception {
        String name = "attack-" + zone + "-" + NAMES.incrementAndGet();
        HttpResponse<String> r = admin(HttpRequest.newBuilder(uri("/api/v1/agents")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"zone\":\"" + zone + "\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).get("token").asString();
    }

    private HttpResponse<String> admin(HttpRequest.Builder request) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String token, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/agent/batches")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String batch(long seq, String... results) {
        return "{\"seq\":" + seq + ",\"sentAt\":\"" + Instant.now() + "\",\"results\":[" + String.join(",", results) + "]}";
    }

    private static String result(long device, Instant at, String status, long latencyMs) {
        return "{\"deviceId\":" + device + ",\"method\":\"TCP\",\"startedAt\":\"" + at + "\",\"latencyMs\":" + latencyMs
                + ",\"status\":\"" + status + "\",\"reason\":\"" + ("UP".equals(status) ? "OK" : "TIMEOUT")
                + "\",\"detail\":\"" + "x".repeat(20) + "\",\"facts\":{}}";
    }

    /** A batch of n results of about 155 bytes each, as the attacker of the issue sent. */
    private byte[] hugeBatch(long seq, int n) {
        StringBuilder out = new StringBuilder(n * 160);
        out.append("{\"seq\":").append(seq).append(",\"results\":[");
        Instant at = Instant.now().minusSeconds(600);
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append(result(zoneLocalDevice, at.plusMillis(i), "UP", 1));
        }
        return out.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
