package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.xueliang.tracker.testing.ApiTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The national code (gbCode) and GB/T 28181 password over the API: create, update, patch, the refusals and their
 * words, {@code ?q=} and {@code hasGbCode}, import and export, and the reference dataset's codes. Devices live in a
 * project of 新绛县 (region 140825) made for these tests, so the reference project stays as seeded.
 */
abstract class GbLedgerApiContract extends ApiTestSupport {

    static final String REGION = "140825";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    ProjectRepository projects;
    @Autowired
    GbDirectory directory;

    long gbProject() {
        return projects.findByCode("IT-GB").map(Project::getId).orElseGet(() -> {
            Project p = new Project();
            p.setCode("IT-GB");
            p.setCounty("新绛县");
            p.setName("国标编码测试项目");
            p.setPhase("一期");
            p.setContractAmount(new BigDecimal("1000000.00"));
            p.setRegionCode(REGION);
            return projects.saveAndFlush(p).getId();
        });
    }

    /** A code no other test in this database uses: region 140825, the given type, a per-run serial. */
    static String code(String type) {
        long serial = (ProcessHandle.current().pid() * 1000 + SERIAL.incrementAndGet()) % 1_000_000;
        return REGION + "00" + "00" + type + "0" + String.format("%06d", serial);
    }

    Map<String, Object> camera(String gbCode) {
        Map<String, Object> d = newDevice(unique("GB"));
        d.put("projectId", gbProject());
        d.put("category", "FACE_CAMERA");
        d.put("probeMethod", "ONVIF");
        d.put("probePort", 80);
        d.put("gbCode", gbCode);
        return d;
    }

    JsonNode errors(org.springframework.test.web.servlet.ResultActions actions) {
        return read(actions).get("errors");
    }

    String messageOf(JsonNode errors, String field) {
        for (JsonNode e : errors) {
            if (e.get("field").asString().equals(field)) {
                return e.get("message").asString();
            }
        }
        throw new AssertionError("no error of " + field + " in " + errors);
    }

