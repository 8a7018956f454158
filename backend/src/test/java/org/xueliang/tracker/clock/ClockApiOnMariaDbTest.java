package org.xueliang.tracker.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * The clock endpoints' contract on the reference project (docs/API.md "Clock"): on 2026-03-02 (county time) the first
 * camera has 3 samples (+1 s, −10 s, +4 s), the second 2 (0, +600 s), the third 1 (+0.2 s); the rest none.
 */
@OnMariaDb
class ClockApiOnMariaDbTest extends ApiTestSupport {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Instant DAY = LocalDate.of(2026, 3, 2).atStartOfDay(COUNTY).toInstant();
    private static final String PERIOD = "from=2026-03-01&to=2026-03-02";

    @Autowired CameraDirectory directory;
    @Autowired ClockSamples samples;
    @Autowired ClockMetrics metrics;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    private List<Camera> cameras;

    @BeforeEach
    void samples() {
        jdbc.update("DELETE FROM clock_sample");
        cameras = directory.ofProject(PROJECT);
        List<ClockSample> s = new ArrayList<>();
        s.add(sample(0, ClockSource.ONVIF, 1, 1_000));
        s.add(sample(0, ClockSource.GB28181, 2, -10_000));
        s.add(sample(0, ClockSource.ONVIF, 3, 4_000));
        s.add(sample(1, ClockSource.ONVIF, 1, 0));
        s.add(sample(1, ClockSource.ONVIF, 5, 600_000));
        s.add(sample(2, ClockSource.GB28181, 1, 200));
        s.add(new ClockSample(cameras.get(2).id(), ClockSource.ONVIF, DAY.minus(Duration.ofDays(3)), 99_000, true));
        samples.addSynthetic(s);
    }

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM clock_sample");
    }

    private ClockSample sample(int camera, ClockSource source, int hour, long ms) {
        return new ClockSample(cameras.get(camera).id(), source, DAY.plus(Duration.ofHours(hour)), ms, true);
    }

    @Test
    void theProjectsAccuracyIsItsSamplesWithinOfItsSamples() throws Exception {
        JsonNode r = getJson("/api/v1/projects/{id}/clock-accuracy?" + PERIOD, PROJECT);
        assertThat(r.get("groupBy").asString()).isEqualTo("project");
        assertThat(r.get("from").asString()).isEqualTo("2026-03-01");
        assertThat(r.get("thresholdSeconds").asDouble()).isEqualTo(3.0);
        JsonNode g = r.get("groups").get(0);
        assertThat(r.get("groups")).hasSize(1);
        assertThat(g.get("cameras").asInt()).isEqualTo(45);
        assertThat(g.get("measuredCameras").asInt()).isEqualTo(3);
        assertThat(g.get("samples").asLong()).isEqualTo(6);
        assertThat(g.get("withinThreshold").asLong()).isEqualTo(3);
        assertThat(g.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(g.get("camerasOverThreshold").asInt()).isEqualTo(2);
        assertThat(g.get("synthetic").asBoolean()).isTrue();
    }

    @Test
    void groupsSumTheirCamerasAndAGroupWithoutSamplesHasNoAccuracy() throws Exception {
        for (String by : List.of("site", "township", "category", "device")) {
            JsonNode groups = getJson("/api/v1/projects/{id}/clock-accuracy?" + PERIOD + "&groupBy=" + by, PROJECT).get("groups");
            long samplesSum = 0;
            int camerasSum = 0;
            for (JsonNode g : groups) {
                samplesSum += g.get("samples").asLong();
                camerasSum += g.get("cameras").asInt();
                assertThat(g.get("label").asString()).as(by).isNotBlank();
                if (g.get("samples").asLong() == 0) {
                    assertThat(g.get("accuracy").isNull()).isTrue();
                }
            }
            assertThat(samplesSum).as(by).isEqualTo(6);
            assertThat(camerasSum).as(by).isEqualTo(45);
        }
        JsonNode device = getJson("/api/v1/projects/{id}/clock-accuracy?" + PERIOD + "&groupBy=device", PROJECT).get("groups").get(0);
        assertThat(device.get("key").asString()).isEqualTo(Long.toString(cameras.get(0).id()));
        assertThat(device.get("accuracy").asDouble()).isEqualTo(1.0 / 3);
    }

    @Test
    void offendersAreTheCamerasBeyondTheThresholdWorstFirst() throws Exception {
        JsonNode r = getJson("/api/v1/projects/{id}/clock-offenders?" + PERIOD, PROJECT);
        assertThat(r.get("camerasOverThreshold").asInt()).isEqualTo(2);
        JsonNode items = r.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("deviceId").asLong()).isEqualTo(cameras.get(1).id());
        assertThat(items.get(0).get("worst").get("offsetMs").asLong()).isEqualTo(600_000);
        assertThat(items.get(0).get("worst").get("at").asString()).isEqualTo(DAY.plus(Duration.ofHours(5)).toString());
        assertThat(items.get(0).get("assetTag").asString()).isEqualTo(cameras.get(1).assetTag());
        JsonNode second = items.get(1);
        assertThat(second.get("worst").get("offsetMs").asLong()).isEqualTo(-10_000);
        assertThat(second.get("worst").get("source").asString()).isEqualTo("GB28181");
        assertThat(second.get("latest").get("offsetMs").asLong()).isEqualTo(4_000);
        assertThat(second.get("samples").asLong()).isEqualTo(3);
        assertThat(second.get("withinThreshold").asLong()).isEqualTo(1);
        assertThat(second.get("thresholdMs").asLong()).isEqualTo(3000);
        assertThat(getJson("/api/v1/projects/{id}/clock-offenders?" + PERIOD + "&limit=1", PROJECT).get("items")).hasSize(1);
        assertThat(getJson("/api/v1/projects/{id}/clock-offenders?from=2026-02-27&to=2026-02-27", PROJECT).get("items"))
                .as("the third camera's old sample").hasSize(1);
    }

    @Test
    void aDevicesSamplesAreForAChartWithItsLatestPerSource() throws Exception {
        long id = cameras.get(0).id();
        JsonNode r = getJson("/api/v1/devices/{id}/clock?from=2026-03-02&to=2026-03-02", id);
        assertThat(r.get("thresholdMs").asLong()).isEqualTo(3000);
        assertThat(r.get("samples")).hasSize(3);
        assertThat(r.get("samples").get(0).get("offsetMs").asLong()).isEqualTo(1_000);
        assertThat(r.get("samples").get(0).get("synthetic").asBoolean()).isTrue();
        assertThat(r.get("latest")).hasSize(2);
        assertThat(r.get("latest").get(0).get("source").asString()).isEqualTo("GB28181");
        assertThat(r.get("latest").get(1).get("offsetMs").asLong()).isEqualTo(4_000);
        assertThat(getJson("/api/v1/devices/{id}/clock?from=2026-03-03&to=2026-03-09", id).get("samples")).isEmpty();
    }

    @Test
    void prometheusHasTheProjectsAccuracyOfTheLastDayAndItsCamerasBeyondTheThreshold() {
        Instant now = Instant.now();
        samples.addSynthetic(List.of(
                new ClockSample(cameras.get(3).id(), ClockSource.ONVIF, now.minus(Duration.ofHours(2)), 50_000, true),
                new ClockSample(cameras.get(3).id(), ClockSource.ONVIF, now.minus(Duration.ofHours(1)), 100, true),
                new ClockSample(cameras.get(4).id(), ClockSource.ONVIF, now.minus(Duration.ofHours(3)), 200, true),
                new ClockSample(cameras.get(5).id(), ClockSource.GB28181, now.minus(Duration.ofMinutes(5)), -7_000, true),
                new ClockSample(cameras.get(6).id(), ClockSource.ONVIF, now.minus(Duration.ofHours(25)), 90_000, true)));
        metrics.refresh();
        String code = "JISHAN-XL-1";
        assertThat(meters.get("xl_clock_accuracy_ratio").tag("project", code).gauge().value()).isEqualTo(0.5);
        assertThat(meters.get("xl_clock_cameras_over_threshold").tag("project", code).gauge().value())
                .as("the latest sample counts: camera 3 was set right, camera 5 is off").isEqualTo(1.0);
    }

    @Test
    void badParametersAreProblemsAndUnknownThingsAreNotFound() throws Exception {
        for (String query : List.of("from=2026-03-05&to=2026-03-01", "from=yesterday", "from=2024-01-01&to=2026-03-01",
                "groupBy=colour")) {
            perform(get("/api/v1/projects/{id}/clock-accuracy?" + query, PROJECT), ADMIN).andExpectAll(problem(400));
        }
        for (String query : List.of("limit=0", "limit=501", "limit=ten")) {
            perform(get("/api/v1/projects/{id}/clock-offenders?" + query, PROJECT), ADMIN).andExpectAll(problem(400));
        }
        perform(get("/api/v1/devices/{id}/clock?from=2026-01-01&to=2026-06-01", cameras.get(0).id()), ADMIN)
                .andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/clock-accuracy", 987_654), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/devices/{id}/clock", 987_654_321), ADMIN).andExpectAll(problem(404));
    }
}
