package org.xueliang.tracker.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * The 一机一档 API on MariaDB: the reference archives (seed) with their gaps and rates, a camera's archive with
 * defaults, the all-or-nothing PUT, the Excel layout's export and import, the mismatches with what a camera reports,
 * and the ARCHIVE_COMPLETENESS figures.
 */
@OnMariaDb
class ArchiveApiOnMariaDbTest extends ApiTestSupport {

    @Autowired
    CameraDirectory cameras;
    @Autowired
    ArchiveIndicator indicator;
    @Autowired
    ArchiveSuppliedFacts supplied;

    /** Which reference cameras (by asset-tag order) the seed leaves complete: see seed.ReferenceArchives#plan. */
    private static boolean completeInSeed(int i) {
        return i % 7 != 3 && i % 4 != 2 && i % 5 != 1 && i % 6 != 5;
    }

    @Test
    void theReferenceArchivesHaveGapsAndTheRatesAddUp() throws Exception {
        int expectedComplete = 0;
        for (int i = 0; i < 45; i++) {
            expectedComplete += completeInSeed(i) ? 1 : 0;
        }
        JsonNode rates = getJson("/api/v1/projects/{id}/archive-rates?groupBy=township", PROJECT);
        JsonNode total = rates.get("total");
        assertThat(total.get("cameras").asInt()).isEqualTo(45);
        assertThat(total.get("completeCameras").asInt()).isEqualTo(expectedComplete).isBetween(1, 44);
        assertThat(total.get("requiredFields").asLong()).isEqualTo(45L * 20);
        assertThat(total.get("filingRate").asDouble()).isEqualTo(expectedComplete / 45.0);
        assertThat(total.get("archiveCompleteness").asDouble())
                .isEqualTo(total.get("validFields").asDouble() / total.get("requiredFields").asDouble()).isLessThan(1.0);
        int cameraSum = 0;
        long validSum = 0;
        List<String> townships = new ArrayList<>();
        for (JsonNode g : rates.get("groups")) {
            cameraSum += g.get("cameras").asInt();
            validSum += g.get("validFields").asLong();
            townships.add(g.get("key").asString());
        }
        assertThat(cameraSum).isEqualTo(45);
        assertThat(validSum).isEqualTo(total.get("validFields").asLong());
        assertThat(townships).contains("稷峰镇", "清河镇");
        assertThat(getJson("/api/v1/projects/{id}/archive-rates?groupBy=site", PROJECT).get("groups").size()).isGreaterThan(10);

        JsonNode incomplete = getJson("/api/v1/projects/{id}/archives?incomplete=true&size=100", PROJECT);
        assertThat(incomplete.get("total").asInt()).isEqualTo(45 - expectedComplete);
        for (JsonNode row : incomplete.get("items")) {
            assertThat(row.get("complete").asBoolean()).isFalse();
            assertThat(row.get("missing").size() + row.get("invalid").size()).isPositive();
        }
        perform(get("/api/v1/projects/{id}/archive-rates?groupBy=vendor", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/archive-rates", 999_999), ADMIN).andExpectAll(problem(404));
    }

    @Test
    void aCamerasArchiveShowsItsDefaultsAndChecks() throws Exception {
        CameraDirectory.Camera first = cameras.ofProject(PROJECT).get(0); // complete in the seed
        JsonNode a = getJson("/api/v1/devices/{id}/archive", first.id());
        assertThat(a.get("complete").asBoolean()).isTrue();
        assertThat(a.get("validFields").asInt()).isEqualTo(20);
        assertThat(a.get("values").get("regionCode").asString()).isEqualTo("140824");
        java.math.BigDecimal siteLongitude = jdbc.queryForObject("SELECT longitude FROM site WHERE id = ?",
                java.math.BigDecimal.class, first.siteId());
        assertThat(a.get("values").get("longitude").asString()).isEqualTo(siteLongitude.stripTrailingZeros().toPlainString());
        assertThat(a.get("values").get("retentionDays").asString()).isEqualTo("90");
        assertThat(a.get("values").get("gbCode").asString()).isEqualTo(first.gbCode());
        assertThat(a.get("archive").has("regionCode")).isFalse();
        List<String> defaulted = new ArrayList<>();
        a.get("defaulted").forEach(d -> defaulted.add(d.asString()));
        assertThat(defaulted).containsExactlyInAnyOrder("regionCode", "installAddress", "longitude", "latitude");
        JsonNode phone = check(a, "contactPhone");
        assertThat(phone.get("status").asString()).isEqualTo("OK");
        assertThat(phone.get("label").asString()).isEqualTo("联系方式");

        long gap = cameras.ofProject(PROJECT).get(1).id(); // index 1: no phone in the seed
        JsonNode b = getJson("/api/v1/devices/{id}/archive?lang=en", gap);
        assertThat(b.get("complete").asBoolean()).isFalse();
        assertThat(check(b, "contactPhone").get("status").asString()).isEqualTo("MISSING");
        assertThat(check(b, "contactPhone").get("message").asString()).isEqualTo("not filled in");

        long server = createDevice().get("id").asLong(); // not a camera
        perform(get("/api/v1/devices/{id}/archive", server), ADMIN).andExpectAll(problem(404));
    }

    @Test
    void putChecksTheWholeRecordAndChangesNothingWhenAFieldIsInvalid() throws Exception {
        long id = scratchCamera(null);
        Map<String, Object> body = validArchive();
        body.put("contactPhone", "张警官");
        body.put("cameraType", "球机");
        body.put("longitude", 120.5);
        JsonNode problemBody = read(perform(withJson(put("/api/v1/devices/{id}/archive", id), body), ADMIN)
                .andExpectAll(problem(422)));
        List<String> fields = new ArrayList<>();
        problemBody.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("contactPhone", "cameraType", "longitude");
        assertThat(getJson("/api/v1/devices/{id}/archive", id).get("archive").size()).isZero();
        assertThat(auditCount(id)).isZero();

        JsonNode saved = read(perform(withJson(put("/api/v1/devices/{id}/archive", id), validArchive()), ADMIN)
                .andExpect(status().isOk()));
        assertThat(saved.get("archive").get("cameraType").asString()).isEqualTo("DOME");
        assertThat(saved.get("archive").get("functions").asString()).isEqualTo("FACE,VIDEO");
        assertThat(saved.get("values").get("longitude").asString()).isEqualTo("110.9787");
        assertThat(auditCount(id)).isEqualTo(1);
        // a technician may edit an archive; an evaluator may not (SecurityConfig)
        perform(withJson(put("/api/v1/devices/{id}/archive", id), Map.of()), null).andExpectAll(problem(401));
    }

    @Test
    void exportWritesTheProvincialLayoutAndImportIsAllOrNothing() throws Exception {
        byte[] xlsx = perform(get("/api/v1/projects/{id}/archives/export", PROJECT), ADMIN).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("一机一档");
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(head.getCell(1).getStringCellValue()).isEqualTo("设备编码");
            assertThat(head.getCell(7).getStringCellValue()).isEqualTo("摄像机类型");
            assertThat(head.getCell(24).getStringCellValue()).isEqualTo("资产编号");
            assertThat(sheet.getLastRowNum()).isEqualTo(45);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("固定枪机");
            String functions = "CHECKPOINT_CAMERA".equals(cameras.ofProject(PROJECT).get(0).categoryCode())
                    ? "车辆采集、视频监控" : "人脸采集、视频监控";
            assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).isEqualTo(functions);
        }
        // the export reads back: every row passes the rules (dry run, nothing written)
        JsonNode dry = read(perform(multipart("/api/v1/projects/{id}/archives/import", PROJECT)
                .file(new MockMultipartFile("file", "a.xlsx", null, xlsx)).param("dryRun", "true"), ADMIN)
                .andExpect(status().isOk()));
        assertThat(dry.get("rows").asInt()).isEqualTo(45);

        String tag = "AR-" + unique("IMP");
        long id = scratchCamera(tag);
        long scratch = scratchProject();
        String good = "资产编号,摄像机类型,功能类型,联系方式,维保单位\n" + tag + ",球机,人脸采集、车辆采集,0359-5522110,城区运维项目部\n";
        JsonNode done = read(perform(multipart("/api/v1/projects/{id}/archives/import", scratch)
                .file(csv(good)), ADMIN).andExpect(status().isOk()));
        assertThat(done.get("updated").asInt()).isEqualTo(1);
        JsonNode after = getJson("/api/v1/devices/{id}/archive", id).get("archive");
        assertThat(after.get("cameraType").asString()).isEqualTo("DOME");
        assertThat(after.get("functions").asString()).isEqualTo("FACE,VEHICLE");

        String bad = "资产编号,摄像机类型,联系方式\n" + tag + ",半球,0359-5522110\nNO-SUCH-CAMERA,球机,电话\n";
        JsonNode rejected = read(perform(multipart("/api/v1/projects/{id}/archives/import", scratch).file(csv(bad)), ADMIN)
                .andExpectAll(problem(422)));
        List<String> errors = new ArrayList<>();
        rejected.get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(errors).containsExactly("3:资产编号");
        assertThat(getJson("/api/v1/devices/{id}/archive", id).get("archive").get("cameraType").asString()).isEqualTo("DOME");

        String invalid = "资产编号,联系方式,经度\n" + tag + ",电话,120.5\n";
        JsonNode rows = read(perform(multipart("/api/v1/projects/{id}/archives/import", scratch).file(csv(invalid)), ADMIN)
                .andExpectAll(problem(422)));
        List<String> columns = new ArrayList<>();
        rows.get("errors").forEach(e -> columns.add(e.get("column").asString()));
        assertThat(columns).containsExactlyInAnyOrder("联系方式", "经度");

        JsonNode header = read(perform(multipart("/api/v1/projects/{id}/archives/import", scratch)
                .file(csv("资产编号,颜色\n" + tag + ",红\n")), ADMIN).andExpectAll(problem(422)));
        assertThat(header.get("errors").get(0).get("column").asString()).isEqualTo("颜色");
    }

