package org.xueliang.tracker.vqd;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.agent.vqd.VqdThresholds;
import org.xueliang.tracker.assessment.CameraGrouping;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.CountyPeriod;
import org.xueliang.tracker.shared.Texts;

/**
 * 图像完好率 of a project and a device's picture-quality checks (docs/API.md "VQD", docs/VQD.md). Periods are county
 * days, both inclusive; the period ends now when it reaches today.
 */
@RestController
class VqdHistoryController {

    static final int MAX_DAYS = 366;
    static final int MAX_DEVICE_DAYS = 92;
    static final int MAX_CHECKS = 500;

    private final VqdStore store;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final DeviceService devices;
    private final CurrentUser currentUser;
    private final Texts texts;
    private final Clock clock;
    private final CategoryThresholds categoryThresholds;
    private final VqdReferences references;
    private final VqdSnapshots snapshots;

    VqdHistoryController(VqdStore store, CameraDirectory cameras, ProjectRepository projects, DeviceService devices,
                         CurrentUser currentUser, Texts texts, Clock clock, CategoryThresholds categoryThresholds,
                         VqdReferences references, VqdSnapshots snapshots) {
        this.snapshots = snapshots;
        this.categoryThresholds = categoryThresholds;
        this.references = references;
        this.store = store;
        this.cameras = cameras;
        this.projects = projects;
        this.devices = devices;
        this.currentUser = currentUser;
        this.texts = texts;
        this.clock = clock;
    }

    record ClassView(String type, String label, Double score, double threshold, boolean fault) {
    }

    record CheckView(Instant checkedAt, List<String> faults, List<String> faultLabels, boolean synthetic) {
    }

    record LatestView(Instant checkedAt, boolean synthetic, List<ClassView> classes) {
    }

    /**
     * {@code reference}: who approved the camera's reference picture and when (null: none approved);
     * {@code snapshot}: the time and size of the latest checked picture ({@code GET …/vqd-snapshot}; null: none).
     */
    record DeviceVqdResponse(long deviceId, LocalDate from, LocalDate to, LatestView latest, long checks,
                             long cleanChecks, Double intactness, List<CheckView> recent, String category,
                             VqdReferences.Approval reference, VqdSnapshots.Taken snapshot) {
    }

    record GroupView(String key, String label, int cameras, int measuredCameras, long checks, long cleanChecks,
                     Double intactness, int camerasWithFaults, boolean synthetic) {
    }

    record IntactnessResponse(long projectId, LocalDate from, LocalDate to, String groupBy, List<GroupView> groups) {
    }

    @GetMapping("/api/v1/devices/{id}/vqd")
    @Transactional(readOnly = true)
    DeviceVqdResponse device(@PathVariable long id, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String lang) {
        CountyPeriod p = CountyPeriod.of(from, to, 7, MAX_DEVICE_DAYS, clock);
        String category = devices.get(id).category(); // 404 when absent or outside the caller's projects
        VqdThresholds thresholds = categoryThresholds.of(category);
        Locale locale = Texts.langOrCurrent(lang);
        VqdCheck latest = store.latest(id);
        LatestView latestView = latest == null ? null : new LatestView(latest.at(), latest.synthetic(),
                Arrays.stream(VqdClass.values()).filter(c -> latest.scores().containsKey(c) || latest.faults().contains(c))
                        .map(c -> new ClassView(c.name(), texts.label(locale, "vqd.class", c), latest.scores().get(c),
                                thresholds.of(c), latest.faults().contains(c))).toList());
        VqdStore.Count n = store.counts(List.of(id), p.start(), p.end()).getOrDefault(id, new VqdStore.Count(0, 0, false));
        List<CheckView> recent = store.history(id, p.start(), p.end(), MAX_CHECKS).stream()
                .map(c -> new CheckView(c.at(), c.faults().stream().map(Enum::name).toList(),
                        c.faults().stream().map(f -> texts.label(locale, "vqd.class", f)).toList(), c.synthetic())).toList();
        return new DeviceVqdResponse(id, p.from(), p.to(), latestView, n.checks(), n.clean(), ratio(n.clean(), n.checks()),
                recent, category, references.approval(id).orElse(null), snapshots.taken(id).orElse(null));
    }

    /** The picture the camera's latest scheduled check judged (JPEG at analysis size); 404 when none arrived. */
    @GetMapping("/api/v1/devices/{id}/vqd-snapshot")
    ResponseEntity<byte[]> snapshot(@PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.IMAGE_JPEG)
                .body(snapshots.picture(id));
    }

    @GetMapping("/api/v1/projects/{id}/image-intactness")
    @Transactional(readOnly = true)
    IntactnessResponse intactness(@PathVariable long id, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(defaultValue = "project") String groupBy) {
        CountyPeriod p = CountyPeriod.of(from, to, 30, MAX_DAYS, clock);
        CameraGrouping by = CameraGrouping.parse("groupBy", groupBy);
        if (!projects.existsById(id) || !currentUser.scope().allows(id)) {
            throw ApiException.notFound("Project", id);
        }
        List<Camera> judged = cameras.judgedDuring(id, p.from(), p.to().plusDays(1));
        Map<Long, VqdStore.Count> counts = store.counts(judged.stream().map(Camera::id).toList(), p.start(), p.end());
        VqdStore.Count none = new VqdStore.Count(0, 0, false);
        List<GroupView> groups = by.group(judged, c -> c).stream().map(g -> {
            List<VqdStore.Count> n = g.members().stream().map(c -> counts.getOrDefault(c.id(), none)).toList();
            long checks = n.stream().mapToLong(VqdStore.Count::checks).sum();
            long clean = n.stream().mapToLong(VqdStore.Count::clean).sum();
            return new GroupView(g.key(), g.label(), n.size(), (int) n.stream().filter(x -> x.checks() > 0).count(), checks,
                    clean, ratio(clean, checks), (int) n.stream().filter(x -> x.clean() < x.checks()).count(),
                    n.stream().anyMatch(VqdStore.Count::synthetic));
        }).toList();
        return new IntactnessResponse(id, p.from(), p.to(), by.apiName(), groups);
    }

    private static Double ratio(long clean, long checks) {
        return checks == 0 ? null : (double) clean / checks;
    }
}
