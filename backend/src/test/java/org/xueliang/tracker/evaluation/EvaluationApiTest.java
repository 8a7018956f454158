package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xueliang.tracker.shared.ApiException;

import com.jayway.jsonpath.JsonPath;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-eval;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class EvaluationApiTest {

    static final String CREATE = "{\"projectId\":1,\"from\":\"2021-08-24\",\"to\":\"2022-08-23\","
            + "\"policy\":{\"maintenance\":\"EXCLUDE\",\"unknown\":\"EXCLUDE\",\"qualityMetric\":\"AVAILABILITY\"}}";

    static final String SYNTHETIC_ACCEPTED = "{\"syntheticAccepted\":true}";

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "Chief-Passw0rd-1");
    }

    /** The demo backfill's synthetic rollups for the first service year: front end 400 s down a day, back end always up. */
    @BeforeEach
    void syntheticRollups() {
        insertSyntheticRollups(jdbc);
    }

    /** The demo backfill's rollups (synthetic) for project 1 over the reference period, once per database. */
    static void insertSyntheticRollups(JdbcTemplate jdbc) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Long.class) > 0) {
            return;
        }
        List<Map<String, Object>> devices = jdbc.queryForList("SELECT d.id, c.tier FROM device d JOIN device_category c"
                + " ON c.code = d.category_code WHERE d.project_id = 1");
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2021, 8, 24); !day.isAfter(LocalDate.of(2022, 8, 23)); day = day.plusDays(1)) {
            for (Map<String, Object> d : devices) {
                boolean front = "FRONT_END".equals(d.get("tier"));
                rows.add(new Object[] {d.get("id"), Date.valueOf(day), front ? 86_000 : 86_400, 0, front ? 400 : 0, 0, 0, front ? 1 : 0, 0});
            }
        }
        jdbc.batchUpdate("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,TRUE)", rows);
    }

    long create(RequestPostProcessor who) throws Exception {
        String body = mvc.perform(post("/api/v1/evaluations").with(who).contentType(MediaType.APPLICATION_JSON).content(CREATE))
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.evaluation.id")).longValue();
    }

    List<Map<String, Object>> rows(long id) throws Exception {
        return JsonPath.read(mvc.perform(get("/api/v1/evaluations/" + id + "/rows").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$");
    }

    static Map<String, Object> row(List<Map<String, Object>> rows, String level2, int nth) {
        return rows.stream().filter(r -> level2.equals(r.get("level2"))).skip(nth).findFirst().orElseThrow();
    }

    @Test
    void qualityOneCanBeTheSampledOnlineRateUnderAnotherPolicyAndSaysSo() throws Exception {
        String body = mvc.perform(post("/api/v1/evaluations").with(admin()).contentType(MediaType.APPLICATION_JSON).content(
                        CREATE.replace("\"maintenance\":\"EXCLUDE\",\"unknown\":\"EXCLUDE\",\"qualityMetric\":\"AVAILABILITY\"",
                                "\"maintenance\":\"COUNT_AS_UP\",\"unknown\":\"COUNT_AS_DOWN\",\"qualityMetric\":\"ONLINE_RATE\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.evaluation.id")).longValue();
        List<Map<String, Object>> rows = rows(id);
        Map<String, Object> q1 = row(rows, "QUALITY", 0);
        assertThat(q1).containsEntry("source", "COMPUTED").containsEntry("metric", "QUALITY_FRONT_END");
        assertThat((String) q1.get("formula")).startsWith("在线率（抽样）").contains("口径：维护时间计为可用，无监测数据时间计为故障");
        assertThat(((Number) q1.get("actual")).doubleValue()).isEqualTo(99.54); // every sampled instant: 86000 / 86400 online
        Map<String, Object> q2 = row(rows, "QUALITY", 1);
        assertThat((String) q2.get("formula")).startsWith("可用率").contains("口径：维护时间计为可用，无监测数据时间计为故障");
    }

    @Test
    void theReferenceEvaluationComputesQualityFromFrontAndBackEndDevicesWithEvidence() throws Exception {
        long id = create(admin());
        List<Map<String, Object>> rows = rows(id);
        assertThat(rows).hasSize(15);
        assertThat(rows).extracting(r -> r.get("level1")).containsSubsequence("BUDGET", "OUTPUT", "BENEFIT", "SATISFACTION");
        long front = jdbc.queryForObject("SELECT COUNT(*) FROM device d JOIN device_category c ON c.code = d.category_code"
                + " WHERE d.project_id = 1 AND c.tier = 'FRONT_END'", Long.class);

        Map<String, Object> q1 = row(rows, "QUALITY", 0);
        assertThat(q1).containsEntry("source", "COMPUTED").containsEntry("metric", "QUALITY_FRONT_END")
                .containsEntry("name", "指标1：前端设备网络通畅，供电稳定");
        assertThat(((Number) q1.get("actual")).doubleValue()).isEqualTo(99.54); // 86000 / 86400
        assertThat(((Number) q1.get("computedScore")).doubleValue()).isEqualTo(5.0);
        assertThat((String) q1.get("formula")).contains("可用率").contains("维护时间不计入分母");
        Map<String, Object> q2 = row(rows, "QUALITY", 1);
        assertThat(q2).containsEntry("metric", "QUALITY_BACK_END");
        assertThat(((Number) q2.get("actual")).doubleValue()).isEqualTo(100.0);

        String evidence = mvc.perform(get("/api/v1/evaluations/" + id + "/rows/" + q1.get("id") + "/evidence").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("AVAILABILITY"))
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> perDevice = JsonPath.read(evidence, "$.items");
        assertThat(perDevice).hasSize((int) front).allSatisfy(d -> assertThat(d).containsKeys("device", "availability", "outages"));
        assertThat(((Number) perDevice.get(0).get("outages")).intValue()).isEqualTo(365);
        // each device's figures link to what produced them: its day rollups, repairs and maintenance windows
        String link = (String) perDevice.get(0).get("timeline");
        assertThat(link).startsWith("/api/v1/metrics/devices/" + perDevice.get(0).get("deviceId") + "/timeline?from=2021-08-24&to=2022-08-23")
                .endsWith("policy=maintenance:EXCLUDE,unknown:EXCLUDE");
        mvc.perform(get(link).with(admin())).andExpect(status().isOk()).andExpect(jsonPath("$.days.length()").value(365))
                .andExpect(jsonPath("$.figures.outages").value(365)).andExpect(jsonPath("$.maintenanceWindows").isArray());
        // the back-end row has its own evidence, one entry per back-end device, all up
        String backEnd = mvc.perform(get("/api/v1/evaluations/" + id + "/rows/" + q2.get("id") + "/evidence").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> back = JsonPath.read(backEnd, "$.items");
        assertThat(back).hasSize(94 - (int) front).allSatisfy(d -> assertThat(((Number) d.get("downSeconds")).longValue()).isZero());

        Map<String, Object> quantity = row(rows, "QUANTITY", 0);
        assertThat(quantity).containsEntry("target", 45).containsEntry("actual", 45).containsEntry("weight", 10);
        mvc.perform(get("/api/v1/evaluations/" + id + "/rows/" + quantity.get("id") + "/evidence").with(admin()))
                .andExpect(jsonPath("$.kind").value("DEVICES")).andExpect(jsonPath("$.items.length()").value(45))
                .andExpect(jsonPath("$.items[0].assetTag").exists());
        Map<String, Object> time = row(rows, "TIMELINESS", 0);
        assertThat(((Number) time.get("actual")).doubleValue()).isEqualTo(79.4); // 212 planned days / 267 actual days
        assertThat(((Number) time.get("computedScore")).doubleValue()).isEqualTo(4.0);
        Map<String, Object> cost = row(rows, "COST", 0);
        assertThat(((Number) cost.get("actual")).doubleValue()).isEqualTo(5.7);
        assertThat(((Number) cost.get("computedScore")).doubleValue()).isEqualTo(5.0);
        assertThat(cost.get("targetText")).isEqualTo("≤10%");
        Map<String, Object> budget = row(rows, "BUDGET_EXECUTION", 0);
        assertThat(((Number) budget.get("computedScore")).doubleValue()).isEqualTo(10.0);
        mvc.perform(get("/api/v1/evaluations/" + id + "/rows/" + time.get("id") + "/evidence").with(admin()))
                .andExpect(jsonPath("$.items[0].plannedEnd").value("2021-06-30")).andExpect(jsonPath("$.items[0].actualEnd").value("2021-08-24"));
        Map<String, Object> social = row(rows, "SOCIAL", 0);
        assertThat(social).containsEntry("source", "MANUAL").containsEntry("actual", null);

        mvc.perform(get("/api/v1/evaluations/" + id + "/checks").with(admin()))
                .andExpect(jsonPath("$[?(@.code == 'WEIGHTS_TOTAL')].passed").value(true))
                .andExpect(jsonPath("$[?(@.code == 'ACTUAL_MISSING')]", org.hamcrest.Matchers.hasSize(5)));
        mvc.perform(get("/api/v1/evaluations").param("projectId", "1").param("size", "5").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").exists()).andExpect(jsonPath("$.size").value(5));
    }

    @Test
    void signingFreezesTheEvaluationAndANewVersionSupersedesIt() throws Exception {
        long id = create(admin());
        List<Map<String, Object>> rows = rows(id);
        for (Map<String, Object> r : rows) {
            if ("MANUAL".equals(r.get("source"))) {
                mvc.perform(patch("/api/v1/evaluations/" + id + "/rows/" + r.get("id")).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"actual\":98,\"note\":\"公安局使用反馈\"}"))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.actual").value(98));
            }
        }
        Object time = row(rows, "TIMELINESS", 0).get("id");
        String rowUrl = "/api/v1/evaluations/" + id + "/rows/" + time;
        mvc.perform(patch(rowUrl).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"overrideScore\":4.5}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("overrideReason"));
        mvc.perform(patch(rowUrl).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"overrideScore\":6,\"overrideReason\":\"x\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(patch(rowUrl).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"weight\":6}"))
                .andExpect(status().isUnprocessableEntity());
        // a computed actual stays what the measurements give: 422, and the row is unchanged
        Object computedActual = row(rows(id), "TIMELINESS", 0).get("actual");
        mvc.perform(patch(rowUrl).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"actual\":100}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("actual"));
        assertThat(row(rows(id), "TIMELINESS", 0).get("actual")).isEqualTo(computedActual);
        mvc.perform(patch(rowUrl).with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"overrideScore\":4.5,\"overrideReason\":\"疫情停工 30 天不计入工期\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.computedScore").value(4.0)).andExpect(jsonPath("$.score").value(4.5))
                .andExpect(jsonPath("$.overrideReason").value("疫情停工 30 天不计入工期"));
        mvc.perform(put("/api/v1/evaluations/" + id + "/report").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"sections\":[{\"seq\":7,\"prose\":\"关于工期问题，设计阶段考虑疫情等原因。\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.sections[6].prose").value("关于工期问题，设计阶段考虑疫情等原因。"))
                .andExpect(jsonPath("$.sections[6].title").value("七、整改措施"));

        mvc.perform(get("/api/v1/evaluations/" + id).with(admin())).andExpect(jsonPath("$.provisional").value(false))
                .andExpect(jsonPath("$.pendingRows").value(0));
        String signed = mvc.perform(post("/api/v1/evaluations/" + id + "/sign").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(SYNTHETIC_ACCEPTED)).andExpect(status().isOk())
                .andExpect(jsonPath("$.evaluation.status").value("FINAL")).andExpect(jsonPath("$.evaluation.signedBy").value("admin"))
                .andReturn().getResponse().getContentAsString();
        String sha = JsonPath.read(signed, "$.evaluation.snapshotSha256");
        assertThat(sha).hasSize(64);
        String snapshot = jdbc.queryForObject("SELECT snapshot_json FROM evaluation WHERE id = ?", String.class, id);
        assertThat(EvaluationService.sha256(snapshot)).isEqualTo(sha);
        mvc.perform(get("/api/v1/evaluations/" + id + "/verify").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true)).andExpect(jsonPath("$.signedSha256").value(sha))
                .andExpect(jsonPath("$.storedSha256").value(sha)).andExpect(jsonPath("$.signedBy").value("admin"));
        assertThat(snapshot).contains("疫情停工 30 天不计入工期").contains("\"signedBy\":\"admin\"");

        mvc.perform(patch(rowUrl).with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"late\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("new version")));
        mvc.perform(put("/api/v1/evaluations/" + id + "/report").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sections\":[{\"seq\":1,\"prose\":\"x\"}]}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/evaluations/" + id + "/sign").with(admin())).andExpect(status().isConflict());

        // Later data changes do not alter the signed report: the hash and the exports stay the same.
        jdbc.update("UPDATE project SET spent_amount = 1000 WHERE id = 1");
        try {
            mvc.perform(get("/api/v1/evaluations/" + id).with(admin())).andExpect(jsonPath("$.evaluation.snapshotSha256").value(sha))
                    .andExpect(jsonPath("$.totalScore").value(98.7));
            byte[] xlsx = export(id, "xlsx", sha);
            assertThat(cellsOf(xlsx)).anyMatch(t -> t.contains("SHA-256：" + sha));
            assertThat(cellsOf(xlsx)).anyMatch(t -> t.equals("5,265,656.85"));
            assertThat(text(export(id, "docx", sha))).contains(sha);
            assertThat(pdfText(export(id, "pdf", sha))).contains(sha);
        } finally {
            jdbc.update("UPDATE project SET spent_amount = budget_amount WHERE id = 1");
        }

        String v2 = mvc.perform(post("/api/v1/evaluations/" + id + "/versions").with(admin())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.evaluation.version").value(2)).andExpect(jsonPath("$.evaluation.supersedesId").value(id))
                .andExpect(jsonPath("$.evaluation.status").value("DRAFT")).andReturn().getResponse().getContentAsString();
        long id2 = ((Number) JsonPath.read(v2, "$.evaluation.id")).longValue();
        assertThat(row(rows(id2), "TIMELINESS", 0)).containsEntry("score", 4.5);
        assertThat(row(rows(id2), "SOCIAL", 0)).containsEntry("actual", 98).containsEntry("note", "公安局使用反馈");
        mvc.perform(post("/api/v1/evaluations/" + id + "/versions").with(admin())).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/evaluations/" + id2 + "/sign").with(admin()).contentType(MediaType.APPLICATION_JSON)
                .content(SYNTHETIC_ACCEPTED)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/evaluations/" + id).with(admin())).andExpect(jsonPath("$.evaluation.status").value("SUPERSEDED"))
                .andExpect(jsonPath("$.evaluation.snapshotSha256").value(sha));

        List<String> actions = jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'Evaluation' AND entity_id IN (?, ?)"
                + " ORDER BY id", String.class, String.valueOf(id), String.valueOf(id2));
        assertThat(actions).containsSubsequence("EVALUATION_CREATE", "EVALUATION_ROW_EDIT", "EVALUATION_REPORT_EDIT",
                "EVALUATION_SIGN", "EVALUATION_NEW_VERSION", "EVALUATION_SIGN");
        assertThat(jdbc.queryForObject("SELECT summary FROM audit_log WHERE action = 'EVALUATION_SIGN' AND entity_id = ?", String.class,
                String.valueOf(id))).contains(sha);
        String edit = jdbc.queryForObject("SELECT before_json || ' → ' || after_json FROM audit_log WHERE action = 'EVALUATION_ROW_EDIT'"
                + " AND entity_id = ? ORDER BY id DESC LIMIT 1", String.class, String.valueOf(id));
        assertThat(edit).contains("\"overrideScore\":null").contains("\"overrideScore\":4.5");

        // a snapshot changed behind the system's back no longer matches its signature; a draft has none to verify
        jdbc.update("UPDATE evaluation SET snapshot_json = REPLACE(snapshot_json, '疫情停工', '疫情停产') WHERE id = ?", id2);
        mvc.perform(get("/api/v1/evaluations/" + id2 + "/verify").with(admin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(false));
        mvc.perform(get("/api/v1/evaluations/" + create(admin()) + "/verify").with(admin())).andExpect(status().isConflict());
    }

    @Test
    void theExportsHaveTheOfficialLayoutTheReportSectionsAndRenderChinese() throws Exception {
        long id = create(admin());
        byte[] xlsx = export(id, "xlsx", null);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            Row budgetHeader = findRow(sheet, "项目资金（元）");
            assertThat(List.of(1, 2, 3, 4)).extracting(c -> f.formatCellValue(budgetHeader.getCell(c)))
                    .containsExactly("年初预算数", "全年预算数", "全年执行数", "执行率");
            Row header = findRow(sheet, "一级指标");
            assertThat(header.getRowNum()).isGreaterThan(budgetHeader.getRowNum());
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(f.formatCellValue(c)));
            assertThat(headers).containsExactly("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施");
            Set<String> merged = new HashSet<>();
            for (CellRangeAddress r : sheet.getMergedRegions()) {
                merged.add(f.formatCellValue(sheet.getRow(r.getFirstRow()).getCell(r.getFirstColumn())) + "@" + r.getFirstColumn()
                        + ":" + (r.getLastRow() - r.getFirstRow() + 1));
            }
            // 产出 spans 5 数量 + 2 质量 + 时效 + 成本 rows; 数量 its 5 rows; 效益 4 rows; 满意度 is one row (nothing to merge).
            assertThat(merged).contains("产出指标（50分）@0:9", "数量指标@1:5", "质量指标@1:2", "效益指标（30分）@0:4", "社会效益指标@1:2");
            assertThat(findRow(sheet, "总分")).isNotNull();
        }
        String docx = text(export(id, "docx", null));
        assertThat(docx).contains(ReportSection.TITLES).contains("支出绩效自评报告").contains("一级指标").contains("草稿");
        byte[] pdf = export(id, "pdf", null);
        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("支出绩效自评报告").contains("总分").contains("一、基本情况");
        String total = JsonPath.read(mvc.perform(get("/api/v1/evaluations/" + id).with(admin())).andReturn().getResponse()
                .getContentAsString(), "$.totalScore").toString();
        assertThat(pdfText).contains("得分" + total.replaceAll("\\.0$", "") + "，等级");
        Path dir = Files.createTempDirectory("xl-eval-pdf");
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", file.toString(), dir.resolve("page").toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Path png;
        try (var files = Files.list(dir)) {
            png = files.filter(x -> x.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        BufferedImage image = ImageIO.read(png.toFile());
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("dark pixels on page 1").isGreaterThan(500);
        mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", "odt").with(admin()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void withoutTheCjkFontThePdfIsAClear503() {
        assertThatThrownBy(() -> PdfReportWriter.font("/nonexistent/NotoSansCJK-Regular.ttc,2"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("fonts-noto-cjk");
                });
    }

    @Test
    void badRequestsAreProblemsAndRolesApply() throws Exception {
        mvc.perform(post("/api/v1/evaluations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":1,\"from\":\"2022-08-23\",\"to\":\"2021-08-24\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(post("/api/v1/evaluations").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"projectId\":999,\"from\":\"2021-08-24\",\"to\":\"2022-08-23\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evaluations").param("sort", "status,asc").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/evaluations").param("sort", "snapshot_json").with(admin())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/api/v1/evaluations/999999").with(admin())).andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("problem+json")));

        for (String user : List.of("{\"username\":\"eval1\",\"displayName\":\"评价\",\"role\":\"EVALUATOR\",\"allProjects\":true,\"password\":\"evaluator-pass-1\"}",
                "{\"username\":\"mgr1\",\"displayName\":\"管理者\",\"role\":\"MANAGER\",\"allProjects\":true,\"password\":\"manager-pass-1\"}",
                "{\"username\":\"tech1\",\"displayName\":\"技术员\",\"role\":\"TECHNICIAN\",\"allProjects\":true,\"password\":\"technician-pass-1\"}")) {
            mvc.perform(post("/api/v1/users").with(admin()).contentType(MediaType.APPLICATION_JSON).content(user))
                    .andExpect(status().isCreated());
        }
        long id = create(httpBasic("eval1", "evaluator-pass-1"));
        mvc.perform(get("/api/v1/evaluations/" + id).with(httpBasic("mgr1", "manager-pass-1"))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/evaluations").with(httpBasic("mgr1", "manager-pass-1")).contentType(MediaType.APPLICATION_JSON)
                .content(CREATE)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/evaluations/" + id + "/sign").with(httpBasic("mgr1", "manager-pass-1"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evaluations").with(httpBasic("tech1", "technician-pass-1"))).andExpect(status().isForbidden());
        // Manual rows still empty: warnings, not blockers, so the evaluator may sign, giving a reason for each.
        mvc.perform(post("/api/v1/evaluations/" + id + "/sign").with(httpBasic("eval1", "evaluator-pass-1")))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post("/api/v1/evaluations/" + id + "/sign").with(httpBasic("eval1", "evaluator-pass-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(EvaluationSignOffTest.acknowledgingAll(rows(id))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.evaluation.signedBy").value("eval1"));
    }

    byte[] export(long id, String format, String sha) throws Exception {
        var result = mvc.perform(get("/api/v1/evaluations/" + id + "/export").param("format", format).with(admin()))
                .andExpect(status().isOk());
        if (sha != null) {
            result.andExpect(header().string("X-Snapshot-SHA256", sha));
        }
        return result.andReturn().getResponse().getContentAsByteArray();
    }

    static List<String> cellsOf(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter f = new DataFormatter();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> out.add(f.formatCellValue(c))));
        }
        return out;
    }

    static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder s = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                s.append(extractor.getTextFromPage(page)).append('\n');
            }
            return s.toString().replaceAll("\\s+", "");
        } finally {
            reader.close();
        }
    }

    static Row findRow(Sheet sheet, String firstCell) {
        DataFormatter f = new DataFormatter();
        for (Row r : sheet) {
            if (firstCell.equals(f.formatCellValue(r.getCell(0)))) {
                return r;
            }
        }
        throw new AssertionError("no row starting with " + firstCell);
    }
}
