package org.xueliang.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.xueliang.tracker.identity.SessionRevoker;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.Browser;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * Issue 9, group "sessions": a browser session must not outlive the rights it was granted with (defect 1), must end
 * when idle and beyond the per-user limit (等保 2.0), a Basic header must not ride on a session (defect 6), and the
 * CSRF token must be the session's (defect 12). Each attack is first shown to work as the user's own (200), then
 * replayed after the change and counted by {@link AttackTally}. On MariaDB: the sessions live in its tables
 * (SPRING_SESSION, migration V10), as in a cluster.
 */
@OnMariaDb
class SessionAttacksTest extends ApiTestSupport {

    private static final String GROUP = "sessions";

    @Autowired
    SessionRevoker revoker;

    private static int code(MvcResult result) {
        return result.getResponse().getStatus();
    }

    private int read(Browser browser, String url, Object... vars) throws Exception {
        return code(mvc.perform(browser.read(get(url, vars))).andReturn());
    }

    private boolean refused(Browser browser, String url, Object... vars) throws Exception {
        int status = read(browser, url, vars);
        return status == 401 || status == 403;
    }

    private void changeUser(long id, Map<String, Object> fields) throws Exception {
        perform(withJson(put("/api/v1/users/{id}", id), fields), ADMIN).andExpect(status().isOk());
    }

    @Test
    void aDemotedManagersOldSessionNoLongerReadsTheAuditLog() throws Exception {
        String user = unique("demoted-manager");
        long id = ensureUser(user, "MANAGER");
        Browser browser = logIn(user);
        assertThat(read(browser, "/api/v1/audit")).isEqualTo(200);
        changeUser(id, Map.of("role", "TECHNICIAN"));
        AttackTally.attempt(GROUP, "a manager demoted to technician reads the audit log on the old session",
                () -> refused(browser, "/api/v1/audit"));
        // logging in again gives the rights of now
        assertThat(read(logIn(user), "/api/v1/audit")).isEqualTo(403);
    }

    @Test
    void aDisabledUsersSessionNoLongerReadsDevices() throws Exception {
        String user = unique("disabled-tech");
        long id = ensureUser(user, "TECHNICIAN");
        Browser browser = logIn(user);
        assertThat(read(browser, "/api/v1/devices?size=1")).isEqualTo(200);
        changeUser(id, Map.of("role", "TECHNICIAN", "enabled", false));
        AttackTally.attempt(GROUP, "a disabled user reads devices on the session of before",
                () -> refused(browser, "/api/v1/devices?size=1"));
        formLogin(user, passwordOf(user)).andExpectAll(problem(401));
    }

    @Test
    void aDeletedUsersSessionIsRefused() throws Exception {
        String user = unique("deleted-tech");
        long id = ensureUser(user, "TECHNICIAN");
        Browser browser = logIn(user);
        assertThat(read(browser, "/api/v1/auth/me")).isEqualTo(200);
        perform(delete("/api/v1/users/{id}", id), ADMIN).andExpect(status().isNoContent());
        AttackTally.attempt(GROUP, "a deleted user's session stays signed in",
                () -> refused(browser, "/api/v1/devices?size=1") && refused(browser, "/api/v1/auth/me"));
    }

    @Test
    void aPasswordResetByAnAdminEndsTheOldSessions() throws Exception {
        String user = unique("reset-tech");
        long id = ensureUser(user, "TECHNICIAN");
        Browser browser = logIn(user);
        assertThat(read(browser, "/api/v1/devices?size=1")).isEqualTo(200);
        changeUser(id, Map.of("role", "TECHNICIAN", "password", "Reset-Passw0rd-42x"));
        AttackTally.attempt(GROUP, "whoever holds the session of before an admin's password reset keeps reading",
                () -> refused(browser, "/api/v1/devices?size=1"));
    }

    @Test
    void aSessionNoLongerSeesAProjectTakenAway() throws Exception {
        long scratch = scratchProject();
        String user = unique("narrowed-manager");
        long id = ensureUser(user, "MANAGER", PROJECT, scratch);
        Browser browser = logIn(user);
        assertThat(read(browser, "/api/v1/projects/{id}", PROJECT)).isEqualTo(200);
        changeUser(id, Map.of("role", "MANAGER", "allProjects", false, "projectIds", Set.of(scratch)));
        AttackTally.attempt(GROUP, "a session keeps seeing a project the admin took away from its user", () -> {
            int project = read(browser, "/api/v1/projects/{id}", PROJECT);
            MvcResult devices = mvc.perform(browser.read(get("/api/v1/devices?projectId={p}&size=1", PROJECT))).andReturn();
            boolean noDevices = code(devices) == 401 || (code(devices) == 200 && read(devices).get("total").asLong() == 0);
            return (project == 401 || project == 404) && noDevices;
        });
        assertThat(read(browser, "/api/v1/auth/me")).as("the session ended").isEqualTo(401);
        assertThat(read(logIn(user), "/api/v1/projects/{id}", PROJECT)).isEqualTo(404);
    }

    @Test
    void aChangeOfTheDisplayNameAloneKeepsTheSession() throws Exception {
        String user = unique("renamed-tech");
        long id = ensureUser(user, "TECHNICIAN");
        Browser browser = logIn(user);
        changeUser(id, Map.of("role", "TECHNICIAN", "displayName", "改名 " + user));
        assertThat(read(browser, "/api/v1/auth/me")).isEqualTo(200);
    }

