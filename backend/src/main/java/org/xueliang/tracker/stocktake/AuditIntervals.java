package org.xueliang.tracker.stocktake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.DeviceCategory;
import org.xueliang.tracker.ledger.DeviceCategoryRepository;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.DeviceDirectory.StockItem;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

/**
 * How often each category's devices are stocktaken, per project (e.g. cameras every 365 days), and which devices are
 * due or overdue: a device is due on its last find by any session plus its category's interval; one never found is
 * overdue. A category without a setting uses {@link #DEFAULT_DAYS}.
 */
@Service
public class AuditIntervals {

    /** A year: 资产盘点 is yearly unless the project says otherwise. */
    static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 3650;
    static final int MAX_WITHIN_DAYS = 366;

    /** One category's interval; {@code configured} false = the default. */
    public record Interval(String categoryCode, int days, boolean configured) {
    }

    /** The body of {@code PUT /api/v1/projects/{id}/stocktake-intervals}. */
    public record IntervalsInput(List<IntervalInput> intervals) {
    }

    /** One category's interval as a client sets it. */
    public record IntervalInput(String categoryCode, Integer days) {
    }

    /** A device on the due list: when it was last found (null: never) and when it is due (null: never found). */
    public record DueDevice(long deviceId, String assetTag, String name, String siteName, String categoryCode, int intervalDays,
                            Instant lastStocktakenAt, LocalDate dueOn) {
    }

    /** Overdue: due before today, or never found; due: due from today up to {@code withinDays} ahead. */
    public record DueList(long projectId, LocalDate today, int withinDays, List<DueDevice> overdue, List<DueDevice> due) {
    }

    private final StocktakeStore store;
    private final DeviceCategoryRepository categories;
    private final DeviceDirectory directory;
    private final ProjectRepository projects;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    AuditIntervals(StocktakeStore store, DeviceCategoryRepository categories, DeviceDirectory directory,
                   ProjectRepository projects, CurrentUser currentUser, AuditTrail audit, Clock clock) {
        this.store = store;
        this.categories = categories;
        this.directory = directory;
        this.projects = projects;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every category of the ledger with the project's interval for it. */
    @Transactional(readOnly = true)
    public List<Interval> list(long projectId) {
        requireProject(projectId);
        Map<String, Integer> set = store.intervals(projectId);
        return categories.findAll().stream().sorted(Comparator.comparingInt(DeviceCategory::getSortOrder))
                .map(c -> new Interval(c.getCode(), set.getOrDefault(c.getCode(), DEFAULT_DAYS), set.containsKey(c.getCode())))
                .toList();
    }

    /** Replaces the project's intervals with these (a category left out goes back to the default). */
    @Transactional
    public List<Interval> replace(long projectId, List<IntervalInput> intervals) {
        requireProject(projectId);
        if (intervals == null) {
            throw ApiException.invalid("intervals", "is required: a list of {categoryCode, days}");
        }
        Set<String> known = new HashSet<>(categories.findAll().stream().map(DeviceCategory::getCode).toList());
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> days = new LinkedHashMap<>();
        for (int i = 0; i < intervals.size(); i++) {
            IntervalInput in = intervals.get(i);
            String field = "intervals[" + i + "]";
            if (in == null || in.categoryCode() == null || !known.contains(in.categoryCode())) {
                problems.add(new FieldProblem(field + ".categoryCode", "must be a device category of the ledger"));
            } else if (days.containsKey(in.categoryCode())) {
                problems.add(new FieldProblem(field + ".categoryCode", "is given twice"));
            } else if (in.days() == null || in.days() < 1 || in.days() > MAX_DAYS) {
                problems.add(new FieldProblem(field + ".days", "must be from 1 to " + MAX_DAYS));
            } else {
                days.put(in.categoryCode(), in.days());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        Map<String, Integer> before = store.intervals(projectId);
        store.replaceIntervals(projectId, days);
        audit.record(projectId, "STOCKTAKE_INTERVALS", "Project", projectId, "Stocktake intervals of project " + projectId + " set",
                before, days);
        return list(projectId);
    }

    /** The project's devices that are overdue, and those due within {@code withinDays} (default 30). */
    @Transactional(readOnly = true)
    public DueList due(long projectId, Integer withinDays) {
        requireProject(projectId);
        int within = withinDays == null ? 30 : withinDays;
        if (within < 0 || within > MAX_WITHIN_DAYS) {
            throw ApiException.badRequest("withinDays", "must be from 0 to " + MAX_WITHIN_DAYS);
        }
        Map<String, Integer> set = store.intervals(projectId);
        List<StockItem> devices = directory.stock(List.of(projectId), null, null);
        Map<Long, Instant> last = store.lastFound(devices.stream().map(StockItem::id).toList());
        LocalDate today = LocalDate.now(clock);
        List<DueDevice> overdue = new ArrayList<>();
        List<DueDevice> due = new ArrayList<>();
        for (StockItem d : devices) {
            int interval = set.getOrDefault(d.categoryCode(), DEFAULT_DAYS);
            Instant lastFound = last.get(d.id());
            LocalDate dueOn = lastFound == null ? null : lastFound.atZone(clock.getZone()).toLocalDate().plusDays(interval);
            DueDevice row = new DueDevice(d.id(), d.assetTag(), d.name(), d.siteName(), d.categoryCode(), interval, lastFound, dueOn);
            if (dueOn == null || dueOn.isBefore(today)) {
                overdue.add(row);
            } else if (!dueOn.isAfter(today.plusDays(within))) {
                due.add(row);
            }
        }
        Comparator<DueDevice> soonest = Comparator.comparing(DueDevice::dueOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(DueDevice::assetTag);
        overdue.sort(soonest);
        due.sort(soonest);
        return new DueList(projectId, today, within, overdue, due);
    }

    private void requireProject(long projectId) {
        if (!projects.existsById(projectId) || !currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
    }
}
