package org.xueliang.tracker.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.assessment.CameraGrouping;
import org.xueliang.tracker.assessment.IndicatorSource.Finding;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.recording.RecordingService.CameraRecording;
import org.xueliang.tracker.recording.RecordingService.RetentionView;
import org.xueliang.tracker.recording.RecordingService.Totals;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/** 录像完整率 of a camera and of a project's cameras (docs/API.md "Recordings", docs/RECORDING.md). */
@RestController
class RecordingController {

    static final int MAX_DEVICE_DAYS = 92;
    static final int MAX_PROJECT_DAYS = 366;

    private final RecordingService service;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final CurrentUser currentUser;

    RecordingController(RecordingService service, CameraDirectory cameras, ProjectRepository projects, CurrentUser currentUser) {
        this.service = service;
        this.cameras = cameras;
        this.projects = projects;
        this.currentUser = currentUser;
    }

    record SpanView(Instant from, Instant to, long seconds) {
        static SpanView of(Spans.Span s) {
            return new SpanView(s.from(), s.to(), s.seconds());
        }
    }

    /** A county day [start, end) as instants, so a client draws it without knowing the county's zone. */
    record DayView(LocalDate day, Instant start, Instant end, boolean measured, long expectedSeconds, long recordedSeconds,
                   Double completeness) {
        static DayView of(RecordingCalculator.Day d, java.time.ZoneId zone) {
            return new DayView(d.day(), d.day().atStartOfDay(zone).toInstant(), d.day().plusDays(1).atStartOfDay(zone).toInstant(),
                    d.measured(), d.expectedSeconds(), d.recordedSeconds(),
                    d.expectedSeconds() == 0 ? null : (double) d.recordedSeconds() / d.expectedSeconds());
        }
    }

    record DeviceView(long deviceId, LocalDate from, LocalDate to, String expectedWindow, Double completeness,
                      long expectedSeconds, long recordedSeconds, List<DayView> days, List<SpanView> intervals,
                      List<SpanView> gaps, RetentionView retention, List<Finding> findings, boolean synthetic) {
    }

    record GroupView(String key, String label, int cameras, int measuredCameras, long expectedSeconds,
                     long recordedSeconds, Double completeness, int retentionShort) {
    }

    record ProjectView(long projectId, LocalDate from, LocalDate to, String groupBy, int cameras, int measuredCameras,
                       long expectedSeconds, long recordedSeconds, Double completeness, int retentionShort,
                       boolean synthetic, List<GroupView> groups) {
    }

    @GetMapping("/api/v1/devices/{id}/recordings")
    DeviceView device(@PathVariable long id, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to) {
        Camera camera = cameras.camera(id).filter(c -> currentUser.scope().allows(c.projectId()))
                .orElseThrow(() -> ApiException.notFound("Camera", id));
        LocalDate today = service.today();
        LocalDate[] period = period(from, to, today.minusDays(6), today, MAX_DEVICE_DAYS);
        CameraRecording r = service.of(List.of(camera), period[0], period[1]).get(0);
        return new DeviceView(id, period[0], period[1], windowText(), ratio(r.result().recordedSeconds(), r.result().expectedSeconds()),
                r.result().expectedSeconds(), r.result().recordedSeconds(),
                r.result().days().stream().map(d -> DayView.of(d, service.zone())).toList(), r.recorded().stream().map(SpanView::of).toList(),
                r.result().gaps().stream().map(SpanView::of).toList(), r.retention(), r.findings(), r.synthetic());
    }

    @GetMapping("/api/v1/projects/{id}/recording-completeness")
    ProjectView project(@PathVariable long id, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(defaultValue = "site") String groupBy) {
        if (!currentUser.scope().allows(id) || !projects.existsById(id)) {
            throw ApiException.notFound("Project", id);
        }
        CameraGrouping by = CameraGrouping.parse("groupBy", groupBy);
        LocalDate today = service.today();
        LocalDate[] period = period(from, to, today.withDayOfMonth(1), today, MAX_PROJECT_DAYS);
        List<CameraRecording> all = service.of(cameras.judgedDuring(id, period[0], period[1].plusDays(1)), period[0], period[1]);
        List<GroupView> groups = new ArrayList<>();
        for (CameraGrouping.Group<CameraRecording> g : by.group(all, CameraRecording::camera)) {
            Totals t = Totals.of(g.members());
            groups.add(new GroupView(g.key(), g.label(), t.cameras(), t.measuredCameras(),
                    t.expectedSeconds(), t.recordedSeconds(), t.completeness(), t.retentionShort()));
        }
        Totals t = Totals.of(all);
        return new ProjectView(id, period[0], period[1], by.apiName(), t.cameras(),
                t.measuredCameras(), t.expectedSeconds(), t.recordedSeconds(), t.completeness(), t.retentionShort(), t.synthetic(),
                groups);
    }

    private String windowText() {
        return service.expectedWindow();
    }

    private static Double ratio(long achieved, long expected) {
        return expected == 0 ? null : (double) achieved / expected;
    }

    /** from/to county days, both inclusive, defaults when absent; every problem in one 400. */
    static LocalDate[] period(String from, String to, LocalDate defaultFrom, LocalDate defaultTo, int maxDays) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate f = date("from", from, defaultFrom, problems);
        LocalDate t = date("to", to, defaultTo, problems);
        if (problems.isEmpty() && t.isBefore(f)) {
            problems.add(new FieldProblem("to", "must not be before from"));
        }
        if (problems.isEmpty() && t.toEpochDay() - f.toEpochDay() + 1 > maxDays) {
            problems.add(new FieldProblem("to", "the period may cover at most " + maxDays + " days"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "Bad request",
                    problems.get(0).field() + ": " + problems.get(0).message(), problems);
        }
        return new LocalDate[] {f, t};
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date YYYY-MM-DD, not '" + value + "'"));
            return null;
        }
    }
}