    @Test
    void mismatchesListWhatTheCameraReportsDifferently() throws Exception {
        String tag = "AR-" + unique("MM");
        long id = scratchCamera(tag);
        String gbCode = String.format("1408240088132%07d", id % 10_000_000);
        jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", gbCode, id);
        perform(withJson(put("/api/v1/devices/{id}/archive", id), validArchive()), ADMIN).andExpect(status().isOk());
        jdbc.update("INSERT INTO gb_channel (device_code, channel_code, name, manufacturer, model, ptz_type, longitude,"
                + " latitude, status, updated_at) VALUES (?, ?, ?, 'Hikvision', 'DS-2DE4425IW', 3, 110.990000, 35.610000,"
                + " 'ON', ?)", "14082400881180000001", gbCode, "别的名字", java.sql.Timestamp.from(Instant.now()));
        jdbc.update("INSERT INTO device_fact (device_id, fact_key, fact_value, updated_at) VALUES (?, 'model', ?, ?)",
                id, "RH2288H V5", java.sql.Timestamp.from(Instant.now()));
        JsonNode view = getJson("/api/v1/devices/{id}/archive", id);
        Map<String, String> found = new HashMap<>();
        view.get("mismatches").forEach(m -> found.put(m.get("field").asString() + "/" + m.get("source").asString(),
                m.get("reported").asString()));
        assertThat(found).containsOnly(Map.entry("name/GB_CATALOG", "别的名字"), Map.entry("model/GB_CATALOG", "DS-2DE4425IW"),
                Map.entry("cameraType/GB_CATALOG", "FIXED_BULLET"), Map.entry("coordinates/GB_CATALOG", "110.99,35.61"));

        // the model the camera's own probe reports, named by that probe; none from a probe that reads no model
        jdbc.update("UPDATE device_fact SET fact_value = 'DS-2CD3T46WD' WHERE device_id = ? AND fact_key = 'model'", id);
        assertThat(modelMismatches(id)).containsOnly(Map.entry("GB_CATALOG", "DS-2DE4425IW"), Map.entry("SNMP", "DS-2CD3T46WD"));
        jdbc.update("UPDATE device SET probe_method = 'ONVIF' WHERE id = ?", id);
        assertThat(modelMismatches(id)).containsOnly(Map.entry("GB_CATALOG", "DS-2DE4425IW"), Map.entry("ONVIF", "DS-2CD3T46WD"));
        jdbc.update("UPDATE device SET probe_method = 'ICMP' WHERE id = ?", id);
        assertThat(modelMismatches(id)).containsOnly(Map.entry("GB_CATALOG", "DS-2DE4425IW"));

        JsonNode project = getJson("/api/v1/projects/{id}/archive-mismatches", scratchProject());
        List<Long> devices = new ArrayList<>();
        project.forEach(m -> devices.add(m.get("deviceId").asLong()));
        assertThat(devices).contains(id);
    }

