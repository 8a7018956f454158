package org.xueliang.tracker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the Spring Boot API tests: the whole application behind MockMvc with the real security
 * filter chain, HTTP Basic with database users, and the reference dataset (project 1, 94 devices)
 * seeded on start. Pick the database with {@link OnH2} or {@link OnMariaDb} on the concrete class.
 *
 * <p>Tests share their context (and database) with every other class on the same database, so they
 * never change the reference project: whatever they create lives in the scratch project
 * ({@link #scratchProject()}) under a unique asset tag.
 */
@SpringBootTest(properties = {
        "xl.admin-password=" + ApiTestSupport.ADMIN_PASSWORD,
        "xl.data-dir=target/test-data",
        // Every Basic request checks a bcrypt hash: the lowest cost keeps hundreds of them fast.
        "xl.security.bcrypt-strength=4",
        "xl.monitoring.silence-check-ms=3600000",
        "spring.main.banner-mode=off",
        "logging.level.root=WARN"})
@AutoConfigureMockMvc
public abstract class ApiTestSupport {

    public static final String ADMIN = "admin";
    /** Meets the password policy (docs/SECURITY.md): with "admin" inside, the first login would have to change it. */
    public static final String ADMIN_PASSWORD = "Test-Chief-Passw0rd";
    /** The reference dataset's project (稷山县雪亮工程一期). */
    public static final long PROJECT = 1;
    public static final String SCRATCH_PROJECT_CODE = "IT-SCRATCH";
    public static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    public static final String LOGIN = "/api/v1/auth/login";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private ProjectRepository projects;

    /** A name no other test in this JVM uses: prefix, a run-unique number, and a counter. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(ProcessHandle.current().pid(), 36) + "-" + SEQUENCE.incrementAndGet();
    }

    /**
     * Every test user's password is derived from its name (but does not contain it, which the password
     * policy refuses); admin's is {@link #ADMIN_PASSWORD}.
     */
    protected static String passwordOf(String username) {
        return ADMIN.equals(username) ? ADMIN_PASSWORD : "Pa55word-" + Integer.toUnsignedString(username.hashCode(), 36);
    }

    /** Real HTTP Basic credentials of a user ({@code Authorization: Basic …}). */
    protected static RequestPostProcessor as(String username) {
        return httpBasic(username, passwordOf(username));
    }

    /** Status and the RFC 9457 content type of an error. */
    protected static ResultMatcher[] problem(int status) {
        return new ResultMatcher[] {status().is(status), content().contentTypeCompatibleWith(PROBLEM)};
    }

    protected ResultActions perform(AbstractMockHttpServletRequestBuilder<?> request, String username) throws Exception {
        return mvc.perform(username == null ? request : request.with(as(username)));
    }

    protected JsonNode read(MvcResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    protected JsonNode read(ResultActions actions) {
        return read(actions.andReturn());
    }

    /** GET as admin, expecting 200, the body as a tree. */
    protected JsonNode getJson(String url, Object... vars) throws Exception {
        return read(perform(get(url, vars), ADMIN).andExpect(status().isOk()));
    }

    protected String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    protected MockHttpServletRequestBuilder withJson(MockHttpServletRequestBuilder request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(toJson(body));
    }

    /** A second project, created once per database, where tests put the devices they create. */
    protected long scratchProject() {
        return projects.findByCode(SCRATCH_PROJECT_CODE).map(Project::getId).orElseGet(this::createScratchProject);
    }

    private synchronized long createScratchProject() {
        return projects.findByCode(SCRATCH_PROJECT_CODE).map(Project::getId).orElseGet(() -> {
            Project p = new Project();
            p.setCode(SCRATCH_PROJECT_CODE);
            p.setCounty("新绛县");
            p.setName("测试用项目");
            p.setPhase("一期");
            p.setContractAmount(new BigDecimal("1000000.00"));
            return projects.saveAndFlush(p).getId();
        });
    }

    /** The writable fields of a new PLANNED device in the scratch project (planned 2024-01-10). */
    protected Map<String, Object> newDevice(String assetTag) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("projectId", scratchProject());
        d.put("assetTag", assetTag);
        d.put("name", "测试服务器 " + assetTag);
        d.put("category", "SERVER");
        d.put("vendor", "华为");
        d.put("model", "RH2288H V5");
        d.put("serialNumber", "SN-" + assetTag);
        d.put("macAddress", "AA:BB:CC:00:11:22");
        d.put("ipAddress", "127.30.0.1");
        d.put("lifecycle", "PLANNED");
        d.put("plannedOn", "2024-01-10");
        d.put("unitPrice", 45000.50);
        d.put("notes", "created by a test");
        d.put("probeMethod", "SNMP");
        d.put("probePort", 161);
        return d;
    }

    /** Creates a device as admin and answers its JSON (201 expected). */
    protected JsonNode createDevice(Map<String, Object> fields) throws Exception {
        return read(perform(withJson(post("/api/v1/devices"), fields), ADMIN).andExpect(status().isCreated()));
    }

    protected JsonNode createDevice() throws Exception {
        return createDevice(newDevice(unique("IT")));
    }

    /** The id of the seeded device with this asset tag. */
    protected long seededDeviceId(String assetTag) throws Exception {
        JsonNode page = getJson("/api/v1/devices?projectId={p}&q={q}", PROJECT, assetTag);
        for (JsonNode d : page.get("items")) {
            if (d.get("assetTag").asString().equals(assetTag)) {
                return d.get("id").asLong();
            }
        }
        throw new AssertionError("no seeded device " + assetTag);
    }

    /**
     * The id of user {@code username} with this role, created through {@code POST /api/v1/users} as
     * admin if it does not exist yet (password {@link #passwordOf}). Limited to the given projects
     * when any are named.
     */
    protected long ensureUser(String username, String role, Long... onlyProjects) throws Exception {
        for (JsonNode u : getJson("/api/v1/users").get("items")) {
            if (u.get("username").asString().equals(username)) {
                return u.get("id").asLong();
            }
        }
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("username", username);
        in.put("displayName", "测试 " + username);
        in.put("role", role);
        in.put("password", passwordOf(username));
        if (onlyProjects.length > 0) {
            in.put("allProjects", false);
            in.put("projectIds", Set.of(onlyProjects));
        }
        return read(perform(withJson(post("/api/v1/users"), in), ADMIN).andExpect(status().isCreated())).get("id").asLong();
    }

    /**
     * The web app's first call, still anonymous (GET /me: 401): it gets a session (XL_SESSION) holding a CSRF token
     * and that token in the readable XSRF-TOKEN cookie, which the login form then echoes.
     */
    protected Browser firstVisit() throws Exception {
        MvcResult visit = mvc.perform(get("/api/v1/auth/me").header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized()).andReturn();
        Cookie session = visit.getResponse().getCookie("XL_SESSION");
        Cookie xsrf = visit.getResponse().getCookie("XSRF-TOKEN");
        assertThat(session).as("the first visit's session cookie").isNotNull();
        assertThat(xsrf).as("the first visit's XSRF-TOKEN cookie").isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();
        return new Browser(session, xsrf);
    }

    /** The login form as the web app posts it, after its first visit. */
    protected ResultActions formLogin(String username, String password) throws Exception {
        return mvc.perform(firstVisit().send(post(LOGIN)).param("username", username).param("password", password));
    }

    /** Logs in through the form; the browser then holds the new session (its id changes at login) and its new token. */
    protected Browser logIn(String username) throws Exception {
        MvcResult login = formLogin(username, passwordOf(username)).andExpect(status().isOk()).andReturn();
        Cookie session = login.getResponse().getCookie("XL_SESSION");
        Cookie xsrf = login.getResponse().getCookie("XSRF-TOKEN");
        assertThat(session).as("the login's session cookie").isNotNull();
        assertThat(xsrf).as("the login's new XSRF-TOKEN cookie").isNotNull();
        return new Browser(session, xsrf);
    }
}
