package org.xueliang.tracker.stocktake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.label.LabelCode;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * Stocktake on the real MariaDB (issue 13 item 4): a site session from opening to the report (found, missing,
 * unexpected, changed, 盘点率) and a close that moves the device found at another site; unknown codes and bad input
 * change nothing; technicians scan but neither open nor close, and do not see another project's sessions; scans of
 * one device racing on several threads find it once; audit intervals and the due and overdue lists. Each test works
 * in a project and sites of its own (the database is shared with the other MariaDB classes).
 */
@OnMariaDb
class StocktakeOnMariaDbTest extends ApiTestSupport {

    private static final String STOCKTAKES = "/api/v1/stocktakes";

    @Autowired
    ProjectRepository projects;

    private long project() {
        Project p = new Project();
        p.setCode(unique("IT-ST"));
        p.setCounty("新绛县");
        p.setName("盘点测试项目");
        p.setPhase("一期");
        p.setContractAmount(new BigDecimal("1000.00"));
        return projects.saveAndFlush(p).getId();
    }

    private long site(String township) {
        String code = unique("ST-SITE");
        jdbc.update("INSERT INTO site (code, name, kind, township) VALUES (?, ?, 'URBAN_POINT', ?)", code, "盘点点位 " + code, township);
        return jdbc.queryForObject("SELECT id FROM site WHERE code = ?", Long.class, code);
    }

    private JsonNode device(long projectId, long siteId) throws Exception {
        Map<String, Object> fields = newDevice(unique("ST"));
        fields.put("projectId", projectId);
        fields.put("siteId", siteId);
        return createDevice(fields);
    }

    private JsonNode open(String user, Map<String, Object> body, int expected) throws Exception {
        return read(perform(withJson(post(STOCKTAKES), body), user).andExpect(status().is(expected)));
    }

    private JsonNode scan(long stocktake, String user, Map<String, Object> body, int expected) throws Exception {
        return read(perform(withJson(post(STOCKTAKES + "/{id}/scans", stocktake), body), user).andExpect(status().is(expected)));
    }

    private static String label(JsonNode device) {
        return new LabelCode(device.get("id").asLong(), device.get("assetTag").asString()).text("http://192.0.2.10:8080");
    }

