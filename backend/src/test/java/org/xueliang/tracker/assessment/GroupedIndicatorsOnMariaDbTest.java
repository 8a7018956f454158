package org.xueliang.tracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/metrics/indicators} on MariaDB over the reference project's 45 cameras, with VQD checks and
 * clock samples written for a few of them in March 2026: every grouping adds up to the project total, vendor and
 * device groupings, words for category codes, the 400s; the sheet's synthetic flag from a VQD or clock row; the
 * Prometheus gauge {@code xl_video_indicator_ratio} computed into its table and read back.
 */
@OnMariaDb
class GroupedIndicatorsOnMariaDbTest extends ApiTestSupport {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Instant MARCH = LocalDate.of(2026, 3, 2).atStartOfDay(COUNTY).toInstant();
    private static final String URL = "/api/v1/metrics/indicators?projectId={p}&month=2026-03";

    @Autowired CameraDirectory directory;
    @Autowired IndicatorGauges gauges;
    @Autowired MeterRegistry meters;

    private List<Camera> cameras;

    @org.junit.jupiter.api.AfterEach
    void dropSheets() {
        // the sheets computed here would otherwise meet the other classes sharing this database
        jdbc.update("DELETE FROM assessment WHERE project_id = ? AND period_month IN ('2026-02', '2026-03')", PROJECT);
    }

    @BeforeEach
    void seed() {
        jdbc.update("DELETE FROM vqd_check");
        jdbc.update("DELETE FROM clock_sample");
        // judged in March (other classes sharing this database may add cameras not in service)
        cameras = judged();
        long a = cameras.get(0).id();
        long b = cameras.get(1).id();
        long c = cameras.get(2).id();
        // 图像完好率: a 2 of 3 clean, b 0 of 1, c 1 of 1 (measured); everyone else not measured
        vqd(a, MARCH.plus(Duration.ofHours(1)), "", false);
        vqd(a, MARCH.plus(Duration.ofHours(2)), "BLUR", false);
        vqd(a, MARCH.plus(Duration.ofHours(3)), "", false);
        vqd(b, MARCH.plus(Duration.ofHours(4)), "OCCLUSION", false);
        vqd(c, MARCH.plus(Duration.ofHours(5)), "", false);
        // 时钟准确率: a 1 of 2 within 3 s, c 1 of 1
        clock(a, MARCH.plus(Duration.ofHours(1)), 500, false);
        clock(a, MARCH.plus(Duration.ofHours(2)), 12_000, false);
        clock(c, MARCH.plus(Duration.ofHours(1)), -200, false);
    }

    @Test
    void everyGroupingAddsUpToTheProjectTotal() throws Exception {
        for (String by : List.of("site", "township", "category", "vendor", "device")) {
            JsonNode r = getJson(URL + "&groupBy=" + by, PROJECT);
            assertThat(r.get("groupBy").asString()).isEqualTo(by);
            assertThat(r.get("from").asString()).isEqualTo("2026-03-01");
            assertThat(r.get("to").asString()).isEqualTo("2026-03-31");
            assertThat(r.get("indicators")).as("all five without indicator=").hasSize(5);
            for (JsonNode indicator : r.get("indicators")) {
                String what = by + " " + indicator.get("indicator").asString();
                JsonNode total = indicator.get("total");
                assertThat(total.get("cameras").asInt()).as(what).isEqualTo(cameras.size());
                double achieved = 0;
                double expected = 0;
                int cams = 0;
                int measured = 0;
                for (JsonNode g : indicator.get("groups")) {
                    achieved += g.get("achieved").asDouble();
                    expected += g.get("expected").asDouble();
                    cams += g.get("cameras").asInt();
                    measured += g.get("measuredCameras").asInt();
                    assertThat(g.get("ratio").isNull()).as(what).isEqualTo(g.get("measuredCameras").asInt() == 0);
                }
                assertThat(achieved).as(what).isCloseTo(total.get("achieved").asDouble(), within(1e-6));
                assertThat(expected).as(what).isCloseTo(total.get("expected").asDouble(), within(1e-6));
                assertThat(cams).as(what).isEqualTo(cameras.size());
                assertThat(measured).as(what).isEqualTo(total.get("measuredCameras").asInt());
            }
        }
        JsonNode image = indicator(getJson(URL + "&groupBy=site", PROJECT), "imageIntactness").get("total");
        assertThat(image.get("achieved").asDouble()).isEqualTo(3.0);
        assertThat(image.get("expected").asDouble()).isEqualTo(5.0);
        assertThat(image.get("ratio").asDouble()).isEqualTo(0.6);
        assertThat(image.get("measuredCameras").asInt()).isEqualTo(3);
    }

