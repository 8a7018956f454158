package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.testing.OnMariaDb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.xueliang.tracker.agent.sim.gb.GbFaults;
import org.xueliang.tracker.agent.sim.gb.GbSimDevice;
import org.xueliang.tracker.agent.sim.gb.GbSimulator;

import tools.jackson.databind.JsonNode;

/**
 * The "done when", end to end: the project's simulator registers an IPC and an NVR with two channels to the
 * real server over UDP; each ledger device carrying one of those codes is UP within seconds of its REGISTER; the NVR's
 * channels are listed with statuses of their own, which their cameras take (a channel's VLOST, sent by NOTIFY in the
 * catalog subscription, makes its camera DEGRADED VIDEO_LOST while the NVR stays UP; its ON makes it UP again); and the IPC,
 * once silent, goes DOWN GB_KEEPALIVE_TIMEOUT three keepalive intervals later. Keepalives every second here, so the
 * whole story takes seconds.
 */
@OnMariaDb
@TestPropertySource(properties = {"xl.gb.keepalive-seconds=1", "xl.gb.keepalive-misses=3", "xl.gb.status-sweep-ms=250"})
class GbSimulatorEndToEndTest extends GbServerTestSupport {

    private GbSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void registered_devices_are_up_channels_have_their_own_status_and_a_silent_device_goes_down() throws Exception {
        String ipc = newDeviceCode();
        String nvr = ipc.substring(0, 10) + "118" + ipc.substring(13);
        String lostChannel = ipc.substring(0, 10) + "131" + ipc.substring(13);
        String goodChannel = newDeviceCode().substring(0, 10) + "131" + newDeviceCode().substring(13);
        long ipcId = ledgerDevice(ipc);
        long nvrId = ledgerDevice(nvr);
        long lostId = ledgerDevice(lostChannel);
        long goodId = ledgerDevice(goodChannel);

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant started = Instant.now();
        simulator = GbSimulator.start(
                GbSimulator.Options.of("127.0.0.1", sipPort(), SERVER_ID, DOMAIN, "udp", Duration.ofSeconds(1)),
                List.of(new GbSimDevice(ipc, GbSimDevice.Kind.IPC, DEVICE_PASSWORD, List.of(ipc),
                                new GbFaults().add("stop-keepalive-6"), zone, started),
                        new GbSimDevice(nvr, GbSimDevice.Kind.NVR, DEVICE_PASSWORD, List.of(lostChannel, goodChannel),
                                new GbFaults().add("vlost=0@8+12"), zone, started)));

        // UP within seconds of the REGISTER, from the source GB28181, with the keepalive fact.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(state(ipcId)).isEqualTo("UP");
            assertThat(state(nvrId)).isEqualTo("UP");
        });
        // Its status names the source; once a keepalive came, the facts carry it.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode ipcStatus = getJson("/api/v1/devices/{id}/status", ipcId);
            assertThat(ipcStatus.get("sources").toString()).contains("GB28181");
            assertThat(ipcStatus.get("facts").has("gb.lastKeepaliveAt")).isTrue();
        });

        // The NVR's channels: its catalog lists both, each with its own status. Channel 0 loses its video 8 s after the
        // start: the simulator's NOTIFY (Event: Catalog, in the SUBSCRIBE's dialog) reaches the CatalogHandler, and that
        // camera is DEGRADED VIDEO_LOST while the other camera and the NVR stay UP.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(channelStatus(nvr, goodChannel)).isEqualTo("ON");
            assertThat(channelStatus(nvr, lostChannel)).isEqualTo("VLOST");
            assertThat(stateAndReason(lostId)).isEqualTo("DEGRADED VIDEO_LOST");
            assertThat(state(goodId)).isEqualTo("UP");
            assertThat(state(nvrId)).isEqualTo("UP");
        });
        assertThat(simulator.stats().notifies()).isGreaterThanOrEqualTo(1);
        // 12 s later the picture is back: NOTIFY event ON, the camera is UP again.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(channelStatus(nvr, lostChannel)).isEqualTo("ON");
            assertThat(state(lostId)).isEqualTo("UP");
            assertThat(state(nvrId)).isEqualTo("UP");
        });

        // The IPC stops its keepalives 6 s after the start: DOWN GB_KEEPALIVE_TIMEOUT 3 intervals (3 s) later.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stateAndReason(ipcId)).isEqualTo("DOWN GB_KEEPALIVE_TIMEOUT"));
        Instant lastKeepalive = registration(ipc).lastKeepaliveAt();
        Instant downSince = jdbc.queryForObject("SELECT since FROM device_status WHERE device_id = ?",
                java.sql.Timestamp.class, ipcId).toLocalDateTime().atZone(java.time.ZoneOffset.UTC).toInstant();
        // The outage starts at the first missed keepalive, not when the sweeper noticed.
        assertThat(Duration.between(lastKeepalive, downSince).abs()).isLessThan(Duration.ofMillis(2500));
        assertThat(state(nvrId)).isEqualTo("UP");
    }

    /** A ledger device (the scratch project's test server, INSTALLED) carrying {@code code}. */
    private long ledgerDevice(String code) throws Exception {
        Map<String, Object> fields = newDevice(unique("GB"));
        fields.put("lifecycle", "PLANNED");
        fields.remove("probeMethod");
        fields.remove("probePort");
        long id = createDevice(fields).get("id").asLong();
        perform(withJson(patch("/api/v1/devices/{id}", id), Map.of("gbCode", code)), ADMIN).andExpect(status().isOk());
        return id;
    }

    private String state(long deviceId) {
        return jdbc.query("SELECT state FROM device_status WHERE device_id = ?", (rs, i) -> rs.getString(1), deviceId)
                .stream().findFirst().orElse("none");
    }

    private String stateAndReason(long deviceId) {
        return jdbc.query("SELECT state, reason FROM device_status WHERE device_id = ?",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2), deviceId).stream().findFirst().orElse("none");
    }

    private String channelStatus(String deviceCode, String channelCode) {
        return jdbc.query("SELECT status FROM gb_channel WHERE device_code = ? AND channel_code = ?",
                (rs, i) -> rs.getString(1), deviceCode, channelCode).stream().findFirst().orElse("none");
    }
}