    @Test
    void aCameraIsCreatedWithItsCodeAndPasswordAndTheViewSaysOnlyThatAPasswordIsSet() throws Exception {
        String gbCode = code("132");
        Map<String, Object> body = camera(gbCode);
        body.put("gbPassword", "Gb-Reg1ster-Pw");
        JsonNode created = read(perform(withJson(post("/api/v1/devices"), body), ADMIN).andExpect(status().isCreated()));
        assertThat(created.get("gbCode").asString()).isEqualTo(gbCode);
        assertThat(created.get("gbPasswordSet").asBoolean()).isTrue();
        assertThat(created.has("gbPassword")).isFalse();
        long id = created.get("id").asLong();

        String fetched = perform(get("/api/v1/devices/{id}", id), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.gbCode").value(gbCode)).andExpect(jsonPath("$.gbPasswordSet").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(fetched).doesNotContain("Gb-Reg1ster-Pw");
        // stored as an encrypted credential of kind GB28181, read back only by the directory for the digest check
        Map<String, Object> credential = jdbc.queryForMap("SELECT c.kind, c.secret_cipher FROM device d"
                + " JOIN credential c ON c.id = d.gb_credential_id WHERE d.id = ?", id);
        assertThat(credential.get("kind")).isEqualTo("GB28181");
        assertThat((String) credential.get("secret_cipher")).isNotBlank().doesNotContain("Gb-Reg1ster-Pw");
        assertThat(directory.passwordOf(gbCode)).contains("Gb-Reg1ster-Pw");
        assertThat(directory.deviceIdsByCode(List.of(gbCode))).containsEntry(gbCode, id);
        assertThat(jdbc.queryForList("SELECT after_json FROM audit_log WHERE entity_type = 'Device'"
                + " AND entity_id = ?", String.class, String.valueOf(id)))
                .isNotEmpty().allSatisfy(after -> assertThat(after).contains(gbCode).doesNotContain("Gb-Reg1ster-Pw"));
    }

    @Test
    void putKeepsThePasswordPatchChangesTheCodeAndAnEmptyPasswordRemovesIt() throws Exception {
        Map<String, Object> body = camera(code("132"));
        body.put("gbPassword", "first-Passw0rd");
        long id = read(perform(withJson(post("/api/v1/devices"), body), ADMIN).andExpect(status().isCreated())).get("id").asLong();
        Long credentialId = jdbc.queryForObject("SELECT gb_credential_id FROM device WHERE id = ?", Long.class, id);

        body.remove("gbPassword");
        body.put("name", "改名后的摄像机");
        perform(withJson(put("/api/v1/devices/{id}", id), body), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.gbPasswordSet").value(true));
        String newCode = code("131");
        perform(patch("/api/v1/devices/{id}", id).contentType("application/merge-patch+json")
                .content("{\"gbCode\":\"" + newCode + "\",\"gbPassword\":\"second-Passw0rd\"}"), ADMIN)
                .andExpect(status().isOk()).andExpect(jsonPath("$.gbCode").value(newCode))
                .andExpect(jsonPath("$.gbPasswordSet").value(true));
        assertThat(directory.passwordOf(newCode)).contains("second-Passw0rd");

        perform(patch("/api/v1/devices/{id}", id).contentType("application/merge-patch+json")
                .content("{\"gbPassword\":\"\"}"), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.gbPasswordSet").value(false));
        assertThat(directory.passwordOf(newCode)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credential WHERE id = ?", Long.class, credentialId)).isZero();

        perform(patch("/api/v1/devices/{id}", id).contentType("application/merge-patch+json")
                .content("{\"gbCode\":null}"), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.gbCode").doesNotExist());
    }

    @Test
    void wrongCodesAreRefusedFieldByFieldInTheReadersLanguageAndChangeNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class);
        JsonNode format = errors(perform(withJson(post("/api/v1/devices"), camera("1408250000132")), ADMIN).andExpectAll(problem(422)));
        assertThat(messageOf(format, "gbCode")).isEqualTo("国标编码须为 20 位数字");

        JsonNode region = errors(perform(withJson(post("/api/v1/devices"), camera("14082400001320000001"))
                .header("Accept-Language", "en"), ADMIN).andExpectAll(problem(422)));
        assertThat(messageOf(region, "gbCode"))
                .isEqualTo("The national code must start with the project's administrative division code 140825");

        JsonNode type = errors(perform(withJson(post("/api/v1/devices"), camera(REGION + "0000" + "999" + "0000001")), ADMIN)
                .andExpectAll(problem(422)));
        assertThat(messageOf(type, "gbCode")).contains("999");

        String taken = code("132");
        JsonNode first = createDevice(camera(taken));
        JsonNode duplicate = errors(perform(withJson(post("/api/v1/devices"), camera(taken)), ADMIN).andExpectAll(problem(422)));
        assertThat(messageOf(duplicate, "gbCode")).isEqualTo("该国标编码已属于设备 " + first.get("assetTag").asString());

        Map<String, Object> noCode = camera(null);
        noCode.put("gbPassword", "some-Passw0rd");
        assertThat(messageOf(errors(perform(withJson(post("/api/v1/devices"), noCode), ADMIN).andExpectAll(problem(422))),
                "gbPassword")).isEqualTo("设置国标密码前请先填写国标编码");
        Map<String, Object> notText = camera(code("132"));
        notText.put("gbPassword", 12345678);
        perform(withJson(post("/api/v1/devices"), notText), ADMIN).andExpectAll(problem(400))
                .andExpect(jsonPath("$.errors[0].field").value("gbPassword"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class)).isEqualTo(before + 1);

        // a PUT that takes another device's code is refused too, and its own code is no conflict with itself
        Map<String, Object> other = camera(code("132"));
        long otherId = createDevice(other).get("id").asLong();
        perform(withJson(put("/api/v1/devices/{id}", otherId), other), ADMIN).andExpect(status().isOk());
        other.put("gbCode", taken);
        perform(withJson(put("/api/v1/devices/{id}", otherId), other), ADMIN).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("gbCode"));
    }

    @Test
    void aCodeTakenInAProjectTheUserCannotSeeIsRefusedWithoutNamingThatDevice() throws Exception {
        String gbCode = code("132");
        Map<String, Object> hidden = newDevice(unique("GBHID"));
        hidden.put("gbCode", gbCode); // the scratch project has no region code: any region goes
        String hiddenTag = createDevice(hidden).get("assetTag").asString();
        ensureUser("gb-manager", "MANAGER", gbProject());

        JsonNode refused = errors(perform(withJson(post("/api/v1/devices"), camera(gbCode)), "gb-manager")
                .andExpectAll(problem(422)));
        assertThat(messageOf(refused, "gbCode")).isEqualTo("该国标编码已属于另一项目中的设备").doesNotContain(hiddenTag);
        JsonNode seen = errors(perform(withJson(post("/api/v1/devices"), camera(gbCode)), ADMIN).andExpectAll(problem(422)));
        assertThat(messageOf(seen, "gbCode")).isEqualTo("该国标编码已属于设备 " + hiddenTag);
    }

    @Test
    void theListFindsADeviceByPartOfItsCodeAndFiltersByHavingOne() throws Exception {
        String gbCode = code("118");
        long withCode = createDevice(camera(gbCode)).get("id").asLong();
        long without = createDevice(camera(null)).get("id").asLong();
        long project = gbProject();

        JsonNode byCode = getJson("/api/v1/devices?projectId={p}&q={q}", project, gbCode.substring(6));
        assertThat(ids(byCode)).containsExactly(withCode);
        assertThat(ids(getJson("/api/v1/devices?projectId={p}&hasGbCode=true&size=500", project)))
                .contains(withCode).doesNotContain(without);
        assertThat(ids(getJson("/api/v1/devices?projectId={p}&hasGbCode=false&size=500", project)))
                .contains(without).doesNotContain(withCode);
        JsonNode sorted = getJson("/api/v1/devices?projectId={p}&hasGbCode=true&sort=gbCode,desc&size=500", project);
        List<String> codes = new ArrayList<>();
        sorted.get("items").forEach(d -> codes.add(d.get("gbCode").asString()));
        assertThat(codes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(d -> ids.add(d.get("id").asLong()));
        return ids;
    }

    private JsonNode importCsv(String csv) throws Exception {
        return read(perform(multipart("/api/v1/devices/import").file(new MockMultipartFile("file", "gb.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8))), ADMIN));
    }

    @Test
    void importSetsCodesRefusesBadAndDuplicateOnesAndTheExportImportsBackUnchanged() throws Exception {
        long project = gbProject();
        String a = code("132");
        String b = code("131");
        String tagA = unique("GBIMP");
        String tagB = unique("GBIMP");
        String header = "projectId,assetTag,name,category,gbCode\r\n";

        JsonNode refused = importCsv(header
                + project + "," + tagA + ",甲,FACE_CAMERA," + a + "\r\n"
                + project + "," + tagB + ",乙,DOME_CAMERA," + a + "\r\n"
                + project + "," + unique("GBIMP") + ",丙,DOME_CAMERA,14082400001310000001\r\n");
        assertThat(refused.get("status").asInt()).isEqualTo(422);
        Set<String> problems = new HashSet<>();
        refused.get("errors").forEach(e -> problems.add(e.get("row").asInt() + ":" + e.get("column").asString()));
        assertThat(problems).containsExactlyInAnyOrder("3:gbCode", "4:gbCode");
        assertThat(directory.deviceIdsByCode(List.of(a))).isEmpty();

        JsonNode imported = importCsv(header
                + project + "," + tagA + ",甲,FACE_CAMERA," + a + "\r\n"
                + project + "," + tagB + ",乙,DOME_CAMERA," + b + "\r\n");
        assertThat(imported.get("created").asInt()).isEqualTo(2);
        assertThat(directory.deviceIdsByCode(List.of(a, b))).containsOnlyKeys(a, b);

        byte[] export = perform(get("/api/v1/devices/export?projectId={p}&hasGbCode=true", project), ADMIN)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(export, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).contains(",gbCode,");
        assertThat(text).contains(a).contains(b);
        JsonNode again = read(perform(multipart("/api/v1/devices/import").file(
                new MockMultipartFile("file", "again.csv", "text/csv", export)), ADMIN).andExpect(status().isOk()));
        assertThat(again.get("unchanged").asInt()).isEqualTo(again.get("rows").asInt()).isGreaterThanOrEqualTo(2);

        // clearing the cell clears the code; a code taken by another device is a problem of that row
        JsonNode taken = importCsv(header + project + "," + tagB + ",乙,DOME_CAMERA," + a + "\r\n");
        assertThat(taken.get("errors").get(0).get("column").asString()).isEqualTo("gbCode");
        JsonNode cleared = importCsv(header + project + "," + tagA + ",甲,FACE_CAMERA,\r\n");
        assertThat(cleared.get("updated").asInt()).isEqualTo(1);
        assertThat(directory.deviceIdsByCode(List.of(a))).isEmpty();
    }

    @Test
    void theReferenceDatasetsCodesAreValidUniqueAndTypedByKind() throws Exception {
        JsonNode project = getJson("/api/v1/projects/{id}", PROJECT);
        assertThat(project.get("regionCode").asString()).isEqualTo("140824");
        JsonNode page = getJson("/api/v1/devices?projectId={p}&hasGbCode=true&size=500", PROJECT);
        Map<String, String> typeByTag = new HashMap<>();
        Set<String> codes = new HashSet<>();
        Set<String> serials = new HashSet<>();
        for (JsonNode d : page.get("items")) {
            String gbCode = d.get("gbCode").asString();
            assertThat(GbCode.check(gbCode, "140824")).as(gbCode).isEmpty();
            assertThat(gbCode).startsWith("14082400");
            codes.add(gbCode);
            serials.add(GbCode.parse(gbCode).orElseThrow().serial());
            typeByTag.put(d.get("assetTag").asString(), GbCode.parse(gbCode).orElseThrow().type());
            String category = d.get("category").asString();
            if (category.equals("FACE_CAMERA") || category.equals("CHECKPOINT_CAMERA")) {
                assertThat(gbCode.substring(10, 13)).as(d.get("assetTag").asString()).isEqualTo("132");
            }
        }
        assertThat(page.get("items").size()).isEqualTo(50);
        assertThat(codes).hasSize(50);
        assertThat(serials).hasSize(50);
        assertThat(typeByTag).containsEntry("JS-XL1-DM-001", "131").containsEntry("JS-XL1-SV-003", "118")
                .containsEntry("JS-XL1-SV-004", "118").containsEntry("JS-XL1-SV-006", "200")
                .containsEntry("JS-XL1-SV-001", "202");
        // every camera of the dataset has a code, so an NVR's catalog can link its channels to them
        JsonNode cameras = getJson("/api/v1/devices?projectId={p}&hasGbCode=false&size=500", PROJECT);
        cameras.get("items").forEach(d -> assertThat(d.get("category").asString()).doesNotEndWith("_CAMERA"));
    }
}
