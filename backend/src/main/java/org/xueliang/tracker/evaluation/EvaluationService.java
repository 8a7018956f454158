package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityService;
import org.xueliang.tracker.evaluation.EvaluationHeader.Status;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.DeviceCategory;
import org.xueliang.tracker.ledger.DeviceCategoryRepository;
import org.xueliang.tracker.ledger.DeviceRoster;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.ledger.QuantityTarget;
import org.xueliang.tracker.ledger.QuantityTargetRepository;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.progress.Progress;
import org.xueliang.tracker.progress.ProjectProgress;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.DecimalColumn;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.Hashes;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;
import org.xueliang.tracker.shared.Texts;

import tools.jackson.databind.json.JsonMapper;

/**
 * The evaluation use cases: create from the template, edit rows and report prose while DRAFT, check,
 * sign (FINAL, frozen snapshot + SHA-256), and correct by a new version that supersedes the old one.
 * Every change is audited in the caller's transaction.
 */
@Service
public class EvaluationService {

    static final String ENTITY = "Evaluation";

    /** evaluation_row.actual and .override_score (V4): what a PATCH may write without rounding. */
    private static final DecimalColumn ACTUAL_COLUMN = new DecimalColumn(18, 4);
    private static final DecimalColumn SCORE_COLUMN = new DecimalColumn(8, 2);
    /** Longest acknowledgement reason kept in a snapshot. */
    static final int MAX_REASON = 2000;

    private final EvaluationStore store;
    private final ProjectRepository projects;
    private final QuantityTargetRepository targets;
    private final DeviceRoster roster;
    private final SiteRepository sites;
    private final ProjectProgress progress;
    private final QualityFigures quality;
    private final IndicatorQualityFigures cameraQuality;
    private final ScoringRules rules;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;
    private final Texts texts;
    private final AvailabilityService availability;
    private final DeviceCategoryRepository categories;
    private final java.util.Optional<org.xueliang.tracker.assessment.RepairTimeliness> repairs;

    EvaluationService(EvaluationStore store, ProjectRepository projects, QuantityTargetRepository targets, DeviceRoster roster,
                      SiteRepository sites, ProjectProgress progress, QualityFigures quality, IndicatorQualityFigures cameraQuality, ScoringRules rules, AuditTrail audit,
                      CurrentUser currentUser, JsonMapper json, Clock clock, Texts texts, AvailabilityService availability,
                      DeviceCategoryRepository categories,
                      java.util.Optional<org.xueliang.tracker.assessment.RepairTimeliness> repairs) {
        this.store = store;
        this.projects = projects;
        this.targets = targets;
        this.roster = roster;
        this.sites = sites;
        this.progress = progress;
        this.quality = quality;
        this.cameraQuality = cameraQuality;
        this.rules = rules;
        this.audit = audit;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
        this.texts = texts;
        this.availability = availability;
        this.categories = categories;
        this.repairs = repairs;
    }

    public record CreateRequest(Long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
    }

    /** One acknowledgement of an open WARNING as the sign request sends it. */
    public record AcknowledgementRequest(String code, Long rowId, String reason) {
    }

    /** What an evaluator sends to sign: a reason per open warning, and acceptance of the synthetic-data notice. */
    public record SignRequest(List<AcknowledgementRequest> acknowledgements, boolean syntheticAccepted) {
        public SignRequest {
            acknowledgements = acknowledgements == null ? List.of() : acknowledgements;
        }
    }

    /** A check that stops a signature, as a 422 lists it: {@code field} is the check's code. */
    public record CheckProblem(String field, String message, Long rowId) {
    }

    /** A row edit; a field left out (null) keeps its value unless its {@code clear…} flag says to empty it. */
    public record RowPatch(BigDecimal actual, boolean clearActual, String note, BigDecimal overrideScore, boolean clearOverride,
                           String overrideReason) {
    }

