package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * 质量指标1 from the video assessment's indicators (issue 11 §5) on MariaDB: a project of two cameras (A, B) and a
 * server; test-only indicator sources that win over the real ones give A and B fixed figures, so the row's value
 * is known: 录像 30/40 + 10/40 = 50 %, 图像 3/4 with B not measured = 75 %, 在线 9/10 + 9/10 = 90 %.
 */
@OnMariaDb
class EvaluationQualityFormulaOnMariaDbTest extends ApiTestSupport {

    /** Figures of the cameras in asset-tag order: {achieved, expected} for the first, the second, … */
    record FixedSource(Indicator indicator, double[][] perCamera) implements IndicatorSource, Ordered {
        @Override
        public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
            List<Camera> sorted = cameras.stream().sorted(java.util.Comparator.comparing(Camera::assetTag)).toList();
            return java.util.stream.IntStream.range(0, sorted.size()).mapToObj(i -> new CameraFigure(sorted.get(i).id(),
                    perCamera[i][0], perCamera[i][1], List.of())).toList();
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
        IndicatorSource fixedRecording() {
            return new FixedSource(Indicator.RECORDING_COMPLETENESS, new double[][] {{30, 40}, {10, 40}});
        }

        @Bean
        IndicatorSource fixedImage() {
            return new FixedSource(Indicator.IMAGE_INTACTNESS, new double[][] {{3, 4}, {0, 0}});
        }

        @Bean
        IndicatorSource fixedOnline() {
            return new FixedSource(Indicator.ONLINE_RATE, new double[][] {{9, 10}, {9, 10}});
        }
    }

    @Autowired
    ProjectRepository projects;

    long project() {
        String tag = unique("QF");
        Project p = new Project();
        p.setCode(tag);
        p.setCounty("稷山县");
        p.setName("质量口径 " + tag);
        p.setPhase("一期");
        p.setContractAmount(new BigDecimal("1000000.00"));
        long project = projects.saveAndFlush(p).getId();
        jdbc.update("INSERT INTO site (code, name, kind, township) VALUES (?,?,'URBAN_POINT','甲镇')", tag, "点位 " + tag);
        long site = jdbc.queryForObject("SELECT id FROM site WHERE code = ?", Long.class, tag);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (String[] d : new String[][] {{"-A", "DOME_CAMERA"}, {"-B", "FACE_CAMERA"}, {"-SRV", "SERVER"}}) {
            jdbc.update("INSERT INTO device (project_id, asset_tag, name, category_code, site_id, lifecycle, in_service_on, created_at,"
                    + " updated_at) VALUES (?,?,?,?,?,'IN_SERVICE',?,?,?)", project, tag + d[0], "设备 " + tag + d[0], d[1], site,
                    Date.valueOf("2022-01-01"), now, now);
        }
        return project;
    }

    String body(long project, String policy) {
        return "{\"projectId\":" + project + ",\"from\":\"2022-03-01\",\"to\":\"2022-03-31\",\"policy\":" + policy + "}";
    }

