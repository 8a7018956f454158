package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.Browser;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/** Browser sessions with CSRF, HTTP Basic, lockout, project scoping and the care taken with passwords. */
@OnH2
class SessionSecurityTest extends ApiTestSupport {

    @Test
    void formLoginWithTheCsrfTokenAnswersTheCurrentUser() throws Exception {
        String user = unique("form-manager");
        ensureUser(user, "MANAGER");
        formLogin(user, passwordOf(user)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(user))
                .andExpect(jsonPath("$.role").value("MANAGER"));
    }

    @Test
    void formLoginWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post(LOGIN).param("username", ADMIN).param("password", ADMIN_PASSWORD))
                .andExpectAll(problem(401));
    }

    @Test
    void aSessionNeedsTheCsrfHeaderToChangeAnything() throws Exception {
        Browser browser = logIn(ADMIN);
        String body = toJson(newDevice(unique("CSRF")));
        mvc.perform(browser.read(post("/api/v1/devices"))
                .contentType("application/json").content(body)).andExpectAll(problem(403));
        mvc.perform(browser.read(post("/api/v1/devices"))
                .header("X-XSRF-TOKEN", "forged").contentType("application/json").content(body)).andExpectAll(problem(403));
        mvc.perform(browser.send(post("/api/v1/devices")).contentType("application/json").content(body))
                .andExpect(status().isCreated());
        // reading needs no token
        mvc.perform(browser.read(get("/api/v1/devices?size=1"))).andExpect(status().isOk());
    }

    @Test
    void httpBasicNeedsNoCsrfToken() throws Exception {
        perform(withJson(post("/api/v1/devices"), newDevice(unique("BASIC"))), ADMIN).andExpect(status().isCreated());
    }

    /** xl.security.max-failed-logins (5) wrong passwords in a row: the account locks. */
    private void failFiveLogins(String user) throws Exception {
        for (int i = 1; i <= 5; i++) {
            formLogin(user, "wrong-password-" + i).andExpectAll(problem(401));
        }
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        String user = unique("lock-tech");
        long id = ensureUser(user, "TECHNICIAN");
        failFiveLogins(user);
        formLogin(user, passwordOf(user)).andExpectAll(problem(423)).andExpect(jsonPath("$.title").value("Account locked"));
        perform(get("/api/v1/auth/me"), user).andExpectAll(problem(401));
        JsonNode locked = getJson("/api/v1/users/{id}", id);
        assertThat(locked.get("locked").asBoolean()).isTrue();
        assertThat(locked.get("lockedUntil").asString()).isNotBlank();
        // Newest first: the refused attempts after the lock (LOGIN_FAILED, LOCKED), then the lock itself.
        List<String> actions = new ArrayList<>();
        getJson("/api/v1/audit?entityType=User&entityId={id}", id).get("items").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).containsSubsequence("LOGIN_FAILED", "LOCK", "LOGIN_FAILED").containsOnlyOnce("LOCK");

        perform(post("/api/v1/users/{id}/unlock", id), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false));
        perform(get("/api/v1/auth/me"), user).andExpect(status().isOk());
        formLogin(user, passwordOf(user)).andExpect(status().isOk());
    }

    @Test
    void aLockedAccountOpensAgainByItselfWhenTheLockRunsOut() throws Exception {
        String user = unique("expire-tech");
        long id = ensureUser(user, "TECHNICIAN");
        failFiveLogins(user);
        perform(get("/api/v1/auth/me"), user).andExpectAll(problem(401));
        JsonNode locked = getJson("/api/v1/users/{id}", id);
        assertThat(locked.get("locked").asBoolean()).isTrue();
        // xl.security.lock-minutes (15 by default) from the fifth failure
        assertThat(java.time.Duration.between(Instant.now(), Instant.parse(locked.get("lockedUntil").asString())).toMinutes())
                .isBetween(13L, 15L);
        // the lock's end passes (moved back by a quarter of an hour): the right password works again without an admin
        jdbc.update("UPDATE app_user SET locked_until = TIMESTAMPADD(MINUTE, -16, locked_until) WHERE id = ?", id);
        perform(get("/api/v1/auth/me"), user).andExpect(status().isOk());
        assertThat(getJson("/api/v1/users/{id}", id).get("locked").asBoolean()).isFalse();
    }

    @Test
    void fourWrongPasswordsThenTheRightOneStartOver() throws Exception {
        String user = unique("count-tech");
        ensureUser(user, "TECHNICIAN");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                mvc.perform(get("/api/v1/auth/me").with(httpBasic(user, "wrong-password"))).andExpectAll(problem(401));
            }
            perform(get("/api/v1/auth/me"), user).andExpect(status().isOk());
        }
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        Browser browser = logIn(ADMIN);
        mvc.perform(browser.read(get("/api/v1/auth/me"))).andExpect(status().isOk());
        MvcResult logout = mvc.perform(browser.send(post("/api/v1/auth/logout"))).andExpect(status().isNoContent()).andReturn();
        Cookie cleared = logout.getResponse().getCookie("XL_SESSION");
        assertThat(cleared).isNotNull();
        assertThat(cleared.getMaxAge()).isZero();
        // the session is gone from the database, so its cookie opens nothing anywhere
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class,
                browser.sessionId())).isZero();
        mvc.perform(browser.read(get("/api/v1/auth/me"))).andExpectAll(problem(401));
    }

    @Test
    void challengesPlainClientsWithBasicButNotTheWebApp() throws Exception {
        mvc.perform(get("/api/v1/devices")).andExpectAll(problem(401))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic ")));
        mvc.perform(get("/api/v1/devices").header("X-Requested-With", "XMLHttpRequest")).andExpectAll(problem(401))
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void meShowsTheRoleAndItsPermissions() throws Exception {
        String user = unique("me-evaluator");
        ensureUser(user, "EVALUATOR");
        JsonNode me = read(perform(get("/api/v1/auth/me"), user).andExpect(status().isOk()));
        assertThat(me.get("username").asString()).isEqualTo(user);
        assertThat(me.get("displayName").asString()).isEqualTo("测试 " + user);
        assertThat(me.get("role").asString()).isEqualTo("EVALUATOR");
        assertThat(LedgerApiContract.streamOf(me.get("permissions")).map(JsonNode::asString))
                .containsExactlyInAnyOrder("LEDGER_READ", "PROGRESS_READ", "STATUS_READ", "EVALUATION_READ",
                        "EVALUATION_WRITE", "EVALUATION_SIGN");
        assertThat(me.get("allProjects").asBoolean()).isTrue();
    }

    @Test
    void aUserLimitedToAnotherProjectSeesNothingOfProjectOne() throws Exception {
        long scratch = scratchProject();
        createDevice();
        String user = unique("scoped-manager");
        ensureUser(user, "MANAGER", scratch);
        long seeded = seededDeviceId("JS-XL1-FC-001");

        JsonNode me = read(perform(get("/api/v1/auth/me"), user));
        assertThat(me.get("allProjects").asBoolean()).isFalse();
        assertThat(me.get("projectIds").get(0).asLong()).isEqualTo(scratch);

        assertThat(read(perform(get("/api/v1/devices?projectId={p}", PROJECT), user)).get("total").asLong()).isZero();
        JsonNode visible = read(perform(get("/api/v1/devices?size=500"), user).andExpect(status().isOk()));
        assertThat(visible.get("total").asLong()).isPositive();
        visible.get("items").forEach(d -> assertThat(d.get("projectId").asLong()).isEqualTo(scratch));
        perform(get("/api/v1/devices/{id}", seeded), user).andExpectAll(problem(404));
        perform(get("/api/v1/devices/{id}/lifecycle", seeded), user).andExpectAll(problem(404));
        perform(get("/api/v1/projects/{id}/progress", PROJECT), user).andExpectAll(problem(404));
        perform(get("/api/v1/projects/{id}", PROJECT), user).andExpectAll(problem(404));
        perform(get("/api/v1/projects/{id}/construction-items", PROJECT), user).andExpectAll(problem(404));
        JsonNode projects = read(perform(get("/api/v1/projects"), user));
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("id").asLong()).isEqualTo(scratch);
        perform(get("/api/v1/projects/{id}/progress", scratch), user).andExpect(status().isOk());

        Map<String, Object> intoProjectOne = newDevice(unique("SCOPE"));
        intoProjectOne.put("projectId", PROJECT);
        perform(withJson(post("/api/v1/devices"), intoProjectOne), user).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("projectId"));
        perform(withJson(put("/api/v1/devices/{id}", seeded), newDevice("JS-XL1-FC-001")), user).andExpectAll(problem(404));
        perform(delete("/api/v1/devices/{id}", seeded), user).andExpectAll(problem(404));
        perform(withJson(post("/api/v1/devices/{id}/lifecycle", seeded), Map.of("to", "FAULTY")), user)
                .andExpectAll(problem(404));
        assertThat(getJson("/api/v1/devices/{id}", seeded).get("lifecycle").asString()).isEqualTo("IN_SERVICE");
    }

    @Test
    void aScopedUserSeesTheAuditEntriesAndMaintenanceWindowsOfTheirProjectsOnly() throws Exception {
        Scoped sc = scopedUser("MANAGER", "JS-XL1-FC-002");
        long own = sc.own();
        long seeded = sc.seeded();
        String user = sc.user();
        // the seeded devices were created through the ledger: each has a CREATE entry of project 1

        // the audit log: entries of the scratch project's devices, none of project 1's, none installation-wide
        JsonNode entries = read(perform(get("/api/v1/audit?size=500"), user).andExpect(status().isOk()));
        assertThat(entries.get("total").asLong()).isPositive();
        List<String> entities = new ArrayList<>();
        entries.get("items").forEach(e -> entities.add(e.get("entityType").asString() + ":" + e.get("entityId").asString()));
        assertThat(entities).contains("Device:" + own).doesNotContain("Device:" + seeded)
                .noneMatch(e -> e.startsWith("User:") || e.startsWith("Project:" + PROJECT));
        assertThat(read(perform(get("/api/v1/audit?entityType=Device&entityId={id}", seeded), user)).get("total").asLong()).isZero();
        assertThat(read(perform(get("/api/v1/audit?entityType=Device&entityId={id}", seeded), ADMIN)).get("total").asLong())
                .isPositive();

        // maintenance windows: a DEVICE window of project 1 does not exist for them; a CATEGORY window is visible, not theirs to set
        Map<String, Object> window = Map.of("scopeType", "DEVICE", "scopeRef", String.valueOf(seeded),
                "startsAt", "2021-09-01T01:00:00Z", "endsAt", "2021-09-01T02:00:00Z", "reason", "范围测试");
        long foreign = read(perform(withJson(post("/api/v1/maintenance-windows"), window), ADMIN).andExpect(status().isCreated()))
                .get("id").asLong();
        perform(get("/api/v1/maintenance-windows/{id}", foreign), user).andExpectAll(problem(404));
        perform(delete("/api/v1/maintenance-windows/{id}", foreign), user).andExpectAll(problem(404));
        perform(withJson(post("/api/v1/maintenance-windows"), window), user).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("scopeRef"));
        Map<String, Object> category = new LinkedHashMap<>(window);
        category.put("scopeType", "CATEGORY");
        category.put("scopeRef", "SERVER");
        perform(withJson(post("/api/v1/maintenance-windows"), category), user).andExpectAll(problem(403));
        Map<String, Object> mine = new LinkedHashMap<>(window);
        mine.put("scopeRef", String.valueOf(own));
        long ownWindow = read(perform(withJson(post("/api/v1/maintenance-windows"), mine), user).andExpect(status().isCreated()))
                .get("id").asLong();
        List<Long> listed = new ArrayList<>();
        read(perform(get("/api/v1/maintenance-windows"), user).andExpect(status().isOk())).get("items")
                .forEach(w -> listed.add(w.get("id").asLong()));
        assertThat(listed).contains(ownWindow).doesNotContain(foreign);
        assertThat(read(perform(get("/api/v1/audit?entityType=MaintenanceWindow&entityId={id}", ownWindow), user))
                .get("total").asLong()).isEqualTo(1);
        perform(delete("/api/v1/maintenance-windows/{id}", ownWindow), user).andExpect(status().isNoContent());
        perform(delete("/api/v1/maintenance-windows/{id}", foreign), ADMIN).andExpect(status().isNoContent());
    }

    @Autowired ApplicationEventPublisher events;

    /** A user limited to the scratch project, a device of theirs, and a seeded device of project 1 they must not see. */
    record Scoped(String user, long own, long seeded) {
    }

    Scoped scopedUser(String role, String seededTag) throws Exception {
        long own = createDevice().get("id").asLong();
        String user = unique("scoped-" + role.toLowerCase(java.util.Locale.ROOT));
        ensureUser(user, role, scratchProject());
        return new Scoped(user, own, seededDeviceId(seededTag));
    }

    @Test
    void theLiveStatusStreamCarriesOnlyTheChangesOfTheSubscribersProjects() throws Exception {
        Scoped sc = scopedUser("TECHNICIAN", "JS-XL1-FC-003");
        long own = sc.own();
        long seeded = sc.seeded();
        String user = sc.user();
        MvcResult scoped = perform(get("/api/v1/status/stream"), user).andExpect(request().asyncStarted()).andReturn();
        MvcResult everything = perform(get("/api/v1/status/stream"), ADMIN).andExpect(request().asyncStarted()).andReturn();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        events.publishEvent(new DeviceStateChanged(seeded, DeviceState.UP, DeviceState.DOWN, at, Reason.TIMEOUT));
        events.publishEvent(new DeviceStateChanged(own, DeviceState.UP, DeviceState.DOWN, at, Reason.TIMEOUT));
        // The streams read the changes from the database (StatusChangeFeed), polled every 500 ms.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                everything.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("\"deviceId\":" + seeded).contains("\"deviceId\":" + own));
        String seen = scoped.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(seen).contains("\"deviceId\":" + own).doesNotContain("\"deviceId\":" + seeded);
    }

    @Test
    void theLastAdminCanBeNeitherDeletedNorDemotedNorDisabled() throws Exception {
        long admin = -1;
        for (JsonNode u : getJson("/api/v1/users").get("items")) {
            if (u.get("username").asString().equals(ADMIN)) {
                admin = u.get("id").asLong();
            } else if (u.get("role").asString().equals("ADMIN")) {
                perform(delete("/api/v1/users/{id}", u.get("id").asLong()), ADMIN).andExpect(status().isNoContent());
            }
        }
        perform(delete("/api/v1/users/{id}", admin), ADMIN).andExpectAll(problem(409));
        perform(withJson(put("/api/v1/users/{id}", admin), Map.of("role", "MANAGER")), ADMIN).andExpectAll(problem(409));
        perform(withJson(put("/api/v1/users/{id}", admin), Map.of("role", "ADMIN", "enabled", false)), ADMIN)
                .andExpectAll(problem(409));
        JsonNode still = getJson("/api/v1/users/{id}", admin);
        assertThat(still.get("role").asString()).isEqualTo("ADMIN");
        assertThat(still.get("enabled").asBoolean()).isTrue();

        // With a second admin, either may go.
        long second = ensureUser(unique("second-admin"), "ADMIN");
        perform(withJson(put("/api/v1/users/{id}", second), Map.of("role", "MANAGER")), ADMIN).andExpect(status().isOk());
        perform(delete("/api/v1/users/{id}", second), ADMIN).andExpect(status().isNoContent());
    }

    @Test
    void updatesAUserWithoutRepeatingTheirName() throws Exception {
        String user = unique("rename-tech");
        long id = ensureUser(user, "TECHNICIAN");
        perform(withJson(put("/api/v1/users/{id}", id), Map.of("role", "EVALUATOR")), ADMIN).andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("EVALUATOR"))
                .andExpect(jsonPath("$.username").value(user));
        perform(get("/api/v1/auth/me"), user).andExpect(jsonPath("$.role").value("EVALUATOR"));
    }

    @Test
    void refusesAShortPasswordWith422() throws Exception {
        perform(withJson(post("/api/v1/users"), Map.of("username", unique("short"), "role", "TECHNICIAN",
                "password", "123456789")), ADMIN).andExpectAll(problem(422))
                .andExpect(jsonPath("$.errors[0].field").value("password"));
    }

    @Test
    void passwordsNeverAppearInAnyResponseOrAuditEntry() throws Exception {
        String user = unique("secret-tech");
        String first = "First-Secret-" + passwordOf(user);
        String second = "Second-Secret-" + passwordOf(user);
        List<String> bodies = new ArrayList<>();
        Map<String, Object> in = new LinkedHashMap<>(Map.of("username", user, "role", "TECHNICIAN", "password", first));
        MvcResult created = perform(withJson(post("/api/v1/users"), in), ADMIN).andExpect(status().isCreated()).andReturn();
        bodies.add(text(created));
        long id = read(created).get("id").asLong();
        in.put("password", second);
        in.remove("username");
        bodies.add(text(perform(withJson(put("/api/v1/users/{id}", id), in), ADMIN).andExpect(status().isOk()).andReturn()));
        bodies.add(text(perform(get("/api/v1/users"), ADMIN).andReturn()));
        bodies.add(text(perform(get("/api/v1/users/{id}", id), ADMIN).andReturn()));
        bodies.add(text(perform(post("/api/v1/users/{id}/unlock", id), ADMIN).andReturn()));
        bodies.add(text(mvc.perform(get("/api/v1/auth/me").with(httpBasic(user, second))).andExpect(status().isOk()).andReturn()));
        bodies.add(text(mvc.perform(get("/api/v1/auth/me").with(httpBasic(user, first))).andReturn()));
        bodies.add(text(perform(get("/api/v1/audit?entityType=User&size=500"), ADMIN).andReturn()));
        bodies.add(text(perform(get("/api/v1/audit?size=500"), ADMIN).andReturn()));

        assertThat(bodies).allSatisfy(body -> assertThat(body)
                .doesNotContain(first, second, "$2a$", "$2b$", "$2y$", "passwordHash", "password_hash", "\"password\""));
        assertThat(bodies.get(7)).contains("(password reset)");
    }

    private static String text(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
