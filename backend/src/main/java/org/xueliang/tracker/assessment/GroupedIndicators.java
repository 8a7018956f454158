package org.xueliang.tracker.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.assessment.IndicatorGroups.Sums;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.DeviceCategory;
import org.xueliang.tracker.ledger.DeviceCategoryRepository;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.CountyPeriod;
import org.xueliang.tracker.shared.Texts;

/**
 * The video-assessment indicators of a project's judged cameras over a period, grouped by site, township, category,
 * vendor or device ({@code GET /api/v1/metrics/indicators}, docs/ASSESSMENT.md "Grouped indicators"): the same
 * per-camera figures the monthly sheet uses, from every {@link IndicatorSource}, summed by {@link IndicatorGroups}.
 * Also what the Prometheus gauges ({@link IndicatorGauges}) are computed from.
 */
@Service
public class GroupedIndicators {

    static final int MAX_DAYS = 366;

    private final IndicatorSources sources;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final DeviceCategoryRepository categories;
    private final CurrentUser currentUser;
    private final Texts texts;
    private final Clock clock;

    GroupedIndicators(IndicatorSources sources, CameraDirectory cameras, ProjectRepository projects,
                      DeviceCategoryRepository categories, CurrentUser currentUser, Texts texts, Clock clock) {
        this.sources = sources;
        this.cameras = cameras;
        this.projects = projects;
        this.categories = categories;
        this.currentUser = currentUser;
        this.texts = texts;
        this.clock = clock;
    }

    /** One indicator: its API name, label, the project's total and the groups (which add up to the total). */
    public record IndicatorView(String indicator, String label, Sums total, List<Sums> groups) {
    }

    /** County days [from, to], both inclusive; {@code synthetic} when some figure rests on demo data. */
    public record Response(long projectId, String projectName, LocalDate from, LocalDate to, String groupBy,
                           boolean synthetic, List<IndicatorView> indicators) {
    }

    /** County days [from, to], both inclusive, and the instants [start of from, start of the day after to). */
    record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

        static Period of(LocalDate from, LocalDate to, ZoneId zone) {
            return new Period(from, to, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        }
    }

    /**
     * The request's figures. Parameters as the query gives them; every bad one is a 400 problem detail, a project
     * the caller may not see (or that does not exist) a 404.
     */
    @Transactional(readOnly = true)
    public Response query(String projectId, String indicator, String groupBy, String month, String from, String to) {
        long id = projectId(projectId);
        List<Indicator> chosen = indicators(indicator);
        CameraGrouping by = CameraGrouping.parse("groupBy", groupBy == null || groupBy.isBlank() ? "site" : groupBy);
        Period period = period(month, from, to);
        Project project = projects.findById(id).filter(p -> currentUser.scope().allows(p.getId()))
                .orElseThrow(() -> ApiException.notFound("Project", id));
        List<Camera> judged = cameras.judgedDuring(id, period.from(), period.to().plusDays(1));
        Function<String, String> label = labels(by, Texts.current());
        List<IndicatorView> views = new ArrayList<>();
        for (Indicator i : chosen) {
            var figures = sources.figures(i, id, judged, period.start(), period.end());
            views.add(new IndicatorView(i.apiName(), texts.label(Texts.current(), "assessment.indicator", i),
                    IndicatorGroups.sum("project", project.getName(), figures), IndicatorGroups.grouped(judged, figures, by, label)));
        }
        boolean synthetic = chosen.stream().anyMatch(i -> sources.of(i).touchesSynthetic(id, judged, period.start(), period.end()));
        return new Response(id, project.getName(), period.from(), period.to(), by.apiName(), synthetic, views);
    }

    /** The project's total of each indicator with a source over [from, to] (no visibility check: for jobs). */
    @Transactional(readOnly = true)
    public Map<Indicator, Sums> totals(long projectId, LocalDate from, LocalDate to) {
        Period period = Period.of(from, to, clock.getZone());
        List<Camera> judged = cameras.judgedDuring(projectId, from, to.plusDays(1));
        Map<Indicator, Sums> out = new java.util.EnumMap<>(Indicator.class);
        for (Indicator i : sources.indicators()) {
            out.put(i, IndicatorGroups.sum("project", null, sources.figures(i, projectId, judged, period.start(), period.end())));
        }
        return out;
    }

    private Function<String, String> labels(CameraGrouping by, Locale locale) {
        String none = texts.get(locale, "assessment.group.none");
        Map<String, String> words = new HashMap<>();
        if (by == CameraGrouping.CATEGORY) {
            for (DeviceCategory c : categories.findAll()) {
                words.put(c.getCode(), Texts.EN.equals(locale) ? c.getNameEn() : c.getNameZh());
            }
        }
        return raw -> CameraGrouping.NONE.equals(raw) ? none : words.getOrDefault(raw, raw);
    }

    private static long projectId(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("projectId", "projectId is required");
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("projectId", "projectId must be a number, not '" + value + "'");
        }
    }

    private List<Indicator> indicators(String value) {
        if (value == null || value.isBlank()) {
            return List.copyOf(sources.indicators());
        }
        for (Indicator i : sources.indicators()) {
            if (i.apiName().equalsIgnoreCase(value.trim())) {
                return List.of(i);
            }
        }
        throw ApiException.badRequest("indicator", "indicator must be one of "
                + sources.indicators().stream().map(Indicator::apiName).toList() + ", not '" + value + "'");
    }

    /** {@code month}, or {@code from}/{@code to} (county days), or the current month so far; not both kinds. */
    private Period period(String month, String from, String to) {
        boolean days = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        LocalDate today = LocalDate.now(clock);
        if (month != null && !month.isBlank()) {
            if (days) {
                throw ApiException.badRequest("month", "give either month or from/to, not both");
            }
            YearMonth ym;
            try {
                ym = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("month", "month must be YYYY-MM, e.g. 2022-03, not '" + month + "'");
            }
            if (ym.isBefore(AssessmentService.EARLIEST) || ym.isAfter(YearMonth.from(today))) {
                throw ApiException.badRequest("month", "month must be between " + AssessmentService.EARLIEST + " and the current month");
            }
            LocalDate last = ym.atEndOfMonth();
            return Period.of(ym.atDay(1), last.isAfter(today) ? today : last, clock.getZone());
        }
        String defaultFrom = today.withDayOfMonth(1).toString();
        CountyPeriod p = CountyPeriod.of(from == null || from.isBlank() ? (to == null || to.isBlank() ? defaultFrom : null) : from,
                to, 31, MAX_DAYS, clock);
        if (p.to().isAfter(today)) {
            throw ApiException.badRequest("to", "to must not be after today (" + today + ")");
        }
        return Period.of(p.from(), p.to(), clock.getZone());
    }
}
