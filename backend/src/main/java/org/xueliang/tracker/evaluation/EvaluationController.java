package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.PageResponse;
import org.xueliang.tracker.shared.Texts;

import tools.jackson.databind.JsonNode;

/** {@code /api/v1/evaluations}: docs/API.md § Evaluations, docs/EVALUATION.md. */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final EvaluationService service;
    private final String pdfFont;

    EvaluationController(EvaluationService service,
                         @Value("${xl.pdf-font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String pdfFont) {
        this.service = service;
        this.pdfFont = pdfFont;
    }

    record CreateBody(Long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
    }

    /** The header plus the totals, as GET one answers. */
    record Summary(EvaluationHeader evaluation, BigDecimal totalWeight, BigDecimal totalScore, Grade grade, String gradeLabel,
                   long failedChecks) {
    }

    record RowView(Long id, int seq, Level1 level1, String level1Label, Level2 level2, String level2Label, String name,
                   Metric metric, BigDecimal target, String targetText, BigDecimal actual, String actualText, String unit,
                   BigDecimal weight, BigDecimal computedScore, BigDecimal overrideScore, String overrideReason, BigDecimal score,
                   Metric.Source source, String formula, String note, BigDecimal coverage, String evidenceSummary) {

        static RowView of(TableRow r) {
            return new RowView(r.id(), r.seq(), r.level1(), r.level1().label(), r.level2(), r.level2().label(), r.name(), r.metric(),
                    r.target(), r.targetText(), r.actual(), r.actualText(), r.unit(), r.weight(), r.computedScore(), r.overrideScore(),
                    r.overrideReason(), r.score(), r.source(), r.formula(), r.note(), r.coverage(), r.evidenceSummary());
        }
    }

    record SectionBody(Integer seq, String prose) {
    }

    /** PUT /report: {@code sections} and/or {@code header} (the whole header block). */
    record ReportBody(List<SectionBody> sections, ReportHeader header) {
    }

    @PostMapping
    ResponseEntity<Summary> create(@RequestBody CreateBody body) {
        EvaluationHeader h = service.create(new EvaluationService.CreateRequest(body.projectId(), body.from(), body.to(), body.policy()));
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + h.id())).body(summary(h.id()));
    }

    @GetMapping
    PageResponse<EvaluationHeader> list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return service.list(projectId, page, size, sort);
    }

    @GetMapping("/{id}")
    Summary one(@PathVariable long id) {
        return summary(id);
    }

    @PostMapping("/{id}/versions")
    ResponseEntity<Summary> newVersion(@PathVariable long id) {
        EvaluationHeader h = service.newVersion(id);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + h.id())).body(summary(h.id()));
    }

    @GetMapping("/{id}/rows")
    List<RowView> rows(@PathVariable long id) {
        return service.rows(id).stream().map(RowView::of).toList();
    }

    @PatchMapping("/{id}/rows/{rowId}")
    RowView patch(@PathVariable long id, @PathVariable long rowId, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "send a JSON object with actual, note, overrideScore, overrideReason");
        }
        for (String name : body.propertyNames()) {
            if (!List.of("actual", "note", "overrideScore", "overrideReason").contains(name)) {
                throw ApiException.invalid(name, "cannot be changed; PATCH takes actual, note, overrideScore, overrideReason");
            }
        }
        return RowView.of(service.patchRow(id, rowId, new EvaluationService.RowPatch(decimal(body, "actual"),
                body.has("actual") && body.get("actual").isNull(), text(body, "note"), decimal(body, "overrideScore"),
                body.has("overrideScore") && body.get("overrideScore").isNull(), text(body, "overrideReason"))));
    }

    @GetMapping("/{id}/rows/{rowId}/evidence")
    Map<String, Object> evidence(@PathVariable long id, @PathVariable long rowId) {
        return service.evidence(id, rowId);
    }

    @GetMapping("/{id}/checks")
    List<Check> checks(@PathVariable long id) {
        return service.checks(id);
    }

    @PostMapping("/{id}/sign")
    Summary sign(@PathVariable long id) {
        service.sign(id);
        return summary(id);
    }

    /** An auditor's check that a signed evaluation's stored snapshot still hashes to the SHA-256 printed on its exports. */
    @GetMapping("/{id}/verify")
    EvaluationService.SnapshotCheck verify(@PathVariable long id) {
        return service.verifySnapshot(id);
    }

    @GetMapping("/{id}/report")
    EvaluationService.Report report(@PathVariable long id) {
        return service.report(id, Texts.current());
    }

    @PutMapping("/{id}/report")
    EvaluationService.Report putReport(@PathVariable long id, @RequestBody ReportBody body) {
        if (body == null || (body.sections() == null && body.header() == null)) {
            throw ApiException.invalid("sections", "send sections [{seq, prose}] and/or header {competentDepartment,"
                    + " implementingUnit, annualGoal, annualOutcome}");
        }
        Map<Integer, String> prose = new LinkedHashMap<>();
        if (body.sections() != null) {
            body.sections().forEach(s -> prose.put(s.seq(), s.prose()));
        }
        return service.putReport(id, prose, body.header(), Texts.current());
    }

    /** The 自评表 (xlsx) or the report (docx, pdf) in {@code lang} (zh-CN or en; default the request's language). */
    @GetMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format,
                                  @RequestParam(required = false) String lang) {
        if (!List.of("xlsx", "docx", "pdf").contains(format)) {
            throw ApiException.badRequest("format", "format must be xlsx, docx or pdf");
        }
        Locale locale = Texts.langOrCurrent(lang);
        EvaluationDocument d = service.document(id, locale);
        ExportText text = service.exportText(locale);
        String base = "evaluation-" + id + "-v" + d.header().version();
        return switch (format) {
            case "xlsx" -> file(XlsxEvaluationWriter.write(d, text), base + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", d);
            case "docx" -> file(DocxReportWriter.write(d, text), base + ".docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", d);
            default -> file(PdfReportWriter.write(d, text, pdfFont), base + ".pdf", MediaType.APPLICATION_PDF_VALUE, d);
        };
    }

    private Summary summary(long id) {
        EvaluationDocument d = service.document(id);
        return new Summary(d.header(), d.totalWeight(), d.totalScore(), d.grade(), d.grade().label(),
                d.checks().stream().filter(c -> !c.passed()).count());
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String name, String type, EvaluationDocument d) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        if (d.header().snapshotSha256() != null) {
            b.header("X-Snapshot-SHA256", d.header().snapshotSha256());
        }
        return b.body(bytes);
    }

    private static BigDecimal decimal(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw ApiException.invalid(field, field + " must be a number");
        }
        return n.decimalValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return n == null ? null : "";
        }
        if (!n.isString()) {
            throw ApiException.invalid(field, field + " must be text");
        }
        return n.asString();
    }
}
