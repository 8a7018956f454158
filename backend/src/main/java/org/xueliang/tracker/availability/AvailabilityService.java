package org.xueliang.tracker.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;
import org.xueliang.tracker.monitoring.rollup.RollupService;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;

import jakarta.annotation.PreDestroy;

/**
 * Availability figures of a project over a period (SPEC §6.1; definitions in docs/AVAILABILITY.md).
 * The API other modules use:
 *
 * <pre>
 * List&lt;Group&gt; figures(long projectId, LocalDate from, LocalDate to, GroupBy groupBy, AvailabilityPolicy policy)
 *     from/to: county days, both inclusive; from ≤ to; at most 5 years. The period ends at "now" when
 *     it reaches today (later days count nothing). groupBy TIER | CATEGORY | SITE | DEVICE.
 *     One {@link Group} {key, label, figures} per group that had a device in service in the period,
 *     in key order: TIER key FRONT_END/BACK_END (label 前端/后端), CATEGORY key = category code
 *     (label name_zh), SITE key = site id or "-" (label site name), DEVICE key = device id (label
 *     "asset_tag name"). {@link Figures} carries S, W, U, D, degraded seconds, device count and the
 *     policy next to every share; shares are fractions in [0, 1], null when nothing was measured.
 *     Throws ApiException 404 when the current user cannot see the project, 400 on a bad period.
 * boolean touchesSynthetic(long projectId, LocalDate from, LocalDate to)
 *     whether figures of the period rest on synthetic (demo) data: any of the project's devices has a
 *     daily rollup marked synthetic on a day in [from, to]. 404 when the project is not visible.
 * DeviceTimeline deviceTimeline(long deviceId, LocalDate from, LocalDate to[, AvailabilityPolicy policy])
 *     one device's day records (rollups, and today's partial day from intervals), its repaired
 *     outages, the maintenance windows that applied to it, and its figures: the evidence behind a
 *     DEVICE group. 404 when not visible.
 * </pre>
 *
 * Whole days come from {@code device_daily_rollup} in one aggregate query; days not rolled up yet
 * (today, and yesterday before the rollup job ran: {@code xl.availability.live-days}) are computed
 * from state intervals with {@link RollupService#compute}. The engine itself is {@link AvailabilityEngine}.
 */
@Service
@Transactional(readOnly = true)
public class AvailabilityService {

    /** Longest period a query may cover. */
    public static final int MAX_YEARS = 5;
    /** The dates a period may have: far around any measured data, far inside what LocalDate and the databases hold. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** One group's figures: key and label as described in the class comment. */
    public record Group(String key, String label, Figures figures) {
    }

    /**
     * Every figure of every group as one line each, shares to {@code decimals} places: for comparing two
     * computations of the same figures (the sampled 在线率 adds doubles in bucket order, so its last bits
     * may differ where everything else is exact).
     */
    public static List<String> fingerprint(List<Group> groups, int decimals) {
        List<String> out = new ArrayList<>();
        for (Group g : groups) {
            StringBuilder line = new StringBuilder(g.key() + " " + g.label());
            for (var c : Figures.class.getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(g.figures());
                    line.append(' ').append(c.getName()).append('=').append(v instanceof Double d
                            ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", d) : String.valueOf(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    /** A device's evidence over a period: its bounds, day records, repaired outages and figures. */
    public record DeviceTimeline(long deviceId, String label, LocalDate inServiceOn, LocalDate retiredOn, LocalDate from,
                                 LocalDate to, List<DailyRollup> days, List<DailyRollup.Span> repairs,
                                 List<AvailabilityRepository.AppliedWindow> maintenanceWindows, Figures figures) {
    }

    private final AvailabilityRepository repository;
    private final CurrentUser currentUser;
    private final AvailabilityQuery query;
    private final ExecutorService reads;

    AvailabilityService(AvailabilityRepository repository, RollupService rollups, CurrentUser currentUser, Clock clock,
                        @Value("${xl.availability.sample-minutes:60}") int sampleMinutes,
                        @Value("${xl.availability.live-days:2}") int liveDays,
                        @Value("${xl.availability.read-threads:4}") int readThreads) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.reads = Executors.newFixedThreadPool(Math.max(1, readThreads), readThreadFactory());
        this.query = new AvailabilityQuery(repository, rollups::compute, clock, Duration.ofMinutes(sampleMinutes), liveDays, reads);
    }

    /** Daemon threads named xl-availability-N (the bench uses the same). */
    public static java.util.concurrent.ThreadFactory readThreadFactory() {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "xl-availability-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }

    public List<Group> figures(long projectId, LocalDate from, LocalDate to, GroupBy groupBy, AvailabilityPolicy policy) {
        checkPeriod(from, to);
        if (!repository.projectExists(projectId) || !currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
        return query.figures(projectId, from, to, groupBy, policy);
    }

    public boolean touchesSynthetic(long projectId, LocalDate from, LocalDate to) {
        if (!repository.projectExists(projectId) || !currentUser.scope().allows(projectId)) {
            throw ApiException.notFound("Project", projectId);
        }
        return repository.anySyntheticRollup(projectId, from, to);
    }

    public DeviceTimeline deviceTimeline(long deviceId, LocalDate from, LocalDate to) {
        return deviceTimeline(deviceId, from, to, AvailabilityPolicy.DEFAULT);
    }

    public DeviceTimeline deviceTimeline(long deviceId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
        checkPeriod(from, to);
        Long project = repository.projectOfDevice(deviceId);
        if (project == null || !currentUser.scope().allows(project)) {
            throw ApiException.notFound("Device", deviceId);
        }
        return query.deviceTimeline(deviceId, from, to, policy);
    }

    /** Found by fuzzing: from + 5 years overflowed LocalDate near year 999,999,999 (a 500). */
    private static void outsideRange(String field, LocalDate date, List<FieldProblem> problems) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            problems.add(new FieldProblem(field, "must be between " + EARLIEST + " and " + LATEST));
        }
    }

    /** 400 with field errors unless from ≤ to and the period is at most {@link #MAX_YEARS} years. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("from", "is required (YYYY-MM-DD)"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required (YYYY-MM-DD)"));
        }
        outsideRange("from", from, problems);
        outsideRange("to", to, problems);
        if (problems.isEmpty() && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must not be before 'from'"));
        } else if (problems.isEmpty() && !to.isBefore(from.plusYears(MAX_YEARS))) {
            problems.add(new FieldProblem("to", "the period may be at most " + MAX_YEARS + " years long"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad request", problems.get(0).field() + ": "
                    + problems.get(0).message(), problems);
        }
    }

}
