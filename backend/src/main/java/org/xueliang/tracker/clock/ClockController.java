package org.xueliang.tracker.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.assessment.CameraGrouping;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.DeviceView;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.CountyPeriod;

/**
 * 时钟准确率 of a project, its worst offenders, and a device's clock samples (docs/API.md "Clock", docs/CLOCK.md).
 * Periods are county days, both inclusive; the period ends now when it reaches today.
 */
@RestController
class ClockController {

    static final int MAX_DAYS = 366;
    static final int MAX_DEVICE_DAYS = 92;
    static final int MAX_LIMIT = 500;

    private final ClockFigures figures;
    private final ClockStore store;
    private final ClockSettings settings;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final DeviceService devices;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClockController(ClockFigures figures, ClockStore store, ClockSettings settings, CameraDirectory cameras,
                    ProjectRepository projects, DeviceService devices, CurrentUser currentUser, Clock clock) {
        this.figures = figures;
        this.store = store;
        this.settings = settings;
        this.cameras = cameras;
        this.projects = projects;
        this.devices = devices;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    record SampleView(ClockSource source, Instant at, long offsetMs, boolean synthetic) {
        static SampleView of(ClockSample s) {
            return s == null ? null : new SampleView(s.source(), s.at(), s.offsetMs(), s.synthetic());
        }
    }

    record GroupView(String key, String label, int cameras, int measuredCameras, long samples, long withinThreshold,
                     Double accuracy, int camerasOverThreshold, boolean synthetic) {
    }

    record AccuracyResponse(long projectId, LocalDate from, LocalDate to, String groupBy, double thresholdSeconds,
                            List<GroupView> groups) {
    }

    record OffenderView(long deviceId, String assetTag, String name, String siteName, String township, String category,
                        long thresholdMs, long samples, long withinThreshold, Double accuracy, SampleView worst,
                        SampleView latest) {
    }

    record OffendersResponse(long projectId, LocalDate from, LocalDate to, int camerasOverThreshold,
                             List<OffenderView> items) {
    }

    record DeviceClockResponse(long deviceId, LocalDate from, LocalDate to, long thresholdMs, List<SampleView> latest,
                               List<SampleView> samples) {
    }

    /** A period of county days [from, to], as instants [start of from, end of to or now). */
    private record Period(LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    @GetMapping("/api/v1/projects/{id}/clock-accuracy")
    AccuracyResponse accuracy(@PathVariable long id, @RequestParam(required = false) String from,
                              @RequestParam(required = false) String to,
                              @RequestParam(defaultValue = "project") String groupBy) {
        Period p = period(from, to, 30, MAX_DAYS);
        CameraGrouping by = CameraGrouping.parse("groupBy", groupBy);
        List<ClockFigures.Tally> tallies = figures.tallies(camerasOf(id, p), p.start(), p.end());
        List<GroupView> groups = ClockFigures.group(tallies, by).stream().map(g -> new GroupView(g.key(), g.label(),
                g.cameras(), g.measuredCameras(), g.samples(), g.within(), g.accuracy(), g.camerasOverThreshold(),
                g.synthetic())).toList();
        return new AccuracyResponse(id, p.from(), p.to(), by.apiName(),
                settings.defaultThresholdMs() / 1000.0, groups);
    }

    @GetMapping("/api/v1/projects/{id}/clock-offenders")
    OffendersResponse offenders(@PathVariable long id, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @RequestParam(defaultValue = "10") String limit) {
        Period p = period(from, to, 7, MAX_DAYS);
        int max = limit(limit);
        List<ClockFigures.Tally> tallies = figures.tallies(camerasOf(id, p), p.start(), p.end());
        List<OffenderView> items = ClockFigures.offenders(tallies, max).stream().map(t -> {
            Camera c = t.camera();
            return new OffenderView(c.id(), c.assetTag(), c.name(), c.siteName(), c.township(), c.categoryCode(),
                    t.thresholdMs(), t.samples(), t.within(), t.accuracy(), SampleView.of(t.worst()),
                    SampleView.of(t.latest()));
        }).toList();
        return new OffendersResponse(id, p.from(), p.to(), (int) tallies.stream().filter(ClockFigures.Tally::offending).count(),
                items);
    }

    @GetMapping("/api/v1/devices/{id}/clock")
    DeviceClockResponse device(@PathVariable long id, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        Period p = period(from, to, 7, MAX_DEVICE_DAYS);
        DeviceView device = devices.get(id); // 404 when absent or outside the caller's projects
        List<SampleView> samples = store.samples(id, p.start(), p.end()).stream().map(SampleView::of).toList();
        List<SampleView> latest = store.latestPerSource(id).stream().map(SampleView::of).toList();
        return new DeviceClockResponse(id, p.from(), p.to(), settings.thresholdMs(device.category()), latest, samples);
    }

    private List<Camera> camerasOf(long projectId, Period p) {
        if (!projects.existsById(projectId) || !currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
        return cameras.judgedDuring(projectId, p.from(), p.to().plusDays(1));
    }

    private Period period(String from, String to, int defaultDays, int maxDays) {
        CountyPeriod p = CountyPeriod.of(from, to, defaultDays, maxDays, clock);
        return new Period(p.from(), p.to(), p.start(), p.end());
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
    }
}
