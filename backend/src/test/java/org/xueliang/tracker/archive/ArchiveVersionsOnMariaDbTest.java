package org.xueliang.tracker.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * Versions of the 一机一档 on MariaDB: every PUT and every imported row adds one in the same transaction (a rejected
 * PUT or import adds none), the history names the changed fields old → new, an archive stored before versions began
 * becomes the first version, and a past month's 一机一档完整率 uses the version in force at the month's end.
 */
@OnMariaDb
class ArchiveVersionsOnMariaDbTest extends ApiTestSupport {

    @Autowired
    CameraDirectory cameras;
    @Autowired
    ArchiveIndicator indicator;
    @Autowired
    ArchiveSuppliedFacts supplied;

    @Test
    void twoPutsGiveTwoVersionsNewestFirstWithTheChangedFields() throws Exception {
        long id = scratchCamera(null);
        perform(withJson(put("/api/v1/devices/{id}/archive", id), archive("DOME", "0359-5522110")), ADMIN)
                .andExpect(status().isOk());
        perform(withJson(put("/api/v1/devices/{id}/archive", id), archive("FIXED_BULLET", "0359-5522110")), ADMIN)
                .andExpect(status().isOk());
        // a rejected PUT changes nothing, so it leaves no version
        perform(withJson(put("/api/v1/devices/{id}/archive", id), archive("DOME", "张警官")), ADMIN)
                .andExpectAll(problem(422));

        JsonNode list = getJson("/api/v1/devices/{id}/archive/versions", id);
        assertThat(list.size()).isEqualTo(2);
        JsonNode newest = list.get(0);
        assertThat(newest.get("version").asInt()).isEqualTo(2);
        assertThat(newest.get("source").asString()).isEqualTo("PUT");
        assertThat(newest.get("sourceLabel").asString()).isEqualTo("页面修改");
        assertThat(newest.get("changedBy").asString()).isEqualTo(ADMIN);
        assertThat(newest.get("changes").size()).isEqualTo(1);
        JsonNode change = newest.get("changes").get(0);
        assertThat(change.get("field").asString()).isEqualTo("cameraType");
        assertThat(change.get("label").asString()).isEqualTo("摄像机类型");
        assertThat(change.get("before").asString()).isEqualTo("DOME");
        assertThat(change.get("beforeText").asString()).isEqualTo("球机");
        assertThat(change.get("afterText").asString()).isEqualTo("固定枪机");
        // the first version changed every field it fills in from nothing
        JsonNode first = list.get(1);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("changes").size()).isEqualTo(first.get("archive").size()).isEqualTo(14);
        assertThat(first.get("archive").get("longitude").asString()).isEqualTo("110.9787");

        JsonNode one = getJson("/api/v1/devices/{id}/archive/versions/{no}", id, 2);
        assertThat(one.get("changes").get(0).get("after").asString()).isEqualTo("FIXED_BULLET");
        perform(get("/api/v1/devices/{id}/archive/versions/{no}", id, 3), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/devices/{id}/archive/versions", id), null).andExpectAll(problem(401));
    }

