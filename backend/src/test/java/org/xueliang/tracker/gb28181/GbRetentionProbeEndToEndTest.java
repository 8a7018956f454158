package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.agent.sim.gb.GbFaults;
import org.xueliang.tracker.agent.sim.gb.GbSimDevice;
import org.xueliang.tracker.agent.sim.gb.GbSimulator;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * Retention of cameras known only through GB/T 28181, end to end over loopback UDP: the project's simulator registers
 * two IPCs, one whose storage keeps 10 days ({@code keep-days-10}) and one that keeps everything; the schedule's
 * retention probe asks each for the day that ends 录像保存天数 (30, the default) ago, and the recording module's
 * retention check says short for the first and met for the second.
 */
@OnMariaDb
class GbRetentionProbeEndToEndTest extends GbServerTestSupport {

    @Autowired
    GbQuerySchedule schedule;

    private GbSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aProbeOverTheDayThatEndsTheRetentionAgoSaysWhetherTheRecordingsReachThatFar() throws Exception {
        String shortCode = newDeviceCode();
        String longCode = newDeviceCode();
        long shortId = camera(shortCode);
        long longId = camera(longCode);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant started = Instant.now();
        simulator = GbSimulator.start(
                GbSimulator.Options.of("127.0.0.1", sipPort(), SERVER_ID, DOMAIN, "udp", Duration.ofSeconds(5)),
                List.of(new GbSimDevice(shortCode, GbSimDevice.Kind.IPC, DEVICE_PASSWORD, List.of(shortCode),
                                new GbFaults().add("keep-days-10"), zone, started),
                        new GbSimDevice(longCode, GbSimDevice.Kind.IPC, DEVICE_PASSWORD, List.of(longCode),
                                new GbFaults(), zone, started)));
        // each IPC lists itself in its catalog: then it is a channel the probe may ask
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM gb_channel"
                + " WHERE channel_code IN (?, ?) AND removed_at IS NULL", Integer.class, shortCode, longCode) == 2);

        // one probe per channel and day: a device still answering another RecordInfo waits for the next run
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            schedule.probeRetention(Instant.now());
            assertThat(jdbc.queryForList("SELECT outcome FROM gb_retention_probe WHERE channel_code IN (?, ?)",
                    String.class, shortCode, longCode)).containsExactly("OK", "OK");
        });
        Map<String, Object> probe = jdbc.queryForMap("SELECT window_start, window_end FROM gb_retention_probe"
                + " WHERE channel_code = ?", longCode);
        Instant windowEnd = GbDb.instant((java.sql.Timestamp) probe.get("window_end"));
        assertThat(Duration.between(windowEnd, Instant.now()).toDays()).isEqualTo(30);
        assertThat(Duration.between(GbDb.instant((java.sql.Timestamp) probe.get("window_start")), windowEnd))
                .isEqualTo(Duration.ofDays(1));
        assertThat(schedule.probeRetention(Instant.now())).as("not again the same day").isZero();

        JsonNode kept = retention(longId);
        assertThat(kept.get("source").asString()).isEqualTo("GB28181");
        assertThat(kept.get("ok").asBoolean()).isTrue();
        assertThat(kept.get("days").asDouble()).isGreaterThanOrEqualTo(30.0);
        JsonNode lost = retention(shortId);
        assertThat(lost.get("source").asString()).isEqualTo("GB28181");
        assertThat(lost.get("ok").asBoolean()).isFalse();
        assertThat(lost.get("earliest").isNull()).isTrue();
    }

    private JsonNode retention(long deviceId) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return getJson("/api/v1/devices/{id}/recordings?from={from}&to={to}", deviceId, today.minusDays(1), today)
                .get("retention");
    }

    /** A face camera of the scratch project carrying {@code code}, in service, probed by nothing but GB/T 28181. */
    private long camera(String code) throws Exception {
        Map<String, Object> fields = newDevice(unique("GBR"));
        fields.put("category", "FACE_CAMERA");
        fields.put("gbCode", code);
        fields.remove("probeMethod");
        fields.remove("probePort");
        return createDevice(fields).get("id").asLong();
    }
}
