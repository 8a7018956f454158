package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.monitoring.PlatformObservations;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * The two-source rule end to end on production's engine: a camera registered over GB/T 28181 (rows as the SIP layer
 * writes them, observations from the sweeper) and probed over ONVIF (results through the same ingest path).
 */
@OnMariaDb
class TwoSourcesOnMariaDbTest extends ApiTestSupport {

    @Autowired GbStatusSweeper sweeper;
    @Autowired PlatformObservations observations;

    @Test
    void gbDecidesUpOrDownAndOnvifOnlyDegrades() throws Exception {
        long device = createDevice().get("id").asLong();
        String code = "1408240000132" + "0" + (600000 + (int) (device % 300000));
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", code, device);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                        + " first_seen_at, registered_at, expires_at, last_keepalive_at, keepalive_count, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)", code, "127.0.0.1", 5062, "TCP", 3600, ts(now.minusSeconds(100)),
                ts(now.minusSeconds(100)), ts(now.plusSeconds(3500)), ts(now.minusSeconds(10)), 9, ts(now));
        // ONVIF's first failure comes before GB's first report, which is dated at the (older) keepalive
        onvif(device, now.minusSeconds(2), Status.DOWN, Reason.TIMEOUT);
        assertThat(state(device)).as("one failure is no outage").containsEntry("state", "UNKNOWN");
        sweeper.sweep(code);
        assertThat(state(device)).containsEntry("state", "DEGRADED").containsEntry("reason", "TIMEOUT");

        // three keepalives missed: DOWN from the first missed one, at once
        jdbc.update("UPDATE gb_registration SET registered_at = ?, last_keepalive_at = ? WHERE device_code = ?",
                ts(now.minusSeconds(300)), ts(now.minusSeconds(250)), code);
        sweeper.sweep(code);
        assertThat(state(device)).containsEntry("state", "DOWN").containsEntry("reason", "GB_KEEPALIVE_TIMEOUT");
        assertThat(((Timestamp) state(device).get("since")).toLocalDateTime().toInstant(ZoneOffset.UTC))
                .as("never before the DEGRADED it interrupts").isEqualTo(now.minusSeconds(2).plusMillis(1));

        onvif(device, now.minusSeconds(1), Status.UP, Reason.OK);
        assertThat(state(device)).as("ONVIF answering does not lift a GB outage").containsEntry("state", "DOWN");
        assertThat(jdbc.queryForList("SELECT source, status FROM device_source_status WHERE device_id = ? ORDER BY source",
                device)).extracting(r -> r.get("source") + ":" + r.get("status"))
                .containsExactly("GB28181:DOWN", "ONVIF:UP");
    }

    private void onvif(long device, Instant at, Status status, Reason reason) {
        observations.apply(List.of(new Batch.Result(device, Method.ONVIF, at, 12L, status, reason, null, Map.of())), 60);
    }

    private Map<String, Object> state(long device) {
        return jdbc.queryForMap("SELECT state, reason, since FROM device_status WHERE device_id = ?", device);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
