package org.xueliang.tracker.vqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.monitoring.PlatformObservations;
import org.xueliang.tracker.monitoring.ProbeFactsReported;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.shared.PrunableHistory;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * The VQD history on MariaDB (docs/VQD.md "History"): checks in probe facts become {@code vqd_check} rows in the
 * ingest transaction, once per camera and time; 图像完好率 per camera for the assessment; the device and project
 * endpoints; retention.
 */
@OnMariaDb
class VqdHistoryOnMariaDbTest extends ApiTestSupport {

    private static final long DEVICE = 8_900_001;
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final Instant DAY = LocalDate.of(2026, 3, 2).atStartOfDay(COUNTY).toInstant();
    private static final String PERIOD = "from=2026-03-01&to=2026-03-02";

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired PlatformObservations observations;
    @Autowired VqdStore store;
    @Autowired List<PrunableHistory> histories;
    @Autowired VqdChecks checks;
    @Autowired CameraDirectory directory;
    @Autowired List<IndicatorSource> sources;

    @BeforeEach
    @AfterEach
    void empty() {
        jdbc.update("DELETE FROM vqd_check");
    }

    @Test
    void aCheckInTheFactsIsOneRowWithItsFaultsAndScoresAndIsNotStoredTwice() {
        publish(reported(DEVICE, T0, "BLUR,COLOR_CAST", "0.930", "0.710", "0.100"));
        publish(reported(DEVICE, T0, "BLUR,COLOR_CAST", "0.930", "0.710", "0.100"),
                reported(DEVICE, T0.plus(Duration.ofHours(4)), "", "0.200", "0.100", "0.050"));
        assertThat(rows()).containsExactly(
                T0 + " BLUR,COLOR_CAST BLUR=0.930,COLOR_CAST=0.710,NOISE=0.100 false",
                T0.plus(Duration.ofHours(4)) + "  BLUR=0.200,COLOR_CAST=0.100,NOISE=0.050 false");
    }

    @Test
    void factsWithoutACheckTimeOrWithGarbageAreNoCheckAndGarbageScoresAreLeftOut() {
        publish(new ProbeFactsReported.Reported(DEVICE, Method.ONVIF, T0, Map.of("vqd.BLUR", "0.9", "vqd.faults", "BLUR")),
                new ProbeFactsReported.Reported(DEVICE + 1, Method.ONVIF, T0, Map.of("vqd.checkedAt", "yesterday")),
                new ProbeFactsReported.Reported(DEVICE + 2, Method.ONVIF, T0, Map.of("vqd.checkedAt", T0.toString(),
                        "vqd.BLUR", "very", "vqd.NOISE", "7", "vqd.faults", "BLUR,NOT_A_CLASS")));
        assertThat(jdbc.queryForList("SELECT CONCAT(device_id, ' ', faults, ' [', scores, ']') FROM vqd_check", String.class))
                .containsExactly((DEVICE + 2) + " BLUR []");
    }

    @Test
    void thePlatformsIngestPathWritesTheCheckInItsTransaction() throws Exception {
        long device = createDevice().get("id").asLong();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        observations.apply(List.of(new Batch.Result(device, Method.GB28181, at, null, Status.UP, Reason.OK, null,
                Map.of("vqd.checkedAt", at.minusSeconds(1).toString(), "vqd.OCCLUSION", "0.8", "vqd.faults", "OCCLUSION"))), 60);
        assertThat(jdbc.queryForList("SELECT faults FROM vqd_check WHERE device_id = ?", String.class, device))
                .containsExactly("OCCLUSION");
    }

    @Test
    void checksOlderThanRawResultsAreKeptArePruned() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        checks.addSynthetic(List.of(check(DEVICE, now.minus(Duration.ofDays(91)), true),
                check(DEVICE, now.minus(Duration.ofDays(89)), false)));
        assertThat(checks.anySynthetic()).isTrue();
        assertThat(histories).contains(store); // pruned by shared.MeasurementRetention
        assertThat(store.deleteBefore(now.minus(Duration.ofDays(90)), 1000)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT faults FROM vqd_check", String.class)).containsExactly("");
    }

