package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * Exactly-once ingest on production's engine: the same (agent, seq) sent again, and sent by several
 * connections at the same instant, is applied once — one agent_batch row, its results stored once,
 * every sender answered 200 with the same acknowledgement.
 */
@OnMariaDb
class IngestOnMariaDbTest extends ApiTestSupport {

    @Test
    void aBatchSentTwiceOrConcurrentlyIsAppliedOnce() throws Exception {
        JsonNode created = read(perform(withJson(post("/api/v1/agents"), Map.of("name", unique("maria-agent"), "zone", "local")),
                ADMIN).andExpect(status().isCreated()));
        String token = created.get("token").asString();
        long agent = created.get("agent").get("id").asLong();
        long[] devices = {seededDeviceId("JS-XL1-SW-001"), seededDeviceId("JS-XL1-SW-002"), seededDeviceId("JS-XL1-SV-001")};
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);

        String first = batch(1, devices, at);
        for (int i = 0; i < 2; i++) {
            send(token, first);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (long seq = 2; seq <= 6; seq++) {
                String copy = batch(seq, devices, at.plusSeconds(60 * seq));
                List<Callable<Integer>> senders = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    senders.add(() -> send(token, copy));
                }
                for (Future<Integer> f : pool.invokeAll(senders)) {
                    assertThat(f.get()).isEqualTo(200); // never a deadlock answered as 500
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.queryForList("SELECT seq FROM agent_batch WHERE agent_id = ? ORDER BY seq", Long.class, agent))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE agent_id = ?", Long.class, agent)).isEqualTo(18);
        JsonNode applied = getJson("/api/v1/agents/{id}/batches", agent);
        assertThat(applied).hasSize(6);
        applied.forEach(b -> assertThat(b.get("resultCount").asInt()).isEqualTo(3));
    }

    @Test
    void anUptimeBeyondTimeTicksIsNoRebootAndRefusesNothing() throws Exception {
        // found by fuzzing (FuzzAttacksTest's seed POST-agent-batches.found-negative-uptime.json): this answered 409
        JsonNode created = read(perform(withJson(post("/api/v1/agents"), Map.of("name", unique("maria-agent"), "zone", "local")),
                ADMIN).andExpect(status().isCreated()));
        long device = seededDeviceId("JS-XL1-SW-001");
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> results = new ArrayList<>();
        for (String ticks : List.of("100", "-922337203685477580", "4294967296")) {
            results.add(Map.of("deviceId", device, "method", "SNMP", "startedAt", at.plusSeconds(results.size()).toString(),
                    "latencyMs", 3, "status", "UP", "reason", "OK", "facts", Map.of("sysUpTimeTicks", ticks)));
        }
        String body = toJson(Map.of("seq", 1, "sentAt", at.toString(), "results", results));

        assertThat(send(created.get("token").asString(), body)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_reboot WHERE device_id = ?", Long.class, device)).isZero();
    }

    @Test
    void devicesChangingSeveralTimesInABatchLeaveContiguousIntervalsAndOneOpen() throws Exception {
        // The batch's interval closes are one statement for all devices (StatusStore.closeOpenIntervals) and its
        // state rows one multi-row upsert: each device must still get its own close, at its own instant.
        JsonNode created = read(perform(withJson(post("/api/v1/agents"), Map.of("name", unique("maria-agent"), "zone", "local")),
                ADMIN).andExpect(status().isCreated()));
        String token = created.get("token").asString();
        long[] devices = {seededDeviceId("JS-XL1-SW-001"), seededDeviceId("JS-XL1-SW-002"), seededDeviceId("JS-XL1-SV-001")};
        // after every other test's results (they date theirs up to now + 1 min), within the allowed clock skew
        Instant at = Instant.now().plus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<String> first = List.of("UP", "DOWN", "DOWN", "DOWN", "UP", "UP"); // → DOWN from the first failure, then UP
        List<String> second = List.of("DOWN", "DOWN", "DOWN");                  // → DOWN again
        assertThat(send(token, flapping(1, devices, at, 0, first))).isEqualTo(200);
        assertThat(send(token, flapping(2, devices, at, first.size(), second))).isEqualTo(200);

        for (int i = 0; i < devices.length; i++) {
            long device = devices[i];
            List<Map<String, Object>> intervals = jdbc.queryForList("SELECT state, started_at, ended_at FROM device_state_interval"
                    + " WHERE device_id = ? AND synthetic = FALSE ORDER BY started_at, id", device);
            assertThat(intervals.stream().filter(r -> r.get("ended_at") == null)).as("open intervals of %d", device).hasSize(1);
            assertThat(intervals.get(intervals.size() - 1).get("ended_at")).as("the open one is the newest").isNull();
            for (int k = 0; k + 1 < intervals.size(); k++) {
                assertThat(instant(intervals.get(k).get("ended_at"))).as("interval %d of device %d ends where the next starts", k, device)
                        .isEqualTo(instant(intervals.get(k + 1).get("started_at")));
            }
            List<String> ours = intervals.stream().filter(r -> !instant(r.get("started_at")).isBefore(at))
                    .map(r -> (String) r.get("state")).toList();
            assertThat(ours.subList(Math.max(0, ours.size() - 3), ours.size())).containsExactly("DOWN", "UP", "DOWN");
            assertThat(instant(intervals.get(intervals.size() - 1).get("started_at")))
                    .as("the last outage starts at its first failure").isEqualTo(at.plusSeconds(10L * first.size() + i));
        }
    }

    private static Instant instant(Object databaseTime) {
        java.time.LocalDateTime utc = databaseTime instanceof java.sql.Timestamp t ? t.toLocalDateTime()
                : (java.time.LocalDateTime) databaseTime;
        return utc.toInstant(java.time.ZoneOffset.UTC);
    }

    /** Results of every device, 10 s apart from {@code at} + 10 s × {@code from} (device i i seconds later). */
    private String flapping(long seq, long[] devices, Instant at, int from, List<String> statuses) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (int k = 0; k < statuses.size(); k++) {
            for (int i = 0; i < devices.length; i++) {
                boolean up = statuses.get(k).equals("UP");
                results.add(Map.of("deviceId", devices[i], "method", "TCP", "startedAt", at.plusSeconds(10L * (from + k) + i).toString(),
                        "latencyMs", 3, "status", statuses.get(k), "reason", up ? "OK" : "TIMEOUT", "facts", Map.of()));
            }
        }
        return toJson(Map.of("seq", seq, "sentAt", at.toString(), "results", results));
    }

    private String batch(long seq, long[] devices, Instant at) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (long d : devices) {
            results.add(Map.of("deviceId", d, "method", "TCP", "startedAt", at.toString(), "latencyMs", 3, "status", "UP",
                    "reason", "OK", "facts", Map.of()));
        }
        return toJson(Map.of("seq", seq, "sentAt", at.toString(), "results", results));
    }

    private int send(String token, String body) throws Exception {
        return mvc.perform(post("/api/v1/agent/batches").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
    }
}