    @Test
    void aBasicHeaderWithAWrongPasswordDoesNotRideOnAValidSession() throws Exception {
        Browser browser = logIn(ADMIN);
        String tag = unique("RIDE");
        AttackTally.attempt(GROUP, "Basic admin:wrong next to admin's session cookie, no CSRF token, creates a device", () -> {
            MvcResult answer = mvc.perform(withJson(post("/api/v1/devices"), newDevice(tag))
                    .cookie(browser.session(), browser.xsrf()).with(httpBasic(ADMIN, "not-the-password"))).andReturn();
            return code(answer) == 401 && read(perform(get("/api/v1/devices?q={q}", tag), ADMIN)).get("total").asLong() == 0;
        });
        AttackTally.attempt(GROUP, "Basic admin:wrong next to admin's session cookie reads the user list", () ->
                code(mvc.perform(get("/api/v1/users").cookie(browser.session())
                        .with(httpBasic(ADMIN, "not-the-password"))).andReturn()) == 401);
        // the session itself is untouched: with its token it still works
        assertThat(read(browser, "/api/v1/users")).isEqualTo(200);
    }

    @Test
    void aBasicRequestNeitherUsesNorCreatesASession() throws Exception {
        int before = sessionRows();
        MvcResult basic = perform(get("/api/v1/auth/me"), ADMIN).andExpect(status().isOk()).andReturn();
        MvcResult script = mvc.perform(get("/api/v1/system/info")).andExpect(status().isOk()).andReturn();
        assertThat(basic.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(script.getResponse().getHeaders("Set-Cookie")).isEmpty();
        assertThat(sessionRows()).isEqualTo(before);
    }

    @Test
    void anAttackerChosenXsrfCookieWithAMatchingHeaderIsRefused() throws Exception {
        Browser browser = logIn(ADMIN);
        String tag = unique("PLANTED");
        Cookie planted = new Cookie("XSRF-TOKEN", "attacker-chosen-token");
        AttackTally.attempt(GROUP, "a planted XSRF-TOKEN cookie with the same value in X-XSRF-TOKEN passes CSRF on a real session", () -> {
            MvcResult answer = mvc.perform(withJson(post("/api/v1/devices"), newDevice(tag))
                    .cookie(browser.session(), planted).header("X-XSRF-TOKEN", planted.getValue())).andReturn();
            return code(answer) == 403 && read(perform(get("/api/v1/devices?q={q}", tag), ADMIN)).get("total").asLong() == 0;
        });
        // the session's own token, which the XSRF-TOKEN cookie offered, works
        mvc.perform(browser.send(withJson(post("/api/v1/devices"), newDevice(tag)))).andExpect(status().isCreated());
    }

    @Test
    void anIdleSessionExpiresAfterThirtyMinutes() throws Exception {
        String user = unique("idle-tech");
        ensureUser(user, "TECHNICIAN");
        Browser browser = logIn(user);
        assertThat(jdbc.queryForObject("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?",
                Integer.class, browser.sessionId())).isEqualTo(30 * 60);
        // the last request 29 minutes ago: still alive (and the request starts the 30 minutes again)
        idleFor(browser, 29);
        assertThat(read(browser, "/api/v1/auth/me")).isEqualTo(200);
        idleFor(browser, 31);
        AttackTally.attempt(GROUP, "a session idle for 31 minutes is used again", () -> refused(browser, "/api/v1/auth/me"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", Integer.class,
                browser.sessionId())).isZero();
    }

    /** Moves the session's last request {@code minutes} into the past, as if nobody had used it since. */
    private void idleFor(Browser browser, int minutes) {
        long ms = minutes * 60_000L;
        jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? - ?, EXPIRY_TIME = ? - ? + MAX_INACTIVE_INTERVAL * 1000"
                + " WHERE SESSION_ID = ?", System.currentTimeMillis(), ms, System.currentTimeMillis(), ms, browser.sessionId());
    }

    @Test
    void aSixthLoginEndsTheLeastRecentlyUsedSession() throws Exception {
        String user = unique("many-tech");
        ensureUser(user, "TECHNICIAN");
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            browsers.add(logIn(user));
        }
        assertThat(browsers).allSatisfy(b -> assertThat(read(b, "/api/v1/auth/me")).isEqualTo(200));
        // the second session has not been used for 5 minutes: the least recently used, though the first is older
        idleFor(browsers.get(1), 5);
        Browser sixth = logIn(user);
        AttackTally.attempt(GROUP, "a sixth login leaves more than 5 sessions of one user alive",
                () -> refused(browsers.get(1), "/api/v1/auth/me") && sessionsOf(user) == 5);
        assertThat(read(sixth, "/api/v1/auth/me")).isEqualTo(200);
        for (int i : new int[] {0, 2, 3, 4}) {
            assertThat(read(browsers.get(i), "/api/v1/auth/me")).as("session %d", i).isEqualTo(200);
        }
    }

    @Test
    void endingTheOtherSessionsKeepsTheCurrentOne() throws Exception {
        String user = unique("self-tech");
        ensureUser(user, "TECHNICIAN");
        Browser elsewhere = logIn(user);
        Browser here = logIn(user);
        revoker.endOtherSessionsOf(user, here.sessionId());
        assertThat(read(here, "/api/v1/auth/me")).isEqualTo(200);
        assertThat(read(elsewhere, "/api/v1/auth/me")).isEqualTo(401);
    }

    private int sessionRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class);
    }

    private int sessionsOf(String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, user);
    }
}
