package org.xueliang.tracker.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/labels.pdf} against the real database: the PDF is rendered to pixels and its QR codes decoded back
 * with ZXing, label slot by label slot, so a code that is missing, unreadable, outside its label or pointing at another
 * device fails here; layouts, selection, per-site filter, project scope and bad input (docs/LABELS.md).
 */
@OnMariaDb
class LabelsOnMariaDbTest extends ApiTestSupport {

    private static final String LABELS = "/api/v1/labels.pdf";
    private static final List<String> SELECTED = List.of("JS-XL1-FC-001", "JS-XL1-FC-002", "JS-XL1-FC-003");

    /** A device as a label shows it, from the device list. */
    private record Shown(long id, String assetTag, String name, String gbCode, String siteName) {
        String code() {
            return "http://localhost/ledger/" + id + "?tag=" + assetTag;
        }
    }

    private Shown shown(JsonNode d) {
        return new Shown(d.get("id").asLong(), d.get("assetTag").asString(), d.get("name").asString(),
                d.get("gbCode").isNull() ? null : d.get("gbCode").asString(),
                d.get("siteName").isNull() ? null : d.get("siteName").asString());
    }

    private Shown seeded(String assetTag) throws Exception {
        return shown(getJson("/api/v1/devices/{id}", seededDeviceId(assetTag)));
    }

    private List<Shown> devicesOfSite(long siteId) throws Exception {
        List<Shown> all = new ArrayList<>();
        getJson("/api/v1/devices?siteId={s}&size=200&sort=assetTag", siteId).get("items").forEach(d -> all.add(shown(d)));
        return all;
    }

    private byte[] pdf(String user, String url, Object... vars) throws Exception {
        return perform(get(url, vars), user).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;")))
                .andReturn().getResponse().getContentAsByteArray();
    }

