package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sweeper against registration and channel rows written directly (the SIP layer writes them in production), on
 * H2: an IPC and an NVR whose channel carries a ledger camera's code; keepalive 60 s, 3 misses.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-gb-status;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000",
        "xl.gb.enabled=false"})
class GbStatusSweeperTest {

    static final String IPC = "14082400001320000001";
    static final String NVR = "14082400001180000001";
    static final String CHANNEL = "14082400001310000002";
    static final String STRANGER = "14082400001320000099";

    @Autowired JdbcTemplate jdbc;
    @Autowired GbStatusSweeper sweeper;

    private long ipcId;
    private long cameraId;
    private long nvrId;

    @BeforeEach
    void ledgerAndRegistrations() {
        for (String table : List.of("gb_channel", "gb_registration", "device_source_status", "device_state_interval",
                "device_status", "device_fact", "probe_result")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("UPDATE device SET gb_code = NULL");
        List<Long> ids = jdbc.queryForList("SELECT id FROM device ORDER BY id", Long.class);
        ipcId = ids.get(0);
        cameraId = ids.get(1);
        nvrId = ids.get(2);
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", IPC, ipcId);
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", CHANNEL, cameraId);
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", NVR, nvrId);
    }

    @Test
    void aRegisteredDeviceIsUpWithItsGbFactsAndRepeatsOnlyOncePerInterval() {
        Instant now = Instant.now();
        register(IPC, now.minusSeconds(5), null);
        assertThat(sweeper.sweep(null)).isEqualTo(1);
        assertThat(state(ipcId)).containsEntry("state", "UP");
        assertThat(source(ipcId)).containsEntry("status", "UP").containsEntry("reason", "OK");
        assertThat(facts(ipcId)).containsEntry("gb.transport", "UDP").containsEntry("gb.address", "127.0.0.1:5061")
                .containsEntry("gb.clockOffsetMs", "-1500");
        assertThat(sweeper.sweep(null)).as("nothing new to say").isZero();
        keepalive(IPC, now.plusSeconds(1));
        assertThat(sweeper.sweep(null)).as("a keepalive 6 s later is within the interval").isZero();
    }

    @Test
    void theClockOffsetCarriesTheTimeOfTheDeviceStatusAnswerThatMeasuredIt() {
        Instant now = Instant.now();
        register(IPC, now.minusSeconds(5), null);
        Instant answered = now.minusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("UPDATE gb_registration SET status_at = ? WHERE device_code = ?", ts(answered), IPC);
        sweeper.sweep(null);
        assertThat(facts(ipcId)).containsEntry("gb.clockOffsetMs", "-1500").containsEntry("gb.statusAt", answered.toString());
    }

    @Test
    void threeMissedKeepalivesMakeItDownFromTheFirstMissedOne() {
        Instant lastKeepalive = Instant.now().minusSeconds(200).truncatedTo(ChronoUnit.MILLIS);
        register(IPC, lastKeepalive.minusSeconds(600), lastKeepalive);
        sweeper.sweep(null);
        Map<String, Object> state = state(ipcId);
        assertThat(state).containsEntry("state", "DOWN").containsEntry("reason", "GB_KEEPALIVE_TIMEOUT");
        assertThat(instant(state.get("since"))).isEqualTo(lastKeepalive.plusSeconds(60));
        assertThat(facts(ipcId)).containsEntry("gb.lastKeepaliveAt", lastKeepalive.toString());
    }

    @Test
    void expiresZeroMakesItDownUnregisteredAndARegisterBringsItBack() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        register(IPC, now.minusSeconds(120), now.minusSeconds(30));
        sweeper.sweep(null);
        jdbc.update("UPDATE gb_registration SET unregistered_at = ? WHERE device_code = ?", ts(now.minusSeconds(10)), IPC);
        sweeper.sweep(null);
        assertThat(state(ipcId)).containsEntry("state", "DOWN").containsEntry("reason", "GB_UNREGISTERED");
        assertThat(instant(state(ipcId).get("since"))).isEqualTo(now.minusSeconds(10));
        jdbc.update("UPDATE gb_registration SET registered_at = ? WHERE device_code = ?", ts(now.minusSeconds(1)), IPC);
        sweeper.onRegistered(new GbDeviceRegistered(IPC, true));
        // swept with the other fresh registrations of that moment, long before the next periodic sweep
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(state(ipcId)).containsEntry("state", "UP"));
    }

    @Test
    void aChannelCameraHasItsOwnStatusAndFallsWithItsNvr() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        register(NVR, now.minusSeconds(60), now.minusSeconds(5));
        channel(CHANNEL, "ON", "VLOST", now.minusSeconds(3));
        sweeper.sweep(null);
        assertThat(state(nvrId)).containsEntry("state", "UP");
        assertThat(state(cameraId)).containsEntry("state", "DEGRADED").containsEntry("reason", "VIDEO_LOST");
        assertThat(facts(nvrId)).containsEntry("gb.clockOffsetMs", "-1500");
        assertThat(facts(cameraId)).as("the NVR's clock is not the camera's").containsEntry("gb.transport", "UDP")
                .doesNotContainKeys("gb.clockOffsetMs", "gb.statusAt");
        jdbc.update("UPDATE gb_channel SET status = 'OFF', last_event = 'OFF', event_at = ?", ts(now.minusSeconds(2)));
        sweeper.sweep(null);
        assertThat(state(cameraId)).containsEntry("state", "DOWN").containsEntry("reason", "GB_CHANNEL_OFF");
        assertThat(state(nvrId)).as("the NVR keeps its own state").containsEntry("state", "UP");
        jdbc.update("UPDATE gb_channel SET status = 'ON', last_event = 'ON', event_at = ?", ts(now.minusSeconds(1)));
        sweeper.sweep(null);
        assertThat(state(cameraId)).containsEntry("state", "UP");
        jdbc.update("UPDATE gb_registration SET last_keepalive_at = ?, registered_at = ?",
                ts(now.minusSeconds(400)), ts(now.minusSeconds(500)));
        sweeper.sweep(null);
        assertThat(state(nvrId)).containsEntry("state", "DOWN").containsEntry("reason", "GB_KEEPALIVE_TIMEOUT");
        assertThat(state(cameraId)).containsEntry("state", "DOWN").containsEntry("reason", "GB_KEEPALIVE_TIMEOUT");
    }

    @Test
    void aRegistrationNoLedgerDeviceCarriesHasNoStatus() {
        register(STRANGER, Instant.now().minusSeconds(5), null);
        assertThat(sweeper.sweep(null)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_source_status", Integer.class)).isZero();
    }

    private void register(String code, Instant registeredAt, Instant keepaliveAt) {
        jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                        + " first_seen_at, registered_at, expires_at, last_keepalive_at, keepalive_count, clock_offset_ms,"
                        + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                code, "127.0.0.1", 5061, "UDP", 3600, ts(registeredAt), ts(registeredAt), ts(Instant.now().plusSeconds(3600)),
                ts(keepaliveAt), keepaliveAt == null ? 0 : 1, -1500, ts(registeredAt));
    }

    private void keepalive(String code, Instant at) {
        jdbc.update("UPDATE gb_registration SET last_keepalive_at = ?, keepalive_count = keepalive_count + 1"
                + " WHERE device_code = ?", ts(at), code);
    }

    private void channel(String code, String status, String event, Instant eventAt) {
        jdbc.update("INSERT INTO gb_channel (device_code, channel_code, name, status, last_event, event_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?)", NVR, code, "通道1", status, event, ts(eventAt), ts(eventAt));
    }

    private Map<String, Object> state(long deviceId) {
        return jdbc.queryForMap("SELECT state, reason, since FROM device_status WHERE device_id = ?", deviceId);
    }

    private Map<String, Object> source(long deviceId) {
        return jdbc.queryForMap("SELECT status, reason FROM device_source_status WHERE device_id = ? AND source = 'GB28181'",
                deviceId);
    }

    private Map<String, String> facts(long deviceId) {
        Map<String, String> facts = new java.util.HashMap<>();
        jdbc.query("SELECT fact_key, fact_value FROM device_fact WHERE device_id = ?",
                rs -> { facts.put(rs.getString(1), rs.getString(2)); }, deviceId);
        return facts;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(Object value) {
        return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
