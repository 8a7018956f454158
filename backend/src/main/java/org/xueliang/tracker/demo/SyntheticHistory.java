package org.xueliang.tracker.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.xueliang.tracker.monitoring.rollup.DailyRollup;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport.CategoryWindow;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport.Interval;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport.Past;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport.Reboot;

/**
 * The demo's synthetic past, as a pure function (no clock, no database): for every device, UP /
 * DOWN / DEGRADED intervals from its in-service day to its end instant, quarterly firmware-upgrade
 * maintenance windows for one category, sysUpTime-style reboots of SNMP-probed back-end devices, and
 * the daily rollups of all that computed with {@link DailyRollup#compute}. Each device draws from its
 * own {@code java.util.Random(seed ^ id·φ)}, so the same devices and seed always give the same rows.
 *
 * <p>Rates (docs/DEMO.md): front-end devices about 1.5 outages a month (60 % minutes, 35 % hours, 5 %
 * one to four days) plus, for cameras, half a DEGRADED episode a month; back-end devices 0.8 outages a
 * month, mostly under an hour. That gives roughly 99.0 % (front end) and 99.8 % (back end) availability.
 */
final class SyntheticHistory {

    static final long DEFAULT_SEED = 20210824L;
    static final String MAINTENANCE_REASON = "演示数据：固件升级（合成）";

    private static final double MONTH_S = 30 * 86_400d;
    private static final String[] CAMERA_DEGRADED = {"NO_VIDEO", "CLOCK_DRIFT", "FROZEN_VIDEO", "BLACK_VIDEO"};

    /** What the generator needs to know of a device. */
    record DeviceInfo(long id, String category, String tier, String method, LocalDate inServiceOn, LocalDate retiredOn) {
    }

    private SyntheticHistory() {
    }

    /**
     * Generates the history. {@code endOf} gives each device's end instant (the backfill's "now", or
     * earlier when live probing already began); rollups cover the whole days before {@code endOf}'s day.
     */
    static Past generate(List<DeviceInfo> devices, Map<Long, Instant> endOf, ZoneId zone, long seed) {
        List<CategoryWindow> windows = maintenanceWindows(devices, endOf, zone, seed);
        List<Interval> intervals = new ArrayList<>();
        List<Reboot> reboots = new ArrayList<>();
        List<DailyRollup> rollups = new ArrayList<>();
        for (DeviceInfo d : devices.stream().sorted(Comparator.comparingLong(DeviceInfo::id)).toList()) {
            Instant end = endOf.get(d.id());
            if (d.inServiceOn() == null || end == null) {
                continue;
            }
            if (d.retiredOn() != null) {
                Instant retired = d.retiredOn().atStartOfDay(zone).toInstant();
                end = retired.isBefore(end) ? retired : end;
            }
            Instant start = d.inServiceOn().atStartOfDay(zone).toInstant();
            if (!start.isBefore(end)) {
                continue;
            }
            List<DailyRollup.Window> mine = windows.stream().filter(w -> w.category().equals(d.category()))
                    .map(w -> new DailyRollup.Window(w.start(), w.end())).toList();
            Random rnd = new Random(seed ^ (d.id() * 0x9E3779B97F4A7C15L));
            List<Interval> own = intervals(d, start, end, mine, rnd);
            List<Reboot> ownReboots = reboots(d, start, end, own, rnd);
            intervals.addAll(own);
            reboots.addAll(ownReboots);
            rollups.addAll(rollups(d.id(), d.inServiceOn(), end.atZone(zone).toLocalDate(), zone, own, mine, ownReboots));
        }
        return new Past(intervals, windows, reboots, rollups);
    }