    @Test
    void vendorGroupsAreTheLedgersVendorsWithTheirCameras() throws Exception {
        // the reference dataset is all one vendor: give camera c another and camera d none
        String vendorC = cameras.get(2).vendor();
        String vendorD = cameras.get(3).vendor();
        jdbc.update("UPDATE device SET vendor = '大华' WHERE id = ?", cameras.get(2).id());
        jdbc.update("UPDATE device SET vendor = NULL WHERE id = ?", cameras.get(3).id());
        try {
            cameras = judged();
            vendorGroups();
        } finally {
            jdbc.update("UPDATE device SET vendor = ? WHERE id = ?", vendorC, cameras.get(2).id());
            jdbc.update("UPDATE device SET vendor = ? WHERE id = ?", vendorD, cameras.get(3).id());
        }
    }

    private void vendorGroups() throws Exception {
        JsonNode r = getJson(URL + "&groupBy=vendor&indicator=clockAccuracy", PROJECT);
        assertThat(r.get("indicators")).hasSize(1);
        JsonNode clock = r.get("indicators").get(0);
        assertThat(clock.get("label").asString()).isEqualTo("时钟准确率");
        Map<String, Long> expected = cameras.stream().collect(Collectors.groupingBy(
                c -> c.vendor() == null || c.vendor().isBlank() ? CameraGrouping.NONE : c.vendor(), Collectors.counting()));
        assertThat(expected).hasSize(3);
        Map<String, Long> got = new HashMap<>();
        clock.get("groups").forEach(g -> got.put(g.get("key").asString(), g.get("cameras").asLong()));
        assertThat(got).isEqualTo(expected);
        // camera a (1 of 2 samples within) in its vendor's group, c (1 of 1) alone in 大华's
        String vendorA = cameras.get(0).vendor();
        JsonNode groupA = group(clock, vendorA);
        assertThat(groupA.get("label").asString()).isEqualTo(vendorA);
        assertThat(groupA.get("achieved").asDouble()).isEqualTo(1.0);
        assertThat(groupA.get("expected").asDouble()).isEqualTo(2.0);
        assertThat(group(clock, "大华").get("ratio").asDouble()).isEqualTo(1.0);
        JsonNode none = group(clock, CameraGrouping.NONE);
        assertThat(none.get("label").asString()).isEqualTo("未填写");
        assertThat(none.get("cameras").asInt()).isEqualTo(1);
        assertThat(none.get("ratio").isNull()).isTrue();
    }

