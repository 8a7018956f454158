package org.xueliang.tracker.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xueliang.tracker.testing.CodeTokens;

import com.jayway.jsonpath.JsonPath;

/**
 * Checks and evidence in words (zh-CN, en), and the honest sign-off: errors refuse, each open warning
 * needs a reason, and a period with synthetic data needs its notice accepted (docs/EVALUATION.md).
 * Same context as {@link EvaluationApiTest} (same database, the same synthetic rollups of the reference year).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-eval;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000"})
@AutoConfigureMockMvc
class EvaluationSignOffTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void syntheticRollups() {
        EvaluationApiTest.insertSyntheticRollups(jdbc);
    }

    /** A sign body that acknowledges every row still without a value and accepts the synthetic-data notice. */
    static String acknowledgingAll(List<Map<String, Object>> rows) {
        return "{\"syntheticAccepted\":true,\"acknowledgements\":[" + rows.stream()
                .filter(r -> r.get("actual") == null && r.get("overrideScore") == null)
                .map(r -> "{\"code\":\"ACTUAL_MISSING\",\"rowId\":" + r.get("id") + ",\"reason\":\"使用单位满意度调查尚未完成，按暂计分签署\"}")
                .collect(Collectors.joining(",")) + "]}";
    }

    long create(String period) throws Exception {
        String body = mvc.perform(post("/api/v1/evaluations").with(EvaluationApiTest.admin()).contentType(MediaType.APPLICATION_JSON)
                .content(period)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.evaluation.id")).longValue();
    }

    String json(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(EvaluationApiTest.admin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    String zh(String url) throws Exception {
        return json(get(url).header("Accept-Language", "zh-CN,zh;q=0.9"));
    }

    String en(String url) throws Exception {
        return json(get(url).header("Accept-Language", "en-US,en;q=0.9"));
    }

    ResultSign sign(long id, String body) throws Exception {
        var request = post("/api/v1/evaluations/" + id + "/sign").with(EvaluationApiTest.admin());
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        var response = mvc.perform(request).andReturn().getResponse();
        return new ResultSign(response.getStatus(), response.getContentAsString());
    }

    record ResultSign(int status, String body) {
    }

    @Test
    void checksSpeakTheRequestsLanguageAndTitlesStateTheProblem() throws Exception {
        long id = create(EvaluationApiTest.CREATE);
        String url = "/api/v1/evaluations/" + id + "/checks";
        String zh = zh(url);
        List<Map<String, Object>> missing = JsonPath.read(zh, "$[?(@.code == 'ACTUAL_MISSING')]");
        assertThat(missing).hasSize(5).allSatisfy(c -> {
            assertThat(c).containsEntry("title", "实际完成值未填写").containsEntry("severityLabel", "提醒").containsEntry("severity", "WARNING")
                    .containsEntry("passed", false);
            assertThat((String) c.get("message")).contains("尚未填写实际完成值");
            assertThat(c.get("rowId")).isNotNull();
        });
        List<Map<String, Object>> total = JsonPath.read(zh, "$[?(@.code == 'WEIGHTS_TOTAL')]");
        assertThat(total.get(0)).containsEntry("title", "分值合计等于模板总分").containsEntry("severityLabel", "错误")
                .containsEntry("message", "各行分值合计 100 分，与自评表总分一致。");

        for (String en : List.of(en(url), json(get(url).param("lang", "en")))) {
            List<Map<String, Object>> m = JsonPath.read(en, "$[?(@.code == 'ACTUAL_MISSING')]");
            assertThat(m).hasSize(5).allSatisfy(c -> {
                assertThat(c).containsEntry("title", "Actual value not entered").containsEntry("severityLabel", "Warning");
                assertThat((String) c.get("message")).contains("has no actual value yet");
            });
        }
        // lang wins over Accept-Language; a language we do not speak is a 400
        assertThat((List<?>) JsonPath.read(json(get(url).param("lang", "zh-CN").header("Accept-Language", "en")),
                "$[?(@.title == '实际完成值未填写')]")).hasSize(5);
        mvc.perform(get(url).param("lang", "fr").with(EvaluationApiTest.admin())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }

    @Test
    void rowsAndEvidenceSpeakTheRequestsLanguageAndSayWhenDataIsSynthetic() throws Exception {
        long id = create(EvaluationApiTest.CREATE);
        List<Map<String, Object>> zhRows = JsonPath.read(zh("/api/v1/evaluations/" + id + "/rows"), "$");
        List<Map<String, Object>> enRows = JsonPath.read(en("/api/v1/evaluations/" + id + "/rows"), "$");
        Map<String, Object> q1 = EvaluationApiTest.row(zhRows, "QUALITY", 0);
        assertThat(q1).containsEntry("sourceLabel", "系统计算").containsEntry("level1Label", "产出指标").containsEntry("level2Label", "质量指标");
        assertThat((String) q1.get("evidenceSummary")).startsWith("前端设备 ").contains("可用率 99.54%");
        assertThat((String) EvaluationApiTest.row(zhRows, "BUDGET_EXECUTION", 0).get("formula"))
                .matches("预算执行率 = 全年执行数 / 全年预算数 = [0-9,]+\\.\\d\\d 元 / [0-9,]+\\.\\d\\d 元；得分 = 10 × min\\(执行率, 1\\)");
        // the English UI gets English formulas, labels and summaries: not one Chinese character in them
        assertThat(enRows).filteredOn(r -> "COMPUTED".equals(r.get("source"))).hasSize(10).allSatisfy(r -> {
            assertThat((String) r.get("formula")).doesNotContainPattern("\\p{IsHan}");
            assertThat((String) r.get("evidenceSummary")).doesNotContainPattern("\\p{IsHan}");
            assertThat((String) r.get("level2Label")).doesNotContainPattern("\\p{IsHan}");
            assertThat(r).containsEntry("sourceLabel", "computed by the system");
        });
        assertThat((String) EvaluationApiTest.row(enRows, "QUALITY", 0).get("formula")).startsWith("Availability = ")
                .contains("policy: maintenance time left out of the denominator");
        assertThat((String) EvaluationApiTest.row(enRows, "QUANTITY", 0).get("formula")).contains("selection: device categories ");

        String url = "/api/v1/evaluations/" + id + "/rows/" + q1.get("id") + "/evidence";
        String zh = zh(url);
        assertThat((Boolean) JsonPath.read(zh, "$.synthetic")).isTrue();
        assertThat((String) JsonPath.read(zh, "$.syntheticNotice")).isEqualTo("含模拟数据，不得用于正式报送");
        assertThat((String) JsonPath.read(zh, "$.summary")).isEqualTo(q1.get("evidenceSummary"));
        assertThat((String) JsonPath.read(zh, "$.sourceLabel")).isEqualTo("系统计算");
        String en = en(url);
        assertThat((String) JsonPath.read(en, "$.syntheticNotice")).isEqualTo("Contains simulated data; not for official submission");
        assertThat((String) JsonPath.read(en, "$.summary")).matches("\\d+ front-end devices, availability 99.54%, coverage 100(\\.0)?%; source: .*");
        assertThat((Boolean) JsonPath.read(zh("/api/v1/evaluations/" + id), "$.synthetic")).isTrue();

        // a period without synthetic rollups is not flagged, and its evidence carries no notice
        long real = create(EvaluationApiTest.CREATE.replace("2021-08-24", "2023-01-01").replace("2022-08-23", "2023-06-30"));
        assertThat((Boolean) JsonPath.read(zh("/api/v1/evaluations/" + real), "$.synthetic")).isFalse();
        Object realQ1 = EvaluationApiTest.row(JsonPath.read(zh("/api/v1/evaluations/" + real + "/rows"), "$"), "QUALITY", 0).get("id");
        String realEvidence = zh("/api/v1/evaluations/" + real + "/rows/" + realQ1 + "/evidence");
        assertThat((Boolean) JsonPath.read(realEvidence, "$.synthetic")).isFalse();
        assertThat((Map<String, Object>) JsonPath.read(realEvidence, "$")).doesNotContainKey("syntheticNotice");
    }

    @Test
    void anOpenErrorRefusesTheSignatureAndChangesNothing() throws Exception {
        long id = create(EvaluationApiTest.CREATE);
        List<Map<String, Object>> rows = JsonPath.read(zh("/api/v1/evaluations/" + id + "/rows"), "$");
        jdbc.update("UPDATE evaluation_row SET weight = 4 WHERE id = ?", ((Number) EvaluationApiTest.row(rows, "COST", 0).get("id")).longValue());
        ResultSign refused = sign(id, acknowledgingAll(rows));
        assertThat(refused.status()).isEqualTo(422);
        List<Map<String, Object>> errors = JsonPath.read(refused.body(), "$.errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("WEIGHTS_TOTAL", "LEVEL1_WEIGHT_OUTPUT");
        assertThat(errors).extracting(e -> (String) e.get("message")).contains("各行分值合计 99 分，自评表总分应为 100 分。");
        assertThat((String) JsonPath.read(refused.body(), "$.detail")).isEqualTo("有 2 项错误检查未通过，修正后才能签署");
        assertThat(jdbc.queryForMap("SELECT status, snapshot_json, signed_by FROM evaluation WHERE id = ?", id))
                .containsEntry("status", "DRAFT").containsEntry("snapshot_json", null).containsEntry("signed_by", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'EVALUATION_SIGN' AND entity_id = ?", Long.class,
                String.valueOf(id))).isZero();
    }

    @Test
    void eachOpenWarningNeedsAReasonAndSyntheticDataItsNoticeBeforeSigning() throws Exception {
        long id = create(EvaluationApiTest.CREATE);
        String summary = zh("/api/v1/evaluations/" + id);
        assertThat((Boolean) JsonPath.read(summary, "$.provisional")).isTrue();
        assertThat((Integer) JsonPath.read(summary, "$.pendingRows")).isEqualTo(5);
        assertThat((Boolean) JsonPath.read(summary, "$.synthetic")).isTrue();
        assertThat((String) JsonPath.read(summary, "$.statusLabel")).isEqualTo("草稿");
        assertThat((String) JsonPath.read(en("/api/v1/evaluations/" + id), "$.statusLabel")).isEqualTo("Draft");
        List<Map<String, Object>> rows = JsonPath.read(zh("/api/v1/evaluations/" + id + "/rows"), "$");
        List<Object> empty = rows.stream().filter(r -> r.get("actual") == null).map(r -> r.get("id")).toList();
        assertThat(empty).hasSize(5);

        // no body: every open warning and the synthetic notice are listed
        ResultSign bare = sign(id, null);
        assertThat(bare.status()).isEqualTo(422);
        List<Map<String, Object>> errors = JsonPath.read(bare.body(), "$.errors");
        assertThat(errors).filteredOn(e -> "ACTUAL_MISSING".equals(e.get("field"))).extracting(e -> e.get("rowId"))
                .containsExactlyInAnyOrderElementsOf(empty);
        assertThat(errors).extracting(e -> e.get("field")).contains("syntheticAccepted");

        // one reason blank, another for a row that has no open warning: that row is still listed, alone
        String almost = acknowledgingAll(rows).replaceFirst("\"reason\":\"[^\"]+\"", "\"reason\":\"  \"")
                .replace("\"acknowledgements\":[", "\"acknowledgements\":[{\"code\":\"ACTUAL_MISSING\",\"rowId\":"
                        + EvaluationApiTest.row(rows, "COST", 0).get("id") + ",\"reason\":\"不需要\"},");
        ResultSign oneMissing = sign(id, almost);
        assertThat(oneMissing.status()).isEqualTo(422);
        assertThat((List<Object>) JsonPath.read(oneMissing.body(), "$.errors[*].rowId")).containsExactly(empty.get(0));
        assertThat((String) JsonPath.read(oneMissing.body(), "$.errors[0].message")).startsWith("请说明签署原因：");

        // every reason given but the synthetic notice not accepted
        ResultSign notAccepted = sign(id, acknowledgingAll(rows).replace("\"syntheticAccepted\":true", "\"syntheticAccepted\":false"));
        assertThat(notAccepted.status()).isEqualTo(422);
        assertThat((List<Object>) JsonPath.read(notAccepted.body(), "$.errors[*].field")).containsExactly("syntheticAccepted");
        assertThat((String) JsonPath.read(notAccepted.body(), "$.errors[0].message")).contains("含模拟数据，不得用于正式报送");
        assertThat(jdbc.queryForObject("SELECT status FROM evaluation WHERE id = ?", String.class, id)).isEqualTo("DRAFT");

        ResultSign signed = sign(id, acknowledgingAll(rows));
        assertThat(signed.status()).isEqualTo(200);
        assertThat((String) JsonPath.read(signed.body(), "$.evaluation.status")).isEqualTo("FINAL");
        String after = zh("/api/v1/evaluations/" + id);
        List<Map<String, Object>> acks = JsonPath.read(after, "$.acknowledgements");
        assertThat(acks).hasSize(5).allSatisfy(a -> assertThat(a).containsEntry("code", "ACTUAL_MISSING").containsEntry("by", "admin")
                .containsEntry("reason", "使用单位满意度调查尚未完成，按暂计分签署").containsKey("at"));
        assertThat(acks).extracting(a -> a.get("rowId")).containsExactlyInAnyOrderElementsOf(empty);
        assertThat((Boolean) JsonPath.read(after, "$.synthetic")).isTrue();
        assertThat((Boolean) JsonPath.read(after, "$.provisional")).isTrue();
        assertThat((String) JsonPath.read(after, "$.statusLabel")).isEqualTo("已签署");
        String snapshot = jdbc.queryForObject("SELECT snapshot_json FROM evaluation WHERE id = ?", String.class, id);
        assertThat((Boolean) JsonPath.read(snapshot, "$.synthetic")).isTrue();
        assertThat((List<Object>) JsonPath.read(snapshot, "$.acknowledgements[*].reason")).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT summary FROM audit_log WHERE action = 'EVALUATION_SIGN' AND entity_id = ?", String.class,
                String.valueOf(id))).contains("5 warning(s) acknowledged").contains("synthetic");
    }

    /** Issue 8: no internal code in any human text of the zh-CN check and evidence responses of the reference evaluation. */
    @Test
    void theZhCnChecksRowsAndEvidenceOfTheReferenceEvaluationCarryNoCodes() throws Exception {
        long id = create(EvaluationApiTest.CREATE);
        List<String> texts = new ArrayList<>();
        String summary = zh("/api/v1/evaluations/" + id);
        texts.add(JsonPath.read(summary, "$.statusLabel"));
        texts.add(JsonPath.read(summary, "$.gradeLabel"));
        for (Map<String, Object> c : JsonPath.<List<Map<String, Object>>>read(zh("/api/v1/evaluations/" + id + "/checks"), "$")) {
            List.of("title", "message", "severityLabel").forEach(k -> texts.add((String) c.get(k)));
        }
        List<Map<String, Object>> rows = JsonPath.read(zh("/api/v1/evaluations/" + id + "/rows"), "$");
        for (Map<String, Object> r : rows) {
            List.of("level1Label", "level2Label", "name", "targetText", "actualText", "unit", "sourceLabel", "formula", "note",
                    "evidenceSummary").forEach(k -> texts.add((String) r.get(k)));
            String evidence = zh("/api/v1/evaluations/" + id + "/rows/" + r.get("id") + "/evidence");
            for (String k : List.of("name", "sourceLabel", "formula", "note", "summary", "syntheticNotice")) {
                Map<String, Object> e = JsonPath.read(evidence, "$");
                texts.add((String) e.get(k));
            }
        }
        assertThat(texts).filteredOn(t -> t != null && !t.isBlank()).hasSizeGreaterThan(100);
        assertThat(texts).contains("含模拟数据，不得用于正式报送");
        List<String> offending = texts.stream().flatMap(t -> CodeTokens.offending(t).stream().map(code -> code + " in «" + t + "»"))
                .toList();
        assertThat(offending).isEmpty();
    }
}
