package org.xueliang.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.fuzz.Corpus;
import org.xueliang.tracker.fuzz.FuzzSuite;
import org.xueliang.tracker.fuzz.Mutator;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fuzz group of the security suite (issue 9): mutated JSON to every {@code @RequestBody} endpoint, found by
 * reflection on the application's handler mappings, as admin (agents with their token), through the whole stack
 * behind MockMvc. Property: no answer is a 5xx, and every 4xx is an RFC 9457 problem detail. Plus the agent batch
 * JSON at volume through the application's own JSON mapper. Seeds: fuzz/request-bodies/METHOD-path.json (one per
 * endpoint; a new endpoint without a seed fails {@link #every_request_body_is_fuzzed}) and fuzz/agent-batch.
 *
 * <p>Runs in a context of its own (the property below), so that whatever the fuzzer creates, changes or signs stays
 * out of the shared database the other API tests count on.
 */
@OnH2
// Wrong current passwords sent to POST /api/v1/auth/password count as failed logins: no lockout in this context, so the
// fuzz of that endpoint keeps reaching its validation instead of answering 423 after the fifth.
@TestPropertySource(properties = {"xl.test.context=fuzz", "xl.security.max-failed-logins=1000000"})
class FuzzAttacksTest extends ApiTestSupport {

    private static final String GROUP = "fuzz";
    private static final int TRIES_PER_ENDPOINT = 100;
    /**
     * Not fuzzed, and why. Discovery sends WS-Discovery probes to the body's target (multicast when it is missing),
     * and the tests' network rule keeps all traffic on 127.0.0.0/8; its validation has unit tests of its own.
     */
    private static final Set<String> EXCLUDED = Set.of("POST /api/v1/discovery");
    private static final Set<String> AGENT_ENDPOINTS = Set.of("POST /api/v1/agent/batches", "POST /api/v1/agent/heartbeat",
            "PUT /api/v1/agent/devices/{id}/vqd-snapshot"); // its seed is a JPEG (the body it takes), not JSON
    /** Endpoints about the caller's own account: fuzzed as the fuzz's own user, so admin's password stays as it is. */
    private static final Set<String> SELF_SERVICE_ENDPOINTS = Set.of("POST /api/v1/auth/password");
    private static final String OWN_USER = "fuzz-target";
    private static final String OWN_USER_PASSWORD = "Probe-Target-Passw0rd";
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Mutator TEXT = Mutator.withTokens("{", "}", "[", "]", ":", "\"\"", "null", "true", "{\"a\":",
            "[[[[[[[[[[", "\\u0000", "\\ud800", "1e400", "-0", "\"role\":\"ADMIN\"", "\"id\":1");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** METHOD + path pattern of every handler with a @RequestBody parameter. */
    private List<String> bodyEndpoints() {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            boolean hasBody = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            if (hasBody) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    for (String path : info.getPatternValues()) {
                        endpoints.add(method.name() + " " + path);
                    }
                }
            }
        });
        endpoints.sort(Comparator.naturalOrder());
        return endpoints;
    }

    @Test
    void every_request_body_is_fuzzed() throws Exception {
        Map<String, String> auth = new TreeMap<>();
        Ids ids = new Ids();
        String agentToken = ids.agentToken();
        for (String endpoint : bodyEndpoints()) {
            if (EXCLUDED.contains(endpoint)) {
                System.out.println("fuzz request-body " + endpoint + ": excluded (see FuzzAttacksTest.EXCLUDED)");
                continue;
            }
            auth.put(endpoint, AGENT_ENDPOINTS.contains(endpoint) ? "Bearer " + agentToken
                    : SELF_SERVICE_ENDPOINTS.contains(endpoint) ? basic(OWN_USER, OWN_USER_PASSWORD) : basicAdmin());
        }
        assertThat(auth).as("endpoints with a request body").hasSizeGreaterThan(10);
        List<String> failed = new ArrayList<>();
        for (var entry : auth.entrySet()) {
            String endpoint = entry.getKey();
            List<byte[]> seeds = seeds(endpoint);
            try {
                fuzzEndpoint(endpoint, entry.getValue(), seeds, ids);
            } catch (AssertionError e) {
                failed.add(e.getMessage()); // every endpoint runs, and all that failed are reported together
            }
        }
        assertThat(failed).as("endpoints whose fuzzing found a 5xx or a 4xx without a problem detail").isEmpty();
    }

    private void fuzzEndpoint(String endpoint, String authorization, List<byte[]> seeds, Ids ids) throws Exception {
        AttackTally.attempt(GROUP, "mutated JSON bodies to " + endpoint + " (none may answer 5xx or a 4xx without a problem detail)", () -> {
            FuzzSuite.of("request-body " + endpoint, TRIES_PER_ENDPOINT, random -> body(random, seeds.get(random.nextInt(seeds.size()))))
                    .timeoutMillis(20_000)
                    .maxAllocatedMegabytes(512)
                    .firstVerbatim(seeds)
                    .bytesOf(b -> b)
                    .run(body -> send(endpoint, ids, authorization, body));
            return true;
        });
    }

    @Test
    void agent_batch_json_fails_only_as_a_jackson_error() throws Exception {
        List<byte[]> seeds = Corpus.of("agent-batch");
        AttackTally.attempt(GROUP, "mutated agent batch JSON read as POST /api/v1/agent/batches reads it", () -> {
            FuzzSuite.of("agent-batch-json", 20_000, random -> random.nextBoolean()
                            ? TEXT.mutate(random, seeds, 4)
                            : structural(random, seeds.get(random.nextInt(seeds.size()))))
                    .timeoutMillis(5_000)
                    .maxAllocatedMegabytes(64)
                    .firstVerbatim(seeds)
                    .bytesOf(b -> b)
                    .run(body -> {
                        try {
                            json.readValue(body, Batch.class);
                        } catch (JacksonException unreadable) {
                            // the documented failure: answered 400 with a problem detail
                        }
                    });
            return true;
        });
    }

    /**
     * Input shapes that a known defect of issue 9 answers with a 500, fixed on another branch: not sent until that fix
     * is merged (then delete the line).
     */
    private void send(String endpoint, Ids ids, String authorization, byte[] body) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = ids.fill(parts[1], new Random(java.util.Arrays.hashCode(body)));
        byte[] content = parts[1].contains("notification-channels") ? ChannelTargets.loopbackOnly(json, body) : body;
        MockHttpServletResponse res = mvc.perform(request(HttpMethod.valueOf(parts[0]), path)
                        .header("Authorization", authorization)
                        .contentType(MediaType.APPLICATION_JSON).content(content))
                .andReturn().getResponse();
        int status = res.getStatus();
        if (status >= 500) {
            throw new AssertionError(endpoint + " → " + path + " answered " + status + ": " + res.getContentAsString());
        }
        if (status >= 400 && (res.getContentType() == null
                || !MediaType.parseMediaType(res.getContentType()).isCompatibleWith(PROBLEM))) {
            throw new AssertionError(endpoint + " → " + path + " answered " + status + " as " + res.getContentType()
                    + ", not a problem detail: " + res.getContentAsString());
        }
    }

    /** A seed that is not JSON (the VQD snapshot's JPEG) is only mutated byte by byte: it has no tree to reshape. */
    private byte[] body(Random random, byte[] seed) {
        boolean json = seed.length > 0 && (seed[0] == '{' || seed[0] == '[');
        return !json || random.nextInt(3) == 0 ? TEXT.mutate(random, List.of(seed), 3) : structural(random, seed);
    }

    /** The seed as a tree with one to three values replaced, removed or added: valid JSON of the wrong shape. */
    private byte[] structural(Random random, byte[] seed) {
        JsonNode root = json.readTree(seed);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode target = containers.get(random.nextInt(containers.size()));
            if (target instanceof ObjectNode object) {
                List<String> names = new ArrayList<>(object.propertyNames());
                String name = names.isEmpty() || random.nextInt(6) == 0 ? "unexpected" + random.nextInt(3)
                        : names.get(random.nextInt(names.size()));
                if (random.nextInt(8) == 0) {
                    object.remove(name);
                } else {
                    object.set(name, JsonValues.odd(random, object.get(name)));
                }
            } else if (target instanceof ArrayNode array) {
                if (array.isEmpty() || random.nextInt(4) == 0) {
                    array.add(JsonValues.odd(random, null));
                } else {
                    array.set(random.nextInt(array.size()), JsonValues.odd(random, array.get(0)));
                }
            }
        }
        return JsonValues.deepened(json.writeValueAsBytes(root));
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }

    /** The endpoint's seed ({@link #seedName}) and the inputs fuzzing found for it ({@code <seed name>.found-*.json}). */
    private static List<byte[]> seeds(String endpoint) {
        String base = seedName(endpoint).replaceFirst("\\.json$", "");
        List<byte[]> seeds = new ArrayList<>(List.of(seed(base + ".json")));
        Corpus.files("request-bodies").forEach((name, bytes) -> {
            if (name.startsWith(base + ".found-")) {
                seeds.add(bytes);
            }
        });
        return seeds;
    }

    private static byte[] seed(String file) {
        try (var in = FuzzAttacksTest.class.getResourceAsStream("/fuzz/request-bodies/" + file)) {
            if (in == null) {
                throw new AssertionError("no seed body fuzz/request-bodies/" + file
                        + ": every @RequestBody endpoint needs one (or an entry in EXCLUDED with the reason)");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "PUT /api/v1/users/{id}" → "PUT-users-id.json". */
    static String seedName(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        return parts[0] + "-" + parts[1].replaceFirst("^/api/v1/", "").replaceAll("[{}]", "").replace('/', '-') + ".json";
    }

    private static String basicAdmin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Path variables: mostly an entity the fuzz made for itself (never admin, never another test's), sometimes one
     * that does not exist or is not a number.
     */
    private final class Ids {
        private final Map<String, String> own = new LinkedHashMap<>();
        private String agentToken;

        Ids() throws Exception {
            own.put("users", created("/api/v1/users", "{\"username\":\"" + OWN_USER + "\",\"displayName\":\"Fuzz\","
                    + "\"role\":\"TECHNICIAN\",\"enabled\":true,\"allProjects\":true,\"password\":\"" + OWN_USER_PASSWORD + "\"}").path("id").asString());
            own.put("maintenance-windows", created("/api/v1/maintenance-windows", new String(seed("POST-maintenance-windows.json"),
                    StandardCharsets.UTF_8)).path("id").asString());
            own.put("notification-channels", created("/api/v1/notification-channels", new String(seed("POST-notification-channels.json"),
                    StandardCharsets.UTF_8)).path("id").asString());
            JsonNode agent = created("/api/v1/agents", "{\"name\":\"fuzz-agent\",\"zone\":\"fuzz\"}");
            own.put("agents", agent.path("agent").path("id").asString());
            agentToken = agent.path("token").asString();
            JsonNode evaluation = created("/api/v1/evaluations", new String(seed("POST-evaluations.json"), StandardCharsets.UTF_8));
            own.put("evaluations", evaluation.path("id").asString());
            JsonNode rows = read(perform(get("/api/v1/evaluations/{id}/rows", own.get("evaluations")), ADMIN));
            JsonNode firstRow = rows.isArray() ? rows.path(0) : rows.path("items").path(0);
            own.put("rowId", firstRow.path("id").asString("1"));
            own.put("devices", "1");
            own.put("category", "DOME_CAMERA"); // PUT /api/v1/vqd/thresholds/{category}: a camera category
        }

        String agentToken() {
            return agentToken;
        }

        String fill(String pattern, Random random) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String resource = m.group(1).equals("id") ? resourceBefore(pattern, m.start()) : m.group(1);
                String value = switch (random.nextInt(20)) {
                    case 0 -> "2147483647";
                    case 1 -> "0";
                    case 2 -> "x";
                    case 3 -> "99999999999999999999";
                    default -> own.getOrDefault(resource, "1");
                };
                m.appendReplacement(out, value);
            }
            m.appendTail(out);
            return out.toString();
        }

        private static String resourceBefore(String pattern, int at) {
            String head = pattern.substring(0, at - 1);
            return head.substring(head.lastIndexOf('/') + 1);
        }

        private JsonNode created(String path, String body) throws Exception {
            MockHttpServletResponse res = mvc.perform(request(HttpMethod.POST, path).header("Authorization", basicAdmin())
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
            assertThat(res.getStatus()).as("creating the fuzz's own %s: %s", path, res.getContentAsString()).isBetween(200, 299);
            return json.readTree(res.getContentAsByteArray());
        }
    }
}