    private int rows(String table, long stocktake) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE stocktake_id = ?", Integer.class, stocktake);
    }

    private int audits(String action, long stocktake) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_type = 'Stocktake' AND entity_id = ?",
                Integer.class, action, String.valueOf(stocktake));
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    @Test
    void aSiteStocktakeReportsFoundMissingUnexpectedAndChangedAndItsCloseMovesTheStrayDevice() throws Exception {
        long project = project();
        String township = unique("镇");
        long here = site(township);
        long elsewhere = site(unique("乡"));
        JsonNode d1 = device(project, here);
        JsonNode d2 = device(project, here);
        JsonNode d3 = device(project, here);
        JsonNode d4 = device(project, here);
        JsonNode stray = device(project, elsewhere);
        String technician = unique("st-tech");
        ensureUser(technician, "TECHNICIAN", project);

        perform(withJson(post(STOCKTAKES), Map.of("siteId", here, "projectId", project)), technician).andExpect(status().isForbidden());
        JsonNode session = open(ADMIN, Map.of("siteId", here, "projectId", project), 201);
        long id = session.get("id").asLong();
        assertThat(session.get("state").asString()).isEqualTo("OPEN");
        assertThat(session.get("expected").asInt()).isEqualTo(4);
        assertThat(session.get("openedBy").asString()).isEqualTo(ADMIN);
        assertThat(audits("STOCKTAKE_OPEN", id)).isEqualTo(1);

        JsonNode first = scan(id, technician, Map.of("code", label(d1), "latitude", 35.61, "longitude", 111.21), 200);
        assertThat(first.get("deviceId").asLong()).isEqualTo(d1.get("id").asLong());
        assertThat(first.get("repeated").asBoolean()).isFalse();
        assertThat(first.get("expected").asBoolean()).isTrue();
        scan(id, technician, Map.of("code", d2.get("assetTag").asString()), 200);
        scan(id, technician, Map.of("code", label(d3), "serial", "SN-NOT-THE-LEDGER-ONE"), 200);
        JsonNode again = scan(id, technician, Map.of("code", label(d1)), 200);
        assertThat(again.get("repeated").asBoolean()).isTrue();
        assertThat(again.get("stocktake").get("found").asInt()).as("a repeat is not counted twice").isEqualTo(1 + 2);
        JsonNode strayScan = scan(id, ADMIN, Map.of("code", stray.get("assetTag").asString()), 200);
        assertThat(strayScan.get("expected").asBoolean()).isFalse();

        // an unknown code, a device of a project the technician does not work on, bad input: 422, nothing stored
        int scans = rows("stocktake_scan", id);
        int scanAudits = audits("STOCKTAKE_SCAN", id);
        scan(id, technician, Map.of("code", "NO-SUCH-TAG-" + unique("x")), 422);
        scan(id, technician, Map.of("code", "http://192.0.2.10:8080/ledger/999999999?tag=NOPE"), 422);
        JsonNode otherProject = device(project(), here);
        scan(id, technician, Map.of("code", otherProject.get("assetTag").asString()), 422);
        scan(id, technician, Map.of("code", " "), 422);
        scan(id, technician, Map.of("code", d4.get("assetTag").asString(), "latitude", 35.6), 422);
        scan(id, technician, Map.of("code", d4.get("assetTag").asString(), "latitude", 95, "longitude", 111), 422);
        perform(post(STOCKTAKES + "/{id}/scans", id).contentType("application/json").content("{\"code\": 12"), technician)
                .andExpect(status().isBadRequest());
        assertThat(rows("stocktake_scan", id)).isEqualTo(scans).isEqualTo(5);
        assertThat(rows("stocktake_found", id)).isEqualTo(4);
        assertThat(audits("STOCKTAKE_SCAN", id)).isEqualTo(scanAudits).isEqualTo(5);

        JsonNode report = getJson(STOCKTAKES + "/{id}/report", id);
        assertThat(ids(report.get("found"))).containsExactly(d1.get("id").asLong(), d2.get("id").asLong(), d3.get("id").asLong());
        assertThat(ids(report.get("missing"))).containsExactly(d4.get("id").asLong());
        assertThat(ids(report.get("unexpected"))).containsExactly(stray.get("id").asLong());
        assertThat(report.get("rate").decimalValue()).isEqualByComparingTo("0.75");
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        report.get("changed").forEach(c -> changes.put(c.get("deviceId").asLong() + ":" + c.get("field").asString(), c));
        assertThat(changes).containsOnlyKeys(stray.get("id").asLong() + ":siteId", d3.get("id").asLong() + ":serialNumber");
        JsonNode move = changes.get(stray.get("id").asLong() + ":siteId");
        assertThat(move.get("fromSiteId").asLong()).isEqualTo(elsewhere);
        assertThat(move.get("toSiteId").asLong()).isEqualTo(here);
        assertThat(changes.get(d3.get("id").asLong() + ":serialNumber").get("seen").asString()).isEqualTo("SN-NOT-THE-LEDGER-ONE");
        assertThat(report.get("devices").get(String.valueOf(d4.get("id").asLong())).get("assetTag").asString())
                .isEqualTo(d4.get("assetTag").asString());

        // technicians scan but do not close; a technician of another project does not see the session at all
        perform(withJson(post(STOCKTAKES + "/{id}/close", id), Map.of("applyLocationChanges", true)), technician)
                .andExpect(status().isForbidden());
        String outsider = unique("st-outsider");
        ensureUser(outsider, "TECHNICIAN", PROJECT);
        perform(get(STOCKTAKES + "/{id}", id), outsider).andExpect(status().isNotFound());
        perform(withJson(post(STOCKTAKES + "/{id}/scans", id), Map.of("code", label(d4))), outsider).andExpect(status().isNotFound());
        assertThat(read(perform(get(STOCKTAKES + "?size=100"), outsider)).get("items").findValues("id").stream()
                .map(JsonNode::asLong)).doesNotContain(id);
        perform(get(STOCKTAKES + "/{id}", id), unique("nobody")).andExpect(status().isUnauthorized());

        JsonNode closed = read(perform(withJson(post(STOCKTAKES + "/{id}/close", id), Map.of("applyLocationChanges", true)), ADMIN)
                .andExpect(status().isOk()));
        assertThat(closed.get("stocktake").get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("stocktake").get("locationsApplied").asBoolean()).isTrue();
        assertThat(ids(closed.get("moved"))).containsExactly(stray.get("id").asLong());
        assertThat(getJson("/api/v1/devices/{id}", stray.get("id").asLong()).get("siteId").asLong()).isEqualTo(here);
        assertThat(getJson("/api/v1/devices/{id}", d4.get("id").asLong()).get("siteId").asLong()).isEqualTo(here);
        assertThat(audits("STOCKTAKE_CLOSE", id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'UPDATE' AND entity_type = 'Device'"
                + " AND entity_id = ?", Integer.class, String.valueOf(stray.get("id").asLong()))).isEqualTo(1);

        // closed for good: a second close and a late scan are 409 and change nothing; the report keeps the move
        perform(withJson(post(STOCKTAKES + "/{id}/close", id), Map.of("applyLocationChanges", true)), ADMIN).andExpect(status().isConflict());
        scan(id, technician, Map.of("code", label(d4)), 409);
        assertThat(rows("stocktake_found", id)).isEqualTo(4);
        JsonNode after = getJson(STOCKTAKES + "/{id}/report", id);
        assertThat(after.get("state").asString()).isEqualTo("CLOSED");
        assertThat(ids(after.get("missing"))).containsExactly(d4.get("id").asLong());
        assertThat(after.get("changed").findValues("field").stream().map(JsonNode::asString)).contains("siteId");
    }

    @Test
    void badOpeningsAreRefusedAndStoreNothing() throws Exception {
        long project = project();
        String township = unique("镇");
        long here = site(township);
        long empty = site(unique("乡"));
        device(project, here);
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM stocktake", Integer.class);
        open(ADMIN, Map.of(), 422);
        open(ADMIN, Map.of("siteId", here, "township", township), 422);
        open(ADMIN, Map.of("siteId", 999_999_999L), 422);
        open(ADMIN, Map.of("township", unique("无此镇")), 422);
        open(ADMIN, Map.of("projectId", 999_999_999L), 422);
        open(ADMIN, Map.of("siteId", empty, "projectId", project), 422);
        perform(post(STOCKTAKES).contentType("application/json").content("{\"siteId\":\"x\"}"), ADMIN).andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stocktake", Integer.class)).isEqualTo(before);

        JsonNode byTownship = open(ADMIN, Map.of("township", township, "projectId", project), 201);
        assertThat(byTownship.get("expected").asInt()).isEqualTo(1);
        assertThat(byTownship.get("township").asString()).isEqualTo(township);
        perform(get(STOCKTAKES + "/{id}", 999_999_999L), ADMIN).andExpect(status().isNotFound());
        String evaluator = unique("st-eval");
        ensureUser(evaluator, "EVALUATOR");
        perform(get(STOCKTAKES), evaluator).andExpect(status().isForbidden());
    }

    @Test
    void scansOfOneDeviceRacingOnSeveralThreadsFindItOnce() throws Exception {
        long project = project();
        long here = site(unique("镇"));
        JsonNode d = device(project, here);
        device(project, here);
        long id = open(ADMIN, Map.of("siteId", here, "projectId", project), 201).get("id").asLong();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return perform(withJson(post(STOCKTAKES + "/{id}/scans", id), Map.of("code", label(d))), ADMIN)
                        .andReturn().getResponse().getStatus();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        }
        pool.shutdown();
        JsonNode session = getJson(STOCKTAKES + "/{id}", id);
        assertThat(session.get("found").asInt()).isEqualTo(1);
        assertThat(session.get("scans").asInt()).isEqualTo(threads);
        assertThat(jdbc.queryForObject("SELECT scan_count FROM stocktake_found WHERE stocktake_id = ?", Integer.class, id))
                .isEqualTo(threads);
        assertThat(getJson(STOCKTAKES + "/{id}/report", id).get("rate").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void intervalsPerCategorySetWhatIsDueAndOverdue() throws Exception {
        long project = project();
        long here = site(unique("镇"));
        JsonNode seen = device(project, here);
        JsonNode never = device(project, here);
        String technician = unique("st-tech");
        ensureUser(technician, "TECHNICIAN", project);
        String intervals = "/api/v1/projects/{id}/stocktake-intervals";

        JsonNode defaults = read(perform(get(intervals, project), technician).andExpect(status().isOk()));
        assertThat(defaults.findValues("days").stream().map(JsonNode::asInt)).isNotEmpty().containsOnly(365);
        perform(withJson(put(intervals, project), Map.of("intervals", List.of(Map.of("categoryCode", "SERVER", "days", 20)))), technician)
                .andExpect(status().isForbidden());
        perform(withJson(put(intervals, project), Map.of("intervals", List.of(Map.of("categoryCode", "NO_SUCH", "days", 20)))), ADMIN)
                .andExpect(status().is(422));
        perform(withJson(put(intervals, project), Map.of("intervals", List.of(Map.of("categoryCode", "SERVER", "days", 0)))), ADMIN)
                .andExpect(status().is(422));
        perform(withJson(put(intervals, project), Map.of("intervals", List.of(Map.of("categoryCode", "SERVER", "days", 20),
                Map.of("categoryCode", "SERVER", "days", 30)))), ADMIN).andExpect(status().is(422));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stocktake_interval WHERE project_id = ?", Integer.class, project)).isZero();
        JsonNode set = read(perform(withJson(put(intervals, project), Map.of("intervals",
                List.of(Map.of("categoryCode", "SERVER", "days", 20)))), ADMIN).andExpect(status().isOk()));
        set.forEach(i -> {
            if (i.get("categoryCode").asString().equals("SERVER")) {
                assertThat(i.get("days").asInt()).isEqualTo(20);
                assertThat(i.get("configured").asBoolean()).isTrue();
            }
        });

        long id = open(ADMIN, Map.of("siteId", here, "projectId", project), 201).get("id").asLong();
        scan(id, technician, Map.of("code", label(seen)), 200);
        String due = "/api/v1/projects/{id}/stocktake-due";
        JsonNode list = read(perform(get(due + "?withinDays=30", project), technician).andExpect(status().isOk()));
        assertThat(list.get("overdue").findValues("deviceId").stream().map(JsonNode::asLong)).containsExactly(never.get("id").asLong());
        assertThat(list.get("due").findValues("deviceId").stream().map(JsonNode::asLong)).containsExactly(seen.get("id").asLong());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.parse(list.get("due").get(0).get("dueOn").asString())).isBetween(today.plusDays(19), today.plusDays(20));
        JsonNode narrow = getJson(due + "?withinDays=10", project);
        assertThat(narrow.get("due")).isEmpty();
        perform(get(due + "?withinDays=-1", project), ADMIN).andExpect(status().isBadRequest());
        perform(get(due, 999_999_999L), ADMIN).andExpect(status().isNotFound());
    }
}