    @Test
    void theIndicatorCountsValidRequiredFieldsWithAFindingPerShortfall() {
        List<CameraDirectory.Camera> list = cameras.ofProject(PROJECT);
        Instant from = Instant.parse("2022-02-28T16:00:00Z");
        List<CameraFigure> figures = indicator.figures(PROJECT, list, from, Instant.parse("2022-03-31T16:00:00Z"));
        assertThat(figures).hasSize(45);
        for (int i = 0; i < figures.size(); i++) {
            CameraFigure f = figures.get(i);
            assertThat(f.deviceId()).isEqualTo(list.get(i).id());
            assertThat(f.expected()).isEqualTo(20);
            assertThat(f.achieved() == 20).isEqualTo(completeInSeed(i));
            assertThat(f.findings()).hasSize((int) (20 - f.achieved()));
        }
        assertThat(figures.get(1).findings()).extracting(x -> x.code() + ":" + x.value())
                .contains("ARCHIVE_FIELD_MISSING:contactPhone");
    }

    @Test
    void theArchiveTellsTheSheetEachCamerasContractorAndTheRecordingCheckItsRetention() throws Exception {
        List<CameraDirectory.Camera> reference = cameras.ofProject(PROJECT);
        Map<Long, String> contractors = supplied.contractors(PROJECT, reference);
        assertThat(contractors.values()).containsOnly("稷山县雪亮工程城区运维项目部", "稷山县雪亮工程乡镇运维项目部");

        long id = scratchCamera(null);
        CameraDirectory.Camera camera = cameras.camera(id).orElseThrow();
        assertThat(supplied.of(List.of(camera))).as("a retention left at the default says nothing").isEmpty();
        assertThat(supplied.contractors(camera.projectId(), List.of(camera))).isEmpty();
        perform(withJson(put("/api/v1/devices/{id}/archive", id), validArchive()), ADMIN).andExpect(status().isOk());
        assertThat(supplied.of(List.of(camera))).containsExactly(Map.entry(id, 90));
        assertThat(supplied.contractors(camera.projectId(), List.of(camera))).containsEntry(id, "城区运维项目部");
    }

