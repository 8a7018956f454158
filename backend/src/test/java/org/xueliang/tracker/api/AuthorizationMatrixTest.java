package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint × every role, with the expected outcome written out here by hand (not derived from
 * Role.java): anonymous → 401, a role without the permission → 403 (decided by the filter chain before
 * any handler runs, so a missing handler cannot turn a 403 into a pass), a permitted role → reaches the
 * controller and, where the endpoint exists, succeeds. The same table is printed in docs/SECURITY.md,
 * and {@link #docsPrintTheSameMatrix()} keeps the two equal.
 */
@OnH2
class AuthorizationMatrixTest extends ApiTestSupport {

    static final List<String> ROLES = List.of("ADMIN", "MANAGER", "EVALUATOR", "TECHNICIAN");

    /** ✔ = permitted, — = 403, 401 = agents only (bearer token; no user gets in). Copy of docs/SECURITY.md's table. */
    static final String MATRIX = """
            | endpoint | ADMIN | MANAGER | EVALUATOR | TECHNICIAN |
            |---|---|---|---|---|
            | `GET /api/v1/auth/me` | ✔ | ✔ | ✔ | ✔ |
            | `POST /api/v1/auth/password` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/system/info` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/construction-items` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/progress` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/metrics/availability` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/metrics/devices/{id}/timeline` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/metrics/indicators` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/sites` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/sites/boundary` | ✔ | ✔ | ✔ | ✔ |
            | `PUT /api/v1/sites/boundary` | ✔ | — | — | — |
            | `DELETE /api/v1/sites/boundary` | ✔ | — | — | — |
            | `GET /api/v1/categories` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/lifecycle` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/export` | ✔ | ✔ | ✔ | ✔ |
            | `POST /api/v1/devices` | ✔ | ✔ | — | — |
            | `PUT /api/v1/devices/{id}` | ✔ | ✔ | — | ✔ |
            | `PATCH /api/v1/devices/{id}` | ✔ | ✔ | — | ✔ |
            | `DELETE /api/v1/devices/{id}` | ✔ | ✔ | — | — |
            | `POST /api/v1/devices/{id}/lifecycle` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/devices/import` | ✔ | ✔ | — | — |
            | `GET /api/v1/labels.pdf` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/audit` | ✔ | ✔ | — | — |
            | `GET /api/v1/audit/verify` | ✔ | ✔ | — | — |
            | `GET /api/v1/audit/checkpoints` | ✔ | ✔ | — | — |
            | `GET /api/v1/audit/checkpoints/file` | ✔ | ✔ | — | — |
            | `GET /api/v1/users` | ✔ | — | — | — |
            | `POST /api/v1/users` | ✔ | — | — | — |
            | `GET /api/v1/users/{id}` | ✔ | — | — | — |
            | `PUT /api/v1/users/{id}` | ✔ | — | — | — |
            | `DELETE /api/v1/users/{id}` | ✔ | — | — | — |
            | `POST /api/v1/users/{id}/unlock` | ✔ | — | — | — |
            | `GET /api/v1/status/summary` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/status/stream` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/status` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/outages` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/states` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/probes` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/gb28181/registrations` | ✔ | ✔ | ✔ | ✔ |

            | `GET /api/v1/devices/{id}/gb` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/clock-accuracy` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/projects/{id}/clock-offenders` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/clock` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/vqd` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/vqd-snapshot` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/vqd/thresholds` | ✔ | ✔ | ✔ | ✔ |
            | `PUT /api/v1/vqd/thresholds/{category}` | ✔ | — | — | — |
            | `GET /api/v1/devices/{id}/vqd-reference` | ✔ | ✔ | ✔ | ✔ |
            | `PUT /api/v1/devices/{id}/vqd-reference` | ✔ | ✔ | — | ✔ |
            | `DELETE /api/v1/devices/{id}/vqd-reference` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/projects/{id}/image-intactness` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/devices/{id}/recordings` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/recording-completeness` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/gb28181/devices/{code}` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/maintenance-windows` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/maintenance-windows/{id}` | ✔ | ✔ | ✔ | ✔ |
            | `POST /api/v1/maintenance-windows` | ✔ | ✔ | — | ✔ |
            | `PUT /api/v1/maintenance-windows/{id}` | ✔ | ✔ | — | ✔ |
            | `DELETE /api/v1/maintenance-windows/{id}` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/agents` | ✔ | — | — | — |
            | `GET /api/v1/agents/{id}` | ✔ | — | — | — |
            | `GET /api/v1/agents/{id}/batches` | ✔ | — | — | — |
            | `POST /api/v1/agents` | ✔ | — | — | — |
            | `PUT /api/v1/agents/{id}` | ✔ | — | — | — |
            | `DELETE /api/v1/agents/{id}` | ✔ | — | — | — |
            | `GET /api/v1/notification-channels` | ✔ | — | — | — |
            | `POST /api/v1/notification-channels` | ✔ | — | — | — |
            | `PUT /api/v1/notification-channels/{id}` | ✔ | — | — | — |
            | `DELETE /api/v1/notification-channels/{id}` | ✔ | — | — | — |
            | `POST /api/v1/notification-channels/{id}/test` | ✔ | — | — | — |
            | `POST /api/v1/discovery` | ✔ | — | — | — |
            | `GET /api/v1/gb28181/discovered` | ✔ | ✔ | ✔ | ✔ |
            | `POST /api/v1/gb28181/registrations/{code}/adopt` | ✔ | ✔ | — | — |
            | `GET /api/v1/evaluations` | ✔ | ✔ | ✔ | — |
            | `POST /api/v1/evaluations` | ✔ | — | ✔ | — |
            | `GET /api/v1/evaluations/{id}` | ✔ | ✔ | ✔ | — |
            | `POST /api/v1/evaluations/{id}/versions` | ✔ | — | ✔ | — |
            | `GET /api/v1/evaluations/{id}/rows` | ✔ | ✔ | ✔ | — |
            | `PATCH /api/v1/evaluations/{id}/rows/{rowId}` | ✔ | — | ✔ | — |
            | `GET /api/v1/evaluations/{id}/rows/{rowId}/evidence` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/evaluations/{id}/checks` | ✔ | ✔ | ✔ | — |
            | `POST /api/v1/evaluations/{id}/sign` | ✔ | — | ✔ | — |
            | `GET /api/v1/evaluations/{id}/report` | ✔ | ✔ | ✔ | — |
            | `PUT /api/v1/evaluations/{id}/report` | ✔ | — | ✔ | — |
            | `GET /api/v1/evaluations/{id}/export` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/evaluations/{id}/verify` | ✔ | ✔ | ✔ | — |
            | `POST /api/v1/assessments` | ✔ | — | ✔ | — |
            | `GET /api/v1/assessments` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/assessments/{id}` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/assessments/{id}/groups` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/assessments/{id}/indicators/{indicator}/evidence` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/assessments/{id}/deductions/{rule}/evidence` | ✔ | ✔ | ✔ | — |
            | `POST /api/v1/assessments/{id}/sign` | ✔ | — | ✔ | — |
            | `GET /api/v1/assessments/{id}/verify` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/assessments/{id}/export` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/projects/{id}/assessment-rules` | ✔ | ✔ | ✔ | — |
            | `PUT /api/v1/projects/{id}/assessment-rules` | ✔ | — | ✔ | — |
            | `GET /api/v1/projects/{id}/assessment-trend` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/devices/{id}/archive` | ✔ | ✔ | ✔ | ✔ |
            | `PUT /api/v1/devices/{id}/archive` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/devices/{id}/archive/versions` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/devices/{id}/archive/versions/{no}` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/archives` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/archive-rates` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/archive-mismatches` | ✔ | ✔ | ✔ | ✔ |
            | `GET /api/v1/projects/{id}/archives/export` | ✔ | ✔ | ✔ | ✔ |
            | `POST /api/v1/projects/{id}/archives/import` | ✔ | ✔ | — | — |
            | `GET /api/v1/work-orders` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/work-orders` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/work-orders/{id}` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/work-orders/{id}/transitions` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/work-orders/{id}/photos` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/work-orders/{id}/photos/{photoId}` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/work-orders/figures` | ✔ | ✔ | ✔ | — |
            | `GET /api/v1/projects/{id}/work-order-sla-rules` | ✔ | ✔ | — | ✔ |
            | `PUT /api/v1/projects/{id}/work-order-sla-rules` | ✔ | ✔ | — | — |
            | `GET /api/v1/projects/{id}/work-order-assignees` | ✔ | ✔ | — | — |
            | `GET /api/v1/stocktakes` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/stocktakes` | ✔ | ✔ | — | — |
            | `GET /api/v1/stocktakes/{id}` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/stocktakes/{id}/scans` | ✔ | ✔ | — | ✔ |
            | `POST /api/v1/stocktakes/{id}/close` | ✔ | ✔ | — | — |
            | `GET /api/v1/stocktakes/{id}/report` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/projects/{id}/stocktake-intervals` | ✔ | ✔ | — | ✔ |
            | `PUT /api/v1/projects/{id}/stocktake-intervals` | ✔ | ✔ | — | — |
            | `GET /api/v1/projects/{id}/stocktake-due` | ✔ | ✔ | — | ✔ |
            | `GET /api/v1/agent/assignment` | 401 | 401 | 401 | 401 |
            | `POST /api/v1/agent/batches` | 401 | 401 | 401 | 401 |
            | `POST /api/v1/agent/heartbeat` | 401 | 401 | 401 | 401 |
            | `PUT /api/v1/agent/devices/{id}/vqd-snapshot` | 401 | 401 | 401 | 401 |
            | `GET /actuator/prometheus` | ✔ | ✔ | ✔ | ✔ |
            | `POST /api/v1/vqd/analyze` | ✔ | ✔ | ✔ | ✔ |
            """;

    /**
     * Endpoints anyone may call without signing in (docs/SECURITY.md says why): the anonymous caller
     * gets through to them instead of a 401.
     */
    static final Set<String> PUBLIC = Set.of("GET /api/v1/system/info");

    private static AbstractMockHttpServletRequestBuilder<?> referenceUpload(long deviceId) {
        return multipart(org.springframework.http.HttpMethod.PUT, "/api/v1/devices/{id}/vqd-reference", deviceId)
                .file(new MockMultipartFile("image", "reference.png", "image/png", TINY_PNG));
    }

    private void approveReference(long deviceId) throws Exception {
        int status = perform(referenceUpload(deviceId), userOf("ADMIN")).andReturn().getResponse().getStatus();
        assertThat(status).as("reference approved for the fixture").isEqualTo(200);
    }

    /** A 16×16 grey PNG for the VQD check. */
    static final byte[] TINY_PNG = tinyPng();

    private static byte[] tinyPng() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Permitted calls only have to get past security here: endpoints another module may not have built
     * yet on this branch (import/export), the never-ending event stream, and the Prometheus scrape
     * (off in tests).
     */
    static final Set<String> UNCHECKED = Set.of("GET /api/v1/devices/export", "POST /api/v1/devices/import",
            "GET /api/v1/status/stream", "GET /actuator/prometheus");

    /** What a permitted call must answer: 201 for a create (POST to a collection), 204 for a delete, else 200. */
    static int success(String endpoint) {
        if (endpoint.equals("POST /api/v1/auth/password")) {
            return 422; // "currentPassword is required": a real change would alter the fixture users' passwords
        }
        if (endpoint.equals("DELETE /api/v1/agents/{id}")) {
            return 200; // revoking keeps the agent on record and answers it
        }
        if (endpoint.equals("POST /api/v1/vqd/analyze")) {
            return 200; // a check of a picture creates nothing
        }
        if (endpoint.equals("POST /api/v1/work-orders/{id}/photos")) {
            return 201; // a photo is a new resource of the order
        }
        if (endpoint.equals("POST /api/v1/evaluations/{id}/versions")) {
            return 201; // a new draft version of a signed evaluation
        }
        if (endpoint.startsWith("DELETE ")) {
            return 204;
        }
        return endpoint.startsWith("POST ") && !endpoint.contains("{id}") && !endpoint.endsWith("/discovery") ? 201 : 200;
    }

    /** What a caller in some role gets: through to the endpoint, 403, or 401 (credentials not accepted there). */
    enum Outcome { ALLOWED, FORBIDDEN, UNAUTHORIZED }

    record Row(String endpoint, Map<String, Outcome> allowed) {
    }

    static List<Row> rows(String markdown) {
        return markdown.lines().map(String::trim).filter(l -> l.matches("\\| `(GET|POST|PUT|PATCH|DELETE) .*")).map(line -> {
            String[] cells = Arrays.stream(line.split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toArray(String[]::new);
            Map<String, Outcome> allowed = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                allowed.put(ROLES.get(i), switch (cells[i + 1]) {
                    case "✔" -> Outcome.ALLOWED;
                    case "—" -> Outcome.FORBIDDEN;
                    case "401" -> Outcome.UNAUTHORIZED;
                    default -> throw new IllegalArgumentException("cell '" + cells[i + 1] + "' in " + line);
                });
            }
            return new Row(cells[0].replace("`", ""), allowed);
        }).toList();
    }

    static Stream<Arguments> matrix() {
        return rows(MATRIX).stream().flatMap(row -> Stream.concat(
                Stream.of(Arguments.of(row.endpoint(), "anonymous",
                        PUBLIC.contains(row.endpoint()) ? Outcome.ALLOWED : Outcome.UNAUTHORIZED)),
                ROLES.stream().map(role -> Arguments.of(row.endpoint(), role, row.allowed().get(role)))));
    }

    private static final Map<String, Long> ids = new ConcurrentHashMap<>();

    @BeforeEach
    void oneUserPerRole() throws Exception {
        for (String role : ROLES) {
            cached(userOf(role), () -> ensureUser(userOf(role), role));
        }
    }

    private static long cached(String key, java.util.concurrent.Callable<Long> create) throws Exception {
        Long id = ids.get(key);
        if (id == null) {
            id = create.call();
            ids.put(key, id);
        }
        return id;
    }

    private static String userOf(String role) {
        return "matrix-" + role.toLowerCase();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void answersEachRoleAsTheMatrixSays(String endpoint, String role, Outcome expected) throws Exception {
        boolean permitted = expected == Outcome.ALLOWED;
        AbstractMockHttpServletRequestBuilder<?> request = request(endpoint, permitted);
        MvcResult result = perform(request, role.equals("anonymous") ? null : userOf(role)).andReturn();
        int status = result.getResponse().getStatus();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (expected == Outcome.UNAUTHORIZED) {
            assertThat(status).as(body).isEqualTo(401);
        } else if (expected == Outcome.FORBIDDEN) {
            assertThat(status).as(body).isEqualTo(403);
        } else {
            assertThat(status).as(body).isNotIn(401, 403);
            if (!UNCHECKED.contains(endpoint)) {
                assertThat(status).as(body).isEqualTo(success(endpoint));
            }
        }
    }

    @Test
    void coversEveryRoleAndEndpointOnce() {
        List<Row> rows = rows(MATRIX);
        assertThat(rows).hasSize(136);
        assertThat(rows.stream().map(Row::endpoint)).doesNotHaveDuplicates();
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** A new endpoint cannot slip past the matrix: every API mapping the application serves is a row of it. */
    @Test
    void theMatrixListsEveryApiEndpointTheApplicationServes() {
        java.util.Set<String> served = new java.util.TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + path))));
        java.util.Set<String> listed = new java.util.TreeSet<>(rows(MATRIX).stream().map(Row::endpoint).toList());
        listed.remove("GET /actuator/prometheus");
        assertThat(served).isNotEmpty().isEqualTo(listed);
    }

    @Test
    void docsPrintTheSameMatrix() throws IOException {
        Path doc = Path.of("..", "docs", "SECURITY.md");
        assertThat(rows(Files.readString(doc))).containsExactlyElementsOf(rows(MATRIX));
    }

    /**
     * A request that reaches the endpoint's controller and, for a permitted role, is valid. Calls that
     * change or remove something get fresh fixtures when they will be let through.
     */
    private AbstractMockHttpServletRequestBuilder<?> request(String endpoint, boolean permitted) throws Exception {
        long seeded = cached("seeded-device", () -> seededDeviceId("JS-XL1-FC-001"));
        return switch (endpoint) {
            case "GET /api/v1/auth/me" -> get("/api/v1/auth/me");
            // No current password: reaches the controller and changes nothing (the fixture users keep theirs).
            case "POST /api/v1/auth/password" -> withJson(post("/api/v1/auth/password"), Map.of("newPassword", "Another-Pa55word"));
            case "GET /api/v1/projects" -> get("/api/v1/projects");
            case "GET /api/v1/projects/{id}" -> get("/api/v1/projects/{id}", PROJECT);
            case "GET /api/v1/projects/{id}/construction-items" -> get("/api/v1/projects/{id}/construction-items", PROJECT);
            case "GET /api/v1/projects/{id}/progress" -> get("/api/v1/projects/{id}/progress", PROJECT);
            case "GET /api/v1/metrics/availability" ->
                    get("/api/v1/metrics/availability?projectId={p}&from=2024-01-01&to=2024-01-31&groupBy=tier", PROJECT);
            case "GET /api/v1/metrics/indicators" ->
                    get("/api/v1/metrics/indicators?projectId={p}&indicator=archiveCompleteness&groupBy=vendor", PROJECT);
            case "GET /api/v1/metrics/devices/{id}/timeline" ->
                    get("/api/v1/metrics/devices/{id}/timeline?from=2024-01-01&to=2024-01-31", seeded);
            case "GET /api/v1/sites" -> get("/api/v1/sites");
            case "GET /api/v1/sites/boundary" -> {
                boundary(); // 200 with a boundary (204 without one)
                yield get(BOUNDARY);
            }
            case "PUT /api/v1/sites/boundary" -> put(BOUNDARY).contentType("application/json").content(BOUNDARY_SQUARE);
            case "DELETE /api/v1/sites/boundary" -> delete(BOUNDARY);
            case "GET /api/v1/system/info" -> get("/api/v1/system/info");
            case "GET /api/v1/categories" -> get("/api/v1/categories");
            case "GET /api/v1/devices" -> get("/api/v1/devices?projectId={p}&size=5", PROJECT);
            case "GET /api/v1/devices/{id}" -> get("/api/v1/devices/{id}", seeded);
            case "GET /api/v1/devices/{id}/lifecycle" -> get("/api/v1/devices/{id}/lifecycle", seeded);
            case "GET /api/v1/devices/export" -> get("/api/v1/devices/export?format=csv&projectId={p}", PROJECT);
            case "POST /api/v1/devices" -> withJson(post("/api/v1/devices"), newDevice(unique("AZ")));
            case "PUT /api/v1/devices/{id}" -> {
                JsonNode device = scratchDevice(permitted);
                yield withJson(put("/api/v1/devices/{id}", device.get("id").asLong()),
                        newDevice(device.get("assetTag").asString()));
            }
            case "PATCH /api/v1/devices/{id}" -> patch("/api/v1/devices/{id}", scratchDevice(permitted).get("id").asLong())
                    .contentType("application/merge-patch+json").content("{\"notes\":\"patched\"}");
            case "DELETE /api/v1/devices/{id}" -> delete("/api/v1/devices/{id}", scratchDevice(permitted).get("id").asLong());
            case "POST /api/v1/devices/{id}/lifecycle" -> withJson(
                    post("/api/v1/devices/{id}/lifecycle", scratchDevice(permitted).get("id").asLong()),
                    Map.of("to", "DELIVERED", "date", "2024-02-01"));
            case "POST /api/v1/devices/import" -> multipart("/api/v1/devices/import")
                    .file(new MockMultipartFile("file", "devices.csv", "text/csv",
                            "assetTag,projectId,category\n".getBytes(StandardCharsets.UTF_8)))
                    .param("dryRun", "true");
            case "GET /api/v1/labels.pdf" -> get("/api/v1/labels.pdf?deviceIds={id}&layout=50x30", seeded);
            case "POST /api/v1/vqd/analyze" -> multipart("/api/v1/vqd/analyze")
                    .file(new MockMultipartFile("image", "snapshot.png", "image/png", TINY_PNG));
            case "GET /api/v1/audit" -> get("/api/v1/audit?size=5");
            case "GET /api/v1/audit/verify" -> get("/api/v1/audit/verify");
            case "GET /api/v1/audit/checkpoints" -> get("/api/v1/audit/checkpoints");
            case "GET /api/v1/audit/checkpoints/file" -> get("/api/v1/audit/checkpoints/file");
            case "GET /api/v1/users" -> get("/api/v1/users");
            case "POST /api/v1/users" -> withJson(post("/api/v1/users"), Map.of("username", unique("az-user"),
                    "role", "TECHNICIAN", "password", "Some-Pa55word"));
            case "GET /api/v1/users/{id}" -> get("/api/v1/users/{id}", ids.get(userOf("TECHNICIAN")));
            case "PUT /api/v1/users/{id}" -> withJson(put("/api/v1/users/{id}", scratchUser(permitted)),
                    Map.of("role", "EVALUATOR", "displayName", "改过的名字"));
            case "DELETE /api/v1/users/{id}" -> delete("/api/v1/users/{id}", scratchUser(permitted));
            case "POST /api/v1/users/{id}/unlock" -> post("/api/v1/users/{id}/unlock", ids.get(userOf("TECHNICIAN")));
            case "GET /actuator/prometheus" -> get("/actuator/prometheus");
            case "GET /api/v1/status/summary" -> get("/api/v1/status/summary?projectId={p}", PROJECT);
            case "GET /api/v1/status/stream" -> get("/api/v1/status/stream").accept("text/event-stream");
            case "GET /api/v1/devices/{id}/status" -> get("/api/v1/devices/{id}/status", seeded);
            case "GET /api/v1/devices/{id}/outages" -> get("/api/v1/devices/{id}/outages", seeded);
            case "GET /api/v1/devices/{id}/states" -> get("/api/v1/devices/{id}/states", seeded);
            case "GET /api/v1/devices/{id}/probes" -> get("/api/v1/devices/{id}/probes", seeded);
            case "GET /api/v1/gb28181/registrations" -> get("/api/v1/gb28181/registrations");

            case "GET /api/v1/devices/{id}/gb" -> get("/api/v1/devices/{id}/gb", gbDevice());
            case "GET /api/v1/projects/{id}/clock-accuracy" -> get("/api/v1/projects/{id}/clock-accuracy?groupBy=site", PROJECT);
            case "GET /api/v1/projects/{id}/clock-offenders" -> get("/api/v1/projects/{id}/clock-offenders", PROJECT);
            case "GET /api/v1/devices/{id}/clock" -> get("/api/v1/devices/{id}/clock", seeded);
            case "GET /api/v1/devices/{id}/vqd" -> get("/api/v1/devices/{id}/vqd", seeded);
            case "GET /api/v1/devices/{id}/vqd-snapshot" -> {
                cached("vqd-snapshot", () -> { // 200 with a kept picture (404 without one); agents upload it
                    jdbc.update("INSERT INTO vqd_snapshot (device_id, checked_at, received_at, picture, width, height)"
                            + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 1, 1)", seeded, new byte[] {(byte) 0xFF, (byte) 0xD8});
                    return seeded;
                });
                yield get("/api/v1/devices/{id}/vqd-snapshot", seeded);
            }
            case "GET /api/v1/vqd/thresholds" -> get("/api/v1/vqd/thresholds");
            case "PUT /api/v1/vqd/thresholds/{category}" -> withJson(put("/api/v1/vqd/thresholds/{c}", "DOME_CAMERA"),
                    Map.of("thresholds", Map.of("BLUR", 0.6)));
            case "GET /api/v1/devices/{id}/vqd-reference" -> {
                approveReference(seeded); // 200 with a reference (404 without one)
                yield get("/api/v1/devices/{id}/vqd-reference", seeded);
            }
            case "PUT /api/v1/devices/{id}/vqd-reference" -> referenceUpload(seeded);
            case "DELETE /api/v1/devices/{id}/vqd-reference" -> {
                if (permitted) {
                    approveReference(seeded); // 204 when there is one to remove
                }
                yield delete("/api/v1/devices/{id}/vqd-reference", seeded);
            }
            case "GET /api/v1/projects/{id}/image-intactness" -> get("/api/v1/projects/{id}/image-intactness?groupBy=site", PROJECT);
            case "GET /api/v1/devices/{id}/recordings" -> get("/api/v1/devices/{id}/recordings", seeded);
            case "GET /api/v1/projects/{id}/recording-completeness" -> get("/api/v1/projects/{id}/recording-completeness", PROJECT);
            case "GET /api/v1/gb28181/devices/{code}" -> {
                gbDevice(); // the code is registered
                yield get("/api/v1/gb28181/devices/{code}", GB_CODE);
            }
            case "GET /api/v1/maintenance-windows" -> get("/api/v1/maintenance-windows");
            case "GET /api/v1/maintenance-windows/{id}" -> get("/api/v1/maintenance-windows/{id}", fixture(WINDOWS, false));
            case "POST /api/v1/maintenance-windows" -> withJson(post(WINDOWS), window());
            case "PUT /api/v1/maintenance-windows/{id}" -> withJson(put(WINDOWS + "/{id}", fixture(WINDOWS, permitted)), window());
            case "DELETE /api/v1/maintenance-windows/{id}" -> delete(WINDOWS + "/{id}", fixture(WINDOWS, permitted));
            case "GET /api/v1/agents" -> get(AGENTS);
            case "GET /api/v1/agents/{id}" -> get(AGENTS + "/{id}", fixture(AGENTS, false));
            case "GET /api/v1/agents/{id}/batches" -> get(AGENTS + "/{id}/batches", fixture(AGENTS, false));
            case "POST /api/v1/agents" -> withJson(post(AGENTS), agent());
            case "PUT /api/v1/agents/{id}" -> withJson(put(AGENTS + "/{id}", fixture(AGENTS, permitted)), agent());
            case "DELETE /api/v1/agents/{id}" -> delete(AGENTS + "/{id}", fixture(AGENTS, permitted));
            case "GET /api/v1/notification-channels" -> get(CHANNELS);
            case "POST /api/v1/notification-channels" -> withJson(post(CHANNELS), channel());
            case "PUT /api/v1/notification-channels/{id}" -> withJson(put(CHANNELS + "/{id}", fixture(CHANNELS, permitted)), channel());
            case "DELETE /api/v1/notification-channels/{id}" -> delete(CHANNELS + "/{id}", fixture(CHANNELS, permitted));
            case "POST /api/v1/notification-channels/{id}/test" -> post(CHANNELS + "/{id}/test", fixture(CHANNELS, false));
            case "GET /api/v1/gb28181/discovered" -> get("/api/v1/gb28181/discovered");
            case "POST /api/v1/gb28181/registrations/{code}/adopt" -> withJson(
                    post("/api/v1/gb28181/registrations/{code}/adopt", unknownRegistration()),
                    Map.of("projectId", scratchProject(), "category", "FACE_CAMERA", "name", "矩阵测试 国标设备"));
            case "POST /api/v1/discovery" -> withJson(post("/api/v1/discovery"), Map.of("target", "127.0.0.1:9", "timeoutMs", 200));
            case "GET /api/v1/evaluations" -> get(EVALUATIONS + "?projectId={p}", PROJECT);
            case "POST /api/v1/evaluations" -> withJson(post(EVALUATIONS), evaluation());
            case "GET /api/v1/evaluations/{id}" -> get(EVALUATIONS + "/{id}", fixture(EVALUATIONS, false));
            case "POST /api/v1/evaluations/{id}/versions" -> post(EVALUATIONS + "/{id}/versions", signedEvaluation(permitted));
            case "GET /api/v1/evaluations/{id}/rows" -> get(EVALUATIONS + "/{id}/rows", fixture(EVALUATIONS, false));
            case "PATCH /api/v1/evaluations/{id}/rows/{rowId}" -> withJson(patch(EVALUATIONS + "/{id}/rows/{row}",
                    fixture(EVALUATIONS, false), firstRow()), Map.of("note", "矩阵测试"));
            case "GET /api/v1/evaluations/{id}/rows/{rowId}/evidence" -> get(EVALUATIONS + "/{id}/rows/{row}/evidence",
                    fixture(EVALUATIONS, false), firstRow());
            case "GET /api/v1/evaluations/{id}/checks" -> get(EVALUATIONS + "/{id}/checks", fixture(EVALUATIONS, false));
            case "POST /api/v1/evaluations/{id}/sign" -> signing(fixture(EVALUATIONS, permitted));
            case "GET /api/v1/evaluations/{id}/report" -> get(EVALUATIONS + "/{id}/report", fixture(EVALUATIONS, false));
            case "PUT /api/v1/evaluations/{id}/report" -> withJson(put(EVALUATIONS + "/{id}/report", fixture(EVALUATIONS, false)),
                    Map.of("sections", List.of(Map.of("seq", 1, "prose", "矩阵测试"))));
            case "GET /api/v1/evaluations/{id}/export" -> get(EVALUATIONS + "/{id}/export?format=xlsx", fixture(EVALUATIONS, false));
            case "GET /api/v1/evaluations/{id}/verify" -> get(EVALUATIONS + "/{id}/verify", signedEvaluation(permitted));
            case "POST /api/v1/assessments" -> withJson(post(ASSESSMENTS), assessment());
            case "GET /api/v1/assessments" -> get(ASSESSMENTS + "?projectId={p}", PROJECT);
            case "GET /api/v1/assessments/{id}" -> get(ASSESSMENTS + "/{id}", draftAssessment());
            case "GET /api/v1/assessments/{id}/groups" -> get(ASSESSMENTS + "/{id}/groups?groupBy=site", draftAssessment());
            case "GET /api/v1/assessments/{id}/indicators/{indicator}/evidence" -> get(ASSESSMENTS
                    + "/{id}/indicators/onlineRate/evidence", draftAssessment());
            case "GET /api/v1/assessments/{id}/deductions/{rule}/evidence" -> get(ASSESSMENTS
                    + "/{id}/deductions/FAULT_HOURS/evidence", draftAssessment());
            case "POST /api/v1/assessments/{id}/sign" -> withJson(post(ASSESSMENTS + "/{id}/sign",
                    permitted ? newAssessment() : draftAssessment()), Map.of("syntheticAccepted", true));
            case "GET /api/v1/assessments/{id}/verify" -> get(ASSESSMENTS + "/{id}/verify", signedAssessment(permitted));
            case "GET /api/v1/assessments/{id}/export" -> get(ASSESSMENTS + "/{id}/export?format=xlsx", draftAssessment());
            case "GET /api/v1/projects/{id}/assessment-rules" -> get("/api/v1/projects/{p}/assessment-rules", scratchProject());
            case "PUT /api/v1/projects/{id}/assessment-rules" -> withJson(put("/api/v1/projects/{p}/assessment-rules",
                    scratchProject()), Map.of("rules", List.of(Map.of("code", "FAULT_HOURS", "threshold", 8, "deduction", 1,
                    "proportional", false, "cap", 20, "active", true))));
            case "GET /api/v1/projects/{id}/assessment-trend" -> get("/api/v1/projects/{p}/assessment-trend?months=2", scratchProject());
            case "GET /api/v1/devices/{id}/archive" -> get("/api/v1/devices/{id}/archive", seeded);
            // an empty archive is valid (not complete): 200, on a scratch camera so the reference project stays as it is
            case "PUT /api/v1/devices/{id}/archive" -> withJson(put("/api/v1/devices/{id}/archive", scratchCamera()), Map.of());
            case "GET /api/v1/devices/{id}/archive/versions" -> get("/api/v1/devices/{id}/archive/versions", seeded);
            // the reference archives are loaded as version 1 of every camera that has one
            case "GET /api/v1/devices/{id}/archive/versions/{no}" -> get("/api/v1/devices/{id}/archive/versions/1", seeded);
            case "GET /api/v1/projects/{id}/archives" -> get("/api/v1/projects/{id}/archives?size=5", PROJECT);
            case "GET /api/v1/projects/{id}/archive-rates" -> get("/api/v1/projects/{id}/archive-rates?groupBy=township", PROJECT);
            case "GET /api/v1/projects/{id}/archive-mismatches" -> get("/api/v1/projects/{id}/archive-mismatches", PROJECT);
            case "GET /api/v1/projects/{id}/archives/export" -> get("/api/v1/projects/{id}/archives/export", PROJECT);
            case "POST /api/v1/projects/{id}/archives/import" -> multipart("/api/v1/projects/{id}/archives/import", PROJECT)
                    .file(new MockMultipartFile("file", "archives.csv", "text/csv", "资产编号\n".getBytes(StandardCharsets.UTF_8)))
                    .param("dryRun", "true");
            case "GET /api/v1/work-orders" -> get("/api/v1/work-orders?size=5");
            case "POST /api/v1/work-orders" -> withJson(post("/api/v1/work-orders"),
                    Map.of("deviceIds", List.of(createDevice().get("id").asLong()), "reason", "矩阵测试"));
            case "GET /api/v1/work-orders/{id}" -> get("/api/v1/work-orders/{id}", cached("work-order", () -> workOrder(null)));
            // a fresh unassigned order: any permitted role may take it
            case "POST /api/v1/work-orders/{id}/transitions" -> withJson(post("/api/v1/work-orders/{id}/transitions",
                    permitted ? workOrder(null) : cached("work-order", () -> workOrder(null))), Map.of("to", "ACCEPTED"));
            // assigned to the matrix technician, so that every permitted role may add photos to it
            case "POST /api/v1/work-orders/{id}/photos" -> multipart("/api/v1/work-orders/{id}/photos",
                    cached("technician-work-order", () -> workOrder(userOf("TECHNICIAN"))))
                    .file(new MockMultipartFile("file", "photo.png", "image/png", TINY_PNG));
            case "GET /api/v1/work-orders/{id}/photos/{photoId}" -> get("/api/v1/work-orders/{id}/photos/{p}",
                    cached("work-order", () -> workOrder(null)), cached("work-order-photo", this::workOrderPhoto));
            case "GET /api/v1/work-orders/figures" -> get("/api/v1/work-orders/figures?projectId={p}", PROJECT);
            case "GET /api/v1/projects/{id}/work-order-sla-rules" -> get("/api/v1/projects/{p}/work-order-sla-rules", scratchProject());
            case "PUT /api/v1/projects/{id}/work-order-sla-rules" -> withJson(put("/api/v1/projects/{p}/work-order-sla-rules",
                    scratchProject()), Map.of("rules", List.of()));
            case "GET /api/v1/projects/{id}/work-order-assignees" -> get("/api/v1/projects/{p}/work-order-assignees", scratchProject());
            case "GET /api/v1/stocktakes" -> get("/api/v1/stocktakes?size=5");
            case "POST /api/v1/stocktakes" -> withJson(post("/api/v1/stocktakes"), stocktakeScope());
            case "GET /api/v1/stocktakes/{id}" -> get("/api/v1/stocktakes/{id}", cached("stocktake", this::stocktake));
            case "POST /api/v1/stocktakes/{id}/scans" -> withJson(post("/api/v1/stocktakes/{id}/scans",
                    cached("stocktake", this::stocktake)), Map.of("code", "JS-XL1-FC-001"));
            // a fresh session when the close will be let through, so the shared one stays open for the scans
            case "POST /api/v1/stocktakes/{id}/close" -> withJson(post("/api/v1/stocktakes/{id}/close",
                    permitted ? stocktake() : cached("stocktake", this::stocktake)), Map.of("applyLocationChanges", false));
            case "GET /api/v1/stocktakes/{id}/report" -> get("/api/v1/stocktakes/{id}/report", cached("stocktake", this::stocktake));
            case "GET /api/v1/projects/{id}/stocktake-intervals" -> get("/api/v1/projects/{p}/stocktake-intervals", scratchProject());
            case "PUT /api/v1/projects/{id}/stocktake-intervals" -> withJson(put("/api/v1/projects/{p}/stocktake-intervals",
                    scratchProject()), Map.of("intervals", List.of(Map.of("categoryCode", "SERVER", "days", 180))));
            case "GET /api/v1/projects/{id}/stocktake-due" -> get("/api/v1/projects/{p}/stocktake-due", PROJECT);
            case "GET /api/v1/agent/assignment" -> get("/api/v1/agent/assignment");
            case "POST /api/v1/agent/batches" -> withJson(post("/api/v1/agent/batches"), Map.of());
            case "POST /api/v1/agent/heartbeat" -> withJson(post("/api/v1/agent/heartbeat"), Map.of());
            case "PUT /api/v1/agent/devices/{id}/vqd-snapshot" -> put("/api/v1/agent/devices/{id}/vqd-snapshot?checkedAt=2026-12-06T20:00:00Z", seeded)
                    .contentType("image/jpeg").content(new byte[] {(byte) 0xFF, (byte) 0xD8});
            default -> throw new IllegalArgumentException("no request for " + endpoint + ": add one");
        };
    }

    /** The site of the seeded device JS-XL1-FC-001 in the reference project: what the matrix's stocktakes cover. */
    private Map<String, Object> stocktakeScope() throws Exception {
        long site = cached("stocktake-site", () -> getJson("/api/v1/devices/{id}", seededDeviceId("JS-XL1-FC-001"))
                .get("siteId").asLong());
        return Map.of("projectId", PROJECT, "siteId", site);
    }

    /** A stocktake session opened by admin over {@link #stocktakeScope()}. */
    private long stocktake() throws Exception {
        return read(perform(withJson(post("/api/v1/stocktakes"), stocktakeScope()), ADMIN).andExpect(status().isCreated()))
                .get("id").asLong();
    }

    /** A work order opened by admin for a fresh scratch device, assigned to {@code assignee} (null: nobody). */
    private long workOrder(String assignee) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("deviceIds", List.of(createDevice().get("id").asLong()),
                "reason", "矩阵测试"));
        if (assignee != null) {
            body.put("assignee", assignee);
        }
        return read(perform(withJson(post("/api/v1/work-orders"), body), ADMIN).andExpect(status().isCreated())).get("id").asLong();
    }

    /** A photo of the shared unassigned order, added by admin. */
    private long workOrderPhoto() throws Exception {
        return read(perform(multipart("/api/v1/work-orders/{id}/photos", cached("work-order", () -> workOrder(null)))
                .file(new MockMultipartFile("file", "photo.png", "image/png", TINY_PNG)), ADMIN)
                .andExpect(status().isCreated())).get("id").asLong();
    }

    /** A registered GB/T 28181 device the matrix reads (industry code 99: no seeded device carries it). */
    private static final String GB_CODE = "14082400991320900001";

    /** A scratch ledger device carrying {@link #GB_CODE}, registered as the SIP layer would have written it. */
    private long gbDevice() throws Exception {
        return cached("gb-device", () -> {
            long id = createDevice().get("id").asLong();
            jdbc.update("UPDATE device SET gb_code = ? WHERE id = ?", GB_CODE, id);
            jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                    + " first_seen_at, registered_at, expires_at, updated_at) VALUES (?, '127.0.0.1', 15060, 'UDP', 3600,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", GB_CODE);
            return id;
        });
    }

    private static final java.util.concurrent.atomic.AtomicInteger GB_SERIAL = new java.util.concurrent.atomic.AtomicInteger(900000);

    /** A registration with a fresh code no ledger device carries (the SIP layer writes these rows in production). */
    private String unknownRegistration() {
        String code = "1408240000132" + "0" + GB_SERIAL.incrementAndGet();
        java.sql.Timestamp now = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                + " first_seen_at, registered_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", code, "127.0.0.1", 5061, "UDP",
                3600, now, now, now);
        return code;
    }

    private static final String BOUNDARY = "/api/v1/sites/boundary";
    private static final String BOUNDARY_SQUARE = "{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[110.9,35.5],[111.1,35.5],[111.1,35.7],[110.9,35.7],[110.9,35.5]]]}";

    /** Makes sure the site map has a boundary (admin uploads one). */
    private void boundary() throws Exception {
        perform(put(BOUNDARY).contentType("application/json").content(BOUNDARY_SQUARE), ADMIN).andExpect(status().isOk());
    }

    private static final String WINDOWS = "/api/v1/maintenance-windows";
    private static final String AGENTS = "/api/v1/agents";
    private static final String CHANNELS = "/api/v1/notification-channels";
    private static final String EVALUATIONS = "/api/v1/evaluations";

    private static Map<String, Object> evaluation() {
        return Map.of("projectId", PROJECT, "from", "2021-08-24", "to", "2022-08-23");
    }

    private long firstRow() throws Exception {
        return cached("evaluation-row", () -> getJson(EVALUATIONS + "/{id}/rows", fixture(EVALUATIONS, false)).get(0).get("id").asLong());
    }

    /** A signed evaluation: a new version can only be made of one. */
    private long signedEvaluation(boolean fresh) throws Exception {
        if (!fresh) {
            return fixture(EVALUATIONS, false);
        }
        long id = fixture(EVALUATIONS, true);
        perform(signing(id), ADMIN).andExpect(status().isOk());
        return id;
    }

    /** A sign request that acknowledges every open warning (a reason each) and accepts the synthetic-data notice. */
    private MockHttpServletRequestBuilder signing(long id) throws Exception {
        List<Map<String, Object>> acknowledgements = new java.util.ArrayList<>();
        for (JsonNode c : getJson(EVALUATIONS + "/{id}/checks", id)) {
            if (!c.get("passed").asBoolean() && "WARNING".equals(c.get("severity").asString())) {
                acknowledgements.add(Map.of("code", c.get("code").asString(), "rowId", c.get("rowId").asLong(), "reason", "授权测试"));
            }
        }
        return withJson(post(EVALUATIONS + "/{id}/sign", id), Map.of("acknowledgements", acknowledgements, "syntheticAccepted", true));
    }

    private static final String ASSESSMENTS = "/api/v1/assessments";
    /** Months counted back from 2021-07 (before the reference project's service): each create gets its own month. */
    private static final java.util.concurrent.atomic.AtomicInteger ASSESSMENT_MONTHS = new java.util.concurrent.atomic.AtomicInteger();

    private static Map<String, Object> assessment() {
        return Map.of("projectId", PROJECT, "month", java.time.YearMonth.of(2021, 7).minusMonths(ASSESSMENT_MONTHS.getAndIncrement()).toString());
    }

    /** A new draft sheet (its own month). */
    private long newAssessment() throws Exception {
        return read(perform(withJson(post(ASSESSMENTS), assessment()), ADMIN).andExpect(status().isCreated()))
                .get("assessment").get("id").asLong();
    }

    /** One draft sheet kept for every call that only reads it or is refused. */
    private long draftAssessment() throws Exception {
        return cached("assessment", this::newAssessment);
    }

    /** A signed sheet when the call will be let through (verify needs one), else the shared draft. */
    private long signedAssessment(boolean fresh) throws Exception {
        if (!fresh) {
            return draftAssessment();
        }
        long id = newAssessment();
        perform(withJson(post(ASSESSMENTS + "/{id}/sign", id), Map.of("syntheticAccepted", true)), ADMIN).andExpect(status().isOk());
        return id;
    }

    private static Map<String, Object> window() {
        return Map.of("scopeType", "CATEGORY", "scopeRef", "FACE_CAMERA", "startsAt", "2021-09-01T01:00:00Z",
                "endsAt", "2021-09-01T03:00:00Z", "reason", "固件升级");
    }

    private static Map<String, Object> agent() {
        return Map.of("name", unique("az-agent"), "zone", "local");
    }

    /** A webhook on a loopback port nothing listens on: a test message fails fast and goes nowhere. */
    private static Map<String, Object> channel() {
        return Map.of("name", unique("az-channel"), "kind", "WEBHOOK", "target", "http://127.0.0.1:9/hook");
    }

    /**
     * The id of something admin created at {@code collection}: a new one when the call will change or
     * remove it, else one kept for all the calls that only read it or are refused.
     */
    private long fixture(String collection, boolean fresh) throws Exception {
        if (!fresh) {
            return cached(collection, () -> fixture(collection, true));
        }
        Object body = switch (collection) {
            case WINDOWS -> window();
            case AGENTS -> agent();
            case CHANNELS -> channel();
            case EVALUATIONS -> evaluation();
            default -> throw new IllegalArgumentException(collection);
        };
        JsonNode created = read(perform(withJson(post(collection), body), ADMIN).andExpect(status().isCreated()));
        JsonNode entity = created.has("agent") ? created.get("agent") : created.has("evaluation") ? created.get("evaluation") : created;
        return entity.get("id").asLong();
    }

    private static JsonNode sharedDevice;

    /** A new PLANNED device for a call that will change it, else one device shared by all refused calls. */
    private JsonNode scratchDevice(boolean fresh) throws Exception {
        if (fresh) {
            return createDevice();
        }
        if (sharedDevice == null) {
            sharedDevice = createDevice();
        }
        return sharedDevice;
    }

    /** A camera of the scratch project (the archive's PUT changes it). */
    private long scratchCamera() throws Exception {
        return cached("scratch-camera", () -> {
            Map<String, Object> camera = newDevice(unique("AZ-CAM"));
            camera.put("category", "FACE_CAMERA");
            return createDevice(camera).get("id").asLong();
        });
    }

    private long scratchUser(boolean fresh) throws Exception {
        return fresh ? ensureUser(unique("az-scratch"), "TECHNICIAN") : ids.get(userOf("TECHNICIAN"));
    }
}
