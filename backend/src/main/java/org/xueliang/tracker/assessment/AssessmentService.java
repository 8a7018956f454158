package org.xueliang.tracker.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.assessment.AssessmentStore.Header;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.Hashes;
import org.xueliang.tracker.shared.Texts;

import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly 运维考核 (docs/ASSESSMENT.md): compute a project's month from every {@link IndicatorSource} bean and
 * the project's rules, keep it as a DRAFT that may be recomputed, sign it (frozen, SHA-256 of the stored sheet,
 * the synthetic-data rule of the evaluations), and the trend over recent months. Every change is audited.
 */
@Service
public class AssessmentService {

    static final String ENTITY = "Assessment";
    /** The earliest month a sheet may be computed for. */
    static final YearMonth EARLIEST = YearMonth.of(2000, 1);
    /** The longest trend. */
    static final int MAX_TREND_MONTHS = 36;

    private static final Logger log = LoggerFactory.getLogger(AssessmentService.class);

    private final AssessmentStore store;
    private final AssessmentRules rules;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final OnlineRateSource onlineRate;
    private final IndicatorSources sources;
    private final Optional<ContractorGroups> contractors;
    private final Optional<RepairTimeliness> repairs;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Texts texts;

    AssessmentService(AssessmentStore store, AssessmentRules rules, CameraDirectory cameras, ProjectRepository projects,
                      OnlineRateSource onlineRate, IndicatorSources sources, Optional<ContractorGroups> contractors,
                      Optional<RepairTimeliness> repairs, CurrentUser currentUser, AuditTrail audit, JsonMapper json, Clock clock,
                      Texts texts) {
        this.store = store;
        this.rules = rules;
        this.cameras = cameras;
        this.projects = projects;
        this.onlineRate = onlineRate;
        this.sources = sources;
        this.contractors = contractors;
        this.repairs = repairs;
        this.currentUser = currentUser;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.texts = texts;
    }

    /** A stored sheet: its row and its content. */
    public record Stored(Header header, AssessmentSheet sheet) {
    }

    /** One month of the trend: from a stored sheet ({@code source} SIGNED/DRAFT) or computed now (COMPUTED, not stored). */
    public record TrendPoint(String month, String source, Long assessmentId, java.math.BigDecimal score,
                             Map<String, Double> indicators, boolean partial) {
    }

    /** The indicators that have a source bean in this application. */
    public java.util.Set<Indicator> measuredIndicators() {
        return sources.indicators();
    }

    /**
     * Computes the month's sheet and stores it: a new DRAFT (created true), or the existing DRAFT recomputed in place.
     * 409 when the month is signed; 400 on a bad or future month; 404 when the project is not visible.
     */
    @Transactional
    public Map.Entry<Stored, Boolean> compute(Long projectId, String month) {
        List<FieldProblem> problems = new ArrayList<>();
        if (projectId == null) {
            problems.add(new FieldProblem("projectId", "projectId is required"));
        }
        YearMonth ym = parseMonth(month, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Project project = visibleProject(projectId);
        Optional<Header> existing = store.find(projectId, ym.toString());
        if (existing.isPresent() && existing.get().signed()) {
            throw ApiException.conflict("The sheet of " + ym + " (assessment " + existing.get().id()
                    + ") is signed: a signed sheet is not recomputed");
        }
        AssessmentSheet sheet = sheet(project, ym);
        String body = json.writeValueAsString(sheet);
        String by = AuditTrail.currentActor();
        Instant at = now();
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            if (!store.recompute(id, sheet.score(), sheet.synthetic(), body, by, at)) {
                throw ApiException.conflict("Assessment " + id + " was signed meanwhile");
            }
        } else {
            id = store.insert(projectId, ym.toString(), sheet.score(), sheet.synthetic(), body, by, at);
        }
        audit.record(projectId, "ASSESSMENT_COMPUTE", ENTITY, id, "Assessment " + id + " of " + project.getName() + " " + ym
                + (existing.isPresent() ? " recomputed" : " computed") + ": score " + sheet.score().toPlainString(),
                existing.map(h -> Map.<String, Object>of("score", h.score())).orElse(null),
                Map.of("month", ym.toString(), "score", sheet.score(), "synthetic", sheet.synthetic()));
        return Map.entry(new Stored(store.find(id).orElseThrow(), sheet), existing.isEmpty());
    }

    @Transactional(readOnly = true)
    public List<Header> list(Long projectId) {
        if (projectId == null) {
            throw ApiException.badRequest("projectId", "projectId is required");
        }
        visibleProject(projectId);
        return store.ofProject(projectId);
    }

    @Transactional(readOnly = true)
    public Stored get(long id) {
        Header h = visible(id);
        return new Stored(h, json.readValue(store.sheetJson(id), AssessmentSheet.class));
    }