    private JsonNode check(JsonNode archive, String field) {
        for (JsonNode c : archive.get("checks")) {
            if (c.get("field").asString().equals(field)) {
                return c;
            }
        }
        throw new AssertionError("no check of " + field);
    }

    private int auditCount(long deviceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ARCHIVE_UPDATE' AND entity_id = ?",
                Integer.class, String.valueOf(deviceId));
    }

    /** source → reported model of the camera's model mismatches. */
    private Map<String, String> modelMismatches(long id) throws Exception {
        Map<String, String> out = new HashMap<>();
        getJson("/api/v1/devices/{id}/archive", id).get("mismatches").forEach(m -> {
            if (m.get("field").asString().equals("model")) {
                out.put(m.get("source").asString(), m.get("reported").asString());
            }
        });
        return out;
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "archives.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A face camera of the scratch project at the reference site CQ-01 (so the county box and defaults apply). */
    private long scratchCamera(String tag) throws Exception {
        Map<String, Object> d = newDevice(tag == null ? unique("AR-CAM") : tag);
        d.put("category", "FACE_CAMERA");
        d.put("siteId", jdbc.queryForObject("SELECT id FROM site WHERE code = 'CQ-01'", Long.class));
        return createDevice(d).get("id").asLong();
    }

    private static Map<String, Object> validArchive() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("regionCode", "140824");
        a.put("installAddress", "稷山县稷峰镇稷峰街与后稷路交叉口东北角");
        a.put("longitude", 110.9787);
        a.put("latitude", 35.6032);
        a.put("cameraType", "DOME");
        a.put("positionType", "TRAFFIC_ARTERY");
        a.put("roomType", "OUTDOOR");
        a.put("pointClass", "CLASS_1");
        a.put("functions", List.of("FACE", "VIDEO"));
        a.put("managementUnit", "稷山县公安局");
        a.put("contactPhone", "0359-5522110");
        a.put("policeStation", "稷峰派出所");
        a.put("maintenanceUnit", "城区运维项目部");
        a.put("retentionDays", 90);
        return a;
    }
}
