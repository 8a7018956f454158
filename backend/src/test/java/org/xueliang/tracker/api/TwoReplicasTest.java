package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xueliang.tracker.XueliangTrackerApplication;
import org.xueliang.tracker.monitoring.agent.AgentService;
import org.xueliang.tracker.testing.TestDatabase;

/**
 * Issue 12: two backend replicas on one MariaDB database, no sticky sessions. Each replica is a whole application
 * on its own port; the test talks HTTP to them as a browser (and an agent) behind a load balancer would: a session
 * made on one is good on the other, with its CSRF token, and ends on both; a state change ingested on one reaches
 * the live stream of a browser connected to the other.
 */
@ExtendWith(TestDatabase.MariaDbReachable.class)
class TwoReplicasTest {

    private static final String PASSWORD = "Test-Chief-Passw0rd";
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoReplicas() {
        String url = TestDatabase.MariaDb.freshDatabaseUrl();
        a = start(url, "a");
        b = start(url, "b"); // after a: the first start's seeding is another test's subject (SimultaneousFirstStartTest)
    }

    @AfterAll
    static void stop() {
        Stream.of(a, b).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
    }

    private static ConfigurableApplicationContext start(String url, String name) {
        // Arguments, not builder properties: those are defaults that application.yml overrides.
        return new SpringApplicationBuilder(XueliangTrackerApplication.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.MariaDb.user(),
                "--spring.datasource.password=" + TestDatabase.MariaDb.password(),
                "--server.port=0", "--server.address=127.0.0.1",
                "--xl.data-dir=target/test-data/two-replicas-" + name + "-" + System.nanoTime(),
                "--xl.admin-password=" + PASSWORD,
                "--xl.agent.embedded.enabled=false",
                "--xl.security.bcrypt-strength=4",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    @Test
    void aSessionMadeOnOneReplicaWorksOnTheOtherWithItsCsrfTokenAndEndsOnBoth() throws Exception {
        Map<String, String> browser = logInOn(a);

        assertThat(call(b, "GET", "/api/v1/auth/me", browser, false).statusCode()).isEqualTo(200);
        // B checks the session's token, which it can only know from the database: none sent is refused ...
        assertThat(call(b, "POST", "/api/v1/auth/password", browser, false).statusCode()).isEqualTo(403);
        // ... and the token A handed out is accepted (422: past the CSRF filter, refused by the controller for the missing passwords).
        HttpResponse<String> withToken = call(b, "POST", "/api/v1/auth/password", browser, true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(422);

        // The logout answer drops the cookie; a copy kept from before stands for a second tab, or a thief.
        Map<String, String> copy = new LinkedHashMap<>(browser);
        assertThat(call(b, "POST", "/api/v1/auth/logout", browser, true).statusCode()).isEqualTo(204);
        assertThat(call(a, "GET", "/api/v1/auth/me", copy, false).statusCode()).isEqualTo(401);
        assertThat(call(b, "GET", "/api/v1/auth/me", copy, false).statusCode()).isEqualTo(401);
    }

    @Test
    void aChangeIngestedOnOneReplicaReachesABrowserConnectedToTheOtherWithinTwoSeconds() throws Exception {
        Map<String, String> browser = logInOn(b);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        var stream = http.sendAsync(request(b, "/api/v1/status/stream", browser).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(events::add));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("event:hello");

        JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
        long device = jdbc.queryForObject("SELECT id FROM device WHERE probe_method IS NOT NULL AND COALESCE(probe_zone, 'local') = 'local'"
                + " AND lifecycle IN ('INSTALLED','ACCEPTED','IN_SERVICE','FAULTY') AND TRIM(COALESCE(probe_host, ip_address)) <> ''"
                + " ORDER BY id LIMIT 1", Long.class);
        String token = a.getBean(AgentService.class).create("two-replicas-agent", "local", false).token();
        String batch = "{\"seq\":1,\"sentAt\":\"" + Instant.now() + "\",\"results\":[{\"deviceId\":" + device
                + ",\"method\":\"TCP\",\"startedAt\":\"" + Instant.now() + "\",\"latencyMs\":3,\"status\":\"UP\",\"reason\":\"OK\"}]}";
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(uri(a, "/api/v1/agent/batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch)).build(), HttpResponse.BodyHandlers.ofString());
        long ingested = System.nanoTime();
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        assertThat(ack.body()).contains("\"applied\":1");

        String data = null;
        while (data == null || !data.contains("\"deviceId\":" + device)) {
            long left = TimeUnit.SECONDS.toNanos(2) - (System.nanoTime() - ingested);
            String line = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            assertThat(line).as("the state change on B's stream within 2 s of the ingest on A").isNotNull();
            data = line.startsWith("data:") ? line : null;
        }
        assertThat(data).contains("\"to\":\"UP\"");
        stream.cancel(true);
    }

    /** The web app's way in: a first visit for the session's token, then the login form with it. */
    private Map<String, String> logInOn(ConfigurableApplicationContext replica) throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> visit = http.send(request(replica, "/api/v1/auth/me", cookies)
                .header("X-Requested-With", "XMLHttpRequest").GET().build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(visit, cookies);
        HttpResponse<String> login = http.send(request(replica, "/api/v1/auth/login", cookies)
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        keepCookies(login, cookies);
        return cookies;
    }

    private HttpResponse<String> call(ConfigurableApplicationContext replica, String method, String path,
                                      Map<String, String> cookies, boolean withToken) throws Exception {
        HttpRequest.Builder request = request(replica, path, cookies).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (withToken) {
            request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(response, cookies);
        return response;
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext replica, String path, Map<String, String> cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(replica, path)).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** What a browser does with Set-Cookie (enough for these cookies: a value set, or removed by Max-Age=0). */
    private static void keepCookies(HttpResponse<?> response, Map<String, String> cookies) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            if (set.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, pair.substring(pair.indexOf('=') + 1));
            }
        }
    }

    private static URI uri(ConfigurableApplicationContext replica, String path) {
        return URI.create("http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port") + path);
    }
}
