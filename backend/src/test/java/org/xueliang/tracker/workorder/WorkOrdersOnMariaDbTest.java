package org.xueliang.tracker.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * Work orders on the real MariaDB (issue 13 item 1): the sweep opens one order per incident after the grace (also with
 * two sweeps racing), a flapping device stays on its order, an outage cluster is one order with the ≥ 8 points
 * deadline, recovery goes to PENDING_CONFIRMATION, reminders are sent once, SLA rules set deadlines, technicians see
 * only their orders, photos are checked by their bytes and size, and the figures of a small known set. Each test
 * works in a project and sites of its own (the context's database is shared with other classes, whose failing devices
 * the sweep may also take: the assertions only look at this test's devices).
 */
@OnMariaDb
@RecordApplicationEvents
class WorkOrdersOnMariaDbTest extends ApiTestSupport {

    @Autowired
    FaultSweep faults;
    @Autowired
    ReminderSweep reminders;
    @Autowired
    ProjectRepository projects;
    @Autowired
    ApplicationEvents events;

    private long project() {
        Project p = new Project();
        p.setCode(unique("IT-WO"));
        p.setCounty("新绛县");
        p.setName("工单测试项目");
        p.setPhase("一期");
        p.setContractAmount(new BigDecimal("1000.00"));
        return projects.saveAndFlush(p).getId();
    }

    private long site() {
        String code = unique("WO-SITE");
        jdbc.update("INSERT INTO site (code, name, kind) VALUES (?, ?, 'URBAN_POINT')", code, "工单点位 " + code);
        return jdbc.queryForObject("SELECT id FROM site WHERE code = ?", Long.class, code);
    }

    /** A device in service at {@code siteId} (a scratch server: the category matters only for the SLA rule test). */
    private long device(long projectId, long siteId) throws Exception {
        Map<String, Object> fields = newDevice(unique("WO"));
        fields.put("projectId", projectId);
        long id = createDevice(fields).get("id").asLong();
        jdbc.update("UPDATE device SET lifecycle = 'IN_SERVICE', site_id = ? WHERE id = ?", siteId, id);
        return id;
    }

    private static Timestamp utc(Instant at) {
        return Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private void state(long deviceId, String state, Duration ago) {
        Instant since = Instant.now().minus(ago);
        jdbc.update("DELETE FROM device_status WHERE device_id = ?", deviceId);
        jdbc.update("INSERT INTO device_status (device_id, state, since, reason, consecutive_failures, last_result_at, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?)", deviceId, state, utc(since), state.equals("UP") ? null : "TIMEOUT",
                state.equals("UP") ? 0 : 3, utc(Instant.now()), utc(Instant.now()));
    }

    /** A DATETIME column as the driver hands it over (Timestamp or LocalDateTime), read as UTC. */
    private static Instant at(Object column) {
        java.time.LocalDateTime local = column instanceof Timestamp t ? t.toLocalDateTime() : (java.time.LocalDateTime) column;
        return local.toInstant(ZoneOffset.UTC);
    }

    private List<Long> ordersOf(long deviceId) {
        return jdbc.queryForList("SELECT work_order_id FROM work_order_device WHERE device_id = ? ORDER BY work_order_id",
                Long.class, deviceId);
    }

    private Map<String, Object> order(long id) {
        return jdbc.queryForMap("SELECT * FROM work_order WHERE id = ?", id);
    }

    private String stateOf(long orderId) {
        return (String) order(orderId).get("state");
    }

    private JsonNode transition(long orderId, String user, int expected, Map<String, Object> body) throws Exception {
        return read(perform(withJson(post("/api/v1/work-orders/{id}/transitions", orderId), body), user)
                .andExpect(status().is(expected)));
    }

    @Test
    void opensOneOrderPerIncidentAfterTheGraceAndAFlappingDeviceStaysOnIt() throws Exception {
        long project = project();
        long down = device(project, site());
        long brief = device(project, site());
        state(down, "DOWN", Duration.ofMinutes(11));
        state(brief, "DOWN", Duration.ofMinutes(5));

        faults.sweep();
        faults.sweep();
        assertThat(ordersOf(down)).hasSize(1);
        assertThat(ordersOf(brief)).as("still within the 10-minute grace").isEmpty();
        long id = ordersOf(down).get(0);
        Map<String, Object> o = order(id);
        assertThat(o.get("origin")).isEqualTo("AUTO");
        assertThat(o.get("state")).isEqualTo("OPEN");
        assertThat(o.get("reason")).isEqualTo("DOWN:TIMEOUT");
        assertThat(o.get("sla_rule")).isEqualTo("DEFAULT");
        Instant opened = at(o.get("opened_at"));
        assertThat(at(o.get("respond_by"))).isEqualTo(opened.plus(Duration.ofHours(2)));
        assertThat(at(o.get("repair_by"))).isEqualTo(opened.plus(Duration.ofHours(24)));

        state(down, "UP", Duration.ZERO);
        faults.sweep();
        assertThat(stateOf(id)).isEqualTo("PENDING_CONFIRMATION");
        assertThat(order(id).get("recovered_at")).isNotNull();

        state(down, "DEGRADED", Duration.ofMinutes(1)); // flaps: back on the same order, at once (no new grace)
        faults.sweep();
        assertThat(ordersOf(down)).containsExactly(id);
        assertThat(stateOf(id)).isEqualTo("OPEN");
        assertThat(order(id).get("recovered_at")).isNull();

        state(down, "DOWN", Duration.ofMinutes(15));
        faults.sweep();
        assertThat(ordersOf(down)).containsExactly(id);

        state(down, "UP", Duration.ofSeconds(30));
        faults.sweep();
        assertThat(stateOf(id)).isEqualTo("PENDING_CONFIRMATION");
        ensureUser("wo-tech-flap", "TECHNICIAN");
        JsonNode resolved = transition(id, "wo-tech-flap", 200, Map.of("to", "RESOLVED", "cause", "POWER", "actionTaken", "重新上电"));
        assertThat(resolved.get("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("assignee").asString()).isEqualTo("wo-tech-flap");
        assertThat(resolved.get("repairedAt").asString()).as("repaired when the device came back")
                .isEqualTo(resolved.get("recoveredAt").asString());

        state(down, "DOWN", Duration.ofMinutes(12)); // a new incident after the repair is a new order
        faults.sweep();
        assertThat(ordersOf(down)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE entity_type = 'WorkOrder' AND entity_id = ?",
                Integer.class, Long.toString(id))).as("opened, recovered, failed again, recovered, resolved").isEqualTo(5);
    }

    /** A planned maintenance window of this test's own device or site (from and to relative to now). */
    private long window(String scope, long ref, Duration from, Duration to) {
        jdbc.update("INSERT INTO maintenance_window (scope_type, scope_ref, starts_at, ends_at, reason, created_by, created_at)"
                + " VALUES (?,?,?,?,?,?,?)", scope, Long.toString(ref), utc(Instant.now().plus(from)), utc(Instant.now().plus(to)),
                "工单测试维护", "admin", utc(Instant.now()));
        return jdbc.queryForObject("SELECT MAX(id) FROM maintenance_window", Long.class);
    }

    @Test
    void aPlannedMaintenanceWindowHoldsBackTheOrderAndTheGraceCountsFromItsEnd() throws Exception {
        long project = project();
        long down = device(project, site());
        state(down, "DOWN", Duration.ofMinutes(30));
        long w = window("DEVICE", down, Duration.ofMinutes(-40), Duration.ofMinutes(10));
        faults.sweep();
        assertThat(ordersOf(down)).as("down inside its maintenance window").isEmpty();

        jdbc.update("UPDATE maintenance_window SET ends_at = ? WHERE id = ?", utc(Instant.now().minus(Duration.ofMinutes(5))), w);
        faults.sweep();
        assertThat(ordersOf(down)).as("the 10-minute grace counts from the window's end, 5 minutes ago").isEmpty();

        jdbc.update("UPDATE maintenance_window SET ends_at = ? WHERE id = ?", utc(Instant.now().minus(Duration.ofMinutes(11))), w);
        faults.sweep();
        assertThat(ordersOf(down)).as("still down 11 minutes after the window").hasSize(1);

        // a window of the site holds back its devices, also one that began after the device failed (within its grace)
        long site = site();
        long other = device(project, site);
        state(other, "DOWN", Duration.ofMinutes(20));
        window("SITE", site, Duration.ofMinutes(-15), Duration.ofHours(1));
        faults.sweep();
        assertThat(ordersOf(other)).isEmpty();
    }

    private org.springframework.test.web.servlet.ResultActions uplink(long deviceId, Object uplink) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("uplinkDeviceId", uplink);
        return perform(withJson(patch("/api/v1/devices/{id}", deviceId), body), ADMIN);
    }

    private Long uplinkOf(long deviceId) {
        return jdbc.queryForObject("SELECT uplink_device_id FROM device WHERE id = ?", Long.class, deviceId);
    }

    @Test
    void aDownUplinkAndTheDownDevicesUnderItAreOneOrderAndUplinksAreChecked() throws Exception {
        long project = project();
        long uplinkSwitch = device(project, site());
        long camera1 = device(project, site());
        long camera2 = device(project, site());
        long elsewhere = device(project(), site());
        // the ledger checks a written device whole: an IN_SERVICE device needs its in-service date
        jdbc.update("UPDATE device SET in_service_on = DATE '2026-01-05' WHERE id IN (?, ?, ?, ?)", uplinkSwitch, camera1,
                camera2, elsewhere);
        assertThat(read(uplink(camera1, uplinkSwitch).andExpect(status().isOk())).get("uplinkDeviceId").asLong())
                .isEqualTo(uplinkSwitch);
        uplink(camera2, uplinkSwitch).andExpect(status().isOk());
        assertThat(getJson("/api/v1/devices/{id}", camera2).get("uplinkDeviceId").asLong()).isEqualTo(uplinkSwitch);

        uplink(camera1, camera1).andExpectAll(problem(422));
        uplink(uplinkSwitch, camera1).andExpectAll(problem(422)); // the switch hangs off its own camera: a loop
        uplink(camera1, elsewhere).andExpectAll(problem(422)); // another project
        uplink(camera1, 987654321L).andExpectAll(problem(422));
        uplink(camera1, "switch").andExpectAll(problem(422));
        assertThat(uplinkOf(camera1)).as("refused changes change nothing").isEqualTo(uplinkSwitch);
        assertThat(uplinkOf(uplinkSwitch)).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DEVICE_UPLINK' AND entity_id = ?",
                Integer.class, String.valueOf(camera1))).isEqualTo(1);

        // the switch and camera 1 are past the grace, camera 2 went down with them but was seen a little later
        state(uplinkSwitch, "DOWN", Duration.ofMinutes(12));
        state(camera1, "DOWN", Duration.ofMinutes(11));
        state(camera2, "DOWN", Duration.ofMinutes(9));
        faults.sweep();
        assertThat(ordersOf(uplinkSwitch)).hasSize(1);
        long order = ordersOf(uplinkSwitch).get(0);
        assertThat(ordersOf(camera1)).containsExactly(order);
        assertThat(ordersOf(camera2)).as("each on a site of its own: grouped by the uplink, not the site").containsExactly(order);
        assertThat(order(order).get("origin")).isEqualTo("CLUSTER");

        uplink(camera1, null).andExpect(status().isOk());
        assertThat(uplinkOf(camera1)).isNull();
    }

    @Test
    void twoSweepsRacingOpenOneOrderPerDevice() throws Exception {
        long project = project();
        List<Long> devices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long d = device(project, site()); // a site each: no cluster
            state(d, "DOWN", Duration.ofMinutes(20));
            devices.add(d);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    faults.sweep();
                    return null;
                }));
            }
            start.countDown();
            int failed = 0;
            for (Future<?> run : runs) {
                try {
                    run.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException lostTheRace) {
                    // the loser's links hit the unique key and its whole sweep rolled back
                    assertThat(lostTheRace.getCause()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
                    failed++;
                }
            }
            assertThat(failed).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        faults.sweep();
        for (long d : devices) {
            assertThat(ordersOf(d)).as("device %d", d).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT work_order_id) FROM work_order_device WHERE device_id IN ("
                + String.join(",", devices.stream().map(String::valueOf).toList()) + ")", Integer.class)).isEqualTo(6);
    }

    @Test
    void anOutageClusterIsOneOrderAndEightPointsGetTheLongerDeadline() throws Exception {
        long project = project();
        long site = site();
        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long d = device(project, site);
            state(d, "DOWN", Duration.ofMinutes(12).plusSeconds(20L * i));
            first.add(d);
        }
        faults.sweep();
        long id = ordersOf(first.get(0)).get(0);
        for (long d : first) {
            assertThat(ordersOf(d)).containsExactly(id);
        }
        Map<String, Object> o = order(id);
        assertThat(o.get("origin")).isEqualTo("CLUSTER");
        assertThat(o.get("site_id")).isEqualTo(site);
        Instant opened = at(o.get("opened_at"));
        assertThat(at(o.get("repair_by"))).isEqualTo(opened.plus(Duration.ofHours(24)));

        List<Long> more = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long d = device(project, site);
            state(d, "DOWN", Duration.ofMinutes(11));
            more.add(d);
        }
        faults.sweep();
        for (long d : more) {
            assertThat(ordersOf(d)).as("joined the site's cluster order").containsExactly(id);
        }
        o = order(id);
        assertThat(at(o.get("repair_by"))).isEqualTo(opened.plus(Duration.ofHours(48)));
        assertThat((String) o.get("sla_rule")).isEqualTo("DEFAULT (≥8)");

        for (long d : first) {
            state(d, "UP", Duration.ZERO);
        }
        faults.sweep();
        assertThat(stateOf(id)).as("five devices still down").isEqualTo("OPEN");
        for (long d : more) {
            state(d, "UP", Duration.ZERO);
        }
        faults.sweep();
        assertThat(stateOf(id)).isEqualTo("PENDING_CONFIRMATION");
    }

    @Test
    void slaRulesSetGraceAndDeadlinesAndBadRulesChangeNothing() throws Exception {
        long project = project();
        String rules = "/api/v1/projects/{id}/work-order-sla-rules";
        perform(withJson(put(rules, project), Map.of("rules", List.of(Map.of("categoryCode", "SERVER", "contractor", "*",
                "respondMinutes", 30, "repairMinutes", 240, "clusterRepairMinutes", 480, "graceSeconds", 60)))), ADMIN)
                .andExpect(status().isOk());
        perform(withJson(put(rules, project), Map.of("rules", List.of(Map.of("categoryCode", "SERVER", "contractor", "*",
                "respondMinutes", 0, "repairMinutes", 240, "clusterRepairMinutes", 480)))), ADMIN).andExpectAll(problem(422));
        ensureUser("wo-tech-rules", "TECHNICIAN");
        perform(withJson(put(rules, project), Map.of("rules", List.of())), "wo-tech-rules").andExpect(status().isForbidden());
        JsonNode kept = getJson(rules, project);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("respondMinutes").asInt()).isEqualTo(30);

        long d = device(project, site());
        state(d, "DOWN", Duration.ofMinutes(2)); // past the category's 60 s grace, within the default 10 min
        faults.sweep();
        assertThat(ordersOf(d)).hasSize(1);
        Map<String, Object> o = order(ordersOf(d).get(0));
        Instant opened = at(o.get("opened_at"));
        assertThat(at(o.get("respond_by"))).isEqualTo(opened.plus(Duration.ofMinutes(30)));
        assertThat(at(o.get("repair_by"))).isEqualTo(opened.plus(Duration.ofHours(4)));
        assertThat((String) o.get("sla_rule")).isEqualTo("RULE category=SERVER contractor=*");
    }

    @Test
    void remindersAndTheEscalationGoOutOnceEach() throws Exception {
        long project = project();
        long d = device(project, site());
        state(d, "DOWN", Duration.ofMinutes(30));
        faults.sweep();
        long id = ordersOf(d).get(0);
        Instant now = Instant.now();
        // opened 61 minutes ago, respond by 59 minutes from now: more than half the response time is gone
        jdbc.update("UPDATE work_order SET opened_at = ?, respond_by = ?, repair_by = ? WHERE id = ?", utc(now.minusSeconds(61 * 60)),
                utc(now.plusSeconds(59 * 60)), utc(now.plus(Duration.ofHours(23))), id);
        reminders.sweep();
        reminders.sweep();
        assertThat(reminderKinds(id)).containsExactly("RESPOND_HALF");

        jdbc.update("UPDATE work_order SET respond_by = ? WHERE id = ?", utc(now.minusSeconds(60)), id);
        reminders.sweep();
        reminders.sweep();
        jdbc.update("UPDATE work_order SET respond_by = ? WHERE id = ?", utc(now.minus(Duration.ofHours(2))), id);
        reminders.sweep();
        reminders.sweep();
        assertThat(reminderKinds(id)).containsExactlyInAnyOrder("RESPOND_HALF", "RESPOND_DUE", "RESPOND_ESCALATED");
        List<WorkOrderReminder> published = events.stream(WorkOrderReminder.class).filter(r -> r.workOrderId() == id).toList();
        assertThat(published).extracting(WorkOrderReminder::kind).containsExactly(WorkOrderReminder.Kind.RESPOND_HALF,
                WorkOrderReminder.Kind.RESPOND_DUE, WorkOrderReminder.Kind.RESPOND_ESCALATED);
        assertThat(published.get(0).deviceIds()).containsExactly(d);

        ensureUser("wo-tech-remind", "TECHNICIAN");
        transition(id, "wo-tech-remind", 200, Map.of("to", "ACCEPTED"));
        jdbc.update("UPDATE work_order SET respond_by = ?, repair_by = ? WHERE id = ?", utc(now.minus(Duration.ofHours(3))),
                utc(now.plusSeconds(60)), id);
        reminders.sweep();
        assertThat(reminderKinds(id)).as("accepted: no more response reminders; the repair deadline is past half")
                .containsExactlyInAnyOrder("RESPOND_HALF", "RESPOND_DUE", "RESPOND_ESCALATED", "REPAIR_HALF");
    }

    private List<String> reminderKinds(long orderId) {
        return jdbc.queryForList("SELECT kind FROM work_order_reminder WHERE work_order_id = ?", String.class, orderId);
    }

    @Test
    void techniciansWorkTheirOwnOrdersAndIllegalMovesChangeNothing() throws Exception {
        long project = project();
        long d = device(project, site());
        ensureUser("wo-tech-a", "TECHNICIAN");
        ensureUser("wo-tech-b", "TECHNICIAN");
        ensureUser("wo-manager", "MANAGER");
        ensureUser("wo-evaluator", "EVALUATOR");
        perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d), "reason", "巡检发现")), "wo-evaluator")
                .andExpect(status().isForbidden());
        perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d), "reason", "巡检发现", "assignee", "nobody-here")),
                "wo-manager").andExpectAll(problem(422));
        JsonNode created = read(perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d),
                "reason", "巡检发现立杆倾斜", "assignee", "wo-tech-a")), "wo-manager").andExpect(status().isCreated()));
        long id = created.get("id").asLong();
        assertThat(created.get("origin").asString()).isEqualTo("MANUAL");
        assertThat(created.get("devices").get(0).get("deviceId").asLong()).isEqualTo(d);
        perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d), "reason", "again")), "wo-manager")
                .andExpectAll(problem(409));

        perform(get("/api/v1/work-orders/{id}", id), "wo-tech-b").andExpectAll(problem(404));
        transition(id, "wo-tech-b", 404, Map.of("to", "ACCEPTED"));
        assertThat(read(perform(get("/api/v1/work-orders?deviceId={d}", d), "wo-tech-b").andExpect(status().isOk()))
                .get("total").asLong()).isZero();
        assertThat(read(perform(get("/api/v1/work-orders?deviceId={d}", d), "wo-tech-a").andExpect(status().isOk()))
                .get("total").asLong()).isEqualTo(1);

        transition(id, "wo-tech-a", 200, Map.of("to", "ACCEPTED"));
        JsonNode onSite = transition(id, "wo-tech-a", 200, Map.of("to", "ON_SITE", "latitude", 35.6123, "longitude", 111.0456));
        assertThat(onSite.get("onSiteLat").decimalValue()).isEqualByComparingTo("35.6123");
        long version = onSite.get("version").asLong();

        transition(id, "wo-tech-a", 409, Map.of("to", "CLOSED", "cause", "POWER")); // a technician does not close
        transition(id, "wo-tech-a", 409, Map.of("to", "CANCELLED", "note", "不想修"));
        transition(id, "wo-tech-a", 409, Map.of("to", "PENDING_CONFIRMATION")); // the system's move only
        transition(id, "wo-tech-a", 422, Map.of("to", "RESOLVED")); // no cause
        transition(id, "wo-tech-a", 409, Map.of("to", "RESOLVED", "cause", "NETWORK", "version", version - 1)); // stale
        perform(withJson(post("/api/v1/work-orders/{id}/transitions", id), Map.of("to", "FIXED")), "wo-tech-a")
                .andExpect(status().is4xxClientError());
        assertThat(stateOf(id)).isEqualTo("ON_SITE");
        assertThat(((Number) order(id).get("version")).longValue()).as("nothing changed").isEqualTo(version);

        JsonNode resolved = transition(id, "wo-tech-a", 200, Map.of("to", "RESOLVED", "cause", "VANDALISM",
                "actionTaken", "更换光纤跳线", "partsReplaced", "光纤跳线 1 根", "version", version));
        assertThat(resolved.get("cause").asString()).isEqualTo("VANDALISM");
        assertThat(ordersOf(d)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT open_device_id FROM work_order_device WHERE work_order_id = ?", Long.class, id))
                .as("released on resolving").isNull();
        JsonNode closed = transition(id, "wo-manager", 200, Map.of("to", "CLOSED", "note", "验收通过"));
        assertThat(closed.get("closedBy").asString()).isEqualTo("wo-manager");
        assertThat(closed.get("events")).hasSize(5); // opened, accepted, on site, resolved, closed
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'WorkOrder' AND entity_id = ? ORDER BY id",
                String.class, Long.toString(id))).containsExactly("WORK_ORDER_OPEN", "WORK_ORDER_ACCEPT", "WORK_ORDER_ON_SITE",
                "WORK_ORDER_RESOLVE", "WORK_ORDER_CLOSE");

        // an unassigned (automatic) order: any technician of the project may take it, then it is theirs
        long d2 = device(project, site());
        state(d2, "DOWN", Duration.ofMinutes(11));
        faults.sweep();
        long auto = ordersOf(d2).get(0);
        perform(get("/api/v1/work-orders/{id}", auto), "wo-tech-b").andExpect(status().isOk());
        transition(auto, "wo-tech-b", 200, Map.of("to", "ACCEPTED"));
        perform(get("/api/v1/work-orders/{id}", auto), "wo-tech-a").andExpectAll(problem(404));
    }

    @Test
    void aHandOpenedOrderForADeviceThatStayedUpIsNotARecovery() throws Exception {
        long project = project();
        long d = device(project, site());
        state(d, "UP", Duration.ofHours(1));
        long id = read(perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d), "reason", "立杆倾斜")),
                ADMIN).andExpect(status().isCreated())).get("id").asLong();
        faults.sweep();
        assertThat(stateOf(id)).isEqualTo("OPEN");
        state(d, "DOWN", Duration.ofMinutes(1));
        faults.sweep();
        assertThat(ordersOf(d)).as("the failing device stays on its order").containsExactly(id);
        state(d, "UP", Duration.ZERO);
        faults.sweep();
        assertThat(stateOf(id)).as("down and back during the order: recovered").isEqualTo("PENDING_CONFIRMATION");
    }

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Test
    void photosAreCheckedByTheirBytesAndSize() throws Exception {
        long project = project();
        long d = device(project, site());
        ensureUser("wo-tech-photo", "TECHNICIAN");
        ensureUser("wo-tech-other", "TECHNICIAN");
        long id = read(perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d), "reason", "拍照测试")),
                "wo-tech-photo").andExpect(status().isCreated())).get("id").asLong();
        String photos = "/api/v1/work-orders/{id}/photos";
        JsonNode photo = read(perform(multipart(photos, id).file(new MockMultipartFile("file", "x.bin", "application/octet-stream", PNG)),
                "wo-tech-photo").andExpect(status().isCreated()));
        assertThat(photo.get("mediaType").asString()).isEqualTo("image/png");
        perform(get(photos + "/{p}", id, photo.get("id").asLong()), "wo-tech-photo").andExpect(status().isOk())
                .andExpect(content().contentType("image/png")).andExpect(content().bytes(PNG));

        perform(multipart(photos, id).file(new MockMultipartFile("file", "fake.jpg", "image/jpeg",
                "<html>not a picture</html>".getBytes(StandardCharsets.UTF_8))), "wo-tech-photo").andExpectAll(problem(422));
        byte[] big = new byte[WorkOrderPhotos.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        perform(multipart(photos, id).file(new MockMultipartFile("file", "big.jpg", "image/jpeg", big)), "wo-tech-photo")
                .andExpectAll(problem(413));
        perform(multipart(photos, id).file(new MockMultipartFile("file", "x.png", "image/png", PNG)), "wo-tech-other")
                .andExpectAll(problem(404));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_order_photo WHERE work_order_id = ?", Integer.class, id))
                .as("only the real picture was kept").isEqualTo(1);
    }

    @Test
    void figuresOfASmallKnownSet() throws Exception {
        long project = project();
        ensureUser("wo-tech-fig", "TECHNICIAN");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long d = device(project, site());
            ids.add(read(perform(withJson(post("/api/v1/work-orders"), Map.of("deviceIds", List.of(d), "reason", "figures " + i)),
                    ADMIN).andExpect(status().isCreated())).get("id").asLong());
        }
        Instant opened = Instant.parse("2026-11-10T02:00:00Z"); // 10:00 in the county, mid-month
        Map<Long, Object[]> times = new LinkedHashMap<>();
        // accepted, repaired (minutes after opening); the repair deadline is 24 h
        times.put(ids.get(0), new Object[] {30, 600, "wo-tech-fig"}); // in time
        times.put(ids.get(1), new Object[] {90, 1800, "wo-tech-fig"}); // late
        times.put(ids.get(2), new Object[] {null, null, null}); // not repaired, deadline passed: decided, late
        times.forEach((id, t) -> jdbc.update("UPDATE work_order SET opened_at = ?, respond_by = ?, repair_by = ?, accepted_at = ?,"
                        + " repaired_at = ?, assignee = ?, state = ? WHERE id = ?", utc(opened), utc(opened.plus(Duration.ofHours(2))),
                utc(opened.plus(Duration.ofHours(24))), t[0] == null ? null : utc(opened.plus(Duration.ofMinutes((Integer) t[0]))),
                t[1] == null ? null : utc(opened.plus(Duration.ofMinutes((Integer) t[1]))), t[2], t[1] == null ? "OPEN" : "RESOLVED", id));
        jdbc.update("UPDATE work_order_device SET incident_started_at = ? WHERE work_order_id IN (?, ?, ?)",
                utc(opened.minus(Duration.ofMinutes(10))), ids.get(0), ids.get(1), ids.get(2));
        jdbc.update("UPDATE work_order SET opened_at = ?, state = 'CANCELLED' WHERE id = ?", utc(opened), ids.get(3));

        JsonNode report = getJson("/api/v1/work-orders/figures?projectId={p}&month=2026-11&groupBy=technician", project);
        JsonNode total = report.get("total");
        assertThat(total.get("orders").asInt()).as("the cancelled order does not count").isEqualTo(3);
        assertThat(total.get("decided").asInt()).isEqualTo(3);
        assertThat(total.get("repairedInTime").asInt()).isEqualTo(1);
        assertThat(total.get("timeliness").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(total.get("mttrMinutes").asDouble()).isEqualTo((610 + 1810) / 2.0);
        assertThat(total.get("responseMinutes").asDouble()).isEqualTo(60.0);
        assertThat(total.get("respondedInTime").asInt()).isEqualTo(2);
        JsonNode groups = report.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("key").asString()).isEqualTo("wo-tech-fig");
        assertThat(groups.get(0).get("timeliness").asDouble()).isEqualTo(0.5);
        assertThat(groups.get(1).get("key").asString()).isEqualTo("-");

        JsonNode byMonth = getJson("/api/v1/work-orders/figures?projectId={p}&month=2026-12&groupBy=month", project);
        assertThat(byMonth.get("groups")).hasSize(12);
        assertThat(byMonth.get("groups").get(10).get("key").asString()).isEqualTo("2026-11");
        assertThat(byMonth.get("groups").get(10).get("orders").asInt()).isEqualTo(3);
        perform(get("/api/v1/work-orders/figures?projectId={p}&groupBy=planet", project), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/work-orders/figures?projectId={p}&month=11-2026", project), ADMIN).andExpectAll(problem(400));

        // the 考核 sheet of the month reads the same figures: the two late orders are its LATE_REPAIR evidence
        JsonNode sheet = read(perform(withJson(post("/api/v1/assessments"), Map.of("projectId", project, "month", "2026-11")), ADMIN)
                .andExpect(status().isCreated()));
        assertThat(sheet.get("repairs").get("decided").asInt()).isEqualTo(3);
        assertThat(sheet.get("repairs").get("repairedInTime").asInt()).isEqualTo(1);
        assertThat(sheet.get("repairs").get("text").asString()).contains("维护及时性 33.33%", "按时修复 1 张");
        JsonNode late = null;
        for (JsonNode d : sheet.get("deductions")) {
            late = d.get("rule").asString().equals("LATE_REPAIR") ? d : late;
        }
        assertThat(late.get("state").asString()).isEqualTo("APPLIED");
        assertThat(late.get("count").decimalValue()).isEqualByComparingTo("2");
        assertThat(late.get("points").decimalValue()).isEqualByComparingTo("2");
        assertThat(late.get("workOrders").asInt()).isEqualTo(2);
        JsonNode evidence = getJson(late.get("evidence").asString());
        assertThat(evidence.get("workOrders")).extracting(o -> o.get("id").asLong())
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(evidence.get("workOrders")).filteredOn(o -> o.get("id").asLong() == ids.get(1))
                .extracting(o -> o.get("lateHours").asDouble()).containsExactly(6.0);
        assertThat(sheet.get("score").decimalValue()).as("no camera: only the late repairs deduct").isEqualByComparingTo("98");
        byte[] xlsx = perform(get("/api/v1/assessments/{id}/export?format=xlsx", sheet.get("assessment").get("id").asLong()), ADMIN)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var text = new StringBuilder();
            wb.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
            assertThat(text.toString()).contains("维修超时工单", "维护及时性 33.33%", String.valueOf(ids.get(1)), "尚未修复");
        }

        // the 自评表 of the month: 维护及时性 with its counts and the late orders in 质量指标1's evidence
        long evaluation = read(perform(withJson(post("/api/v1/evaluations"), Map.of("projectId", project, "from", "2026-11-01",
                "to", "2026-11-30")), ADMIN).andExpect(status().isCreated())).at("/evaluation/id").asLong();
        JsonNode frontEnd = null;
        for (JsonNode r : getJson("/api/v1/evaluations/" + evaluation + "/rows")) {
            frontEnd = "QUALITY_FRONT_END".equals(r.get("metric").asString()) ? r : frontEnd;
        }
        String summary = getJson("/api/v1/evaluations/" + evaluation + "/rows/" + frontEnd.get("id").asLong() + "/evidence")
                .toString();
        assertThat(summary).contains("维护及时性 33.33%", "期间开单 3 张", "已判定 3 张", "按时修复 1 张", "超时 2 张",
                "#" + ids.get(1), "#" + ids.get(2)).doesNotContain("#" + ids.get(0) + " ");
    }
}