    /** Quarterly 02:00–04:00 firmware upgrades (15 Feb, May, Aug, Nov) of the largest front-end category. */
    static List<CategoryWindow> maintenanceWindows(List<DeviceInfo> devices, Map<Long, Instant> endOf, ZoneId zone, long seed) {
        Map<String, Integer> frontEndCounts = new HashMap<>();
        devices.stream().filter(d -> "FRONT_END".equals(d.tier()) && d.inServiceOn() != null)
                .forEach(d -> frontEndCounts.merge(d.category(), 1, Integer::sum));
        String category = frontEndCounts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        if (category == null) {
            return List.of();
        }
        LocalDate first = devices.stream().filter(d -> category.equals(d.category()) && d.inServiceOn() != null)
                .map(DeviceInfo::inServiceOn).min(LocalDate::compareTo).orElseThrow();
        Instant last = devices.stream().filter(d -> category.equals(d.category())).map(d -> endOf.get(d.id()))
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(Instant.MIN);
        List<CategoryWindow> out = new ArrayList<>();
        for (LocalDate day = LocalDate.of(first.getYear(), 2, 15); ; day = day.plusMonths(3)) {
            Instant start = day.atTime(LocalTime.of(2, 0)).atZone(zone).toInstant();
            Instant end = start.plus(Duration.ofHours(2));
            if (end.isAfter(last)) {
                break;
            }
            if (day.isAfter(first)) {
                out.add(new CategoryWindow(category, start, end, MAINTENANCE_REASON));
            }
        }
        return out;
    }

    private static List<Interval> intervals(DeviceInfo d, Instant start, Instant end, List<DailyRollup.Window> windows, Random rnd) {
        boolean frontEnd = "FRONT_END".equals(d.tier());
        boolean camera = "ONVIF".equals(d.method());
        double outageRate = (frontEnd ? 1.5 : 0.8) / MONTH_S;
        double degradedRate = frontEnd && camera ? 0.5 / MONTH_S : 0;
        double rate = outageRate + degradedRate;
        // Events (outages and degraded episodes) as a Poisson process, each followed by at least an hour of UP.
        List<Interval> events = new ArrayList<>();
        Instant t = start;
        while (true) {
            long gap = (long) (-Math.log(1 - rnd.nextDouble()) / rate);
            Instant s = t.plusSeconds(Math.max(3600, gap));
            if (!s.isBefore(end)) {
                break;
            }
            boolean outage = rnd.nextDouble() * rate < outageRate;
            long seconds = outage ? outageSeconds(frontEnd, rnd) : 3600 + rnd.nextInt(11 * 3600);
            Instant e = s.plusSeconds(seconds);
            if (!e.isBefore(end)) {
                e = end;
            }
            String reason = outage ? downReason(d.method(), rnd) : CAMERA_DEGRADED[rnd.nextInt(CAMERA_DEGRADED.length)];
            events.add(new Interval(d.id(), outage ? DeviceState.DOWN : DeviceState.DEGRADED, reason, s, e));
            t = e;
        }
        // The device restarts during each firmware upgrade of its category: a short outage inside the window.
        for (DailyRollup.Window w : windows) {
            Instant s = w.start().plusSeconds(300 + rnd.nextInt(85 * 60));
            Instant e = s.plusSeconds(300 + rnd.nextInt(15 * 60));
            boolean clear = events.stream().noneMatch(x -> x.start().isBefore(e.plusSeconds(3600)) && x.end().plusSeconds(3600).isAfter(s));
            if (clear && s.isAfter(start) && e.isBefore(end)) {
                events.add(new Interval(d.id(), DeviceState.DOWN, "TIMEOUT", s, e));
            }
        }
        events.sort(Comparator.comparing(Interval::start));
        List<Interval> out = new ArrayList<>();
        Instant at = start;
        for (Interval ev : events) {
            if (at.isBefore(ev.start())) {
                out.add(new Interval(d.id(), DeviceState.UP, null, at, ev.start()));
            }
            out.add(ev);
            at = ev.end();
        }
        if (at.isBefore(end)) {
            out.add(new Interval(d.id(), DeviceState.UP, null, at, end));
        }
        return out;
    }

    private static long outageSeconds(boolean frontEnd, Random rnd) {
        double u = rnd.nextDouble();
        if (frontEnd) {
            return u < 0.60 ? 300 + rnd.nextInt(55 * 60)          // 5 min – 1 h
                    : u < 0.95 ? 3600 + rnd.nextInt(7 * 3600)     // 1 – 8 h
                    : 86_400 + rnd.nextInt(3 * 86_400);           // 1 – 4 days: a cut fibre, a pole hit by a truck
        }
        return u < 0.70 ? 300 + rnd.nextInt(55 * 60)              // 5 min – 1 h
                : u < 0.95 ? 3600 + rnd.nextInt(5 * 3600)         // 1 – 6 h
                : 6 * 3600 + rnd.nextInt(18 * 3600);              // 6 – 24 h
    }

