package org.xueliang.tracker.stocktake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.DeviceDirectory.StockItem;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.PageResponse;

/**
 * Stocktake sessions for people (docs/STOCKTAKE.md): open one over a site, a township or a project, list and read
 * them, close one (optionally moving the devices found at another site). A session is seen by those whose projects
 * include its project; one over every project (project_id NULL) only by those who see every project. Each step is one
 * transaction with its audit entry; a refused step changes nothing.
 */
@Service
public class StocktakeService {

    /** The body of {@code POST /api/v1/stocktakes}: a site or a township, or a project, or a site/township of a project. */
    public record OpenRequest(Long projectId, Long siteId, String township) {
    }

    /** The body of {@code POST /api/v1/stocktakes/{id}/close}. */
    public record CloseRequest(Boolean applyLocationChanges) {
    }

    /** A closed session and the devices whose site the close moved. */
    public record Closed(Stocktake stocktake, List<Long> moved) {
    }

    private final StocktakeStore store;
    private final StocktakeReports reports;
    private final DeviceDirectory directory;
    private final DeviceService devices;
    private final SiteRepository sites;
    private final ProjectRepository projects;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    StocktakeService(StocktakeStore store, StocktakeReports reports, DeviceDirectory directory, DeviceService devices,
                     SiteRepository sites, ProjectRepository projects, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.store = store;
        this.reports = reports;
        this.directory = directory;
        this.devices = devices;
        this.sites = sites;
        this.projects = projects;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Stocktake open(OpenRequest in) {
        List<FieldProblem> problems = new ArrayList<>();
        String township = in == null || in.township() == null || in.township().isBlank() ? null : in.township().trim();
        if (in == null || (in.projectId() == null && in.siteId() == null && township == null)) {
            problems.add(new FieldProblem("siteId", "give siteId, township or projectId"));
        } else if (in.siteId() != null && township != null) {
            problems.add(new FieldProblem("township", "give either siteId or township, not both"));
        }
        if (township != null && township.length() > 64) {
            problems.add(new FieldProblem("township", "at most 64 characters"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Long projectId = projectOf(in.projectId());
        Site site = in.siteId() == null ? null : sites.findById(in.siteId())
                .orElseThrow(() -> ApiException.invalid("siteId", "no site " + in.siteId()));
        if (township != null && sites.findAll().stream().noneMatch(s -> township.equals(s.getTownship()))) {
            throw ApiException.invalid("township", "no site lies in township " + township);
        }
        List<StockItem> expected = directory.stock(projectId == null ? null : List.of(projectId),
                site == null ? null : site.getId(), township);
        if (expected.isEmpty()) {
            throw ApiException.invalid(site != null ? "siteId" : township != null ? "township" : "projectId",
                    "the ledger has no device there to stocktake");
        }
        Instant now = clock.instant();
        String me = AuditTrail.currentActor();
        long id = store.insert(projectId, site == null ? null : site.getId(), township, now, me, expected.size());
        Map<Long, Long> siteOf = new HashMap<>();
        expected.forEach(d -> siteOf.put(d.id(), d.siteId()));
        store.expect(id, siteOf);
        Stocktake opened = named(store.find(id).orElseThrow());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("projectId", projectId);
        after.put("siteId", opened.siteId());
        after.put("township", township);
        after.put("expected", expected.size());
        audit.record(projectId, "STOCKTAKE_OPEN", "Stocktake", id, "Stocktake " + id + " opened: " + scopeText(opened), null, after);
        return opened;
    }

    /**
     * The session's project: the one given (in the caller's scope), else the caller's only project; a caller who sees
     * every project may leave it out for a session over every project.
     */
    private Long projectOf(Long requested) {
        AccessScope scope = currentUser.scope();
        if (requested != null) {
            if (!projects.existsById(requested) || !scope.allows(requested)) {
                throw ApiException.invalid("projectId", "no project " + requested);
            }
            return requested;
        }
        if (scope.all()) {
            return null;
        }
        if (scope.projectIds().size() != 1) {
            throw ApiException.invalid("projectId", "is required: you work on several projects");
        }
        return scope.projectIds().iterator().next();
    }

    static String scopeText(Stocktake t) {
        String where = t.siteId() != null ? "site " + (t.siteName() == null ? t.siteId() : t.siteName())
                : t.township() != null ? "township " + t.township() : "every site";
        return where + (t.projectId() == null ? " (every project)" : " (project " + t.projectId() + ")");
    }

    /** The sessions the caller may see, newest first, paged like the device list. */
    @Transactional(readOnly = true)
    public PageResponse<Stocktake> list(StocktakeState state, Long projectId, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1").append(currentUser.scope().sqlFilter("t.project_id", args));
        if (state != null) {
            where.append(" AND t.state = ?");
            args.add(state.name());
        }
        if (projectId != null) {
            where.append(" AND t.project_id = ?");
            args.add(projectId);
        }
        long total = store.count(where.toString(), args);
        List<Stocktake> items = store.query(where.toString(), args, size, (long) page * size).stream().map(this::named).toList();
        return new PageResponse<>(items, total, page, size);
    }

    @Transactional(readOnly = true)
    public Stocktake get(long id) {
        return named(visible(id));
    }

    @Transactional(readOnly = true)
    public StocktakeReports.Report report(long id) {
        return reports.of(visible(id));
    }

    /**
     * Closes an open session (409 when it is closed already). With {@code applyLocationChanges}, every device of a site
     * session that was found there but stands at another site in the ledger is moved to the session's site through
     * the ledger (audited there as an UPDATE); devices outside the closer's projects are left as they are.
     */
    @Transactional
    public Closed close(long id, CloseRequest in) {
        Stocktake session = visible(id);
        boolean apply = in != null && Boolean.TRUE.equals(in.applyLocationChanges());
        String me = AuditTrail.currentActor();
        if (!store.close(id, clock.instant(), me, apply)) {
            throw ApiException.conflict("stocktake " + id + " is closed already");
        }
        List<Long> moved = new ArrayList<>();
        if (apply && session.siteId() != null) {
            List<Long> toMove = reports.of(session).changed().stream()
                    .filter(c -> c.toSiteId() != null).map(StocktakeReports.Change::deviceId).toList();
            Map<Long, StockItem> now = directory.stockItems(toMove);
            for (Long deviceId : toMove) {
                StockItem item = now.get(deviceId);
                if (item != null && !session.siteId().equals(item.siteId()) && devices.inScope(item.projectId())) {
                    devices.relocate(deviceId, session.siteId());
                    moved.add(deviceId);
                }
            }
        }
        Stocktake closed = named(store.find(id).orElseThrow());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("state", StocktakeState.CLOSED.name());
        after.put("found", closed.found());
        after.put("expected", closed.expected());
        after.put("unexpected", closed.unexpected());
        after.put("applyLocationChanges", apply);
        after.put("moved", moved);
        audit.record(session.projectId(), "STOCKTAKE_CLOSE", "Stocktake", id, "Stocktake " + id + " closed: " + closed.found()
                + " of " + closed.expected() + " found, " + moved.size() + " moved", Map.of("state", session.state().name()), after);
        return new Closed(closed, moved);
    }

    /** The session if the caller may see it; 404 otherwise (another project's session does not exist for them). */
    Stocktake visible(long id) {
        Stocktake t = store.find(id).orElseThrow(() -> ApiException.notFound("Stocktake", id));
        AccessScope scope = currentUser.scope();
        if (!scope.all() && (t.projectId() == null || !scope.allows(t.projectId()))) {
            throw ApiException.notFound("Stocktake", id);
        }
        return t;
    }

    Stocktake named(Stocktake t) {
        if (t.siteId() == null) {
            return t;
        }
        String name = sites.findById(t.siteId()).map(Site::getName).orElse(null);
        return new Stocktake(t.id(), t.projectId(), t.siteId(), name, t.township(), t.state(), t.openedAt(), t.openedBy(),
                t.closedAt(), t.closedBy(), t.locationsApplied(), t.expected(), t.found(), t.unexpected(), t.scans(), t.version());
    }
}