    @Test
    void anImportedRowAddsAVersionAndARejectedImportAddsNone() throws Exception {
        String tag = "AR-" + unique("VER");
        long id = scratchCamera(tag);
        long scratch = scratchProject();
        String bad = "资产编号,摄像机类型,联系方式\n" + tag + ",半球,0359-5522110\nNO-SUCH-CAMERA,球机,电话\n";
        perform(multipart("/api/v1/projects/{id}/archives/import", scratch).file(csv(bad)), ADMIN)
                .andExpectAll(problem(422));
        assertThat(versionCount(id)).isZero();

        String good = "资产编号,摄像机类型,联系方式\n" + tag + ",半球,0359-5522110\n";
        perform(multipart("/api/v1/projects/{id}/archives/import", scratch).file(csv(good)), ADMIN)
                .andExpect(status().isOk());
        JsonNode list = getJson("/api/v1/devices/{id}/archive/versions", id);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("source").asString()).isEqualTo("IMPORT");
        assertThat(list.get(0).get("archive").get("cameraType").asString()).isEqualTo("HALF_DOME");
        // the same file again changes nothing: no new version
        perform(multipart("/api/v1/projects/{id}/archives/import", scratch).file(csv(good)), ADMIN)
                .andExpect(status().isOk());
        assertThat(versionCount(id)).isEqualTo(1);
    }

    @Test
    void anArchiveStoredBeforeVersionsBecomesTheFirstVersion() throws Exception {
        long id = scratchCamera(null);
        jdbc.update("INSERT INTO camera_archive (device_id, contact_phone, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                id, "0359-1234567", Timestamp.from(Instant.parse("2021-06-01T00:00:00Z")), "old-admin");
        perform(withJson(put("/api/v1/devices/{id}/archive", id), archive("DOME", "0359-5522110")), ADMIN)
                .andExpect(status().isOk());
        JsonNode list = getJson("/api/v1/devices/{id}/archive/versions", id);
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(1).get("source").asString()).isEqualTo("BEFORE_VERSIONS");
        assertThat(list.get(1).get("changedBy").asString()).isEqualTo("old-admin");
        assertThat(list.get(1).get("changedAt").asString()).startsWith("2021-06-01T00:00");
        List<String> changed = new ArrayList<>();
        list.get(0).get("changes").forEach(c -> changed.add(c.get("field").asString() + ":" + c.get("before").asString()));
        assertThat(changed).contains("contactPhone:0359-1234567");
    }

    @Test
    void aPastMonthIsJudgedOnTheVersionInForceAtItsEnd() throws Exception {
        long id = scratchCamera(null);
        CameraDirectory.Camera camera = cameras.camera(id).orElseThrow();
        Map<String, Object> partial = archive("DOME", "0359-5522110");
        partial.remove("contactPhone");
        partial.remove("policeStation");
        perform(withJson(put("/api/v1/devices/{id}/archive", id), partial), ADMIN).andExpect(status().isOk());
        perform(withJson(put("/api/v1/devices/{id}/archive", id), archive("DOME", "0359-5522110")), ADMIN)
                .andExpect(status().isOk());
        // version 1 was written in mid-March 2022, version 2 in mid-April
        jdbc.update("UPDATE camera_archive_version SET changed_at = ? WHERE device_id = ? AND version_no = 1",
                Timestamp.from(Instant.parse("2022-03-15T02:00:00Z")), id);
        jdbc.update("UPDATE camera_archive_version SET changed_at = ? WHERE device_id = ? AND version_no = 2",
                Timestamp.from(Instant.parse("2022-04-15T02:00:00Z")), id);

        CameraFigure february = figure(camera, "2022-01-31T16:00:00Z", "2022-02-28T16:00:00Z");
        CameraFigure march = figure(camera, "2022-02-28T16:00:00Z", "2022-03-31T16:00:00Z");
        CameraFigure april = figure(camera, "2022-03-31T16:00:00Z", "2022-04-30T16:00:00Z");
        assertThat(march.achieved()).isEqualTo(april.achieved() - 2);
        assertThat(march.findings()).extracting(f -> f.value()).contains("contactPhone", "policeStation");
        assertThat(april.findings()).extracting(f -> f.value()).doesNotContain("contactPhone", "policeStation");
        assertThat(february.achieved()).as("nothing filled in yet: ledger fields and defaults only")
                .isLessThan(march.achieved());
    }

    @Test
    void retentionDaysAreReadForManyCamerasAtOnce() throws Exception {
        long a = scratchCamera(null);
        long b = scratchCamera(null);
        long c = scratchCamera(null);
        Map<String, Object> ninety = archive("DOME", "0359-5522110");
        perform(withJson(put("/api/v1/devices/{id}/archive", a), ninety), ADMIN).andExpect(status().isOk());
        Map<String, Object> sixty = archive("DOME", "0359-5522110");
        sixty.put("retentionDays", 60);
        perform(withJson(put("/api/v1/devices/{id}/archive", b), sixty), ADMIN).andExpect(status().isOk());
        List<CameraDirectory.Camera> list = new ArrayList<>(cameras.among(List.of(a, b, c)));
        list.addAll(cameras.ofProject(PROJECT));
        Map<Long, Integer> days = supplied.of(list);
        assertThat(days).containsEntry(a, 90).containsEntry(b, 60).doesNotContainKey(c);
        // cameras of two projects in one call: project 1's answers are those of a call for project 1 alone
        Map<Long, Integer> reference = supplied.of(cameras.ofProject(PROJECT));
        assertThat(reference).isNotEmpty();
        assertThat(days).containsAllEntriesOf(reference).hasSize(reference.size() + 2);
    }

    private CameraFigure figure(CameraDirectory.Camera camera, String from, String to) {
        return indicator.figures(camera.projectId(), List.of(camera), Instant.parse(from), Instant.parse(to)).get(0);
    }

    private int versionCount(long deviceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM camera_archive_version WHERE device_id = ?", Integer.class, deviceId);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "archives.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long scratchCamera(String tag) throws Exception {
        Map<String, Object> d = newDevice(tag == null ? unique("AR-VER") : tag);
        d.put("category", "FACE_CAMERA");
        d.put("siteId", jdbc.queryForObject("SELECT id FROM site WHERE code = 'CQ-01'", Long.class));
        return createDevice(d).get("id").asLong();
    }

    private static Map<String, Object> archive(String cameraType, String phone) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("regionCode", "140824");
        a.put("installAddress", "稷山县稷峰镇稷峰街与后稷路交叉口东北角");
        a.put("longitude", 110.9787);
        a.put("latitude", 35.6032);
        a.put("cameraType", cameraType);
        a.put("positionType", "TRAFFIC_ARTERY");
        a.put("roomType", "OUTDOOR");
        a.put("pointClass", "CLASS_1");
        a.put("functions", List.of("FACE", "VIDEO"));
        a.put("managementUnit", "稷山县公安局");
        a.put("contactPhone", phone);
        a.put("policeStation", "稷峰派出所");
        a.put("maintenanceUnit", "城区运维项目部");
        a.put("retentionDays", 90);
        return a;
    }
}
