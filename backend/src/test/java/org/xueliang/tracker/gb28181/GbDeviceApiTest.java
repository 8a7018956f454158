package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/gb28181/devices/{code}} and {@code GET /api/v1/devices/{id}/gb} over what the handlers stored. */
@OnH2
class GbDeviceApiTest extends ApiTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CatalogHandler catalog;
    @Autowired
    DeviceStatusHandler deviceStatus;
    @Autowired
    RecordInfoHandler recordInfo;
    @Autowired
    GbRecords records;

    private void register(String code, Instant now) {
        jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                        + " first_seen_at, registered_at, expires_at, last_keepalive_at, keepalive_count, updated_at)"
                        + " VALUES (?, '127.20.0.9', 15060, 'TCP', 3600, ?, ?, ?, ?, 42, ?)",
                code, GbDb.ts(now), GbDb.ts(now), GbDb.ts(now.plusSeconds(3600)), GbDb.ts(now), GbDb.ts(now));
    }

    private long ledgerDevice(String gbCode) throws Exception {
        long id = createDevice().get("id").asLong();
        if (gbCode != null) {
            jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", gbCode, id);
        }
        return id;
    }

    @Test
    void anNvrShowsItsRegistrationChannelsLinksAndRecordings() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String nvr = GbQueriesContract.code("118");
        String cam = GbQueriesContract.code("131");
        String other = GbQueriesContract.code("131");
        register(nvr, now);
        long camId = ledgerDevice(cam);
        catalog.handle(nvr, GbQueriesContract.catalogPart(nvr, 1, 2, cam, other), now);
        catalog.handle(nvr, GbQueriesContract.event(nvr, other, "VLOST"), now.plusSeconds(1));
        deviceStatus.handle(nvr, ManscdpMessage.of(Root.Response, "DeviceStatus", 2, nvr, Map.of("Result", "OK",
                "Online", "ONLINE", "Record", "ON", "DeviceTime", GbLocalTime.format(now.minusSeconds(5), ZONE))), now);
        Instant start = now.minus(GbQuerySettings.RECORD_WINDOW);
        records.asked(cam, nvr, 77, start, now, now, GbRecords.Outcome.PENDING);
        recordInfo.handle(nvr, GbQueriesContract.recordAnswer(cam, 77, 2,
                GbQueriesContract.interval(start, start.plusSeconds(3600)),
                GbQueriesContract.interval(start.plusSeconds(1800), start.plusSeconds(5400))), now);

        JsonNode view = getJson("/api/v1/gb28181/devices/{code}", nvr);
        assertThat(view.get("code").asString()).isEqualTo(nvr);
        assertThat(view.get("ledgerDeviceId").isNull()).isTrue();
        JsonNode reg = view.get("registration");
        assertThat(reg.get("registered").asBoolean()).isTrue();
        assertThat(reg.get("address").asString()).isEqualTo("127.20.0.9");
        assertThat(reg.get("transport").asString()).isEqualTo("TCP");
        assertThat(reg.get("keepaliveCount").asLong()).isEqualTo(42);
        assertThat(reg.get("clockOffsetMs").asLong()).isEqualTo(-5000);
        assertThat(reg.get("statusOnline").asString()).isEqualTo("ONLINE");
        JsonNode channels = view.get("channels");
        assertThat(channels).hasSize(2);
        JsonNode linked = find(channels, cam);
        assertThat(linked.get("ledgerDeviceId").asLong()).isEqualTo(camId);
        assertThat(linked.get("status").asString()).isEqualTo("ON");
        assertThat(linked.get("lastRecordQuery").get("outcome").asString()).isEqualTo("OK");
        assertThat(linked.get("lastRecordQuery").get("intervalCount").asInt()).isEqualTo(2);
        assertThat(linked.get("lastRecordQuery").get("recordedSeconds").asLong()).as("overlap counted once").isEqualTo(5400);
        JsonNode lost = find(channels, other);
        assertThat(lost.get("status").asString()).isEqualTo("VLOST");
        assertThat(lost.get("ledgerDeviceId").isNull()).isTrue();
        assertThat(lost.get("lastRecordQuery").isNull()).isTrue();

        // The camera's own page: it is channel `cam` of the NVR, with that channel's status and recordings.
        JsonNode camera = getJson("/api/v1/devices/{id}/gb", camId);
        assertThat(camera.get("code").asString()).isEqualTo(cam);
        assertThat(camera.get("registration").isNull()).isTrue();
        assertThat(camera.get("channelOf")).hasSize(1);
        assertThat(camera.get("channelOf").get(0).get("deviceCode").asString()).isEqualTo(nvr);
        assertThat(camera.get("channelOf").get(0).get("lastRecordQuery").get("recordedSeconds").asLong()).isEqualTo(5400);
    }

    @Test
    void aLedgerDeviceWithoutACodeOrAnUnknownCodeIs404AndAMalformedCode400() throws Exception {
        long plain = ledgerDevice(null);
        perform(get("/api/v1/devices/{id}/gb", plain), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/devices/{id}/gb", 987_654_321L), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/gb28181/devices/{code}", GbQueriesContract.code("132")), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/gb28181/devices/{code}", "1408<script>"), ADMIN).andExpectAll(problem(400));
        // A ledger device with a code that never registered: 200, no registration, no channels.
        String code = GbQueriesContract.code("132");
        JsonNode view = getJson("/api/v1/devices/{id}/gb", ledgerDevice(code));
        assertThat(view.get("registration").isNull()).isTrue();
        assertThat(view.get("channels")).isEmpty();
    }

    @Test
    void aUserLimitedToOtherProjectsDoesNotSeeTheDevice() throws Exception {
        String ipc = GbQueriesContract.code("132");
        register(ipc, Instant.now());
        long id = ledgerDevice(ipc); // in the scratch project
        ensureUser("gb-reader-p1", "TECHNICIAN", PROJECT);
        perform(get("/api/v1/gb28181/devices/{code}", ipc), "gb-reader-p1").andExpectAll(problem(404));
        perform(get("/api/v1/devices/{id}/gb", id), "gb-reader-p1").andExpectAll(problem(404));
        perform(get("/api/v1/gb28181/devices/{code}", ipc), ADMIN).andExpect(
                org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    private static JsonNode find(JsonNode channels, String code) {
        for (JsonNode c : channels) {
            if (c.get("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no channel " + code + " in " + channels);
    }

}
