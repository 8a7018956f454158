package org.xueliang.tracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The monthly sheet end to end on MariaDB: a project of three cameras (and a server, which is no camera) at two
 * townships, March 2022 rolled up by hand with two outages; 在线率 from the real availability engine, the other
 * indicators from test-only sources that take precedence over any real one (录像 0.8, 图像 not measured, 时钟 1.0,
 * 一机一档 0.5 with its rule inactive).
 */
@OnMariaDb
class AssessmentApiOnMariaDbTest extends ApiTestSupport {

    static final String BASE = "/api/v1/assessments";
    static final long DAY = 86_400;

    /** An indicator source of fixed figures that wins over a real one of the same indicator. */
    record FixedSource(Indicator indicator, double achieved, double expected, String finding) implements IndicatorSource, Ordered {
        @Override
        public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
            return cameras.stream().map(c -> new CameraFigure(c.id(), achieved, expected, finding == null ? List.of()
                    : List.of(new Finding(finding, from.plusSeconds(3600), from.plusSeconds(7200), "1.0 h")))).toList();
        }

        @Override
        public boolean touchesSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to) {
            return false;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @TestConfiguration
    static class Sources {
        @Bean
        IndicatorSource testRecording() {
            return new FixedSource(Indicator.RECORDING_COMPLETENESS, 0.8, 1, "RECORDING_GAP");
        }

        @Bean
        IndicatorSource testImage() {
            return new FixedSource(Indicator.IMAGE_INTACTNESS, 0, 0, null);
        }

        @Bean
        IndicatorSource testClock() {
            return new FixedSource(Indicator.CLOCK_ACCURACY, 1, 1, null);
        }

        @Bean
        IndicatorSource testArchive() {
            return new FixedSource(Indicator.ARCHIVE_COMPLETENESS, 0.5, 1, "ARCHIVE_FIELD_INVALID");
        }
    }

    @Autowired
    ProjectRepository projects;
    @Autowired
    AssessmentMetrics metrics;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    record Fleet(long project, long a, long b, long c, long server) {
    }

    /**
     * A new project: cameras A, B at 甲镇, C and a server at 乙镇, in service since 2022-01-01, camera D only from
     * 2022-04-01. March: A down 10 h on the 10th, C down the 21st–23rd (72 h), the rest up. April: all up, synthetic.
     */
    Fleet fleet() {
        String tag = unique("AS");
        Project p = new Project();
        p.setCode(tag);
        p.setCounty("稷山县");
        p.setName("考核测试 " + tag);
        p.setPhase("一期");
        p.setContractAmount(new BigDecimal("1000000.00"));
        long project = projects.saveAndFlush(p).getId();
        long s1 = site(tag + "-S1", "甲镇");
        long s2 = site(tag + "-S2", "乙镇");
        long a = device(project, tag + "-A", "DOME_CAMERA", s1, "2022-01-01");
        long b = device(project, tag + "-B", "FACE_CAMERA", s1, "2022-01-01");
        long c = device(project, tag + "-C", "CHECKPOINT_CAMERA", s2, "2022-01-01");
        long server = device(project, tag + "-SRV", "SERVER", s2, "2022-01-01");
        device(project, tag + "-D", "DOME_CAMERA", s2, "2022-04-01");
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2022, 3, 1); day.isBefore(LocalDate.of(2022, 5, 1)); day = day.plusDays(1)) {
            boolean april = day.getMonthValue() == 4;
            for (long id : List.of(a, b, c, server)) {
                long down = id == a && day.getDayOfMonth() == 10 && !april ? 36_000
                        : id == c && !april && day.getDayOfMonth() >= 21 && day.getDayOfMonth() <= 23 ? DAY : 0;
                rows.add(new Object[] {id, Date.valueOf(day), DAY - down, down, down > 0 ? 1 : 0, april});
            }
        }
        jdbc.batchUpdate("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?,?,?,0,?,0,0,?,0,?)", rows);
        interval(a, "2022-03-10T00:00:00", "2022-03-10T10:00:00");
        interval(c, "2022-03-20T16:00:00", "2022-03-23T16:00:00");
        interval(server, "2022-03-05T00:00:00", "2022-03-07T00:00:00");
        return new Fleet(project, a, b, c, server);
    }

    long site(String code, String township) {
        jdbc.update("INSERT INTO site (code, name, kind, township) VALUES (?,?,'URBAN_POINT',?)", code, "点位 " + code, township);
        return jdbc.queryForObject("SELECT id FROM site WHERE code = ?", Long.class, code);
    }

    long device(long project, String tag, String category, long site, String inService) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.update("INSERT INTO device (project_id, asset_tag, name, category_code, site_id, lifecycle, in_service_on, created_at,"
                + " updated_at) VALUES (?,?,?,?,?,'IN_SERVICE',?,?,?)", project, tag, "设备 " + tag, category, site,
                Date.valueOf(inService), now, now);
        return jdbc.queryForObject("SELECT id FROM device WHERE project_id = ? AND asset_tag = ?", Long.class, project, tag);
    }

    void interval(long device, String startUtc, String endUtc) {
        jdbc.update("INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at) VALUES (?, 'DOWN', 'TIMEOUT', ?, ?)",
                device, Timestamp.valueOf(LocalDateTime.parse(startUtc)), Timestamp.valueOf(LocalDateTime.parse(endUtc)));
    }

    JsonNode compute(long project, String month, int expectedStatus) throws Exception {
        return read(perform(withJson(post(BASE), Map.of("projectId", project, "month", month)), ADMIN)
                .andExpect(status().is(expectedStatus)));
    }

    static JsonNode deduction(JsonNode sheet, String rule) {
        for (JsonNode d : sheet.get("deductions")) {
            if (d.get("rule").asString().equals(rule)) {
                return d;
            }
        }
        throw new AssertionError("no deduction " + rule);
    }

    @Test
    void aMonthIsComputedFromTheAvailabilityEngineAndTheSourcesScoredDrilledDownSignedAndFrozen() throws Exception {
        Fleet f = fleet();
        JsonNode sheet = compute(f.project(), "2022-03", 201);
        long id = sheet.get("assessment").get("id").asLong();
        assertThat(sheet.get("cameras").asInt()).as("A, B, C; not the server, not D (in service from April)").isEqualTo(3);
        // 在线率 = (3 × 2,678,400 − 36,000 − 259,200) ÷ (3 × 2,678,400)
        assertThat(sheet.get("indicators").get("onlineRate").get("value").asDouble())
                .isCloseTo(1 - 295_200.0 / 8_035_200, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(sheet.get("indicators").get("recordingCompleteness").get("value").asDouble()).isEqualTo(0.8);
        assertThat(sheet.get("indicators").get("imageIntactness").get("value").isNull()).isTrue();
        assertThat(sheet.get("indicators").get("imageIntactness").get("measured").asBoolean()).isFalse();
        assertThat(sheet.get("indicators").get("imageIntactness").get("message").asString()).isNotBlank();
        assertThat(sheet.get("indicators").get("clockAccuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(sheet.get("indicators").get("archiveCompleteness").get("value").asDouble()).isEqualTo(0.5);
        assertThat(sheet.get("indicators").get("onlineRate").get("evidence").asString())
                .isEqualTo(BASE + "/" + id + "/indicators/onlineRate/evidence");

        assertThat(deduction(sheet, "FAULT_HOURS").get("count").decimalValue()).isEqualByComparingTo("2");
        assertThat(deduction(sheet, "FAULT_HOURS").get("points").decimalValue()).isEqualByComparingTo("2");
        assertThat(deduction(sheet, "ONLINE_RATE").get("state").asString()).isEqualTo("NONE");
        assertThat(deduction(sheet, "RECORDING_COMPLETENESS").get("points").decimalValue()).isEqualByComparingTo("5");
        assertThat(deduction(sheet, "IMAGE_INTACTNESS").get("state").asString()).isEqualTo("NOT_MEASURED");
        assertThat(deduction(sheet, "ARCHIVE_COMPLETENESS").get("state").asString()).isEqualTo("INACTIVE");
        // work orders exist, none was opened in the month: nothing late
        assertThat(deduction(sheet, "LATE_REPAIR").get("state").asString()).isEqualTo("NONE");
        assertThat(deduction(sheet, "LATE_REPAIR").get("ruleText").asString()).contains("工单", "SLA");
        assertThat(sheet.get("repairs").get("measured").asBoolean()).isTrue();
        assertThat(sheet.get("repairs").get("orders").asInt()).isZero();
        assertThat(sheet.get("score").decimalValue()).isEqualByComparingTo("93");
        assertThat(sheet.get("synthetic").asBoolean()).isFalse();

        JsonNode townships = sheet.get("groups").get("township").get("groups");
        assertThat(townships.get(0).get("label").asString()).isEqualTo("甲镇");
        assertThat(townships.get(0).get("score").decimalValue()).isEqualByComparingTo("94");
        assertThat(townships.get(1).get("label").asString()).isEqualTo("乙镇");
        assertThat(townships.get(1).get("score").decimalValue()).isEqualByComparingTo("89");
        assertThat(townships.get(1).get("rank").asInt()).isEqualTo(2);
        assertThat(sheet.get("groups").get("contractor").get("available").asBoolean()).isFalse();

        // The fault deduction drills down to C (72 h) then A (10 h), each with its DOWN interval clipped to the month.
        JsonNode faults = getJson(deduction(sheet, "FAULT_HOURS").get("evidence").asString());
        assertThat(faults.get("cameras")).extracting(c -> c.get("deviceId").asLong()).containsExactly(f.c(), f.a());
        assertThat(faults.get("cameras").get(0).get("faultHours").asDouble()).isEqualTo(72.0);
        JsonNode down = faults.get("cameras").get(1).get("findings").get(0);
        assertThat(down.get("code").asString()).isEqualTo("DOWN");
        assertThat(down.get("label").asString()).isEqualTo("离线");
        assertThat(down.get("from").asString()).isEqualTo("2022-03-10T00:00:00Z");
        assertThat(down.get("to").asString()).isEqualTo("2022-03-10T10:00:00Z");
        JsonNode recording = getJson(BASE + "/{id}/indicators/recordingCompleteness/evidence", id);
        assertThat(recording.get("cameras")).hasSize(3);
        assertThat(recording.get("cameras").get(0).get("findings").get(0).get("code").asString()).isEqualTo("RECORDING_GAP");

        // Recompute while a draft, with a proportional 在线率 rule: 0.97 − 0.963262 = 0.67 points below → −0.67.
        perform(withJson(put("/api/v1/projects/{p}/assessment-rules", f.project()), Map.of("rules", List.of(Map.of("code",
                "ONLINE_RATE", "threshold", 0.97, "deduction", 1, "proportional", true, "cap", 10, "active", true)))), ADMIN)
                .andExpect(status().isOk());
        JsonNode again = compute(f.project(), "2022-03", 200);
        assertThat(again.get("assessment").get("id").asLong()).isEqualTo(id);
        assertThat(deduction(again, "ONLINE_RATE").get("points").decimalValue()).isEqualByComparingTo("0.67");
        assertThat(again.get("score").decimalValue()).isEqualByComparingTo("92.33");

        JsonNode signed = read(perform(post(BASE + "/{id}/sign", id), ADMIN).andExpect(status().isOk()));
        assertThat(signed.get("assessment").get("status").asString()).isEqualTo("SIGNED");
        assertThat(signed.get("assessment").get("snapshotSha256").asString()).hasSize(64);
        assertThat(getJson(BASE + "/{id}/verify", id).get("intact").asBoolean()).isTrue();
        perform(withJson(post(BASE), Map.of("projectId", f.project(), "month", "2022-03")), ADMIN).andExpectAll(problem(409));
        perform(post(BASE + "/{id}/sign", id), ADMIN).andExpectAll(problem(409));
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'Assessment' AND entity_id = ? ORDER BY id",
                String.class, String.valueOf(id))).containsExactly("ASSESSMENT_COMPUTE", "ASSESSMENT_COMPUTE", "ASSESSMENT_SIGN");

        byte[] xlsx = perform(get(BASE + "/{id}/export?format=xlsx", id), ADMIN).andExpect(status().isOk())
                .andExpect(header().string("X-Snapshot-SHA256", signed.get("assessment").get("snapshotSha256").asString()))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] pdf = perform(get(BASE + "/{id}/export?format=pdf", id), ADMIN).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "assessment-exports"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "assessment-exports", "sheet.xlsx"), xlsx);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "assessment-exports", "sheet.pdf"), pdf);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheetText = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> sheetText.append(cell.toString()).append('|')));
            assertThat(sheetText.toString()).contains("2022-03 视频监控运维考核表", "月故障时长超限的摄像机", "2 台摄像机",
                    "合计扣分 7.67，得分 92.33", "按乡镇排名", "甲镇", "签署人：admin", "快照 SHA-256：");
        }
        String pdfText = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf)).getTextFromPage(1);
        assertThat(pdfText).contains("视频监控运维考核表", "扣分明细");
        perform(get(BASE + "/{id}/export?format=docx", id), ADMIN).andExpectAll(problem(400));

        metrics.refresh();
        assertThat(meters.get("xl_assessment_score").tag("project", String.valueOf(f.project())).gauge().value()).isEqualTo(92.33);
        assertThat(meters.get("xl_assessment_indicator").tag("project", String.valueOf(f.project())).tag("indicator", "recordingCompleteness")
                .gauge().value()).isEqualTo(0.8);
        assertThat(meters.find("xl_assessment_indicator").tag("project", String.valueOf(f.project())).tag("indicator", "imageIntactness")
                .gauge()).as("not measured: no series").isNull();

        JsonNode list = getJson(BASE + "?projectId={p}", f.project());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("statusLabel").asString()).isEqualTo("已签署");
    }

    @Test
    void aMonthOnSyntheticDataSignsOnlyWithTheNoticeAccepted() throws Exception {
        Fleet f = fleet();
        JsonNode sheet = compute(f.project(), "2022-04", 201);
        long id = sheet.get("assessment").get("id").asLong();
        assertThat(sheet.get("synthetic").asBoolean()).isTrue();
        assertThat(sheet.get("syntheticNotice").asString()).contains("模拟");
        assertThat(sheet.get("cameras").asInt()).as("D is judged from April").isEqualTo(4);
        perform(post(BASE + "/{id}/sign", id), ADMIN).andExpectAll(problem(422));
        assertThat(getJson(BASE + "/{id}", id).get("assessment").get("status").asString()).isEqualTo("DRAFT");
        perform(withJson(post(BASE + "/{id}/sign", id), Map.of("syntheticAccepted", true)), ADMIN).andExpect(status().isOk());
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        Fleet f = fleet();
        JsonNode rules = getJson("/api/v1/projects/{p}/assessment-rules", f.project());
        assertThat(rules).extracting(r -> r.get("code").asString()).containsExactly("FAULT_HOURS", "ONLINE_RATE",
                "RECORDING_COMPLETENESS", "IMAGE_INTACTNESS", "CLOCK_ACCURACY", "ARCHIVE_COMPLETENESS", "LATE_REPAIR");
        assertThat(rules.get(0).get("threshold").decimalValue()).isEqualByComparingTo("8");
        perform(withJson(put("/api/v1/projects/{p}/assessment-rules", f.project()), Map.of("rules", List.of(
                Map.of("code", "FAULT_HOURS", "threshold", 4, "deduction", 2, "proportional", false, "cap", 10, "active", true),
                Map.of("code", "LATE_REPAIR", "threshold", 745, "deduction", 1, "proportional", false, "cap", 10, "active", true)))), ADMIN)
                .andExpectAll(problem(422));
        perform(withJson(put("/api/v1/projects/{p}/assessment-rules", f.project()), Map.of("rules", List.of(
                Map.of("code", "ONLINE_RATE", "threshold", 95, "deduction", 5, "proportional", false, "cap", 5, "active", true)))), ADMIN)
                .andExpectAll(problem(422));
        assertThat(getJson("/api/v1/projects/{p}/assessment-rules", f.project()).get(0).get("threshold").decimalValue())
                .isEqualByComparingTo("8");
        perform(withJson(post(BASE), Map.of("projectId", f.project(), "month", "2022-13")), ADMIN).andExpectAll(problem(422));
        perform(withJson(post(BASE), Map.of("projectId", f.project(), "month", "2999-01")), ADMIN).andExpectAll(problem(422));
        perform(withJson(post(BASE), Map.of("projectId", 987654, "month", "2022-03")), ADMIN).andExpectAll(problem(404));
        perform(get(BASE + "/{id}/groups?groupBy=vendor", 1), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/projects/{p}/assessment-trend?months=0", f.project()), ADMIN).andExpectAll(problem(400));
        assertThat(getJson(BASE + "?projectId={p}", f.project())).isEmpty();
    }

    @Test
    void theTrendShowsStoredSheetsAndComputesTheOtherMonthsWithoutStoringThem() throws Exception {
        Fleet f = fleet();
        JsonNode trend = getJson("/api/v1/projects/{p}/assessment-trend?months=3", f.project());
        assertThat(trend).hasSize(3);
        assertThat(trend).extracting(t -> t.get("source").asString()).containsOnly("COMPUTED");
        assertThat(trend.get(2).get("partial").asBoolean()).isTrue();
        assertThat(trend.get(0).get("partial").asBoolean()).isFalse();
        assertThat(trend.get(2).get("month").asString()).isEqualTo(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        // Recording 0.8 from the test source is below 90 %: −5 in every month.
        assertThat(trend.get(0).get("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(getJson(BASE + "?projectId={p}", f.project())).isEmpty();
        String month = trend.get(1).get("month").asString();
        long id = compute(f.project(), month, 201).get("assessment").get("id").asLong();
        JsonNode after = getJson("/api/v1/projects/{p}/assessment-trend?months=3", f.project());
        assertThat(after.get(1).get("source").asString()).isEqualTo("DRAFT");
        assertThat(after.get(1).get("assessmentId").asLong()).isEqualTo(id);
    }
}
