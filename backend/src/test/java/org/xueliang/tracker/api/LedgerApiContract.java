package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xueliang.tracker.testing.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The REST contract of docs/API.md, run on every database by a tiny subclass per database
 * ({@link LedgerApiOnH2Test}, {@link LedgerApiOnMariaDbTest}).
 */
abstract class LedgerApiContract extends ApiTestSupport {

    private static final String DEVICES = "/api/v1/devices";

    // ---- reference data ------------------------------------------------------------------

    @Test
    void listsProjectsAndAnswersOneById() throws Exception {
        JsonNode projects = getJson("/api/v1/projects");
        assertThat(projects.get(0).get("code").asString()).isEqualTo("JISHAN-XL-1");

        perform(get("/api/v1/projects/{id}", PROJECT), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.county").value("稷山县"))
                .andExpect(jsonPath("$.contractAmount").value(4981700.00))
                .andExpect(jsonPath("$.auditedAmount").value(5265656.85))
                .andExpect(jsonPath("$.plannedStart").value("2020-11-30"))
                .andExpect(jsonPath("$.actualEnd").value("2021-08-24"));
    }

    @Test
    void answersAnUnknownProjectWith404() throws Exception {
        perform(get("/api/v1/projects/{id}", 999_999), ADMIN).andExpectAll(problem(404))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void listsTheTenConstructionItemsInOrder() throws Exception {
        JsonNode items = getJson("/api/v1/projects/{id}/construction-items", PROJECT);
        assertThat(items).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(items.get(i).get("seq").asInt()).isEqualTo(i + 1);
            assertThat(items.get(i).get("projectId").asLong()).isEqualTo(PROJECT);
        }
        assertThat(items.get(4).get("name").asString()).isEqualTo("县城区人脸智能摄像机部署");
    }

    @Test
    void listsSitesWithKindAndCoordinates() throws Exception {
        JsonNode sites = getJson("/api/v1/sites");
        assertThat(sites).hasSize(29);
        JsonNode first = sites.get(0);
        assertThat(first.get("code").asString()).isEqualTo("CC-01");
        assertThat(first.get("kind").asString()).isEqualTo("COMMAND_CENTER");
        assertThat(first.get("latitude").isNumber()).isTrue();
        assertThat(streamOf(sites).map(s -> s.get("kind").asString()).distinct())
                .containsExactlyInAnyOrder("URBAN_POINT", "TOWNSHIP", "QINGHE", "COMMAND_CENTER", "MACHINE_ROOM");
    }

    @Test
    void listsTwelveCategoriesEachWithItsTier() throws Exception {
        JsonNode categories = getJson("/api/v1/categories");
        assertThat(categories).hasSize(12);
        Map<String, String> tiers = new java.util.HashMap<>();
        categories.forEach(c -> tiers.put(c.get("code").asString(), c.get("tier").asString()));
        assertThat(tiers).containsEntry("FACE_CAMERA", "FRONT_END").containsEntry("CLOUD_CLIENT", "BACK_END")
                .containsEntry("SERVER", "BACK_END").containsEntry("FIREWALL", "BACK_END");
        assertThat(categories.get(0).get("nameZh").asString()).isNotBlank();
        assertThat(categories.get(0).get("defaultProbeMethod").asString()).isNotBlank();
    }

    // ---- device list ---------------------------------------------------------------------

    @Test
    void pagesTheDeviceList() throws Exception {
        JsonNode page = getJson(DEVICES + "?projectId={p}&page=2&size=10", PROJECT);
        assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "total", "page", "size");
        assertThat(page.get("items")).hasSize(10);
        assertThat(page.get("total").asLong()).isEqualTo(94);
        assertThat(page.get("page").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(10);

        JsonNode defaults = getJson(DEVICES + "?projectId={p}", PROJECT);
        assertThat(defaults.get("size").asInt()).isEqualTo(20);
        assertThat(defaults.get("page").asInt()).isZero();
        assertThat(getJson(DEVICES + "?projectId={p}&page=9&size=10", PROJECT).get("items")).hasSize(4);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            projectId=1                                  | 94
            projectId=1&category=FACE_CAMERA             | 40
            projectId=1&category=CHECKPOINT_CAMERA       | 4
            projectId=1&lifecycle=IN_SERVICE             | 94
            projectId=1&lifecycle=PLANNED                | 0
            projectId=1&q=JS-XL1-FC-001                  | 1
            projectId=1&q=js-xl1-sv                      | 6
            projectId=1&q=127.20.1.1                     | 16
            projectId=1&q=海康威视                         | 62
            projectId=1&category=FACE_CAMERA&q=127.20.1.1 | 11
            """)
    void filtersTheDeviceList(String query, int expectedTotal) throws Exception {
        JsonNode page = getJson(DEVICES + "?" + query + "&size=500");
        assertThat(page.get("total").asLong()).isEqualTo(expectedTotal);
        assertThat(page.get("items")).hasSize(expectedTotal);
        for (JsonNode d : page.get("items")) {
            assertThat(d.get("projectId").asLong()).isEqualTo(PROJECT);
            if (query.contains("category=FACE_CAMERA")) {
                assertThat(d.get("category").asString()).isEqualTo("FACE_CAMERA");
            }
        }
    }

    @Test
    void filtersByCategoryAloneAndBySite() throws Exception {
        JsonNode faceCameras = getJson(DEVICES + "?category=FACE_CAMERA&size=500");
        assertThat(faceCameras.get("total").asLong()).isGreaterThanOrEqualTo(40);
        faceCameras.get("items").forEach(d -> assertThat(d.get("category").asString()).isEqualTo("FACE_CAMERA"));

        long cq01 = streamOf(getJson("/api/v1/sites")).filter(s -> s.get("code").asString().equals("CQ-01"))
                .findFirst().orElseThrow().get("id").asLong();
        JsonNode atSite = getJson(DEVICES + "?projectId={p}&siteId={s}", PROJECT, cq01);
        assertThat(atSite.get("total").asLong()).isEqualTo(4);
        atSite.get("items").forEach(d -> {
            assertThat(d.get("siteId").asLong()).isEqualTo(cq01);
            assertThat(d.get("siteName").asString()).isEqualTo("稷峰街与后稷路交叉口");
        });
    }

    @Test
    void sortsAscendingAndDescending() throws Exception {
        List<String> asc = assetTags(getJson(DEVICES + "?projectId={p}&size=500&sort=assetTag,asc", PROJECT));
        List<String> desc = assetTags(getJson(DEVICES + "?projectId={p}&size=500&sort=assetTag,desc", PROJECT));
        assertThat(asc).hasSize(94).isSorted().first().isEqualTo("JS-XL1-CC-001");
        List<String> reversed = new ArrayList<>(asc);
        java.util.Collections.reverse(reversed);
        assertThat(desc).isEqualTo(reversed);
        assertThat(assetTags(getJson(DEVICES + "?projectId={p}&size=1&sort=assetTag", PROJECT))).containsExactly("JS-XL1-CC-001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sort=colour            | sort
            sort=assetTag,sideways | sort
            sort=unitPrice;desc    | sort
            size=501               | size
            size=0                 | size
            page=-1                | page
            lifecycle=BROKEN       | lifecycle
            siteId=abc             | siteId
            """)
    void refusesABadListParameterWith400(String query, String field) throws Exception {
        perform(get(DEVICES + "?" + query), ADMIN).andExpectAll(problem(400))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    // ---- one device ----------------------------------------------------------------------

    @Test
    void answersOneDeviceWithEveryField() throws Exception {
        long id = seededDeviceId("JS-XL1-FC-001");
        JsonNode d = getJson(DEVICES + "/{id}", id);
        assertThat(d.get("assetTag").asString()).isEqualTo("JS-XL1-FC-001");
        assertThat(d.get("name").asString()).isEqualTo("人脸智能摄像机-稷峰街与后稷路交叉口-1");
        assertThat(d.get("tier").asString()).isEqualTo("FRONT_END");
        assertThat(d.get("vendor").asString()).isEqualTo("海康威视");
        assertThat(d.get("ipAddress").asString()).isEqualTo("127.20.1.1");
        assertThat(d.get("lifecycle").asString()).isEqualTo("IN_SERVICE");
        assertThat(d.get("installedOn").asString()).isEqualTo("2021-04-06");
        assertThat(d.get("unitPrice").decimalValue()).isEqualByComparingTo("12800");
        assertThat(d.propertyNames()).contains("id", "projectId", "category", "constructionItemId", "siteId", "siteName",
                "serialNumber", "macAddress", "firmware", "plannedOn", "deliveredOn", "acceptedOn", "inServiceOn",
                "faultyOn", "retiredOn", "warrantyEnd", "notes", "probeMethod", "probePort", "createdAt", "updatedAt",
                "version");
        perform(get(DEVICES + "/{id}", 987_654_321), ADMIN).andExpectAll(problem(404));
    }

    @Test
    void createsADeviceAnswering201WithItsLocation() throws Exception {
        Map<String, Object> fields = newDevice(unique("IT-NEW"));
        var result = perform(withJson(post(DEVICES), fields), ADMIN)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assetTag").value(fields.get("assetTag")))
                .andExpect(jsonPath("$.tier").value("BACK_END"))
                .andExpect(jsonPath("$.lifecycle").value("PLANNED"))
                .andReturn();
        String location = result.getResponse().getHeader("Location");
        long id = read(result).get("id").asLong();
        assertThat(location).isEqualTo("/api/v1/devices/" + id);
        perform(get(location), ADMIN).andExpect(status().isOk()).andExpect(jsonPath("$.name").value(fields.get("name")));
        // its first lifecycle step is on record
        perform(get(location + "/lifecycle"), ADMIN).andExpect(jsonPath("$[0].to").value("PLANNED"))
                .andExpect(jsonPath("$[0].date").value("2024-01-10"));
    }

    @Test
    void refusesADuplicateAssetTagWith409() throws Exception {
        Map<String, Object> fields = newDevice(unique("IT-DUP"));
        createDevice(fields);
        perform(withJson(post(DEVICES), fields), ADMIN).andExpectAll(problem(409));
        // also the seeded ones
        fields.put("assetTag", "JS-XL1-FC-001");
        perform(withJson(post(DEVICES), fields), ADMIN).andExpectAll(problem(409));
    }

    @Test
    void refusesInvalidFieldsWith422NamingEachField() throws Exception {
        Map<String, Object> fields = newDevice("bad tag with spaces");
        fields.put("category", "TOASTER");
        fields.put("ipAddress", "300.1.2.3");
        fields.put("macAddress", "not-a-mac");
        fields.put("probePort", 70000);
        fields.put("unitPrice", -1);
        var body = read(perform(withJson(post(DEVICES), fields), ADMIN).andExpectAll(problem(422)));
        assertThat(streamOf(body.get("errors")).map(e -> e.get("field").asString()))
                .contains("assetTag", "category", "ipAddress", "macAddress", "probePort", "unitPrice");
        streamOf(body.get("errors")).forEach(e -> assertThat(e.get("message").asString()).isNotBlank());

        Map<String, Object> noProject = newDevice(unique("IT-NOPROJ"));
        noProject.remove("projectId");
        perform(withJson(post(DEVICES), noProject), ADMIN).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("projectId"));
    }

    @Test
    void refusesABodyThatIsNotJsonWith400() throws Exception {
        perform(post(DEVICES).contentType(MediaType.APPLICATION_JSON).content("{\"assetTag\": "), ADMIN)
                .andExpectAll(problem(400));
    }

    @Test
    void replacesADeviceWithPut() throws Exception {
        Existing device = existingDevice();
        Map<String, Object> fields = device.with("name", "更换后的名称", "vendor", "新华三", "notes", null,
                "serialNumber", null);

        perform(withJson(put(DEVICES + "/{id}", device.id()), fields), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("更换后的名称"))
                .andExpect(jsonPath("$.vendor").value("新华三"))
                .andExpect(jsonPath("$.notes").doesNotExist())
                .andExpect(jsonPath("$.serialNumber").doesNotExist())
                .andExpect(jsonPath("$.version").value(device.version() + 1));
    }

    @Test
    void patchesOnlyTheGivenFieldsAsAJsonMergePatch() throws Exception {
        JsonNode created = createDevice();
        long id = created.get("id").asLong();
        JsonNode after = read(perform(patch(DEVICES + "/{id}", id).contentType("application/merge-patch+json")
                .content("{\"name\":\"只改名称\",\"notes\":null,\"probePort\":1161}"), ADMIN).andExpect(status().isOk()));

        assertThat(after.get("name").asString()).isEqualTo("只改名称");
        assertThat(after.get("probePort").asInt()).isEqualTo(1161);
        assertThat(after.get("notes").isNull()).isTrue();
        for (String unchanged : List.of("assetTag", "category", "vendor", "model", "serialNumber", "macAddress",
                "ipAddress", "lifecycle", "plannedOn", "unitPrice", "probeMethod", "projectId")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(created.get(unchanged));
        }
    }

    @Test
    void refusesAMergePatchWithAnUnknownFieldWith400() throws Exception {
        JsonNode created = createDevice();
        perform(patch(DEVICES + "/{id}", created.get("id").asLong()).contentType("application/merge-patch+json")
                .content("{\"colour\":\"red\"}"), ADMIN)
                .andExpectAll(problem(400))
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        perform(patch(DEVICES + "/{id}", created.get("id").asLong()).contentType("application/merge-patch+json")
                .content("{\"tier\":\"FRONT_END\"}"), ADMIN).andExpectAll(problem(400));
        perform(patch(DEVICES + "/{id}", created.get("id").asLong()).contentType("application/merge-patch+json")
                .content("{\"probePort\":\"eighty\"}"), ADMIN).andExpectAll(problem(400));
        perform(patch(DEVICES + "/{id}", created.get("id").asLong()).contentType("application/merge-patch+json")
                .content("[1, 2]"), ADMIN).andExpectAll(problem(400));
        getJson(DEVICES + "/{id}", created.get("id").asLong()); // still there, unchanged
    }

    @Test
    void refusesToChangeTheLifecycleThroughPutOrPatchWith409() throws Exception {
        Existing device = existingDevice();
        perform(withJson(put(DEVICES + "/{id}", device.id()), device.with("lifecycle", "DELIVERED",
                "deliveredOn", "2024-02-01")), ADMIN).andExpectAll(problem(409));
        perform(patch(DEVICES + "/{id}", device.id()).contentType("application/merge-patch+json")
                .content("{\"lifecycle\":\"DELIVERED\"}"), ADMIN).andExpectAll(problem(409));
        assertThat(getJson(DEVICES + "/{id}", device.id()).get("lifecycle").asString()).isEqualTo("PLANNED");
    }

    @Test
    void deletesADeviceAnswering204ThenItIsGone() throws Exception {
        long id = createDevice().get("id").asLong();
        perform(delete(DEVICES + "/{id}", id), ADMIN).andExpect(status().isNoContent());
        perform(get(DEVICES + "/{id}", id), ADMIN).andExpectAll(problem(404));
        perform(delete(DEVICES + "/{id}", id), ADMIN).andExpectAll(problem(404));
    }

    @Test
    void storesAndReadsBackChineseText() throws Exception {
        Map<String, Object> fields = newDevice(unique("IT-CJK"));
        fields.put("name", "稷山县清河镇卡口摄像机（测试）");
        fields.put("notes", "稷峰镇、翟店镇、西社镇：验收合格。");
        long id = createDevice(fields).get("id").asLong();
        JsonNode read = getJson(DEVICES + "/{id}", id);
        assertThat(read.get("name").asString()).isEqualTo("稷山县清河镇卡口摄像机（测试）");
        assertThat(read.get("notes").asString()).isEqualTo("稷峰镇、翟店镇、西社镇：验收合格。");
        assertThat(jdbc.queryForObject("SELECT name FROM device WHERE id = ?", String.class, id))
                .isEqualTo("稷山县清河镇卡口摄像机（测试）");
        assertThat(getJson(DEVICES + "?q={q}", "清河镇卡口摄像机（测试").get("total").asLong()).isEqualTo(1);
        assertThat(getJson("/api/v1/projects/{id}", PROJECT).get("county").asString()).isEqualTo("稷山县");
    }

    // ---- lifecycle -----------------------------------------------------------------------

    @Test
    void recordsALegalLifecycleStep() throws Exception {
        long id = createDevice().get("id").asLong();
        perform(step(id, "DELIVERED", "2024-02-01"), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.lifecycle").value("DELIVERED"))
                .andExpect(jsonPath("$.deliveredOn").value("2024-02-01"));
        perform(step(id, "INSTALLED", "2024-02-01"), ADMIN).andExpect(status().isOk());

        JsonNode history = getJson(DEVICES + "/{id}/lifecycle", id);
        assertThat(history).hasSize(3);
        JsonNode delivered = history.get(1);
        assertThat(delivered.get("from").asString()).isEqualTo("PLANNED");
        assertThat(delivered.get("to").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("date").asString()).isEqualTo("2024-02-01");
        assertThat(delivered.get("recordedBy").asString()).isEqualTo(ADMIN);
        assertThat(delivered.get("recordedAt").asString()).isNotBlank();
        assertThat(history.get(2).get("to").asString()).isEqualTo("INSTALLED");
    }

    @ParameterizedTest(name = "PLANNED → {0}")
    @CsvSource({"INSTALLED", "ACCEPTED", "IN_SERVICE", "FAULTY", "PLANNED"})
    void refusesAnIllegalLifecycleStepWith409(String to) throws Exception {
        long id = createDevice().get("id").asLong();
        perform(step(id, to, "2024-02-01"), ADMIN).andExpectAll(problem(409));
        assertThat(getJson(DEVICES + "/{id}/lifecycle", id)).hasSize(1);
    }

    @Test
    void refusesAStepDatedBeforeThePreviousStepOrInTheFutureWith422() throws Exception {
        long id = createDevice().get("id").asLong();
        perform(step(id, "DELIVERED", "2024-01-09"), ADMIN).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString();
        perform(step(id, "DELIVERED", tomorrow), ADMIN).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        perform(step(id, "DELIVERED", "2024-01-10"), ADMIN).andExpect(status().isOk());
    }

    @Test
    void refusesAStepDatedBeforeTheReturnToServiceAfterAFault() throws Exception {
        long id = createDevice().get("id").asLong();
        for (String[] s : new String[][] {{"DELIVERED", "2024-01-11"}, {"INSTALLED", "2024-01-12"},
                {"ACCEPTED", "2024-01-13"}, {"IN_SERVICE", "2024-01-14"}, {"FAULTY", "2024-02-01"},
                {"IN_SERVICE", "2024-03-01"}}) {
            perform(step(id, s[0], s[1]), ADMIN).andExpect(status().isOk());
        }
        perform(step(id, "FAULTY", "2024-02-15"), ADMIN).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("date"));
        perform(step(id, "FAULTY", "2024-03-02"), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.inServiceOn").value("2024-01-14"))
                .andExpect(jsonPath("$.faultyOn").value("2024-03-02"));
        assertThat(getJson(DEVICES + "/{id}/lifecycle", id)).hasSize(8);
    }

    @Test
    void refusesToChangeALifecycleDateThroughPutOrPatchWith409() throws Exception {
        Existing device = existingDevice();
        long id = device.id();
        perform(step(id, "DELIVERED", "2024-02-01"), ADMIN).andExpect(status().isOk());
        Map<String, Object> fields = device.fields();
        fields.put("lifecycle", "DELIVERED");
        fields.put("deliveredOn", "2024-01-20");
        perform(withJson(put(DEVICES + "/{id}", id), fields), ADMIN).andExpectAll(problem(409));
        perform(patch(DEVICES + "/{id}", id).contentType("application/merge-patch+json")
                .content("{\"plannedOn\":\"2024-01-05\"}"), ADMIN).andExpectAll(problem(409));
        // Sending the dates unchanged, or leaving them out, is an ordinary update.
        fields.put("deliveredOn", "2024-02-01");
        fields.put("name", "日期不变");
        perform(withJson(put(DEVICES + "/{id}", id), fields), ADMIN).andExpect(status().isOk());
        fields.remove("deliveredOn");
        fields.remove("plannedOn");
        fields.remove("lifecycle");
        perform(withJson(put(DEVICES + "/{id}", id), fields), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.plannedOn").value("2024-01-10"))
                .andExpect(jsonPath("$.deliveredOn").value("2024-02-01"));
        JsonNode history = getJson(DEVICES + "/{id}/lifecycle", id);
        assertThat(history.get(0).get("date").asString()).isEqualTo("2024-01-10");
        assertThat(history.get(1).get("date").asString()).isEqualTo("2024-02-01");
    }

    private MockHttpServletRequestBuilder step(long id, String to, String date) {
        return withJson(post(DEVICES + "/{id}/lifecycle", id), Map.of("to", to, "date", date));
    }

    // ---- progress ------------------------------------------------------------------------

    @Test
    void reportsTheReferenceProjectFullyInstalled() throws Exception {
        JsonNode progress = getJson("/api/v1/projects/{id}/progress", PROJECT);
        JsonNode targets = progress.get("targets");
        assertThat(streamOf(targets).map(t -> t.get("planned").asInt())).containsExactly(45, 8, 16, 11, 14);
        for (JsonNode t : targets) {
            assertThat(t.get("installed").asInt()).as(t.get("label").asString()).isEqualTo(t.get("planned").asInt());
            assertThat(t.get("completionRate").decimalValue()).isEqualByComparingTo("1");
            assertThat(t.get("actualDate").isNull()).isFalse();
        }
        assertThat(progress.get("items")).hasSize(10);

        List<Integer> curve = new ArrayList<>();
        for (JsonNode point : progress.get("curve")) {
            assertThat(LocalDate.parse(point.get("week").asString()).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
            curve.add(point.get("installed").asInt());
        }
        assertThat(curve).isNotEmpty().isSorted();
        assertThat(curve.get(curve.size() - 1)).isEqualTo(94);

        JsonNode cost = progress.get("cost");
        assertThat(cost.get("changePct").decimalValue()).isEqualByComparingTo("5.70");
        assertThat(cost.get("withinCeiling").asBoolean()).isTrue();
        assertThat(cost.get("ceilingPct").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void answersProgressOfAnUnknownProjectWith404() throws Exception {
        perform(get("/api/v1/projects/{id}/progress", 424_242), ADMIN).andExpectAll(problem(404));
    }

    // ---- audit ---------------------------------------------------------------------------

    @Test
    void auditsAChangeWithActorBeforeAndAfter() throws Exception {
        JsonNode created = createDevice();
        long id = created.get("id").asLong();
        perform(patch(DEVICES + "/{id}", id).contentType("application/merge-patch+json").content("{\"name\":\"审计后\"}"), ADMIN)
                .andExpect(status().isOk());

        JsonNode page = getJson("/api/v1/audit?entityType=Device&entityId={id}", id);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode update = page.get("items").get(0); // newest first
        assertThat(update.get("action").asString()).isEqualTo("UPDATE");
        assertThat(update.get("actor").asString()).isEqualTo(ADMIN);
        assertThat(update.get("entityId").asString()).isEqualTo(Long.toString(id));
        assertThat(update.get("before").get("name").asString()).isEqualTo(created.get("name").asString());
        assertThat(update.get("after").get("name").asString()).isEqualTo("审计后");
        assertThat(update.get("hash").asString()).hasSize(64);
        JsonNode create = page.get("items").get(1);
        assertThat(create.get("action").asString()).isEqualTo("CREATE");
        assertThat(create.get("before").isNull()).isTrue();
        assertThat(getJson("/api/v1/audit?actor=admin&size=1").get("items")).hasSize(1);
    }

    @Test
    void verifiesTheAuditChain() throws Exception {
        createDevice();
        JsonNode result = getJson("/api/v1/audit/verify");
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.get("checked").asLong()).isGreaterThan(94);
    }

    // ---- errors --------------------------------------------------------------------------

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("404 unknown device", get(DEVICES + "/123456789"), ADMIN, 404),
                Arguments.of("404 unknown route", get("/api/v1/nothing-here"), ADMIN, 404),
                Arguments.of("400 bad sort", get(DEVICES + "?sort=nope"), ADMIN, 400),
                Arguments.of("400 bad path variable", get(DEVICES + "/abc"), ADMIN, 400),
                Arguments.of("401 no credentials", get(DEVICES), null, 401),
                Arguments.of("401 unknown user", get(DEVICES).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("nobody", "wrong-password")), null, 401),
                Arguments.of("403 not in the permission table", put("/api/v1/projects"), ADMIN, 403),
                Arguments.of("405 wrong method", get("/api/v1/users/1/unlock"), ADMIN, 405),
                Arguments.of("415 wrong content type", post(DEVICES).contentType(MediaType.TEXT_PLAIN).content("x"), ADMIN, 415),
                Arguments.of("422 empty device", post(DEVICES).contentType(MediaType.APPLICATION_JSON).content("{}"), ADMIN, 422),
                Arguments.of("409 lifecycle through PUT", put(DEVICES + "/1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lifecycle\":\"RETIRED\"}"), ADMIN, 409));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void answersEveryErrorAsAProblemDetail(String name, MockHttpServletRequestBuilder request, String user, int status)
            throws Exception {
        perform(request, user).andExpectAll(problem(status))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.detail").isString());
    }

    // ---- helpers -------------------------------------------------------------------------

    /** A device just created, with the fields it was created from, ready to be changed and PUT back. */
    record Existing(long id, long version, Map<String, Object> fields) {
        /** The fields with some changed (name, value, name, value, …); a null value leaves the field out. */
        Map<String, Object> with(Object... changes) {
            Map<String, Object> changed = new java.util.LinkedHashMap<>(fields);
            for (int i = 0; i < changes.length; i += 2) {
                if (changes[i + 1] == null) {
                    changed.remove((String) changes[i]);
                } else {
                    changed.put((String) changes[i], changes[i + 1]);
                }
            }
            return changed;
        }
    }

    private Existing existingDevice() throws Exception {
        JsonNode created = createDevice();
        return new Existing(created.get("id").asLong(), created.get("version").asLong(),
                newDevice(created.get("assetTag").asString()));
    }

    private static List<String> assetTags(JsonNode page) {
        return streamOf(page.get("items")).map(d -> d.get("assetTag").asString()).toList();
    }

    static Stream<JsonNode> streamOf(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
