package org.xueliang.tracker.archive;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.archive.ArchiveRules.Context;
import org.xueliang.tracker.archive.ArchiveRules.CountyBox;
import org.xueliang.tracker.archive.ArchiveRules.Status;
import org.xueliang.tracker.archive.ArchiveRules.Verdict;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/**
 * The 一机一档 use cases: a camera's archive in force (ledger fields + stored fields + defaults), its update (the whole
 * record validated, all or nothing, audited {@code ARCHIVE_UPDATE}), and a project's archives for lists, rates,
 * exports and the assessment. Defaults: 行政区划 = the project's region code, 安装地址 and coordinates = the site's,
 * 录像保存天数 = {@value #DEFAULT_RETENTION_DAYS}.
 */
@Service
public class ArchiveService {

    public static final int DEFAULT_RETENTION_DAYS = 30;
    /** Degrees added around the project's sites for the county box (about 10 km; docs/ARCHIVE.md). */
    static final double BOX_MARGIN = 0.1;
    static final String AUDIT_ENTITY = "CameraArchive";

    private final CameraDirectory cameras;
    private final SiteRepository sites;
    private final ProjectRepository projects;
    private final ArchiveStore store;
    private final ArchiveVersions versions;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;
    private final CountyBox configuredBox;
    private final ArchiveWords words;

    ArchiveService(CameraDirectory cameras, SiteRepository sites, ProjectRepository projects, ArchiveStore store,
                   ArchiveVersions versions, CurrentUser currentUser, AuditTrail audit, Clock clock, ArchiveWords words,
                   @Value("${xl.archive.county-box:}") String countyBox) {
        this.cameras = cameras;
        this.sites = sites;
        this.projects = projects;
        this.store = store;
        this.versions = versions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.words = words;
        this.configuredBox = countyBox == null || countyBox.isBlank() ? null : CountyBox.parse(countyBox);
    }

    /** The camera {@code deviceId} if the user may see it; 404 otherwise (also for a device that is no camera). */
    Camera visibleCamera(long deviceId) {
        return cameras.camera(deviceId).filter(c -> currentUser.scope().allows(c.projectId()))
                .orElseThrow(() -> ApiException.notFound("Camera", deviceId));
    }

    /** The project {@code projectId} if the user may see it; 404 otherwise. */
    Project visibleProject(long projectId) {
        return projects.findById(projectId).filter(p -> currentUser.scope().allows(p.getId()))
                .orElseThrow(() -> ApiException.notFound("Project", projectId));
    }

    @Transactional(readOnly = true)
    CameraArchive archive(long deviceId) {
        Camera camera = visibleCamera(deviceId);
        return archives(camera.projectId(), List.of(camera)).get(0);
    }

    /** The archives of the project's cameras that count (every camera but the retired ones), in asset-tag order. */
    @Transactional(readOnly = true)
    List<CameraArchive> ofProject(long projectId) {
        visibleProject(projectId);
        Frame frame = frame(projectId);
        return archives(frame, frame.counted());
    }

    private static List<Camera> counted(List<Camera> all) {
        return all.stream().filter(c -> c.lifecycle() != Lifecycle.RETIRED).toList();
    }

    /** The archives of {@code list} (cameras of project {@code projectId}), without a scope check. */
    @Transactional(readOnly = true)
    public List<CameraArchive> archives(long projectId, List<Camera> list) {
        return archives(frame(projectId), list);
    }

    List<CameraArchive> archives(Frame frame, List<Camera> list) {
        return resolveAll(frame, list, store.load(ids(list)));
    }

    /**
     * The archives of {@code list} as they were in force at {@code at}: each camera's last version written before
     * {@code at} (an archive stored before versions began counts from its last update), the ledger's fields and the
     * defaults as they are now. A camera without a version by then has nothing filled in.
     */
    @Transactional(readOnly = true)
    public List<CameraArchive> archivesAt(long projectId, List<Camera> list, Instant at) {
        Map<Long, ArchiveVersions.Version> inForce = versions.inForceAt(ids(list), at);
        Map<Long, ArchiveStore.Stored> stored = new HashMap<>();
        inForce.forEach((id, v) -> stored.put(id, new ArchiveStore.Stored(v.values(), v.changedAt(), v.changedBy())));
        Set<Long> versioned = versions.versioned(ids(list));
        List<Long> unversioned = ids(list).stream().filter(id -> !versioned.contains(id)).toList();
        store.load(unversioned).forEach((id, s) -> {
            if (s.updatedAt() != null && s.updatedAt().isBefore(at)) {
                stored.put(id, s);
            }
        });
        return resolveAll(frame(projectId), list, stored);
    }