    @Transactional
    public EvaluationHeader create(CreateRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.projectId() == null) {
            problems.add(new FieldProblem("projectId", "projectId is required"));
        }
        if (request.from() == null) {
            problems.add(new FieldProblem("from", "from (YYYY-MM-DD) is required"));
        }
        if (request.to() == null) {
            problems.add(new FieldProblem("to", "to (YYYY-MM-DD) is required"));
        } else if (request.from() != null && request.to().isBefore(request.from())) {
            problems.add(new FieldProblem("to", "to must be on or after from"));
        }
        String badWeights = request.policy() == null || request.policy().qualityWeights() == null ? null
                : request.policy().qualityWeights().problem();
        if (badWeights != null) {
            problems.add(new FieldProblem("policy.qualityWeights", badWeights));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Project project = project(request.projectId());
        AvailabilityPolicy policy = request.policy() == null ? AvailabilityPolicy.DEFAULT : request.policy();
        EvaluationHeader header = new EvaluationHeader(null, project.getId(), project.getName(), request.from(), request.to(),
                policy, Status.DRAFT, 1, null, AuditTrail.currentActor(), now(), null, null, null);
        long id = store.insert(header);
        List<TemplateBuilder.Built> rows = TemplateBuilder.build(facts(project, header, true), rules);
        rows.forEach(b -> store.insertRow(id, b.row(), b.evidence()));
        for (int i = 0; i < ReportSection.DEFAULT_PROSE.length; i++) {
            store.putProse(id, i + 1, ReportSection.DEFAULT_PROSE[i]);
        }
        EvaluationHeader created = store.find(id).orElseThrow();
        audit.record(project.getId(), "EVALUATION_CREATE", ENTITY, id, "Evaluation of " + project.getName() + " " + request.from() + " → "
                + request.to() + " created", null, Map.of("header", created, "rows", scored(id)));
        return created;
    }

    @Transactional(readOnly = true)
    public PageResponse<EvaluationHeader> list(Long projectId, Integer page, Integer size, String sort) {
        // Sortable API names map to whitelisted SQL columns, so the ORDER BY below is never user text.
        Pageable pageable = PageRequests.of(page, size, sort, Map.of("id", "e.id", "createdAt", "e.created_at",
                "projectId", "e.project_id", "status", "e.status", "from", "e.period_from"), Sort.by(Sort.Direction.DESC, "e.id"));
        String order = pageable.getSort().stream().map(o -> o.getProperty() + " " + o.getDirection().name())
                .collect(Collectors.joining(", "));
        int p = pageable.getPageNumber();
        int s = pageable.getPageSize();
        AccessScope scope = currentUser.scope();
        List<Long> allowed = scope.all() ? null : List.copyOf(scope.projectIds());
        return new PageResponse<>(store.page(projectId, allowed, order, s, (long) p * s), store.count(projectId, allowed), p, s);
    }

    @Transactional(readOnly = true)
    public EvaluationHeader header(long id) {
        return store.find(id).filter(h -> currentUser.scope().allows(h.projectId()))
                .orElseThrow(() -> ApiException.notFound("Evaluation", id));
    }

    @Transactional(readOnly = true)
    public List<TableRow> rows(long id) {
        header(id);
        return scored(id);
    }

