package org.xueliang.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * Group {@code login} of the security suite (issue 9): parallel HTTP Basic bursts, password guessing,
 * weak passwords, expired passwords and the self-service change, over real HTTP against MariaDB, where
 * the parallel requests really contend for the account's row.
 */
@OnMariaDb
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xl.admin-password=" + ApiTestSupport.ADMIN_PASSWORD,
        "xl.data-dir=target/test-data",
        "xl.security.bcrypt-strength=4",
        "xl.monitoring.silence-check-ms=3600000",
        "xl.test.context=login",
        "spring.main.banner-mode=off",
        "logging.level.root=WARN"})
class LoginAttacksTest extends ApiTestSupport {

    private static final String GROUP = "login";
    private static final int MAX_FAILURES = 5;
    private static final String LOOPBACK = "127.0.0.1";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(request(path).header("Authorization", basic(user, password)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String user, String password, Object body) throws Exception {
        return http.send(request(path).header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends all requests at once (released together by a latch) and answers their status codes. */
    private List<Integer> inParallel(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                statuses.add(f.get().statusCode());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long auditCount(String action, long userId, String failure) {
        String sql = "SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_type = 'User' AND entity_id = ?"
                + (failure == null ? "" : " AND after_json LIKE ?");
        Object[] args = failure == null ? new Object[] {action, String.valueOf(userId)}
                : new Object[] {action, String.valueOf(userId), "%\"failure\":\"" + failure + "\"%"};
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private Map<String, Object> account(long id) {
        return jdbc.queryForMap("SELECT failed_attempts, locked_until, last_login_at FROM app_user WHERE id = ?", id);
    }

    @Test
    void parallelCorrectBasicRequestsOfFreshUsersAllSucceedAndLogInOnce() throws Exception {
        List<String> users = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String user = unique("burst-ok");
            ids.add(ensureUser(user, "TECHNICIAN"));
            users.add(user);
        }
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String user = users.get(i % users.size());
            calls.add(() -> get("/api/v1/auth/me", user, passwordOf(user)));
        }
        AttackTally.attempt(GROUP, "40 parallel correct HTTP Basic requests of 5 fresh users: none answers 500", () -> {
            List<Integer> statuses = inParallel(calls);
            return statuses.stream().allMatch(s -> s == 200);
        });
        for (long id : ids) {
            // HTTP Basic logs in on every request; the audit log records it once an hour per user.
            assertThat(auditCount("LOGIN", id, null)).isEqualTo(1);
            assertThat(account(id).get("last_login_at")).isNotNull();
        }
    }

    @Test
    void parallelWrongGuessesLockOnceWithAnExactCountAndNo500() throws Exception {
        String user = unique("burst-guess");
        long id = ensureUser(user, "TECHNICIAN");

        AttackTally.attempt(GROUP, "4 parallel wrong guesses (one short of the limit): each counted, none answers 500", () -> {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < MAX_FAILURES - 1; i++) {
                String guess = "Wrong-Guess-" + i;
                calls.add(() -> get("/api/v1/devices?size=1", user, guess));
            }
            List<Integer> statuses = inParallel(calls);
            return statuses.stream().allMatch(s -> s == 401)
                    && ((Number) account(id).get("failed_attempts")).intValue() == MAX_FAILURES - 1
                    && account(id).get("locked_until") == null;
        });
        // The right password resets the count.
        assertThat(get("/api/v1/auth/me", user, passwordOf(user)).statusCode()).isEqualTo(200);
        assertThat(((Number) account(id).get("failed_attempts")).intValue()).isZero();

        AttackTally.attempt(GROUP, "32 parallel wrong guesses: all 401, the account locks exactly once, no 500", () -> {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String guess = "Parallel-Guess-" + i;
                calls.add(() -> get("/api/v1/devices?size=1", user, guess));
            }
            List<Integer> statuses = inParallel(calls);
            return statuses.stream().allMatch(s -> s == 401) && account(id).get("locked_until") != null;
        });
        // Exactly the limit counted as wrong passwords, the rest refused as locked; every one audited.
        assertThat(auditCount("LOCK", id, null)).isEqualTo(1);
        assertThat(auditCount("LOGIN_FAILED", id, "WRONG_PASSWORD")).isEqualTo(MAX_FAILURES - 1 + MAX_FAILURES);
        assertThat(auditCount("LOGIN_FAILED", id, "LOCKED")).isEqualTo(32 - MAX_FAILURES);
        assertThat(((Number) account(id).get("failed_attempts")).intValue()).isZero();
        AttackTally.attempt(GROUP, "the right password while locked", () ->
                get("/api/v1/auth/me", user, passwordOf(user)).statusCode() == 401);
    }

    @Test
    void guessingUntilLockoutIsAuditedWithTheSourceAddress() throws Exception {
        String user = unique("guess-seq");
        long id = ensureUser(user, "MANAGER");
        for (int i = 1; i <= MAX_FAILURES; i++) {
            int guess = i;
            AttackTally.attempt(GROUP, "guess " + i + " of the password over HTTP Basic", () ->
                    get("/api/v1/devices?size=1", user, "Guess-Number-" + guess).statusCode() == 401);
        }
        AttackTally.attempt(GROUP, "the right password after " + MAX_FAILURES + " wrong guesses (account locked)", () ->
                get("/api/v1/devices?size=1", user, passwordOf(user)).statusCode() == 401);
        Map<String, Object> lock = jdbc.queryForMap(
                "SELECT actor, summary, after_json FROM audit_log WHERE action = 'LOCK' AND entity_id = ?", String.valueOf(id));
        assertThat((String) lock.get("summary")).contains(user, LOOPBACK);
        assertThat((String) lock.get("after_json")).contains("\"address\":\"" + LOOPBACK + "\"");
        List<String> failures = jdbc.queryForList(
                "SELECT after_json FROM audit_log WHERE action = 'LOGIN_FAILED' AND actor = ? ORDER BY id", String.class, user);
        assertThat(failures).hasSize(MAX_FAILURES + 1)
                .allSatisfy(json -> assertThat(json).contains("\"address\":\"" + LOOPBACK + "\"", "\"channel\":\"BASIC\""));
        assertThat(failures.get(MAX_FAILURES)).contains("\"failure\":\"LOCKED\"");
        assertThat(account(id).get("locked_until")).isNotNull();
    }

    @Test
    void aGuessForAUserThatDoesNotExistIsAuditedButAnsweredLikeAnyWrongPassword() throws Exception {
        String ghost = unique("no-such-user");
        String known = unique("known-user");
        ensureUser(known, "TECHNICIAN");
        HttpResponse<String> ghostAnswer = get("/api/v1/devices?size=1", ghost, "Some-Guess-123");
        HttpResponse<String> knownAnswer = get("/api/v1/devices?size=1", known, "Some-Guess-123");
        AttackTally.attempt(GROUP, "probe whether a user name exists through the answer to a wrong password", () ->
                ghostAnswer.statusCode() == 401 && knownAnswer.statusCode() == 401 && ghostAnswer.body().equals(knownAnswer.body()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'LOGIN_FAILED' AND actor = ?"
                + " AND after_json LIKE '%UNKNOWN_USER%' AND summary LIKE ?", Long.class, ghost, "%" + LOOPBACK + "%")).isEqualTo(1);
    }

    @Test
    void weakPasswordsAreRefusedWithFieldErrors() throws Exception {
        String user = unique("weak-pw");
        long id = ensureUser(user, "TECHNICIAN");
        String current = passwordOf(user);
        Map<String, String> weak = Map.of(
                "too short", "Ab1-xyz",
                "only two kinds of characters", "lowercaseonly123",
                "the user name inside", "X-" + user + "-9",
                "longer than bcrypt reads (72 bytes)", "Aa1-" + "长".repeat(30),
                "the current password again", current);
        for (var w : weak.entrySet()) {
            AttackTally.attempt(GROUP, "change one's own password to one with " + w.getKey(), () -> {
                HttpResponse<String> r = postJson("/api/v1/auth/password", user, current,
                        Map.of("currentPassword", current, "newPassword", w.getValue()));
                JsonNode body = json.readTree(r.body());
                return r.statusCode() == 422 && r.headers().firstValue("Content-Type").orElse("").contains("application/problem+json")
                        && body.get("errors").get(0).get("field").asString().equals("newPassword");
            });
        }
        AttackTally.attempt(GROUP, "an admin creates a user with a password lacking character kinds", () -> {
            HttpResponse<String> r = postJson("/api/v1/users", ADMIN, ADMIN_PASSWORD,
                    Map.of("username", unique("weak-new"), "role", "TECHNICIAN", "password", "abcdefghijkl"));
            return r.statusCode() == 422 && json.readTree(r.body()).get("errors").get(0).get("field").asString().equals("password");
        });
        AttackTally.attempt(GROUP, "an admin resets a password to one containing the user name", () -> {
            HttpResponse<String> r = http.send(request("/api/v1/users/" + id).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(toJson(Map.of("role", "TECHNICIAN", "password", user.toUpperCase() + "-1a"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode error = json.readTree(r.body()).get("errors").get(0);
            // In the caller's words: zh-CN when the request names no language.
            return r.statusCode() == 422 && error.get("field").asString().equals("password")
                    && error.get("message").asString().equals("不能包含用户名");
        });
        assertThat(get("/api/v1/auth/me", user, current).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredPasswordBlocksTheApiUntilItIsChanged() throws Exception {
        String user = unique("expired-pw");
        long id = ensureUser(user, "MANAGER");
        jdbc.update("UPDATE app_user SET password_changed_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofDays(91))), id);
        String old = passwordOf(user);

        JsonNode me = json.readTree(get("/api/v1/auth/me", user, old).body());
        assertThat(me.get("passwordExpired").asBoolean()).isTrue();
        AttackTally.attempt(GROUP, "use the API with an expired password", () -> {
            HttpResponse<String> r = get("/api/v1/devices?size=1", user, old);
            JsonNode body = json.readTree(r.body());
            return r.statusCode() == 403 && body.get("code").asString().equals("PASSWORD_EXPIRED")
                    && body.get("type").asString().endsWith("password-expired");
        });
        String fresh = "Renewed-" + old;
        HttpResponse<String> changed = postJson("/api/v1/auth/password", user, old, Map.of("currentPassword", old, "newPassword", fresh));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("passwordExpired").asBoolean()).isFalse();
        assertThat(get("/api/v1/devices?size=1", user, fresh).statusCode()).isEqualTo(200);
        AttackTally.attempt(GROUP, "the old password after the change", () -> get("/api/v1/auth/me", user, old).statusCode() == 401);
        assertThat(auditCount("PASSWORD_CHANGE", id, null)).isEqualTo(1);
    }

    @Test
    void aWrongCurrentPasswordOnChangeIsRefusedAndCountsAsAFailedLogin() throws Exception {
        String user = unique("change-wrong");
        long id = ensureUser(user, "EVALUATOR");
        String current = passwordOf(user);
        AttackTally.attempt(GROUP, "change a password without knowing the current one (a stolen session's move)", () -> {
            HttpResponse<String> r = postJson("/api/v1/auth/password", user, current,
                    Map.of("currentPassword", "Not-The-Current-1", "newPassword", "Taken-Over-Passw0rd"));
            return r.statusCode() == 422 && json.readTree(r.body()).get("errors").get(0).get("field").asString().equals("currentPassword");
        });
        assertThat(((Number) account(id).get("failed_attempts")).intValue()).isEqualTo(1);
        assertThat(auditCount("LOGIN_FAILED", id, "WRONG_PASSWORD")).isEqualTo(1);
        assertThat(get("/api/v1/auth/me", user, "Taken-Over-Passw0rd").statusCode()).isEqualTo(401);
    }

    @Test
    void formLoginAndLogoutAreAuditedWithTheSourceAddress() throws Exception {
        String user = unique("form-audit");
        long id = ensureUser(user, "TECHNICIAN");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(request("/api/v1/auth/me").header("X-Requested-With", "XMLHttpRequest").GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(passwordOf(user), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(request("/api/v1/auth/login").header("X-XSRF-TOKEN", xsrf(browser))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        browser.send(request("/api/v1/auth/me").GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> logout = browser.send(request("/api/v1/auth/logout").header("X-XSRF-TOKEN", xsrf(browser))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);
        List<Map<String, Object>> entries = jdbc.queryForList(
                "SELECT action, after_json FROM audit_log WHERE entity_type = 'User' AND entity_id = ? AND action IN ('LOGIN', 'LOGOUT')"
                        + " ORDER BY id", String.valueOf(id));
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("LOGIN", "LOGOUT");
        assertThat(entries).allSatisfy(e -> assertThat((String) e.get("after_json")).contains("\"address\":\"" + LOOPBACK + "\""));
    }

    private static String xsrf(HttpClient browser) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    }
}