    /**
     * Signs a DRAFT: the stored sheet is frozen and its SHA-256 recorded. Refused (422, nothing changes) when the
     * month rests on synthetic (demo) data and {@code syntheticAccepted} is false; 409 when already signed.
     */
    @Transactional
    public Header sign(long id, boolean syntheticAccepted) {
        Header h = visible(id);
        if (h.signed()) {
            throw ApiException.conflict("Assessment " + id + " is already signed");
        }
        if (h.synthetic() && !syntheticAccepted) {
            Locale locale = Texts.current();
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "Sign-off incomplete", texts.get(locale, "assessment.sign.synthetic"),
                    List.of(new FieldProblem("syntheticAccepted", texts.get(locale, "assessment.sign.synthetic"))));
        }
        String sha = Hashes.sha256Hex(store.sheetJson(id));
        String by = AuditTrail.currentActor();
        Instant at = now();
        if (!store.sign(id, by, at, sha)) {
            throw ApiException.conflict("Assessment " + id + " was signed meanwhile");
        }
        audit.record(h.projectId(), "ASSESSMENT_SIGN", ENTITY, id, "Assessment " + id + " of " + h.month() + " signed; score "
                + h.score().toPlainString() + "; snapshot SHA-256 " + sha
                + (h.synthetic() ? "; month contains synthetic data, notice accepted" : ""),
                Map.of("status", h.status()), Map.of("status", "SIGNED", "signedBy", by, "signedAt", at, "snapshotSha256", sha,
                        "score", h.score(), "synthetic", h.synthetic()));
        return store.find(id).orElseThrow();
    }

    /** Whether the stored sheet of a signed assessment still hashes to the SHA-256 recorded at signing. */
    @Transactional(readOnly = true)
    public boolean snapshotIntact(long id) {
        Header h = visible(id);
        return h.signed() && Hashes.sha256Hex(store.sheetJson(id)).equals(h.snapshotSha256());
    }

    /**
     * The last {@code months} months up to the current one: a month with a stored sheet shows it; any other is
     * computed now with the current rules and not stored (source COMPUTED); the current month is partial.
     */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(long projectId, int months) {
        if (months < 1 || months > MAX_TREND_MONTHS) {
            throw ApiException.badRequest("months", "months must be between 1 and " + MAX_TREND_MONTHS);
        }
        Project project = visibleProject(projectId);
        YearMonth current = YearMonth.now(clock);
        List<TrendPoint> out = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            YearMonth ym = current.minusMonths(i);
            Optional<Header> stored = store.find(projectId, ym.toString());
            AssessmentSheet sheet = stored.map(h -> json.readValue(store.sheetJson(h.id()), AssessmentSheet.class))
                    .orElseGet(() -> sheet(project, ym));
            Map<String, Double> values = new java.util.LinkedHashMap<>();
            sheet.indicators().forEach(v -> values.put(v.indicator(), v.value()));
            out.add(new TrendPoint(ym.toString(), stored.map(Header::status).orElse("COMPUTED"), stored.map(Header::id).orElse(null),
                    sheet.score(), values, ym.equals(current)));
        }
        return out;
    }

    /** The rules of a visible project (defaults written on first use). */
    @Transactional
    public List<AssessmentRule> rules(long projectId) {
        visibleProject(projectId);
        return rules.of(projectId);
    }

    @Transactional
    public List<AssessmentRule> replaceRules(long projectId, List<AssessmentRule> changes) {
        visibleProject(projectId);
        return rules.replace(projectId, changes);
    }

    private AssessmentSheet sheet(Project project, YearMonth ym) {
        long projectId = project.getId();
        ZoneId zone = clock.getZone();
        LocalDate first = ym.atDay(1);
        LocalDate next = ym.plusMonths(1).atDay(1);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = next.atStartOfDay(zone).toInstant();
        List<Camera> judged = cameras.judgedDuring(projectId, first, next);
        Map<Indicator, List<CameraFigure>> figures = new EnumMap<>(Indicator.class);
        OnlineRateSource.Measured online = onlineRate.measure(projectId, judged, from, to);
        figures.put(Indicator.ONLINE_RATE, online.figures());
        for (Indicator indicator : sources.indicators()) {
            if (indicator != Indicator.ONLINE_RATE) {
                figures.put(indicator, sources.figures(indicator, projectId, judged, from, to));
            }
        }
        Map<Long, String> contractorOf = contractors.map(c -> c.contractors(projectId, judged)).orElse(null);
        // any source's demo rows make the month synthetic: it is then signed only with the notice accepted
        boolean synthetic = sources.touchSynthetic(projectId, judged, from, to);
        return SheetCalculator.compute(new SheetCalculator.Input(projectId, project.getName(), ym.toString(), from, to, judged,
                figures, online.faultSeconds(), contractorOf, rules.of(projectId), synthetic,
                repairs.map(r -> r.of(projectId, from, to)).orElse(null)));
    }

    private YearMonth parseMonth(String month, List<FieldProblem> problems) {
        if (month == null || month.isBlank()) {
            problems.add(new FieldProblem("month", "month is required (YYYY-MM)"));
            return null;
        }
        try {
            YearMonth ym = YearMonth.parse(month.strip());
            if (ym.isBefore(EARLIEST) || ym.isAfter(YearMonth.now(clock))) {
                problems.add(new FieldProblem("month", "month must be between " + EARLIEST + " and the current month"));
            }
            return ym;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("month", "month must be YYYY-MM, e.g. 2022-03"));
            return null;
        }
    }

    private Project visibleProject(long projectId) {
        Project p = projects.findById(projectId).orElse(null);
        if (p == null || !currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
        return p;
    }

    private Header visible(long id) {
        Header h = store.find(id).orElse(null);
        if (h == null || !currentUser.scope().allows(h.projectId())) {
            throw ApiException.notFound("Assessment", id);
        }
        return h;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