    private static String downReason(String method, Random rnd) {
        double u = rnd.nextDouble();
        if ("TCP".equals(method) || "RTSP".equals(method)) {
            return u < 0.5 ? "TIMEOUT" : u < 0.8 ? "REFUSED" : "UNREACHABLE";
        }
        return u < 0.8 ? "TIMEOUT" : "UNREACHABLE";
    }

    /**
     * sysUpTime resets of SNMP-probed back-end devices: after most outages (power came back) and now
     * and then without one (a restart quicker than the probe interval).
     */
    private static List<Reboot> reboots(DeviceInfo d, Instant start, Instant end, List<Interval> intervals, Random rnd) {
        if (!"BACK_END".equals(d.tier()) || !"SNMP".equals(d.method())) {
            return List.of();
        }
        List<Instant> at = new ArrayList<>();
        for (Interval i : intervals) {
            if (i.state() == DeviceState.DOWN && i.end().isBefore(end) && rnd.nextDouble() < 0.7) {
                at.add(i.end().minusSeconds(60 + rnd.nextInt(120)));
            }
        }
        double rate = 0.3 / MONTH_S;
        for (Instant t = start; ; ) {
            t = t.plusSeconds((long) (-Math.log(1 - rnd.nextDouble()) / rate));
            if (!t.isBefore(end.minusSeconds(600))) {
                break;
            }
            Instant candidate = t;
            boolean inUp = intervals.stream().anyMatch(i -> i.state() == DeviceState.UP
                    && !i.start().isAfter(candidate) && i.end().isAfter(candidate.plusSeconds(600)));
            if (inUp) {
                at.add(candidate);
            }
        }
        at.sort(Comparator.naturalOrder());
        List<Reboot> out = new ArrayList<>();
        Instant boot = start.minus(Duration.ofDays(1));
        for (Instant r : at) {
            Instant detected = r.plusSeconds(60 + rnd.nextInt(240));
            long before = (Duration.between(boot, r).toMillis() / 10) & 0xFFFF_FFFFL;
            long after = Duration.between(r, detected).toMillis() / 10;
            out.add(new Reboot(d.id(), r, detected, before, after));
            boot = r;
        }
        return out;
    }

    /** The rollups of every whole county day from {@code first} up to (not including) {@code endDay}. */
    static List<DailyRollup> rollups(long deviceId, LocalDate first, LocalDate endDay, ZoneId zone, List<Interval> intervals,
                                     List<DailyRollup.Window> windows, List<Reboot> reboots) {
        Map<LocalDate, Integer> rebootsByDay = new HashMap<>();
        reboots.forEach(r -> rebootsByDay.merge(r.rebootedAt().atZone(zone).toLocalDate(), 1, Integer::sum));
        List<DailyRollup> out = new ArrayList<>();
        int from = 0;
        int w = 0;
        for (LocalDate day = first; day.isBefore(endDay); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            while (from < intervals.size() && !intervals.get(from).end().isAfter(dayStart)) {
                from++;
            }
            List<DailyRollup.Span> spans = new ArrayList<>();
            for (int i = from; i < intervals.size() && intervals.get(i).start().isBefore(dayEnd); i++) {
                Interval iv = intervals.get(i);
                spans.add(new DailyRollup.Span(iv.state(), iv.start(), iv.end()));
            }
            while (w < windows.size() && !windows.get(w).end().isAfter(dayStart)) {
                w++;
            }
            List<DailyRollup.Window> today = new ArrayList<>();
            for (int i = w; i < windows.size() && windows.get(i).start().isBefore(dayEnd); i++) {
                today.add(windows.get(i));
            }
            out.add(DailyRollup.compute(deviceId, day, dayStart, dayEnd, spans, today, rebootsByDay.getOrDefault(day, 0)));
        }
        return out;
    }
}
