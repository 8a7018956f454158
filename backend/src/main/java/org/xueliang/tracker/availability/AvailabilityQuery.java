package org.xueliang.tracker.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.xueliang.tracker.availability.AvailabilityEngine.Bucket;
import org.xueliang.tracker.availability.AvailabilityEngine.Period;
import org.xueliang.tracker.availability.AvailabilityEngine.Repairs;
import org.xueliang.tracker.availability.AvailabilityEngine.Sums;
import org.xueliang.tracker.availability.AvailabilityEngine.Timeline;
import org.xueliang.tracker.availability.AvailabilityRepository.GroupDevices;
import org.xueliang.tracker.availability.AvailabilityRepository.Member;
import org.xueliang.tracker.availability.AvailabilityService.DeviceTimeline;
import org.xueliang.tracker.availability.AvailabilityService.Group;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;

/**
 * What {@link AvailabilityService} does after its access checks, without Spring: reads through the
 * repository, adds the days not rolled up yet from intervals, and runs the engine. The benchmark
 * (bench/availability) times exactly this.
 */
public final class AvailabilityQuery {

    /** Day records of a day not rolled up yet, from its start until {@code until} (RollupService::compute). */
    @FunctionalInterface
    public interface LiveDays {
        List<DailyRollup> compute(LocalDate day, Instant until);
    }

    private final AvailabilityRepository repository;
    private final LiveDays live;
    private final Clock clock;
    private final AvailabilityEngine engine;
    private final int liveDays;
    private final Executor reads;

    /**
     * @param sampleEvery 在线率 sampling spacing
     * @param liveDays    how many days back (today included) may be read from intervals when not rolled up
     * @param reads       runs the independent reads of one query side by side (devices, rollups + live days,
     *                    repairs): each is one database query or one pass over today's intervals, so on a
     *                    2-core server they overlap instead of adding up
     */
    public AvailabilityQuery(AvailabilityRepository repository, LiveDays live, Clock clock, Duration sampleEvery, int liveDays,
                             Executor reads) {
        this.repository = repository;
        this.live = live;
        this.clock = clock;
        this.engine = new AvailabilityEngine(sampleEvery);
        this.liveDays = Math.max(1, liveDays);
        this.reads = reads;
    }

    public List<Group> figures(long projectId, LocalDate from, LocalDate to, GroupBy groupBy, AvailabilityPolicy policy) {
        AvailabilityPolicy pol = policy == null ? AvailabilityPolicy.DEFAULT : policy;
        Period p = new Period(from, to, clock.getZone(), clock.instant());
        LocalDate liveFrom = liveFrom(from);
        LocalDate lastRolled = min(to, liveFrom.minusDays(1));
        CompletableFuture<Map<String, GroupDevices>> devices = read(() -> repository.devices(projectId, from, to, groupBy));
        CompletableFuture<Map<String, List<Bucket>>> rolled = read(() -> repository.rollups(projectId, from, lastRolled, groupBy));
        CompletableFuture<Map<String, List<Bucket>>> liveBuckets = read(() -> {
            Map<String, List<Bucket>> b = new HashMap<>();
            addLiveDays(projectId, p, liveFrom, groupBy, b);
            return b;
        });
        CompletableFuture<Map<String, Repairs>> repaired = read(() -> repository.repairs(projectId, p, groupBy));
        Map<String, GroupDevices> groups = join(devices);
        Map<String, List<Bucket>> buckets = join(rolled);
        join(liveBuckets).forEach((key, list) -> buckets.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
        Map<String, Repairs> repairs = join(repaired);
        if (groups.isEmpty()) {
            return List.of();
        }
        if (groupBy == GroupBy.DEVICE) {
            // one device: one bucket for the whole period, as in its timeline (sampled 在线率 = its time share)
            buckets.replaceAll((key, list) -> List.of(new Bucket(from, to,
                    list.stream().map(Bucket::sums).reduce(Sums.ZERO, Sums::plus))));
        }
        List<Group> out = new ArrayList<>(groups.size());
        for (GroupDevices g : groups.values()) {
            out.add(new Group(g.key(), g.label(), engine.figures(p, new AvailabilityEngine.Group(g.devices(),
                    buckets.getOrDefault(g.key(), List.of()), repairs.getOrDefault(g.key(), Repairs.NONE)), pol)));
        }
        return out;
    }

    public DeviceTimeline deviceTimeline(long deviceId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
        AvailabilityRepository.DeviceFacts facts = repository.deviceFacts(deviceId);
        Period p = new Period(from, to, clock.getZone(), clock.instant());
        LocalDate liveFrom = liveFrom(from);
        List<DailyRollup> days = new ArrayList<>(repository.deviceRollups(deviceId, from, min(to, liveFrom.minusDays(1))));
        for (LocalDate day = liveFrom; !day.isAfter(min(to, LocalDate.now(clock))); day = day.plusDays(1)) {
            live.compute(day, p.now()).stream().filter(r -> r.deviceId() == deviceId).forEach(days::add);
        }
        List<DailyRollup.Span> repairs = repository.deviceRepairs(deviceId, p.start(), p.end());
        Timeline timeline = new Timeline(facts.inServiceOn(), facts.retiredOn(), facts.recordComplete(), days, repairs);
        Figures figures = engine.figures(p, List.of(timeline), policy == null ? AvailabilityPolicy.DEFAULT : policy, false);
        return new DeviceTimeline(deviceId, facts.label(), facts.inServiceOn(), facts.retiredOn(), from, to, days, repairs,
                repository.deviceWindows(deviceId, p.start(), p.end()), figures);
    }

    /** The first day read from intervals rather than rollups: after the last rolled-up day, at most liveDays back. */
    private LocalDate liveFrom(LocalDate from) {
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest = today.minusDays(liveDays - 1L);
        LocalDate last = repository.lastRolledUp(today);
        LocalDate first = last == null || last.isBefore(earliest) ? earliest : last.plusDays(1);
        return first.isBefore(from) ? from : first;
    }

    /** Adds one bucket per group and day for the days computed from intervals (partial today included). */
    private void addLiveDays(long projectId, Period p, LocalDate liveFrom, GroupBy groupBy, Map<String, List<Bucket>> buckets) {
        LocalDate last = min(p.to(), LocalDate.now(clock));
        if (liveFrom.isAfter(last)) {
            return;
        }
        Map<Long, Member> members = repository.members(projectId, p.from(), p.to(), groupBy);
        for (LocalDate day = liveFrom; !day.isAfter(last); day = day.plusDays(1)) {
            Map<String, Sums> sums = new HashMap<>();
            for (DailyRollup r : live.compute(day, p.now())) {
                Member m = members.get(r.deviceId());
                if (m != null && m.bounds().inService(day)) {
                    sums.merge(m.key(), Sums.of(r), Sums::plus);
                }
            }
            LocalDate d = day;
            sums.forEach((key, s) -> buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(new Bucket(d, d, s)));
        }
    }

    private <T> CompletableFuture<T> read(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, reads);
    }

    /** The read's result, or its own exception (an ApiException or a DataAccessException) rather than a wrapper. */
    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