    @Test
    void theIndicatorIsCleanChecksOfChecksPerCameraWithAFindingPerFault() {
        List<Camera> cameras = seedProject();
        IndicatorSource source = sources.stream().filter(s -> s.indicator() == Indicator.IMAGE_INTACTNESS).findFirst()
                .orElseThrow();
        List<CameraFigure> figures = source.figures(PROJECT, cameras, DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(figures).hasSize(cameras.size());
        CameraFigure first = figures.get(0);
        assertThat(first.achieved()).isEqualTo(2);
        assertThat(first.expected()).isEqualTo(3);
        assertThat(first.findings()).extracting(IndicatorSource.Finding::code, IndicatorSource.Finding::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VQD_BLUR", "0.93"),
                        org.assertj.core.groups.Tuple.tuple("VQD_COLOR_CAST", "0.71"));
        assertThat(first.findings().get(0).from()).isEqualTo(DAY.plus(Duration.ofHours(2)));
        assertThat(figures.get(1).ratio()).isEqualTo(0.0);
        assertThat(figures.get(2).measured()).isFalse();
        assertThat(figures.get(2).findings()).isEmpty();
        // outside the period (the day before) nothing counts
        assertThat(source.figures(PROJECT, cameras, DAY.minus(Duration.ofDays(1)), DAY))
                .allMatch(f -> !f.measured());
    }

    @Test
    void aCameraWithManyFaultyChecksListsAtMostFiftyFindings() {
        List<VqdCheck> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new VqdCheck(DEVICE, T0.plus(Duration.ofMinutes(i)), List.of(VqdClass.BLUR, VqdClass.NOISE),
                    Map.of(VqdClass.BLUR, 0.9, VqdClass.NOISE, 0.8), true));
        }
        checks.addSynthetic(many);
        Camera camera = directory.ofProject(PROJECT).get(0);
        Camera renamed = new Camera(DEVICE, camera.projectId(), "X", "X", camera.categoryCode(), null, null, null, null,
                null, null, null, null, camera.lifecycle(), null, null, null, null);
        CameraFigure f = sources.stream().filter(s -> s.indicator() == Indicator.IMAGE_INTACTNESS).findFirst().orElseThrow()
                .figures(PROJECT, List.of(renamed), T0, T0.plus(Duration.ofHours(1))).get(0);
        assertThat(f.expected()).isEqualTo(30);
        assertThat(f.achieved()).isZero();
        assertThat(f.findings()).hasSize(IndicatorSource.Finding.MAX_PER_CAMERA);
    }

    @Test
    void theProjectsIntactnessIsCleanChecksOfChecksGroupedAsAsked() throws Exception {
        seedProject();
        JsonNode r = getJson("/api/v1/projects/{id}/image-intactness?" + PERIOD, PROJECT);
        assertThat(r.get("groupBy").asString()).isEqualTo("project");
        assertThat(r.get("groups")).hasSize(1);
        JsonNode g = r.get("groups").get(0);
        assertThat(g.get("cameras").asInt()).isEqualTo(45);
        assertThat(g.get("measuredCameras").asInt()).isEqualTo(2);
        assertThat(g.get("checks").asLong()).isEqualTo(4);
        assertThat(g.get("cleanChecks").asLong()).isEqualTo(2);
        assertThat(g.get("intactness").asDouble()).isEqualTo(0.5);
        assertThat(g.get("camerasWithFaults").asInt()).isEqualTo(2);
        assertThat(g.get("synthetic").asBoolean()).isTrue();
        for (String by : List.of("site", "township", "category", "device")) {
            JsonNode groups = getJson("/api/v1/projects/{id}/image-intactness?" + PERIOD + "&groupBy=" + by, PROJECT).get("groups");
            long total = 0;
            int cams = 0;
            for (JsonNode x : groups) {
                total += x.get("checks").asLong();
                cams += x.get("cameras").asInt();
                if (x.get("checks").asLong() == 0) {
                    assertThat(x.get("intactness").isNull()).as(by).isTrue();
                }
            }
            assertThat(total).as(by).isEqualTo(4);
            assertThat(cams).as(by).isEqualTo(45);
        }
        perform(get("/api/v1/projects/{id}/image-intactness?groupBy=zone", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/image-intactness?from=2026-03-05&to=2026-03-01", PROJECT), ADMIN)
                .andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/image-intactness", 999_999), ADMIN).andExpectAll(problem(404));
    }

    @Test
    void aDevicesChecksGiveItsLatestVerdictPerClassWithLabelsAndItsRecentChecks() throws Exception {
        List<Camera> cameras = seedProject();
        long id = cameras.get(0).id();
        JsonNode r = getJson("/api/v1/devices/{id}/vqd?" + PERIOD + "&lang=zh-CN", id);
        assertThat(r.get("checks").asLong()).isEqualTo(3);
        assertThat(r.get("cleanChecks").asLong()).isEqualTo(2);
        assertThat(r.get("recent")).hasSize(3);
        JsonNode newest = r.get("recent").get(0);
        assertThat(newest.get("checkedAt").asString()).isEqualTo(DAY.plus(Duration.ofHours(3)).toString());
        JsonNode faulty = r.get("recent").get(1);
        assertThat(faulty.get("faults").get(0).asString()).isEqualTo("BLUR");
        assertThat(faulty.get("faultLabels").get(0).asString()).isEqualTo("模糊");
        JsonNode latest = r.get("latest");
        assertThat(latest.get("checkedAt").asString()).isEqualTo(DAY.plus(Duration.ofHours(3)).toString());
        JsonNode blur = latest.get("classes").get(0);
        assertThat(blur.get("type").asString()).isEqualTo("BLUR");
        assertThat(blur.get("label").asString()).isEqualTo("模糊");
        assertThat(blur.get("score").asDouble()).isEqualTo(0.2);
        assertThat(blur.get("threshold").asDouble()).isEqualTo(0.5);
        assertThat(blur.get("fault").asBoolean()).isFalse();
        JsonNode en = getJson("/api/v1/devices/{id}/vqd?" + PERIOD + "&lang=en", id);
        assertThat(en.get("recent").get(1).get("faultLabels").get(0).asString()).isNotEqualTo("模糊");
        JsonNode none = getJson("/api/v1/devices/{id}/vqd?" + PERIOD, cameras.get(2).id());
        assertThat(none.get("latest").isNull()).isTrue();
        assertThat(none.get("intactness").isNull()).isTrue();
        perform(get("/api/v1/devices/{id}/vqd?from=yesterday", id), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/devices/{id}/vqd", 999_999_999), ADMIN).andExpectAll(problem(404));
    }

    /** Camera 0: a clean check at 01:00, a blurred and cast one at 02:00, a clean one at 03:00; camera 1: one faulty. */
    private List<Camera> seedProject() {
        List<Camera> cameras = directory.ofProject(PROJECT);
        long a = cameras.get(0).id();
        long b = cameras.get(1).id();
        checks.addSynthetic(List.of(check(a, DAY.plus(Duration.ofHours(1)), false),
                new VqdCheck(a, DAY.plus(Duration.ofHours(2)), List.of(VqdClass.BLUR, VqdClass.COLOR_CAST),
                        Map.of(VqdClass.BLUR, 0.93, VqdClass.COLOR_CAST, 0.71, VqdClass.NOISE, 0.1), true),
                check(a, DAY.plus(Duration.ofHours(3)), false),
                new VqdCheck(b, DAY.plus(Duration.ofHours(5)), List.of(VqdClass.OCCLUSION), Map.of(VqdClass.OCCLUSION, 0.8), true),
                check(b, DAY.minus(Duration.ofDays(3)), false)));
        return cameras;
    }

    private static VqdCheck check(long device, Instant at, boolean faulty) {
        return new VqdCheck(device, at, faulty ? List.of(VqdClass.TOO_DARK) : List.of(),
                Map.of(VqdClass.BLUR, 0.2, VqdClass.TOO_DARK, faulty ? 0.9 : 0.1), true);
    }

    private void publish(ProbeFactsReported.Reported... results) {
        transactions.executeWithoutResult(s -> events.publishEvent(new ProbeFactsReported(List.of(results))));
    }

    private static ProbeFactsReported.Reported reported(long device, Instant at, String faults, String blur, String cast,
                                                        String noise) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("vqd.checkedAt", at.toString());
        facts.put("vqd.BLUR", blur);
        facts.put("vqd.COLOR_CAST", cast);
        facts.put("vqd.NOISE", noise);
        facts.put("vqd.faults", faults);
        facts.put("snapshotBytes", "12345");
        return new ProbeFactsReported.Reported(device, Method.ONVIF, at.plusMillis(20), facts);
    }

    private List<String> rows() {
        return jdbc.query("SELECT checked_at, faults, scores, synthetic FROM vqd_check WHERE device_id = ? ORDER BY checked_at",
                (rs, n) -> rs.getTimestamp(1).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC) + " " + rs.getString(2)
                        + " " + rs.getString(3) + " " + rs.getBoolean(4), DEVICE);
    }
}
