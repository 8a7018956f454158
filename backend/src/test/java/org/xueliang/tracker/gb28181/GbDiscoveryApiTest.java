package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/**
 * 发现 for GB/T 28181 and adoption through the API, then the adopted device's status with its sources: registrations
 * written as rows (the SIP layer writes them in production).
 */
@OnH2
class GbDiscoveryApiTest extends ApiTestSupport {

    private static final AtomicInteger SERIAL = new AtomicInteger(700000);

    @Autowired GbStatusSweeper sweeper;

    @Test
    void listsUnknownRegistrationsAndAdoptsOneIntoTheLedger() throws Exception {
        String unknown = registration(7);
        String known = registration(3);
        long knownDevice = createDevice().get("id").asLong();
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", known, knownDevice);

        JsonNode listed = getJson("/api/v1/gb28181/discovered");
        assertThat(codes(listed)).contains(unknown).doesNotContain(known);
        JsonNode row = find(listed, unknown);
        assertThat(row.get("keepaliveCount").asLong()).isEqualTo(7);
        assertThat(row.get("type").asString()).isEqualTo("IPC");
        assertThat(row.get("registered").asBoolean()).isTrue();
        assertThat(row.get("address").asString()).isEqualTo("127.0.0.1");

        JsonNode device = read(perform(withJson(post("/api/v1/gb28181/registrations/{code}/adopt", unknown),
                Map.of("projectId", scratchProject(), "category", "FACE_CAMERA", "name", "村口人脸抓拍")), ADMIN)
                .andExpect(status().isCreated()));
        long id = device.get("id").asLong();
        assertThat(device.get("ipAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(device.get("lifecycle").asString()).isEqualTo("INSTALLED");
        assertThat(device.get("assetTag").asString()).isEqualTo("GB-" + unknown);
        assertThat(jdbc.queryForObject("SELECT gb_code FROM device WHERE id = ?", String.class, id)).isEqualTo(unknown);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'GB_ADOPT' AND entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1);
        assertThat(codes(getJson("/api/v1/gb28181/discovered"))).doesNotContain(unknown);

        perform(withJson(post("/api/v1/gb28181/registrations/{code}/adopt", unknown),
                Map.of("projectId", scratchProject(), "category", "FACE_CAMERA")), ADMIN).andExpectAll(problem(409));
        perform(withJson(post("/api/v1/gb28181/registrations/{code}/adopt", "14082400001329999999"),
                Map.of("projectId", scratchProject(), "category", "FACE_CAMERA")), ADMIN).andExpectAll(problem(404));

        // its status starts at adoption: the next sweep finds it linked
        sweeper.sweep(unknown);
        JsonNode status = getJson("/api/v1/devices/{id}/status", id);
        assertThat(status.get("state").asString()).isEqualTo("UP");
        assertThat(status.get("sources").get(0).get("source").asString()).isEqualTo("GB28181");
        assertThat(status.get("facts").has("gb.lastKeepaliveAt")).isTrue();
        assertThat(status.get("facts").get("gb.address").asString()).isEqualTo("127.0.0.1:5061");

        JsonNode gbOnly = getJson("/api/v1/status/summary?source=GB28181");
        assertThat(gbOnly.get("devices").valueStream().map(d -> d.get("deviceId").asLong())).contains(id);
        JsonNode adopted = gbOnly.get("devices").valueStream().filter(d -> d.get("deviceId").asLong() == id).findFirst().orElseThrow();
        assertThat(adopted.get("sources").get(0).get("status").asString()).isEqualTo("UP");
        // a national code alone is not "watched by GB/T 28181": no GB observation, not under the GB filter
        long codedOnly = createDevice().get("id").asLong();
        jdbc.update("UPDATE device SET gb_code = ?, lifecycle = 'INSTALLED' WHERE id = ?", "14082400991329999998", codedOnly);
        assertThat(getJson("/api/v1/status/summary").get("devices").valueStream().map(d -> d.get("deviceId").asLong()))
                .contains(codedOnly);
        assertThat(getJson("/api/v1/status/summary?source=GB28181").get("devices").valueStream()
                .map(d -> d.get("deviceId").asLong())).doesNotContain(codedOnly);
        JsonNode snmpOnly = getJson("/api/v1/status/summary?source=SNMP");
        assertThat(snmpOnly.get("devices").valueStream().map(d -> d.get("deviceId").asLong())).doesNotContain(id);
        perform(get("/api/v1/status/summary?source=CARRIER_PIGEON"), ADMIN).andExpectAll(problem(400));
    }

    @Test
    void adoptionIsValidatedLikeAnyNewDevice() throws Exception {
        String unknown = registration(0);
        perform(withJson(post("/api/v1/gb28181/registrations/{code}/adopt", unknown), Map.of("name", "无项目")), ADMIN)
                .andExpect(status().is4xxClientError());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE gb_code = ?", Integer.class, unknown)).isZero();
    }

    private String registration(int keepalives) {
        String code = "14082400001320" + SERIAL.incrementAndGet();
        Timestamp now = Timestamp.valueOf(Instant.now().atOffset(ZoneOffset.UTC).toLocalDateTime());
        jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                        + " first_seen_at, registered_at, expires_at, last_keepalive_at, keepalive_count, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)", code, "127.0.0.1", 5061, "UDP", 3600, now, now,
                Timestamp.valueOf(Instant.now().plusSeconds(3600).atOffset(ZoneOffset.UTC).toLocalDateTime()),
                keepalives > 0 ? now : null, keepalives, now);
        return code;
    }

    private static java.util.List<String> codes(JsonNode list) {
        return list.valueStream().map(n -> n.get("code").asString()).toList();
    }

    private static JsonNode find(JsonNode list, String code) {
        return list.valueStream().filter(n -> n.get("code").asString().equals(code)).findFirst().orElseThrow();
    }
}