    @Transactional
    public TableRow patchRow(long id, long rowId, RowPatch patch) {
        EvaluationHeader h = draft(id);
        TableRow before = scored(id).stream().filter(r -> r.id() == rowId).findFirst()
                .orElseThrow(() -> ApiException.notFound("Row", rowId));
        BigDecimal actual = patch.clearActual() ? null : patch.actual() != null ? patch.actual() : before.actual();
        String note = patch.note() != null ? blankToNull(patch.note()) : before.note();
        BigDecimal override = patch.clearOverride() ? null : patch.overrideScore() != null ? patch.overrideScore() : before.overrideScore();
        String reason = patch.clearOverride() ? null : patch.overrideReason() != null ? blankToNull(patch.overrideReason())
                : before.overrideReason();
        List<FieldProblem> problems = new ArrayList<>();
        if ((patch.actual() != null || patch.clearActual()) && before.source() != Metric.Source.MANUAL) {
            // a computed actual is what the measurements give, with its formula and evidence: an evaluator who
            // disagrees overrides the score with a reason, so both numbers stay on record
            problems.add(new FieldProblem("actual", "the actual of a COMPUTED row comes from its formula and evidence and"
                    + " cannot be entered; override the score (overrideScore, overrideReason) instead"));
        }
        if (actual != null && actual.signum() < 0) {
            problems.add(new FieldProblem("actual", "actual must be 0 or more"));
        }
        ACTUAL_COLUMN.problem("actual", patch.actual()).ifPresent(problems::add);
        SCORE_COLUMN.problem("overrideScore", patch.overrideScore()).ifPresent(problems::add);
        if (override != null && (override.signum() < 0 || override.compareTo(before.weight()) > 0)) {
            problems.add(new FieldProblem("overrideScore", "overrideScore must be between 0 and the row's weight "
                    + TableRow.plain(before.weight())));
        }
        if (override != null && reason == null) {
            problems.add(new FieldProblem("overrideReason", "an overridden score needs a reason"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        store.updateRow(rowId, actual, note, override, reason);
        TableRow after = scored(id).stream().filter(r -> r.id() == rowId).findFirst().orElseThrow();
        audit.record(h.projectId(), "EVALUATION_ROW_EDIT", ENTITY, h.id(), "Row “" + before.name() + "” of evaluation " + id + " edited",
                before, after);
        return after;
    }

    /**
     * Evidence of one row, as it stood when the row was computed (frozen with the evaluation), in words of
     * {@code locale}; {@code synthetic} (with its notice) when the evaluation's figures rest on demo data.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> evidence(long id, long rowId, Locale locale) {
        EvaluationHeader h = header(id);
        TableRow row = scored(id).stream().filter(r -> r.id() == rowId).findFirst()
                .orElseThrow(() -> ApiException.notFound("Row", rowId));
        Evidence evidence = store.evidence(id, rowId).orElseThrow();
        boolean synthetic = synthetic(h);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rowId", rowId);
        out.put("name", row.name());
        out.put("source", row.source());
        out.put("sourceLabel", texts.label(locale, "source", row.source()));
        out.put("formula", Phrase.render(row.formula(), texts, locale));
        out.put("note", row.note());
        out.put("kind", evidence.kind());
        out.put("summary", Phrase.render(evidence.summary(), texts, locale));
        out.put("synthetic", synthetic);
        if (synthetic) {
            out.put("syntheticNotice", texts.get(locale, "evidence.syntheticNotice"));
        }
        out.put("items", evidence.items());
        return out;
    }

    @Transactional(readOnly = true)
    public List<Check> checks(long id) {
        header(id);
        return EvaluationChecks.run(scored(id), null, rules);
    }

    /**
     * Signs a DRAFT (SPEC §6.4): refused (422, nothing changes) while an ERROR check fails, while a failed
     * WARNING has no acknowledgement with a reason (same code and row), and while the period touches
     * synthetic data without {@code syntheticAccepted}. The acknowledgements, with signer and time, and the
     * synthetic flag are frozen into the snapshot.
     */
    @Transactional
    public EvaluationHeader sign(long id, SignRequest request) {
        EvaluationHeader h = draft(id);
        Locale locale = Texts.current();
        List<Check> checks = EvaluationChecks.run(scored(id), null, rules);
        List<Check> blocking = checks.stream().filter(Check::blocks).toList();
        if (!blocking.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Checks failed", texts.get(locale, "sign.blocked", blocking.size()),
                    blocking.stream().map(c -> new CheckProblem(c.code(), CheckWords.message(texts, locale, c), c.rowId())).toList());
        }
        String by = AuditTrail.currentActor();
        Instant at = now();
        List<Acknowledgement> acknowledgements = new ArrayList<>();
        List<Object> problems = new ArrayList<>();
        for (Check open : checks.stream().filter(Check::needsAcknowledgement).toList()) {
            String reason = request.acknowledgements().stream()
                    .filter(a -> open.code().equals(a.code()) && Objects.equals(open.rowId(), a.rowId()) && a.reason() != null)
                    .map(a -> a.reason().strip()).filter(r -> !r.isEmpty()).findFirst().orElse(null);
            if (reason == null) {
                problems.add(new CheckProblem(open.code(), texts.get(locale, "sign.unacknowledged.item",
                        CheckWords.message(texts, locale, open)), open.rowId()));
            } else if (reason.length() > MAX_REASON) {
                problems.add(new CheckProblem(open.code(), texts.get(locale, "sign.reasonTooLong", MAX_REASON), open.rowId()));
            } else {
                acknowledgements.add(new Acknowledgement(open.code(), open.rowId(), reason, by, at));
            }
        }
        boolean synthetic = synthetic(h);
        if (synthetic && !request.syntheticAccepted()) {
            problems.add(new FieldProblem("syntheticAccepted", texts.get(locale, "sign.synthetic")));
        }
        if (!problems.isEmpty()) {
            long open = problems.stream().filter(p -> p instanceof CheckProblem).count();
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Sign-off incomplete", open > 0
                    ? texts.get(locale, "sign.unacknowledged", open) : texts.get(locale, "sign.synthetic"), problems);
        }
        EvaluationDocument doc = live(h.signed(by, at, null), acknowledgements);
        String snapshot = json.writeValueAsString(doc);
        String sha = sha256(snapshot);
        store.sign(id, by, at, snapshot, sha);
        if (h.supersedesId() != null) {
            store.setStatus(h.supersedesId(), Status.SUPERSEDED);
        }
        EvaluationHeader signed = store.find(id).orElseThrow();
        audit.record(h.projectId(), "EVALUATION_SIGN", ENTITY, id, "Evaluation " + id + " v" + h.version() + " signed; snapshot SHA-256 " + sha
                + (h.supersedesId() == null ? "" : "; supersedes evaluation " + h.supersedesId())
                + (acknowledgements.isEmpty() ? "" : "; " + acknowledgements.size() + " warning(s) acknowledged: " + acknowledgements.stream()
                        .map(a -> a.code() + (a.rowId() == null ? "" : " row " + a.rowId()) + " (" + a.reason() + ")")
                        .collect(Collectors.joining(", ")))
                + (doc.synthetic() ? "; period contains synthetic data, notice accepted" : ""),
                Map.of("status", h.status()), Map.of("status", Status.FINAL, "signedBy", by, "signedAt", at, "snapshotSha256", sha,
                        "totalScore", doc.totalScore(), "grade", doc.grade(), "acknowledgements", acknowledgements,
                        "synthetic", doc.synthetic()));
        return signed;
    }

    /**
     * A new version of an evaluation: computed rows are computed again from today's data, the
     * evaluator's entries (actuals of manual rows, notes, overrides) and the report prose carry over.
     * A DRAFT is superseded at once; a FINAL when the new version is signed.
     */
    @Transactional
    public EvaluationHeader newVersion(long id) {
        EvaluationHeader old = header(id);
        if (old.status() == Status.SUPERSEDED || store.hasSuccessor(id)) {
            throw ApiException.conflict("Evaluation " + id + " already has a newer version; correct the newest one");
        }
        Project project = project(old.projectId());
        EvaluationHeader header = new EvaluationHeader(null, old.projectId(), project.getName(), old.from(), old.to(), old.policy(),
                Status.DRAFT, old.version() + 1, id, AuditTrail.currentActor(), now(), null, null, null);
        long newId = store.insert(header);
        Map<String, TableRow> previous = store.rows(id).stream()
                .collect(Collectors.toMap(EvaluationService::rowKey, Function.identity(), (a, b) -> a));
        for (TemplateBuilder.Built b : TemplateBuilder.build(facts(project, header, true), rules)) {
            TableRow r = b.row();
            TableRow was = previous.get(rowKey(r));
            if (was != null) {
                r = new TableRow(null, r.seq(), r.level2(), r.name(), r.metric(), r.unit(), r.target(),
                        r.source() == Metric.Source.MANUAL ? was.actual() : r.actual(), r.weight(), null, was.overrideScore(),
                        was.overrideReason(), null, r.formula(), r.source() == Metric.Source.MANUAL || r.note() == null ? was.note()
                        : r.note(), r.coverage(), r.evidenceSummary());
            }
            store.insertRow(newId, r, b.evidence());
        }
        List<String> prose = store.prose(id);
        for (int i = 0; i < prose.size(); i++) {
            store.putProse(newId, i + 1, prose.get(i));
        }
        store.putReportHeader(newId, store.reportHeader(id));
        if (old.status() == Status.DRAFT) {
            store.setStatus(id, Status.SUPERSEDED);
        }
        EvaluationHeader created = store.find(newId).orElseThrow();
        audit.record(created.projectId(), "EVALUATION_NEW_VERSION", ENTITY, newId, "Evaluation " + newId + " (v" + created.version()
                + ") supersedes evaluation " + id + " (v" + old.version() + ", " + old.status() + ")",
                Map.of("evaluation", id, "status", old.status()), Map.of("evaluation", newId, "version", created.version()));
        return created;
    }

    /** The report as GET/PUT /report answer it: the sections (system facts + prose) and the 自评表 header block. */
    public record Report(List<ReportSection> sections, ReportHeader header) {
    }

    /** Length limits of the header block (characters): names of units, and the two goal texts. */
    static final int UNIT_MAX = 200;
    static final int GOAL_MAX = 5000;
    static final int PROSE_MAX = 100_000;

    @Transactional(readOnly = true)
    public Report report(long id, Locale locale) {
        EvaluationDocument d = document(id, locale);
        return new Report(d.report(), d.reportHeader());
    }

    /**
     * Edits the report of a DRAFT: the prose of the sections given ({@code prose} by seq) and, when
     * {@code header} is not null, the whole header block (a blank field is cleared). Audited as one edit.
     */
    @Transactional
    public Report putReport(long id, Map<Integer, String> prose, ReportHeader header, Locale locale) {
        EvaluationHeader h = draft(id);
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> e : prose.entrySet()) {
            if (e.getKey() == null || e.getKey() < 1 || e.getKey() > ReportSection.TITLES.length) {
                problems.add(new FieldProblem("sections", "section seq must be 1 to " + ReportSection.TITLES.length));
            } else if (e.getValue() == null || e.getValue().length() > PROSE_MAX) {
                problems.add(new FieldProblem("sections[" + e.getKey() + "].prose", "prose is required and at most " + PROSE_MAX
                        + " characters"));
            }
        }
        ReportHeader cleaned = header == null ? null : new ReportHeader(blankToNull(header.competentDepartment()),
                blankToNull(header.implementingUnit()), blankToNull(header.annualGoal()), blankToNull(header.annualOutcome()));
        if (cleaned != null) {
            tooLong(problems, "header.competentDepartment", cleaned.competentDepartment(), UNIT_MAX);
            tooLong(problems, "header.implementingUnit", cleaned.implementingUnit(), UNIT_MAX);
            tooLong(problems, "header.annualGoal", cleaned.annualGoal(), GOAL_MAX);
            tooLong(problems, "header.annualOutcome", cleaned.annualOutcome(), GOAL_MAX);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Map<String, Object> before = Map.of("prose", store.prose(id), "header", store.reportHeader(id));
        prose.forEach((seq, body) -> store.putProse(id, seq, body));
        if (cleaned != null) {
            store.putReportHeader(id, cleaned);
        }
        audit.record(h.projectId(), "EVALUATION_REPORT_EDIT", ENTITY, id, "Report of evaluation " + id + " edited (sections "
                + prose.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "))
                + (cleaned == null ? "" : "; header block") + ")", before,
                Map.of("prose", store.prose(id), "header", store.reportHeader(id)));
        return report(id, locale);
    }

    private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, field + " must be at most " + max + " characters"));
        }
    }

    /** What the exports print: the frozen snapshot of a signed evaluation, the live table of a draft (facts in zh-CN). */
    @Transactional(readOnly = true)
    public EvaluationDocument document(long id) {
        return document(id, Texts.ZH_CN);
    }

    /** As {@link #document(long)}, a draft's report facts written in {@code locale} (a snapshot keeps those it was signed with). */
    @Transactional(readOnly = true)
    public EvaluationDocument document(long id, Locale locale) {
        EvaluationHeader h = header(id);
        if (h.snapshotSha256() != null) {
            EvaluationDocument frozen = json.readValue(store.snapshot(id), EvaluationDocument.class);
            return new EvaluationDocument(h, frozen.budget(), frozen.rows(), frozen.evidence(), frozen.checks(), frozen.totalWeight(),
                    frozen.totalScore(), frozen.grade(), frozen.report(), frozen.reportHeader(), frozen.acknowledgements(), frozen.synthetic());
        }
        return live(h, List.of(), locale);
    }

    /**
     * What an evaluation's summary shows (header, totals, grade, checks, acknowledgements), without what only the
     * exports need: a draft's evidence and report facts are not built (at prefecture scale they are hundreds of
     * thousands of device items, read back and parsed on every summary); a signed one reads its frozen snapshot.
     */
    @Transactional(readOnly = true)
    public Overview overview(long id) {
        EvaluationHeader h = header(id);
        if (h.snapshotSha256() != null) {
            EvaluationDocument d = document(id);
            return new Overview(d.header(), d.rows(), d.checks(), d.totalWeight(), d.totalScore(), d.grade(), d.acknowledgements(),
                    d.synthetic());
        }
        List<TableRow> rows = scored(h.id());
        return new Overview(h, rows, EvaluationChecks.run(rows, null, rules), Scorer.totalWeight(rows), Scorer.total(rows, rules),
                Grade.of(Scorer.total(rows, rules), rules), List.of(), synthetic(h));
    }

    /** The part of an {@link EvaluationDocument} a summary needs. */
    public record Overview(EvaluationHeader header, List<TableRow> rows, List<Check> checks, BigDecimal totalWeight,
                           BigDecimal totalScore, Grade grade, List<Acknowledgement> acknowledgements, boolean synthetic) {
    }

    /** The words of an export in {@code locale}, times in the county's time zone (the clock's, {@code XL_TIMEZONE}). */
    ExportText exportText(Locale locale) {
        return new ExportText(texts, locale, clock.getZone());
    }

    /** What an auditor checks of a signed evaluation: the SHA-256 recorded at signing and that of the snapshot as stored now. */
    public record SnapshotCheck(long id, int version, String signedBy, Instant signedAt, String signedSha256,
                                String storedSha256, boolean intact) {
    }

    /** Re-hashes the stored snapshot of a FINAL evaluation (409 for a draft: nothing was signed yet). */
    @Transactional(readOnly = true)
    public SnapshotCheck verifySnapshot(long id) {
        EvaluationHeader h = header(id);
        if (h.snapshotSha256() == null) {
            throw ApiException.conflict("Evaluation " + id + " is " + h.status() + ": only a signed (FINAL) evaluation has a snapshot to verify");
        }
        String stored = sha256(store.snapshot(id));
        return new SnapshotCheck(h.id(), h.version(), h.signedBy(), h.signedAt(), h.snapshotSha256(), stored,
                h.snapshotSha256().equals(stored));
    }

    /** Whether the evaluation's figures rest on synthetic (demo) data: its period touches synthetic rollups. */
    private boolean synthetic(EvaluationHeader h) {
        return availability.touchesSynthetic(h.projectId(), h.from(), h.to());
    }

    /**
     * The evaluation as it stands now, with the acknowledgements given at sign-off (none for a draft); a signed
     * snapshot freezes its report facts in zh-CN, the language of the official report.
     */
    private EvaluationDocument live(EvaluationHeader h, List<Acknowledgement> acknowledgements) {
        return live(h, acknowledgements, Texts.ZH_CN);
    }

    private EvaluationDocument live(EvaluationHeader h, List<Acknowledgement> acknowledgements, Locale locale) {
        List<TableRow> rows = scored(h.id());
        List<Check> checks = EvaluationChecks.run(rows, null, rules);
        BigDecimal weight = Scorer.totalWeight(rows);
        BigDecimal score = Scorer.total(rows, rules);
        Grade grade = Grade.of(score, rules);
        Project project = project(h.projectId());
        List<ReportSection> report = ReportFacts.sections(exportText(locale), facts(project, h, false), h, rows, checks, weight, score, grade,
                store.prose(h.id()));
        TableRow budgetRow = rows.stream().filter(r -> r.level2() == Level2.BUDGET_EXECUTION).findFirst().orElse(null);
        EvaluationDocument.Budget budget = new EvaluationDocument.Budget(project.getBudgetAmount(), project.getSpentAmount(),
                budgetRow == null ? null : budgetRow.actual(), budgetRow == null ? null : budgetRow.weight(),
                budgetRow == null ? null : budgetRow.score());
        List<EvaluationDocument.RowEvidence> evidence = rows.stream()
                .map(r -> new EvaluationDocument.RowEvidence(r.id(), store.evidence(h.id(), r.id()).orElseThrow())).toList();
        return new EvaluationDocument(h, budget, rows, evidence, checks, weight, score, grade, report, store.reportHeader(h.id()),
                acknowledgements, synthetic(h));
    }

    private List<TableRow> scored(long id) {
        return store.rows(id).stream().map(r -> r.scored(rules)).toList();
    }

    private EvaluationHeader draft(long id) {
        EvaluationHeader h = header(id);
        if (h.status() != Status.DRAFT) {
            throw ApiException.conflict("Evaluation " + id + " is " + h.status() + " and cannot be changed;"
                    + " create a new version (POST /api/v1/evaluations/" + id + "/versions) to correct it");
        }
        return h;
    }

    private Project project(Long projectId) {
        return projects.findById(projectId).filter(p -> currentUser.scope().allows(p.getId()))
                .orElseThrow(() -> ApiException.notFound("Project", projectId));
    }

    private ProjectFacts facts(Project project, EvaluationHeader h, boolean withQuality) {
        Progress pr = progress.of(project, h.to());
        QualityFigures.TierQualities q = withQuality ? quality.tiers(project.getId(), h.from(), h.to(), h.policy()) : null;
        Map<Long, Site> siteById = sites.findAll().stream().collect(Collectors.toMap(Site::getId, Function.identity()));
        List<DeviceRoster.Listed> all = roster.ofProject(project.getId());
        Map<String, DeviceCategory> categoryById = categories.findAll().stream()
                .collect(Collectors.toMap(DeviceCategory::getCode, Function.identity()));
        Map<Long, QuantityTarget> targetById = targets.findByProjectIdOrderBySeq(project.getId()).stream()
                .collect(Collectors.toMap(QuantityTarget::getId, Function.identity()));
        List<ProjectFacts.Quantity> quantities = pr.targets().stream().map(t -> {
            QuantityTarget target = targetById.get(t.id());
            List<Map<String, Object>> chosen = all.stream()
                    .filter(d -> target.selects(d.category(), siteById.containsKey(d.siteId()) ? siteById.get(d.siteId()).getKind() : null))
                    .sorted(java.util.Comparator.comparing(DeviceRoster.Listed::assetTag))
                    .map(d -> TemplateBuilder.item("deviceId", d.id(), "assetTag", d.assetTag(), "name", d.name(),
                            "category", d.category(), "site", siteById.containsKey(d.siteId()) ? siteById.get(d.siteId()).getCode() : null,
                            "lifecycle", d.lifecycle(), "installedOn", d.installedOn()))
                    .toList();
            return new ProjectFacts.Quantity(t.seq(), t.label(), t.unit(), t.planned(), t.installed(), t.weight(), selector(t, categoryById), chosen);
        }).toList();
        return new ProjectFacts(project.getName(), project.getPlannedStart(), project.getPlannedEnd(), project.getActualStart(),
                project.getActualEnd(), project.getContractAmount(), project.getAuditedAmount(), project.getCostCeilingPct(),
                pr.cost().changePct(), project.getBudgetAmount(), project.getSpentAmount(), pr.cost().executionRate(), quantities,
                q == null ? null : q.frontEnd(), q == null ? null : q.backEnd(),
                withQuality && IndicatorQualityFigures.handles(h.policy().qualityMetric())
                        ? cameraQuality.of(project.getId(), h.from(), h.to(), h.policy()) : null,
                h.policy(), h.from(), h.to(), withQuality ? repairs.map(r -> r.of(project.getId(),
                        h.from().atStartOfDay(clock.getZone()).toInstant(),
                        h.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant())).orElse(null) : null);
    }

    /**
     * Which devices a 数量指标 counts, in words: category names (kept in both languages) and site kinds.
     * Frozen with the row, so both languages are taken now.
     */
    private Phrase selector(Progress.TargetProgress t, Map<String, DeviceCategory> categoryById) {
        List<DeviceCategory> chosen = t.categories().stream().sorted().map(categoryById::get).filter(Objects::nonNull).toList();
        Phrase names = Phrase.literal(chosen.stream().map(DeviceCategory::getNameZh).collect(Collectors.joining(separator(Texts.ZH_CN))),
                chosen.stream().map(DeviceCategory::getNameEn).collect(Collectors.joining(separator(Texts.EN))));
        if (t.siteKinds().isEmpty()) {
            return Phrase.of("evidence.selector", names);
        }
        List<String> kinds = t.siteKinds().stream().map(Enum::name).sorted().toList();
        return Phrase.of("evidence.selector.atSites", names, Phrase.literal(siteKinds(kinds, Texts.ZH_CN), siteKinds(kinds, Texts.EN)));
    }

    private String siteKinds(List<String> kinds, Locale locale) {
        return kinds.stream().map(k -> texts.get(locale, "evidence.siteKind." + k)).collect(Collectors.joining(separator(locale)));
    }

    private String separator(Locale locale) {
        return texts.get(locale, "evidence.list.separator");
    }

    private static String rowKey(TableRow r) {
        return r.level2() + "|" + r.name();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String sha256(String text) {
        return Hashes.sha256Hex(text);
    }
}