    /** The versions of camera {@code deviceId}, newest first (404 when the user may not see it). */
    @Transactional(readOnly = true)
    List<ArchiveVersions.Version> versions(long deviceId) {
        return versions.of(visibleCamera(deviceId).id());
    }

    @Transactional(readOnly = true)
    ArchiveVersions.Version version(long deviceId, int number) {
        return versions.one(visibleCamera(deviceId).id(), number)
                .orElseThrow(() -> ApiException.notFound("CameraArchiveVersion", number));
    }

    private static List<Long> ids(List<Camera> list) {
        return list.stream().map(Camera::id).toList();
    }

    private List<CameraArchive> resolveAll(Frame frame, List<Camera> list, Map<Long, ArchiveStore.Stored> stored) {
        List<CameraArchive> out = new ArrayList<>();
        for (Camera c : list) {
            ArchiveStore.Stored s = stored.get(c.id());
            Map<ArchiveField, String> own = s == null ? Map.of() : s.values();
            out.add(resolve(c, own, frame.site(c), frame.context(), s == null ? null : s.updatedAt()));
        }
        return out;
    }

    /**
     * What the archives of a project are judged against, read once per request: its cameras, the sites they stand at
     * (for the defaults and the county box) and the rules' context.
     */
    record Frame(Context context, List<Camera> cameras, Map<Long, Site> sites) {

        Site site(Camera c) {
            return c.siteId() == null ? null : sites.get(c.siteId());
        }

        List<Camera> counted() {
            return ArchiveService.counted(cameras);
        }
    }