    long create(long project, String policy) throws Exception {
        return read(perform(post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON).content(body(project, policy)), ADMIN)
                .andExpect(status().isCreated())).at("/evaluation/id").asLong();
    }

    JsonNode frontEndRow(long id) throws Exception {
        for (JsonNode r : getJson("/api/v1/evaluations/" + id + "/rows")) {
            if ("QUALITY_FRONT_END".equals(r.get("metric").asString())) {
                return r;
            }
        }
        throw new AssertionError("no QUALITY_FRONT_END row");
    }

    @Test
    void recordingCompletenessIsSumAchievedOverSumExpectedOfTheCamerasAndSaysSo() throws Exception {
        long id = create(project(), "{\"qualityMetric\":\"RECORDING_COMPLETENESS\"}");
        JsonNode row = frontEndRow(id);
        assertThat(row.get("actual").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(row.get("formula").asString()).startsWith("录像完整率 = Σ 实录时长 / Σ 应录时长").contains("摄像机 2 台");
        JsonNode evidence = getJson("/api/v1/evaluations/" + id + "/rows/" + row.get("id").asLong() + "/evidence");
        assertThat(evidence.toString()).contains("\"recordingCompleteness\":0.75").contains("\"recordingCompleteness\":0.25")
                .doesNotContain("SRV");
        assertThat(getJson("/api/v1/evaluations/" + id).at("/evaluation/policy/qualityMetric").asString()).isEqualTo("RECORDING_COMPLETENESS");
        // the back-end row keeps availability
        String docx = EvaluationApiTest.text(perform(get("/api/v1/evaluations/" + id + "/export").param("format", "docx"), ADMIN)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(docx).contains("质量指标1采用录像完整率");
    }

    @Test
    void theCompositeWeighsTheMeasuredIndicatorsAndPrintsItsWeights() throws Exception {
        long project = project();
        long id = create(project, "{\"qualityMetric\":\"COMPOSITE\",\"qualityWeights\":"
                + "{\"onlineRate\":0.5,\"recordingCompleteness\":0.25,\"imageIntactness\":0.25}}");
        JsonNode row = frontEndRow(id);
        // 0.5 × 90 % + 0.25 × 50 % + 0.25 × 75 % (B's image not measured: 3/4 from A alone)
        assertThat(row.get("actual").decimalValue()).isEqualByComparingTo("76.25");
        assertThat(row.get("formula").asString()).contains("0.5 × 在线率 + 0.25 × 录像完整率 + 0.25 × 图像完好率");
        JsonNode header = getJson("/api/v1/evaluations/" + id);
        assertThat(header.at("/evaluation/policy/qualityWeights/recordingCompleteness").decimalValue()).isEqualByComparingTo("0.25");
        String en = read(perform(get("/api/v1/evaluations/" + id + "/rows").param("lang", "en"), ADMIN)).toString();
        assertThat(en).contains("0.5 × online rate + 0.25 × recording completeness + 0.25 × image intactness");
        // no weights: the default 0.6 / 0.2 / 0.2 → 54 + 10 + 15
        long byDefault = create(project, "{\"qualityMetric\":\"COMPOSITE\"}");
        assertThat(frontEndRow(byDefault).get("actual").decimalValue()).isEqualByComparingTo("79.00");
        assertThat(getJson("/api/v1/evaluations/" + byDefault).at("/evaluation/policy/qualityWeights/onlineRate").decimalValue())
                .isEqualByComparingTo("0.6");
        byte[] xlsx = perform(get("/api/v1/evaluations/" + id + "/export").param("format", "xlsx"), ADMIN)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var x = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(wb)) {
            assertThat(x.getText()).contains("质量指标1采用在线率、录像完整率、图像完好率加权综合（0.5 × 在线率 + 0.25 × 录像完整率 + 0.25 × 图像完好率）");
        }
    }

    @Test
    void weightsThatDoNotSumToOneAreAProblemAndCreateNothing() throws Exception {
        long project = project();
        for (String weights : List.of("{\"onlineRate\":0.5,\"recordingCompleteness\":0.5,\"imageIntactness\":0.5}",
                "{\"onlineRate\":1.2,\"recordingCompleteness\":-0.1,\"imageIntactness\":-0.1}",
                "{\"onlineRate\":1}")) {
            perform(post("/api/v1/evaluations").contentType(MediaType.APPLICATION_JSON)
                    .content(body(project, "{\"qualityMetric\":\"COMPOSITE\",\"qualityWeights\":" + weights + "}")), ADMIN)
                    .andExpectAll(problem(422)).andExpect(r -> assertThat(r.getResponse().getContentAsString())
                            .contains("policy.qualityWeights"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation WHERE project_id = ?", Long.class, project)).isZero();
    }
}
