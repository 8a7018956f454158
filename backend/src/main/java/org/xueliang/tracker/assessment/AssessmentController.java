package org.xueliang.tracker.assessment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.assessment.AssessmentSheet.CameraRow;
import org.xueliang.tracker.assessment.AssessmentSheet.Deduction;
import org.xueliang.tracker.assessment.AssessmentSheet.Figure;
import org.xueliang.tracker.assessment.AssessmentSheet.GroupRow;
import org.xueliang.tracker.assessment.AssessmentSheet.IndicatorValue;
import org.xueliang.tracker.assessment.AssessmentService.Stored;
import org.xueliang.tracker.assessment.AssessmentStore.Header;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Texts;

/** {@code /api/v1/assessments} and a project's rules and trend: docs/API.md § Assessments, docs/ASSESSMENT.md. */
@RestController
class AssessmentController {

    static final String BASE = "/api/v1/assessments";

    private final AssessmentService service;
    private final Texts texts;
    private final String pdfFont;
    private final java.time.ZoneId zone;

    AssessmentController(AssessmentService service, Texts texts, java.time.Clock clock,
                         @Value("${xl.pdf-font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String pdfFont) {
        this.service = service;
        this.texts = texts;
        this.pdfFont = pdfFont;
        this.zone = clock.getZone();
    }

    record CreateBody(Long projectId, String month) {
    }

    record SignBody(Boolean syntheticAccepted) {
    }

    record RulesBody(List<AssessmentRule> rules) {
    }

    record HeaderView(long id, long projectId, String projectName, String month, String status, String statusLabel,
                      BigDecimal score, boolean synthetic, String computedBy, Instant computedAt, String signedBy,
                      Instant signedAt, String snapshotSha256) {
    }

    /** An indicator: {@code value} null and {@code measured} false with a {@code message} when nothing measured it. */
    record IndicatorView(String code, String label, Double value, boolean measured, String message, double achieved,
                         double expected, int measuredCameras, int cameras, String evidence) {
    }

    record DeductionView(String rule, String label, String ruleText, String unit, String unitLabel, BigDecimal threshold,
                         BigDecimal deductionPerUnit, boolean proportional, BigDecimal cap, String state, String stateLabel,
                         BigDecimal count, BigDecimal points, boolean capped, int devices, int workOrders, String evidence) {
    }

    /** The month's 维护及时性 with its counts ({@code measured} false in a sheet computed without work orders). */
    record RepairsView(boolean measured, int orders, int decided, int repairedInTime, Double timeliness, int late, String text) {
    }

    /** A late order behind LATE_REPAIR; {@code repairedAt} null while still unrepaired. */
    record LateOrderView(long id, Long siteId, String siteName, List<Long> deviceIds, Instant openedAt, Instant repairBy,
                         Instant repairedAt, double lateHours, String link) {
    }

    record GroupsView(String groupBy, String label, boolean available, String message, List<GroupRow> groups) {
    }

    record SheetView(HeaderView assessment, String month, Instant from, Instant to, int cameras,
                     Map<String, IndicatorView> indicators, List<DeductionView> deductions, BigDecimal deducted,
                     BigDecimal score, Map<String, GroupsView> groups, boolean synthetic, String syntheticNotice,
                     RepairsView repairs) {
    }

    record FindingView(String code, String label, Instant from, Instant to, String value) {
    }

    record CameraEvidence(long deviceId, String assetTag, String name, String siteName, String township, Double ratio,
                          double achieved, double expected, double faultHours, List<FindingView> findings) {
    }

    /** The cameras behind an indicator or deduction; {@code workOrders}: the late orders behind LATE_REPAIR (else empty). */
    record EvidenceView(long assessmentId, String subject, String title, String detail, List<CameraEvidence> cameras,
                        List<LateOrderView> workOrders) {
    }

    record Verify(long id, String signedSha256, boolean intact) {
    }

    @PostMapping(BASE)
    ResponseEntity<SheetView> compute(@RequestBody CreateBody body) {
        if (body == null) {
            throw ApiException.invalid("projectId", "send {\"projectId\":…, \"month\":\"YYYY-MM\"}");
        }
        Map.Entry<Stored, Boolean> done = service.compute(body.projectId(), body.month());
        SheetView view = view(done.getKey(), words());
        return done.getValue() ? ResponseEntity.created(URI.create(BASE + "/" + view.assessment().id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping(BASE)
    List<HeaderView> list(@RequestParam(required = false) Long projectId) {
        AssessmentWords w = words();
        return service.list(projectId).stream().map(h -> header(h, w)).toList();
    }

    @GetMapping(BASE + "/{id}")
    SheetView get(@PathVariable long id) {
        return view(service.get(id), words());
    }

    /** The groups of one grouping (township, site, contractor) with their scores and ranks. */
    @GetMapping(BASE + "/{id}/groups")
    GroupsView groups(@PathVariable long id, @RequestParam(defaultValue = "township") String groupBy) {
        if (!AssessmentSheet.GROUPINGS.contains(groupBy)) {
            throw ApiException.badRequest("groupBy", "groupBy must be one of " + AssessmentSheet.GROUPINGS);
        }
        return groups(service.get(id).sheet(), groupBy, words());
    }

    /** The cameras behind an indicator, worst first, with their findings. */
    @GetMapping(BASE + "/{id}/indicators/{indicator}/evidence")
    EvidenceView indicatorEvidence(@PathVariable long id, @PathVariable String indicator) {
        Indicator i = java.util.Arrays.stream(Indicator.values()).filter(x -> x.apiName().equals(indicator)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Indicator", indicator));
        AssessmentWords w = words();
        AssessmentSheet sheet = service.get(id).sheet();
        List<CameraRow> rows = sheet.cameraRows().stream().filter(r -> r.figures().get(i.apiName()) != null
                        && r.figures().get(i.apiName()).expected() > 0)
                .sorted(Comparator.comparingDouble(r -> r.figures().get(i.apiName()).ratio())).toList();
        IndicatorValue v = sheet.indicators().stream().filter(x -> x.code().equals(i.name())).findFirst().orElseThrow();
        return new EvidenceView(id, i.apiName(), w.indicator(i.name()), v.sourcePresent() ? w.percentOrNotMeasured(v.value())
                : w.notMeasured(), evidence(rows, i, w), List.of());
    }

    /** The cameras behind a deduction (for FAULT_HOURS their DOWN intervals), in the order the sheet lists them. */
    @GetMapping(BASE + "/{id}/deductions/{rule}/evidence")
    EvidenceView deductionEvidence(@PathVariable long id, @PathVariable String rule) {
        AssessmentWords w = words();
        AssessmentSheet sheet = service.get(id).sheet();
        Deduction d = sheet.deductions().stream().filter(x -> x.rule().equals(rule)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Deduction", rule));
        Indicator i = AssessmentRule.Code.valueOf(d.rule()).indicator();
        Map<Long, CameraRow> byId = sheet.cameraRows().stream().collect(Collectors.toMap(CameraRow::deviceId, Function.identity()));
        List<CameraRow> rows = d.deviceIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        boolean lateRepairs = AssessmentRule.Code.valueOf(d.rule()) == AssessmentRule.Code.LATE_REPAIR;
        return new EvidenceView(id, d.rule(), w.rule(d.rule()), w.ruleText(d) + " · " + w.state(d.state())
                + (lateRepairs ? " · " + w.repairs(sheet.repairs()) : ""),
                evidence(rows, i == null ? Indicator.ONLINE_RATE : i, w), lateRepairs ? lateOrders(sheet, d) : List.of());
    }

    /** The orders the LATE_REPAIR deduction counted, as the sheet froze them (most late first). */
    private static List<LateOrderView> lateOrders(AssessmentSheet sheet, Deduction d) {
        if (sheet.repairs() == null || d.workOrderIds() == null) {
            return List.of();
        }
        java.util.Set<Long> counted = new java.util.HashSet<>(d.workOrderIds());
        return sheet.repairs().late().stream().filter(o -> counted.contains(o.orderId()))
                .map(o -> new LateOrderView(o.orderId(), o.siteId(), o.siteName(), o.deviceIds(), o.openedAt(), o.repairBy(),
                        o.repairedAt(), Math.round(o.lateSeconds() / 360.0) / 10.0, "/api/v1/work-orders/" + o.orderId()))
                .toList();
    }

    @PostMapping(BASE + "/{id}/sign")
    SheetView sign(@PathVariable long id, @RequestBody(required = false) SignBody body) {
        service.sign(id, body != null && Boolean.TRUE.equals(body.syntheticAccepted()));
        return view(service.get(id), words());
    }

    /** Whether a signed sheet's stored snapshot still hashes to the SHA-256 recorded at signing. */
    @GetMapping(BASE + "/{id}/verify")
    Verify verify(@PathVariable long id) {
        Header h = service.get(id).header();
        if (!h.signed()) {
            throw ApiException.conflict("Assessment " + id + " is not signed: nothing to verify");
        }
        return new Verify(id, h.snapshotSha256(), service.snapshotIntact(id));
    }

    /** The sheet as XLSX or PDF in {@code lang} (zh-CN or en; default the request's language). */
    @GetMapping(BASE + "/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format,
                                  @RequestParam(required = false) String lang) {
        if (!List.of("xlsx", "pdf").contains(format)) {
            throw ApiException.badRequest("format", "format must be xlsx or pdf");
        }
        AssessmentWords w = new AssessmentWords(texts, Texts.langOrCurrent(lang));
        Stored s = service.get(id);
        AssessmentExport.Content content = AssessmentExport.content(s, w, zone);
        String signer = w.text("assessment.export.signer");
        String name = "assessment-" + s.header().month() + "-" + id + "." + format;
        byte[] bytes = format.equals("xlsx") ? AssessmentExport.xlsx(content, w.text("assessment.export.sheetName"), signer)
                : AssessmentExport.pdf(content, pdfFont, signer);
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.equals("xlsx")
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : MediaType.APPLICATION_PDF_VALUE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        if (s.header().snapshotSha256() != null) {
            b.header("X-Snapshot-SHA256", s.header().snapshotSha256());
        }
        return b.body(bytes);
    }

    @GetMapping("/api/v1/projects/{id}/assessment-rules")
    List<AssessmentRule> rules(@PathVariable("id") long projectId) {
        return service.rules(projectId);
    }

    @PutMapping("/api/v1/projects/{id}/assessment-rules")
    List<AssessmentRule> putRules(@PathVariable("id") long projectId, @RequestBody RulesBody body) {
        return service.replaceRules(projectId, body == null ? null : body.rules());
    }

    @GetMapping("/api/v1/projects/{id}/assessment-trend")
    List<AssessmentService.TrendPoint> trend(@PathVariable("id") long projectId, @RequestParam(defaultValue = "12") int months) {
        return service.trend(projectId, months);
    }

    private AssessmentWords words() {
        return new AssessmentWords(texts, Texts.current());
    }

    private List<CameraEvidence> evidence(List<CameraRow> rows, Indicator indicator, AssessmentWords w) {
        List<CameraEvidence> out = new ArrayList<>();
        for (CameraRow r : rows) {
            Figure f = r.figures().get(indicator.apiName());
            out.add(new CameraEvidence(r.deviceId(), r.assetTag(), r.name(), r.siteName(), r.township(), f == null ? null : f.ratio(),
                    f == null ? 0 : f.achieved(), f == null ? 0 : f.expected(), Math.round(r.faultSeconds() / 36.0) / 100.0,
                    f == null ? List.of() : f.findings().stream().map(x -> new FindingView(x.code(), w.finding(x.code()), x.from(),
                            x.to(), x.value())).toList()));
        }
        return out;
    }

    static HeaderView header(Header h, AssessmentWords w) {
        return new HeaderView(h.id(), h.projectId(), h.projectName(), h.month(), h.status(), w.status(h.status()), h.score(),
                h.synthetic(), h.computedBy(), h.computedAt(), h.signedBy(), h.signedAt(), h.snapshotSha256());
    }

    SheetView view(Stored s, AssessmentWords w) {
        AssessmentSheet sheet = s.sheet();
        long id = s.header().id();
        Map<String, IndicatorView> indicators = new LinkedHashMap<>();
        for (IndicatorValue v : sheet.indicators()) {
            boolean measured = v.value() != null;
            String message = !v.sourcePresent() ? w.notMeasured() : measured ? null : texts.get(w.locale(), "assessment.noCameraMeasured");
            indicators.put(v.indicator(), new IndicatorView(v.code(), w.indicator(v.code()), v.value(), measured, message, v.achieved(),
                    v.expected(), v.measuredCameras(), sheet.cameras(), BASE + "/" + id + "/indicators/" + v.indicator() + "/evidence"));
        }
        List<DeductionView> deductions = sheet.deductions().stream().map(d -> new DeductionView(d.rule(), w.rule(d.rule()),
                w.ruleText(d), d.unit(), w.unit(d.unit()), d.threshold(), d.deductionPerUnit(), d.proportional(), d.cap(), d.state(),
                w.state(d.state()), d.count(), d.points(), d.capped(), d.deviceIds().size(),
                d.workOrderIds() == null ? 0 : d.workOrderIds().size(),
                BASE + "/" + id + "/deductions/" + d.rule() + "/evidence")).toList();
        BigDecimal deducted = sheet.deductions().stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, GroupsView> groups = new LinkedHashMap<>();
        AssessmentSheet.GROUPINGS.forEach(g -> groups.put(g, groups(sheet, g, w)));
        return new SheetView(header(s.header(), w), sheet.month(), sheet.from(), sheet.to(), sheet.cameras(), indicators, deductions,
                deducted, sheet.score(), groups, sheet.synthetic(), sheet.synthetic() ? w.syntheticNotice() : null,
                repairs(sheet.repairs(), w));
    }

    private static RepairsView repairs(RepairTimeliness.Repairs r, AssessmentWords w) {
        return r == null ? new RepairsView(false, 0, 0, 0, null, 0, w.repairs(null))
                : new RepairsView(true, r.orders(), r.decided(), r.repairedInTime(), r.timeliness(), r.late().size(), w.repairs(r));
    }

    private GroupsView groups(AssessmentSheet sheet, String groupBy, AssessmentWords w) {
        List<GroupRow> rows = sheet.groups().get(groupBy);
        return rows == null
                ? new GroupsView(groupBy, w.grouping(groupBy), false, texts.get(w.locale(), "assessment.noContractors"), List.of())
                : new GroupsView(groupBy, w.grouping(groupBy), true, null, rows);
    }

}
