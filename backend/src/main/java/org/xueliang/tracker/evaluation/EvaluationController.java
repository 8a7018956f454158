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
    private final Texts texts;
    private final String pdfFont;

    EvaluationController(EvaluationService service, Texts texts,
                         @Value("${xl.pdf-font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2}") String pdfFont) {
        this.service = service;
        this.texts = texts;
        this.pdfFont = pdfFont;
    }

    record CreateBody(Long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
    }

    /**
     * The header plus the totals, as GET one answers. {@code provisional} while {@code pendingRows} rows have
     * neither an actual nor an override (the grade is then 暂计); {@code synthetic} when the period touches
     * demo data; the acknowledgements given at sign-off (签署说明) of a signed evaluation.
     */
    record Summary(EvaluationHeader evaluation, String statusLabel, BigDecimal totalWeight, BigDecimal totalScore, Grade grade,
                   String gradeLabel, long failedChecks, boolean provisional, long pendingRows, boolean synthetic,
                   List<Acknowledgement> acknowledgements) {
    }

    record RowView(Long id, int seq, Level1 level1, String level1Label, Level2 level2, String level2Label, String name,
                   Metric metric, BigDecimal target, String targetText, BigDecimal actual, String actualText, String unit,
                   BigDecimal weight, BigDecimal computedScore, BigDecimal overrideScore, String overrideReason, BigDecimal score,
                   Metric.Source source, String sourceLabel, String formula, String note, BigDecimal coverage, String evidenceSummary) {
    }

    /** A check with its words in the request's language. */
    record CheckView(String code, Check.Severity severity, boolean passed, Long rowId, String title, String message,
                     String severityLabel) {
    }

    /** The optional body of POST /sign. */
    record SignBody(List<EvaluationService.AcknowledgementRequest> acknowledgements, Boolean syntheticAccepted) {
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
    Summary one(@PathVariable long id, @RequestParam(required = false) String lang) {
        return summary(id, Texts.langOrCurrent(lang));
    }

    @PostMapping("/{id}/versions")
    ResponseEntity<Summary> newVersion(@PathVariable long id) {
        EvaluationHeader h = service.newVersion(id);
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + h.id())).body(summary(h.id()));
    }

    @GetMapping("/{id}/rows")
    List<RowView> rows(@PathVariable long id, @RequestParam(required = false) String lang) {
        Locale locale = Texts.langOrCurrent(lang);
        return service.rows(id).stream().map(r -> view(r, locale)).toList();
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
        return view(service.patchRow(id, rowId, new EvaluationService.RowPatch(decimal(body, "actual"),
                body.has("actual") && body.get("actual").isNull(), text(body, "note"), decimal(body, "overrideScore"),
                body.has("overrideScore") && body.get("overrideScore").isNull(), text(body, "overrideReason"))), Texts.current());
    }

    @GetMapping("/{id}/rows/{rowId}/evidence")
    Map<String, Object> evidence(@PathVariable long id, @PathVariable long rowId, @RequestParam(required = false) String lang) {
        return service.evidence(id, rowId, Texts.langOrCurrent(lang));
    }

    @GetMapping("/{id}/checks")
    List<CheckView> checks(@PathVariable long id, @RequestParam(required = false) String lang) {
        Locale locale = Texts.langOrCurrent(lang);
        return service.checks(id).stream().map(c -> new CheckView(c.code(), c.severity(), c.passed(), c.rowId(),
                CheckWords.title(texts, locale, c), CheckWords.message(texts, locale, c), CheckWords.severity(texts, locale, c))).toList();
    }

    /** Body optional: {@code {"acknowledgements":[{code,rowId,reason}], "syntheticAccepted":true}}. */
    @PostMapping("/{id}/sign")
    Summary sign(@PathVariable long id, @RequestBody(required = false) SignBody body) {
        service.sign(id, new EvaluationService.SignRequest(body == null ? null : body.acknowledgements(),
                body != null && Boolean.TRUE.equals(body.syntheticAccepted())));
        return summary(id, Texts.current());
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
        return summary(id, Texts.current());
    }

    private Summary summary(long id, Locale locale) {
        EvaluationService.Overview d = service.overview(id);
        long pending = d.rows().stream().filter(r -> r.actual() == null && r.overrideScore() == null).count();
        return new Summary(d.header(), texts.label(locale, "evaluation.status", d.header().status()), d.totalWeight(), d.totalScore(),
                d.grade(), texts.label(locale, "grade", d.grade()), d.checks().stream().filter(c -> !c.passed()).count(), pending > 0,
                pending, d.synthetic(), d.acknowledgements());
    }

    private RowView view(TableRow r, Locale locale) {
        return new RowView(r.id(), r.seq(), r.level1(), texts.label(locale, "level1", r.level1()), r.level2(),
                texts.label(locale, "level2", r.level2()), r.name(), r.metric(), r.target(), r.targetText(), r.actual(), r.actualText(),
                r.unit(), r.weight(), r.computedScore(), r.overrideScore(), r.overrideReason(), r.score(), r.source(),
                texts.label(locale, "source", r.source()), Phrase.render(r.formula(), texts, locale), r.note(), r.coverage(),
                Phrase.render(r.evidenceSummary(), texts, locale));
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