    Frame frame(long projectId) {
        List<Camera> all = cameras.ofProject(projectId);
        Map<Long, Site> siteById = sites.findAllById(all.stream().map(Camera::siteId).filter(Objects::nonNull)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Site::getId, Function.identity()));
        return new Frame(context(projectId, siteById.values()), all, siteById);
    }

    /** The rules' context of a project: its region code and the county box (configured, else around its cameras' sites). */
    private Context context(long projectId, Collection<Site> cameraSites) {
        String region = projects.findById(projectId).map(Project::getRegionCode).orElse(null);
        if (configuredBox != null) {
            return new Context(region, configuredBox);
        }
        List<double[]> points = cameraSites.stream()
                .filter(s -> s.getLongitude() != null && s.getLatitude() != null)
                .map(s -> new double[] {s.getLongitude().doubleValue(), s.getLatitude().doubleValue()}).toList();
        return new Context(region, CountyBox.around(points, BOX_MARGIN));
    }

    private CameraArchive resolve(Camera c, Map<ArchiveField, String> own, Site site, Context context,
                                  java.time.Instant updatedAt) {
        Map<ArchiveField, String> values = new EnumMap<>(ArchiveField.class);
        values.put(ArchiveField.GB_CODE, c.gbCode());
        values.put(ArchiveField.NAME, c.name());
        values.put(ArchiveField.IP_ADDRESS, c.ipAddress());
        values.put(ArchiveField.MAC_ADDRESS, c.macAddress());
        values.put(ArchiveField.VENDOR, c.vendor());
        values.put(ArchiveField.MODEL, c.model());
        values.put(ArchiveField.INSTALLED_ON, c.installedOn() == null ? null : c.installedOn().toString());
        values.putAll(own);
        Map<ArchiveField, String> defaults = new EnumMap<>(ArchiveField.class);
        defaults.put(ArchiveField.REGION_CODE, context.projectRegion());
        defaults.put(ArchiveField.RETENTION_DAYS, String.valueOf(DEFAULT_RETENTION_DAYS));
        if (site != null) {
            defaults.put(ArchiveField.INSTALL_ADDRESS, site.getAddress());
            defaults.put(ArchiveField.LONGITUDE, plain(site.getLongitude()));
            defaults.put(ArchiveField.LATITUDE, plain(site.getLatitude()));
        }
        Set<ArchiveField> defaulted = EnumSet.noneOf(ArchiveField.class);
        defaults.forEach((f, v) -> {
            if (blank(values.get(f)) && !blank(v)) {
                values.put(f, v);
                defaulted.add(f);
            }
        });
        values.values().removeIf(ArchiveService::blank);
        return new CameraArchive(c, own, values, defaulted, ArchiveRules.judge(values, context), updatedAt);
    }

    /**
     * Replaces the stored archive of camera {@code deviceId} by {@code values} (own fields; absent = not filled in)
     * after checking the whole record in force: any invalid own field is a 422 and nothing changes.
     */
    @Transactional
    CameraArchive update(long deviceId, Map<ArchiveField, String> values) {
        CameraArchive before = archive(deviceId);
        Map<ArchiveField, String> own = ownOnly(values);
        CameraArchive after = checked(before.camera(), own).archive();
        List<FieldProblem> problems = problems(after);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        write(after, before, ArchiveVersions.Source.PUT);
        return archives(before.camera().projectId(), List.of(before.camera())).get(0);
    }

    /** What a set of new stored values would give, with the problems of the own fields; nothing written. */
    record Checked(CameraArchive archive, List<FieldProblem> problems) {
    }

    Checked checked(Camera camera, Map<ArchiveField, String> own) {
        return checked(camera, own, frame(camera.projectId()));
    }

    Checked checked(Camera camera, Map<ArchiveField, String> own, Frame frame) {
        CameraArchive a = resolve(camera, own, frame.site(camera), frame.context(), null);
        return new Checked(a, problems(a));
    }

    /** The invalid own fields of {@code a} as field problems (field = API code, message in the reader's language). */
    List<FieldProblem> problems(CameraArchive a) {
        java.util.Locale locale = org.xueliang.tracker.shared.Texts.current();
        return a.verdicts().stream().filter(v -> v.status() == Status.INVALID && !v.field().ledger())
                .map(v -> new FieldProblem(v.field().code(), words.message(locale, v)))
                .toList();
    }

    /** Writes {@code after}'s stored values, its version and its audit entry; the caller checked it. */
    void write(CameraArchive after, CameraArchive before, ArchiveVersions.Source source) {
        Camera c = after.camera();
        store.save(c.id(), after.stored(), clock.instant(), AuditTrail.currentActor(), source);
        audit.record(c.projectId(), "ARCHIVE_UPDATE", AUDIT_ENTITY, c.id(),
                "Updated the camera archive of " + c.assetTag(), byCode(before.stored()), byCode(after.stored()));
    }

    /** Own fields only, blanks left out, trimmed. */
    static Map<ArchiveField, String> ownOnly(Map<ArchiveField, String> values) {
        Map<ArchiveField, String> own = new EnumMap<>(ArchiveField.class);
        values.forEach((f, v) -> {
            if (!f.ledger() && !blank(v)) {
                own.put(f, v.trim());
            }
        });
        return own;
    }

    static Map<String, String> byCode(Map<ArchiveField, String> values) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((f, v) -> out.put(f.code(), v));
        return out;
    }

    /** Whether any camera of the project has a stored archive (the reference archives are loaded once). */
    @Transactional(readOnly = true)
    public boolean anyStored(long projectId) {
        return store.anyOf(cameras.ofProject(projectId).stream().map(Camera::id).toList());
    }

    /**
     * Stores archives without a user (start-up data such as the reference dataset's): each must pass the rules for
     * its own fields; one audit entry per camera as {@code system}. The versions are dated {@code inForceFrom} (the
     * project's start): start-up data stands for the archive kept all along, so past months are judged on it too.
     */
    @Transactional
    public void seed(long projectId, Map<Long, Map<String, String>> byDeviceId, Instant inForceFrom) {
        Frame frame = frame(projectId);
        Map<Long, Camera> byId = frame.cameras().stream().collect(Collectors.toMap(Camera::id, c -> c));
        Map<Long, Map<ArchiveField, String>> wanted = new HashMap<>();
        byDeviceId.forEach((id, values) -> {
            Map<ArchiveField, String> fields = new EnumMap<>(ArchiveField.class);
            values.forEach((code, v) -> fields.put(ArchiveField.byCode(code).orElseThrow(), v));
            wanted.put(id, ownOnly(fields));
        });
        for (Map.Entry<Long, Map<ArchiveField, String>> e : wanted.entrySet()) {
            Camera c = byId.get(e.getKey());
            if (c == null) {
                throw new IllegalArgumentException("device " + e.getKey() + " is no camera of project " + projectId);
            }
            Checked checked = checked(c, e.getValue(), frame);
            if (!checked.problems().isEmpty()) {
                throw new IllegalArgumentException("archive of " + c.assetTag() + ": " + checked.problems());
            }
            store.save(c.id(), checked.archive().stored(), inForceFrom, AuditTrail.SYSTEM_ACTOR,
                    ArchiveVersions.Source.DEMO);
            audit.recordAs(AuditTrail.SYSTEM_ACTOR, projectId, "ARCHIVE_UPDATE", AUDIT_ENTITY, c.id(),
                    "Loaded the reference archive of " + c.assetTag(), null, byCode(checked.archive().stored()));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    /** The verdict of {@code field} in {@code a}. */
    static Verdict verdict(CameraArchive a, ArchiveField field) {
        return a.verdicts().get(field.ordinal());
    }
}