    @Test
    void deviceGroupsAreOneCameraEachAndCategoryGroupsAreNamedInWords() throws Exception {
        JsonNode image = indicator(getJson(URL + "&groupBy=device&indicator=imageIntactness", PROJECT), "imageIntactness");
        assertThat(image.get("groups")).hasSize(cameras.size());
        JsonNode a = group(image, Long.toString(cameras.get(0).id()));
        assertThat(a.get("label").asString()).isEqualTo(cameras.get(0).name());
        assertThat(a.get("cameras").asInt()).isEqualTo(1);
        assertThat(a.get("ratio").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(group(image, Long.toString(cameras.get(1).id())).get("ratio").asDouble()).isZero();
        assertThat(group(image, Long.toString(cameras.get(3).id())).get("ratio").isNull()).isTrue();

        JsonNode byCategory = indicator(getJson(URL + "&groupBy=category&indicator=imageIntactness", PROJECT), "imageIntactness");
        String code = cameras.get(0).categoryCode();
        String zh = jdbc.queryForObject("SELECT name_zh FROM device_category WHERE code = ?", String.class, code);
        assertThat(group(byCategory, code).get("label").asString()).isEqualTo(zh).isNotEqualTo(code);
    }

    @Test
    void badParametersAre400AndAnUnknownProjectIs404() throws Exception {
        perform(get("/api/v1/metrics/indicators"), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/metrics/indicators?projectId=abc"), ADMIN).andExpectAll(problem(400));
        perform(get(URL + "&indicator=happiness", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get(URL + "&groupBy=colour", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/metrics/indicators?projectId={p}&month=2026-13", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/metrics/indicators?projectId={p}&month=2999-01", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get(URL + "&from=2026-03-01", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/metrics/indicators?projectId={p}&from=2026-03-05&to=2026-03-01", PROJECT), ADMIN)
                .andExpectAll(problem(400));
        perform(get("/api/v1/metrics/indicators?projectId={p}&from=2026-03-01&to=2999-01-01", PROJECT), ADMIN)
                .andExpectAll(problem(400));
        perform(get("/api/v1/metrics/indicators?projectId=987654"), ADMIN).andExpectAll(problem(404));
        JsonNode days = getJson("/api/v1/metrics/indicators?projectId={p}&from=2026-03-02&to=2026-03-02&indicator=imageIntactness",
                PROJECT);
        assertThat(indicator(days, "imageIntactness").get("total").get("expected").asDouble()).isEqualTo(5.0);
    }

    @Test
    void aSyntheticVqdCheckOrClockSampleMakesTheFiguresAndTheSheetSynthetic() throws Exception {
        assertThat(getJson(URL, PROJECT).get("synthetic").asBoolean()).isFalse();
        assertThat(sheet("2026-03").get("synthetic").asBoolean()).as("measured rows only").isFalse();

        vqd(cameras.get(4).id(), MARCH.plus(Duration.ofHours(6)), "COLOR_CAST", true);
        assertThat(getJson(URL, PROJECT).get("synthetic").asBoolean()).isTrue();
        assertThat(sheet("2026-03").get("synthetic").asBoolean()).as("a synthetic VQD check").isTrue();

        jdbc.update("DELETE FROM vqd_check WHERE synthetic = TRUE");
        assertThat(sheet("2026-03").get("synthetic").asBoolean()).isFalse();
        clock(cameras.get(5).id(), MARCH.plus(Duration.ofHours(7)), 90_000, true);
        assertThat(sheet("2026-03").get("synthetic").asBoolean()).as("a synthetic clock sample").isTrue();
        assertThat(sheet("2026-02").get("synthetic").asBoolean()).as("not in February").isFalse();
    }

    @Test
    void theGaugeIsComputedIntoItsTableAndEveryReplicaReadsItFromThere() {
        Instant now = Instant.now();
        long a = cameras.get(0).id();
        jdbc.update("DELETE FROM assessment_indicator_gauge");
        // this county month so far: 1 of 2 checks clean (a check of the month's first minute still counts)
        Instant monthStart = LocalDate.now(COUNTY).withDayOfMonth(1).atStartOfDay(COUNTY).toInstant();
        vqd(a, monthStart.plusSeconds(1), "", false);
        vqd(a, now.minusSeconds(1).isAfter(monthStart.plusSeconds(1)) ? now.minusSeconds(1) : monthStart.plusSeconds(2), "BLUR", false);
        gauges.compute();
        assertThat(jdbc.queryForObject("SELECT ratio FROM assessment_indicator_gauge WHERE project_id = ? AND indicator = ?",
                Double.class, PROJECT, "imageIntactness")).isEqualTo(0.5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment_indicator_gauge WHERE project_id = ?", Integer.class,
                PROJECT)).isEqualTo(5);
        gauges.refresh();
        String code = jdbc.queryForObject("SELECT code FROM project WHERE id = ?", String.class, PROJECT);
        assertThat(meters.get(IndicatorGauges.METRIC).tags("project", code, "indicator", "imageIntactness").gauge().value())
                .isEqualTo(0.5);
        assertThat(meters.find(IndicatorGauges.METRIC).tags("project", code, "indicator", "archiveCompleteness").gauge())
                .as("the reference archives are measured").isNotNull();
        assertThat(meters.find("xl_clock_accuracy_ratio").meters()).as("the clock's own gauge stays registered").isNotNull();
    }

    private List<Camera> judged() {
        return directory.judgedDuring(PROJECT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1));
    }

    private JsonNode sheet(String month) throws Exception {
        return read(perform(withJson(post("/api/v1/assessments"), Map.of("projectId", PROJECT, "month", month)), ADMIN));
    }

    private static JsonNode indicator(JsonNode response, String name) {
        for (JsonNode i : response.get("indicators")) {
            if (i.get("indicator").asString().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + name + " in " + response);
    }

    private static JsonNode group(JsonNode indicator, String key) {
        for (JsonNode g : indicator.get("groups")) {
            if (g.get("key").asString().equals(key)) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + indicator);
    }

    private void vqd(long device, Instant at, String faults, boolean synthetic) {
        jdbc.update("INSERT INTO vqd_check (device_id, checked_at, faults, scores, synthetic) VALUES (?, ?, ?, ?, ?)", device,
                utc(at), faults, faults.isEmpty() ? "" : faults + "=0.900", synthetic);
    }

    private void clock(long device, Instant at, long offsetMs, boolean synthetic) {
        jdbc.update("INSERT INTO clock_sample (device_id, source, sampled_at, offset_ms, synthetic) VALUES (?, 'ONVIF', ?, ?, ?)",
                device, utc(at), offsetMs, synthetic);
    }

    private static Timestamp utc(Instant at) {
        return Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
