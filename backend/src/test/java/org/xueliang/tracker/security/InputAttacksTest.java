package org.xueliang.tracker.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnH2;

import tools.jackson.databind.JsonNode;

/**
 * Group {@code input} of the security suite (issue 9, defects 7–10): hostile and careless input
 * replayed against the API as admin. Each is refused only when the answer is a 4xx (413 included)
 * {@code application/problem+json}, its words name no Java class or exception, and neither the
 * device table nor the audit log changed (every write of the product is audited).
 */
@OnH2
class InputAttacksTest extends ApiTestSupport {

    static final String GROUP = "input";
    /** What internals look like in a message: packages, exception names, fully qualified class names, Jackson's backticks. */
    static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|jakarta\\.|org\\.|com\\.|tools\\.jackson|Exception|\\b[a-z]\\w*(\\.[a-z]\\w*)+\\.[A-Z]\\w+|`");
    private static final String IMPORT = "/api/v1/devices/import";

    // ---- defect 7: failures that were a 500 application/json -----------------------------------------------------

    @Test
    void pagingAndSortingOutOfBoundsAreProblems() throws Exception {
        for (String list : List.of("/api/v1/devices", "/api/v1/evaluations", "/api/v1/audit")) {
            attack("page 2147483647 on " + list, get(list + "?page=2147483647"), field("page"));
            attack("page beyond an int on " + list, get(list + "?page=99999999999"), field("page"));
            attack("size 100000 on " + list, get(list + "?size=100000"), field("size"));
        }
        for (String list : List.of("/api/v1/devices", "/api/v1/evaluations")) {
            attack("sort=, on " + list, get(list + "?sort=,"), field("sort"));
            attack("sort=,desc on " + list, get(list + "?sort=,desc"), field("sort"));
            attack("sort=id,asc,id on " + list, get(list + "?sort=id,asc,id"), field("sort"));
            attack("sort=id, on " + list, get(list + "?sort=id,"), field("sort"));
        }
        // the bound is not in the way of real pages
        assertThat(getJson("/api/v1/devices?page=100000&size=500").get("items").size()).isZero();
    }

    @Test
    void anXlsxThatUnpacksToGigabytesIsRefused() throws Exception {
        byte[] bomb = XlsxBombs.sheetInflatingTo(1_500_000_000L);
        assertThat(bomb.length).as("the bomb fits the 20 MB upload limit").isLessThan(20 * 1024 * 1024);
        attack("XLSX zip bomb: 1.5 GB sheet at a compression ratio just above POI's 1:100 check",
                upload("bomb.xlsx", bomb), 413);
        attack("XLSX zip bomb: 90 MB of one repeated byte", upload("zeros.xlsx", zeroBomb(90 << 20)));
    }

    // ---- defect 8: CSV rows wider than the header ----------------------------------------------------------------

    @Test
    void aCsvRowWithMoreCellsThanTheHeaderIsARowError() throws Exception {
        String tag = unique("WIDE");
        byte[] csv = ("projectId,assetTag,category\r\n" + scratchProject() + "," + tag + ",SERVER,surplus\r\n")
                .getBytes(StandardCharsets.UTF_8);
        attack("CSV row with a cell beyond the header", upload("wide.csv", csv), 422,
                body -> body.at("/errors/0/row").asInt() == 2 && body.at("/errors/0/reason").asString().contains("column 4"));
        // a trailing comma is an empty cell, not a value: such a file still imports (dry run)
        byte[] trailing = ("projectId,assetTag,category\r\n" + scratchProject() + "," + tag + ",SERVER,\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(perform(multipart(IMPORT).file(file("trailing.csv", trailing)).param("dryRun", "true"), ADMIN)
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    // ---- defect 9: internal class names in error details ---------------------------------------------------------

    @Test
    void typeMismatchesOfParametersSayWhatWasExpected() throws Exception {
        attack("path id 'abc'", get("/api/v1/devices/abc"), 400, detail("id must be a whole number"));
        attack("lifecycle filter 'FOO'", get("/api/v1/devices?lifecycle=FOO"), 400, detail("lifecycle must be one of PLANNED"));
        attack("time filter 'yesterday'", get("/api/v1/devices/1/outages?from=yesterday"), 400, field("from"));
        attack("projectId filter 'x' on evaluations", get("/api/v1/evaluations?projectId=x"), 400, field("projectId"));
        attack("export lifecycle 'FOO'", get("/api/v1/devices/export?lifecycle=FOO"), 400, field("lifecycle"));
    }

    @Test
    void unreadableBodiesSayWhichFieldAndWhy() throws Exception {
        attack("device projectId \"abc\"", device("projectId", "abc"), 400, detail("projectId must be a whole number"));
        attack("device lifecycle \"FOO\"", device("lifecycle", "FOO"), 400, detail("lifecycle must be one of"));
        attack("device plannedOn \"yesterday\"", device("plannedOn", "yesterday"), 400, field("plannedOn"));
        attack("device probe.port \"x\"", device("probe", Map.of("port", "x")), 400, field("probe.port"));
        attack("device probe as a list", device("probe", List.of(1)), 400, field("probe"));
        attack("lifecycle step to \"FOO\"", json(post("/api/v1/devices/{id}/lifecycle", seededDeviceId("JS-XL1-FC-001")),
                "{\"to\":\"FOO\"}"), 400, field("to"));
        attack("user role \"FOO\"", json(post("/api/v1/users"), "{\"username\":\"" + unique("u") + "\",\"role\":\"FOO\"}"), 400,
                field("role"));
        attack("user body cut short", json(post("/api/v1/users"), "{\"username\":"), 400, field("body"));
        attack("maintenance window startsAt \"soon\"", json(post("/api/v1/maintenance-windows"),
                "{\"scopeType\":\"DEVICE\",\"scopeRef\":\"1\",\"startsAt\":\"soon\"}"), 400, field("startsAt"));
        attack("device patch probePort \"eighty\"", json(patch("/api/v1/devices/{id}", seededDeviceId("JS-XL1-FC-001")),
                "{\"probePort\":\"eighty\"}"), 400, field("probePort"));
    }

    @Test
    void malformedImportFilesAreDescribedInTheUsersTerms() throws Exception {
        byte[] badQuote = "projectId,assetTag,category\r\n1,\"A\"x,SERVER\r\n".getBytes(StandardCharsets.UTF_8);
        attack("CSV with a stray quote", upload("quote.csv", badQuote), 422, detail("The CSV file is malformed at line 2"));
        byte[] unclosed = "projectId,assetTag,category\r\n1,\"A,SERVER\r\n".getBytes(StandardCharsets.UTF_8);
        attack("CSV with an unclosed quote", upload("open.csv", unclosed), 422, detail("The CSV file is malformed at line"));
        attack("XLSX whose content types are broken XML", upload("broken.xlsx", zip("[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><oops")), 422,
                detail("The XLSX file is not a valid workbook"));
        attack("XLSX whose sheet is broken XML", upload("sheet.xlsx", XlsxBombs.withSheet("<worksheet><sheetData><row>")), 422,
                detail("The XLSX file is not a valid workbook"));
    }

    // ---- defect 10: silent coercions --------------------------------------------------------------------------------

    @Test
    void numbersThatWouldBeRoundedAreRefused() throws Exception {
        attack("device probePort 80.5", rawDevice(post("/api/v1/devices"), "\"probePort\":161", "\"probePort\":80.5"), 400,
                field("probePort"));
        attack("device probe.port 80.5", device("probe", Map.of("port", 80.5)), 400, field("probe.port"));
        attack("device unitPrice 1e-400", rawDevice(post("/api/v1/devices"), "\"unitPrice\":45000.5", "\"unitPrice\": 1e-400"),
                422, field("unitPrice"));
        attack("device unitPrice 1e400", rawDevice(post("/api/v1/devices"), "\"unitPrice\":45000.5", "\"unitPrice\": 1e400"),
                422, field("unitPrice"));
        long id = createDevice().get("id").asLong();
        attack("device update unitPrice 1e-400", rawDevice(put("/api/v1/devices/{id}", id), "\"unitPrice\":45000.5",
                "\"unitPrice\": 1e-400"), 422, field("unitPrice"));
        attack("device patch probePort 80.5", json(patch("/api/v1/devices/{id}", id), "{\"probePort\": 80.5}"), 400,
                field("probePort"));
        attack("device patch unitPrice 0.001", json(patch("/api/v1/devices/{id}", id), "{\"unitPrice\": 0.001}"), 422,
                field("unitPrice"));
    }

    @Test
    void evaluationFiguresThatTheirColumnsWouldRoundAreRefused() throws Exception {
        JsonNode created = read(perform(json(post("/api/v1/evaluations"), "{\"projectId\":" + scratchProject()
                + ",\"from\":\"2024-01-01\",\"to\":\"2024-06-30\"}"), ADMIN));
        long evaluation = created.at("/evaluation/id").asLong();
        long manual = -1;
        long computed = -1;
        for (JsonNode row : getJson("/api/v1/evaluations/{id}/rows", evaluation)) {
            if (row.get("source").asString().equals("MANUAL") && manual < 0) {
                manual = row.get("id").asLong();
            } else if (computed < 0) {
                computed = row.get("id").asLong();
            }
        }
        String rowUrl = "/api/v1/evaluations/{id}/rows/{row}";
        attack("evaluation actual 1e-400", json(patch(rowUrl, evaluation, manual), "{\"actual\": 1e-400}"), 422, field("actual"));
        attack("evaluation actual with 5 decimals", json(patch(rowUrl, evaluation, manual), "{\"actual\": 1.23456}"), 422,
                field("actual"));
        attack("evaluation overrideScore 1.234", json(patch(rowUrl, evaluation, computed),
                "{\"overrideScore\": 1.234, \"overrideReason\": \"r\"}"), 422, field("overrideScore"));
    }

    @Test
    void overlongFreeTextFiltersAreFieldErrors() throws Exception {
        String longText = "x".repeat(9000);
        attack("device list q of 9000 characters", get("/api/v1/devices").param("q", longText), 400, field("q"));
        attack("device list category of 9000 characters", get("/api/v1/devices").param("category", longText), 400, field("category"));
        attack("device export q of 9000 characters", get("/api/v1/devices/export").param("q", longText), 400, field("q"));
        attack("audit actor of 9000 characters", get("/api/v1/audit").param("actor", longText), 400, field("actor"));
        attack("audit entityId of 9000 characters", get("/api/v1/audit").param("entityId", longText), 400, field("entityId"));
        // 200 characters still search
        assertThat(getJson("/api/v1/devices?q={q}", "x".repeat(200)).get("total").asLong()).isZero();
    }

    // ---- the replay -----------------------------------------------------------------------------------------------

    /** Replays one attack as admin through the tally: refused = expected status, a clean problem detail, nothing written. */
    @SafeVarargs
    private void attack(String what, AbstractMockHttpServletRequestBuilder<?> request, int status, Predicate<JsonNode>... checks) throws Exception {
        AttackTally.attempt(GROUP, what, () -> {
            long[] before = writes();
            MockHttpServletResponse response = perform(request, ADMIN).andReturn().getResponse();
            boolean refused = (status == 0 ? response.getStatus() / 100 == 4 : response.getStatus() == status)
                    && cleanProblem(response, checks) && Arrays.equals(before, writes());
            if (!refused) {
                System.out.println("[input] " + what + " -> " + response.getStatus() + " " + response.getContentType() + " "
                        + response.getContentAsString(StandardCharsets.UTF_8));
            }
            return refused;
        });
    }

    @SafeVarargs
    private void attack(String what, AbstractMockHttpServletRequestBuilder<?> request, Predicate<JsonNode>... checks) throws Exception {
        attack(what, request, 0, checks);
    }

    private boolean cleanProblem(MockHttpServletResponse response, Predicate<JsonNode>[] checks) throws Exception {
        if (response.getContentType() == null || !MediaType.parseMediaType(response.getContentType()).isCompatibleWith(PROBLEM)) {
            return false;
        }
        JsonNode body = json.readTree(response.getContentAsByteArray());
        return userWords(body).stream().noneMatch(w -> INTERNALS.matcher(w).find()) && Arrays.stream(checks).allMatch(c -> c.test(body));
    }

    /** Every text of a problem detail a person reads: title, detail, each error's message or reason. */
    static List<String> userWords(JsonNode body) {
        List<String> words = new ArrayList<>(List.of(body.path("title").asString(""), body.path("detail").asString("")));
        for (JsonNode e : body.path("errors")) {
            words.add(e.path("message").asString(""));
            words.add(e.path("reason").asString(""));
        }
        return words;
    }

    /** Devices and audit entries: every write of the product adds or changes a device and records an audit entry. */
    private long[] writes() {
        return new long[] {jdbc.queryForObject("SELECT COUNT(*) FROM device", Long.class),
                // the sign-in itself is audited (LOGIN, at most hourly for Basic): that is no change the attack made
                jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action NOT IN ('LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'LOCK')",
                        Long.class)};
    }

    private static Predicate<JsonNode> field(String name) {
        return body -> body.path("errors").path(0).path("field").asString("").equals(name);
    }

    private static Predicate<JsonNode> detail(String start) {
        return body -> body.path("detail").asString("").startsWith(start);
    }

    private MockHttpServletRequestBuilder device(String field, Object value) {
        Map<String, Object> fields = newDevice(unique("IN"));
        fields.put(field, value);
        return withJson(post("/api/v1/devices"), fields);
    }

    /** A valid new device's JSON with one piece of text replaced, for numbers a Map cannot carry (1e-400). */
    private MockHttpServletRequestBuilder rawDevice(MockHttpServletRequestBuilder request, String from, String to) {
        String body = toJson(newDevice(unique("IN")));
        assertThat(body).contains(from);
        return json(request, body.replace(from, to));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static AbstractMockHttpServletRequestBuilder<?> upload(String name, byte[] content) {
        return multipart(IMPORT).file(file(name, content));
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "application/octet-stream", content);
    }

    private static byte[] zip(String entry, String content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The classic bomb: one entry of {@code size} zero bytes, about 1:1000. */
    private static byte[] zeroBomb(int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] block = new byte[1 << 20];
            for (int n = 0; n < size; n += block.length) {
                zip.write(block);
            }
        }
        return out.toByteArray();
    }
}