    private static String ids(List<Shown> devices) {
        return devices.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining(","));
    }

    @Test
    void aSelectionOfThreePrintsThreeReadableLabelsOnOneA4Sheet() throws Exception {
        List<Shown> three = new ArrayList<>();
        for (String tag : SELECTED) {
            three.add(seeded(tag));
        }
        assertThat(three).allSatisfy(d -> assertThat(d.gbCode()).as("the seeded cameras carry national codes").isNotNull());

        try (LabelPdf labels = new LabelPdf(pdf(ADMIN, LABELS + "?deviceIds={ids}&layout=a4-3x8", ids(List.of(three.get(2), three.get(0), three.get(1)))))) {
            assertThat(labels.pages()).isEqualTo(1);
            assertThat(labels.pageSize(0).getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(labels.pageSize(0).getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(0.5f));

            List<Optional<String>> slots = labels.codesBySlot(0, LabelLayout.A4_3X8);
            // asset-tag order whatever order the selection came in; the other 21 slots are empty
            assertThat(slots.subList(0, 3)).containsExactlyElementsOf(three.stream().map(d -> Optional.of(d.code())).toList());
            assertThat(slots.subList(3, 24)).allMatch(Optional::isEmpty);
            assertThat(labels.allCodes(0)).containsExactlyInAnyOrderElementsOf(three.stream().map(Shown::code).toList());
            assertThat(labels.genericCodes(0)).containsExactlyInAnyOrderElementsOf(three.stream().map(Shown::code).toList());

            String text = labels.text();
            for (Shown d : three) {
                assertThat(text).contains(d.assetTag(), d.gbCode(), d.siteName());
                assertThat(text.replace("\n", "")).contains(d.name().substring(0, 12)); // long names wrap over two lines
            }
        }
    }

    @Test
    void labelPrintersGetOne50By30LabelAPage() throws Exception {
        List<Shown> three = new ArrayList<>();
        for (String tag : SELECTED) {
            three.add(seeded(tag));
        }
        try (LabelPdf labels = new LabelPdf(pdf(ADMIN, LABELS + "?deviceIds={ids}&layout=50x30", ids(three)))) {
            assertThat(labels.pages()).isEqualTo(3);
            for (int page = 0; page < 3; page++) {
                assertThat(labels.pageSize(page).getWidth()).isCloseTo(141.7f, org.assertj.core.data.Offset.offset(0.2f));
                assertThat(labels.pageSize(page).getHeight()).isCloseTo(85.0f, org.assertj.core.data.Offset.offset(0.2f));
                assertThat(labels.codesBySlot(page, LabelLayout.SINGLE_50X30)).containsExactly(Optional.of(three.get(page).code()));
            }
        }
    }

    @Test
    void aSitePrintsEveryDeviceOfTheSiteOnFullSheets() throws Exception {
        long site = jdbc.queryForObject("SELECT id FROM site WHERE code = 'CC-01'", Long.class);
        List<Shown> devices = devicesOfSite(site);
        assertThat(devices).hasSize(24);

        try (LabelPdf sheet = new LabelPdf(pdf(ADMIN, LABELS + "?siteId={s}", site))) { // a4-3x8 is the default
            assertThat(sheet.pages()).isEqualTo(1);
            assertThat(sheet.codesBySlot(0, LabelLayout.A4_3X8))
                    .containsExactlyElementsOf(devices.stream().map(d -> Optional.of(d.code())).toList());
        }
        try (LabelPdf sheets = new LabelPdf(pdf(ADMIN, LABELS + "?siteId={s}&layout=a4-2x7", site))) {
            assertThat(sheets.pages()).isEqualTo(2);
            List<Optional<String>> slots = new ArrayList<>(sheets.codesBySlot(0, LabelLayout.A4_2X7));
            slots.addAll(sheets.codesBySlot(1, LabelLayout.A4_2X7));
            assertThat(slots.subList(0, 24)).containsExactlyElementsOf(devices.stream().map(d -> Optional.of(d.code())).toList());
            assertThat(slots.subList(24, 28)).allMatch(Optional::isEmpty);
        }
    }

    @Test
    void aFilterOfTheDeviceListPrintsWhatTheListShows() throws Exception {
        JsonNode page = getJson("/api/v1/devices?projectId={p}&category=FACE_CAMERA&q=稷峰街&size=100&sort=assetTag", PROJECT);
        List<Shown> listed = new ArrayList<>();
        page.get("items").forEach(d -> listed.add(shown(d)));
        assertThat(listed).isNotEmpty().hasSizeLessThanOrEqualTo(24);

        try (LabelPdf labels = new LabelPdf(pdf(ADMIN, LABELS + "?projectId={p}&category=FACE_CAMERA&q=稷峰街", PROJECT))) {
            List<Optional<String>> slots = labels.codesBySlot(0, LabelLayout.A4_3X8);
            assertThat(slots.stream().flatMap(Optional::stream).toList())
                    .containsExactlyElementsOf(listed.stream().map(Shown::code).toList());
        }
    }

    @Test
    void aUserLimitedToOneProjectPrintsOnlyThatProject() throws Exception {
        String user = "labels-scratch-only";
        ensureUser(user, "TECHNICIAN", scratchProject());
        Shown own = shown(createDevice());
        long foreign = seededDeviceId("JS-XL1-FC-001");

        // a selection naming a device of another project is refused whole, as that device's own page is: 404
        perform(get(LABELS + "?deviceIds={a},{b}", own.id(), foreign), user).andExpectAll(problem(404))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(String.valueOf(foreign))));
        try (LabelPdf labels = new LabelPdf(pdf(user, LABELS + "?deviceIds={a}", own.id()))) {
            assertThat(labels.codesBySlot(0, LabelLayout.A4_3X8).get(0)).contains(own.code());
        }
        // no filter at all: every device the user may see, i.e. the scratch project's, none of project 1's
        long visible = getJson("/api/v1/devices?size=1").get("total").asLong();
        JsonNode mine = read(perform(get("/api/v1/devices?size=1"), user));
        assertThat(mine.get("total").asLong()).isLessThan(visible);
        try (LabelPdf labels = new LabelPdf(pdf(user, LABELS + "?layout=50x30"))) {
            assertThat(labels.pages()).isEqualTo(mine.get("total").asInt());
            assertThat(labels.text()).doesNotContain("JS-XL1-");
        }
        // project 1 as a filter: nothing of it is visible to the user, so nothing to print
        perform(get(LABELS + "?projectId={p}", PROJECT), user).andExpectAll(problem(400));
    }

    @Test
    void longTextIsFittedInsideTheLabelAndEllipsised() throws Exception {
        Map<String, Object> fields = newDevice(unique("LONG"));
        fields.put("name", "稷山县雪亮工程一期城区西环路与汾河大道交叉口东北角高点全景摄像机补光灯及立杆基础配套设备");
        Shown device = shown(createDevice(fields));

        byte[] pdf = pdf(ADMIN, LABELS + "?deviceIds={id}&layout=50x30", device.id());
        try (LabelPdf labels = new LabelPdf(pdf)) {
            assertThat(labels.codesBySlot(0, LabelLayout.SINGLE_50X30)).containsExactly(Optional.of(device.code()));
            assertThat(labels.text()).contains(device.assetTag()).contains(FittedText.ELLIPSIS);
        }
        float[] extent = glyphExtent(pdf);
        float page = LabelLayout.points(50);
        assertThat(extent[0]).as("leftmost glyph").isGreaterThan(LabelLayout.points(27)); // right of the QR code
        assertThat(extent[1]).as("rightmost glyph edge").isLessThanOrEqualTo(page - LabelLayout.points(1.4));
    }

    /** The leftmost glyph start and the rightmost glyph end of the PDF's text, in points. */
    private static float[] glyphExtent(byte[] pdf) throws IOException {
        float[] extent = {Float.MAX_VALUE, 0};
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        extent[0] = Math.min(extent[0], p.getXDirAdj());
                        extent[1] = Math.max(extent[1], p.getXDirAdj() + p.getWidthDirAdj());
                    }
                }
            }.getText(document);
        }
        return extent;
    }

    @Test
    void badRequestsAreProblemsAndPrintNothing() throws Exception {
        long seeded = seededDeviceId("JS-XL1-FC-001");
        perform(get(LABELS + "?deviceIds={id}&layout=a4-9x9", seeded), ADMIN).andExpectAll(problem(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("a4-3x8, a4-2x7, 50x30")));
        perform(get(LABELS + "?deviceIds={id}&siteId=1", seeded), ADMIN).andExpectAll(problem(400));
        perform(get(LABELS + "?deviceIds=abc"), ADMIN).andExpectAll(problem(400));
        perform(get(LABELS + "?deviceIds="), ADMIN).andExpectAll(problem(400));
        perform(get(LABELS + "?deviceIds=999999999"), ADMIN).andExpectAll(problem(404));
        perform(get(LABELS + "?q=no-such-device-anywhere"), ADMIN).andExpectAll(problem(400));
        String tooMany = LongStream.rangeClosed(1, LabelService.MAX_LABELS + 1).mapToObj(Long::toString).collect(Collectors.joining(","));
        perform(get(LABELS).param("deviceIds", tooMany), ADMIN).andExpectAll(problem(400))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("5000")));
    }
}
