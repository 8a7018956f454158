package org.xueliang.tracker.availability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.xueliang.tracker.availability.AvailabilityPolicy.MaintenancePolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.UnknownPolicy;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;
import org.xueliang.tracker.monitoring.DeviceState;

/**
 * The availability figures of SPEC §6.1 as a pure function, in the manner of Zabbix's SLA
 * calculation: in-service bounds + rolled-up state seconds + repairs + a policy in, {@link Figures}
 * out. No database, no clock, no framework: the caller passes the period (with its "now") and the
 * data, so the engine is tested with hand-made timelines (docs/AVAILABILITY.md).
 *
 * <p>Time is accounted in buckets: a bucket is a run of county days and the summed rollup seconds
 * of a group's devices on those days (one bucket per day for groups of devices, one for the whole
 * period for a single device). In-service time S comes from the devices' bounds, not from the
 * rollups, so a day with no rollup and no interval is unknown time, never silently dropped.
 */
public final class AvailabilityEngine {

    public static final Duration DEFAULT_SAMPLE_EVERY = Duration.ofHours(1);

    private static final long DAY_24H = 86_400;

    private final double sampleSeconds;

    /** @param sampleEvery the spacing of 在线率 sampling instants (hourly by default) */
    public AvailabilityEngine(Duration sampleEvery) {
        if (sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException("sampleEvery must be positive");
        }
        this.sampleSeconds = sampleEvery.toSeconds();
    }

    public AvailabilityEngine() {
        this(DEFAULT_SAMPLE_EVERY);
    }

    /** The period P: county days {@code from}…{@code to} inclusive in {@code zone}, cut at {@code now}. */
    public record Period(LocalDate from, LocalDate to, ZoneId zone, Instant now) {

        public Period {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
            }
        }

        public Instant start() {
            return min(from.atStartOfDay(zone).toInstant(), now);
        }

        public Instant end() {
            return min(to.plusDays(1).atStartOfDay(zone).toInstant(), now);
        }

        public int days() {
            return (int) ChronoUnit.DAYS.between(from, to) + 1;
        }

        /** Seconds of {@code day} inside P: the whole day, the part before now, or 0 for a day still to come. */
        public long seconds(LocalDate day) {
            Instant s = day.atStartOfDay(zone).toInstant();
            Instant e = min(day.plusDays(1).atStartOfDay(zone).toInstant(), now);
            return s.isBefore(e) ? Duration.between(s, e).toSeconds() : 0;
        }

        int index(LocalDate day) {
            return (int) ChronoUnit.DAYS.between(from, day);
        }
    }

    /**
     * {@code count} devices with the same ledger facts: in service from {@code inServiceOn} (inclusive)
     * until {@code retiredOn} (exclusive, null = still in service); {@code recordComplete} for 建档率.
     */
    public record Device(LocalDate inServiceOn, LocalDate retiredOn, boolean recordComplete, int count) {

        public boolean inService(LocalDate day) {
            return inServiceOn != null && !inServiceOn.isAfter(day) && (retiredOn == null || retiredOn.isAfter(day));
        }
    }

    /** Rollup seconds and counts summed over devices and days (only days each device was in service). */
    public record Sums(long up, long degraded, long down, long unknown, long maintenance, long outages, long reboots) {

        public static final Sums ZERO = new Sums(0, 0, 0, 0, 0, 0, 0);

        public static Sums of(DailyRollup r) {
            return new Sums(r.upSeconds(), r.degradedSeconds(), r.downSeconds(), r.unknownSeconds(), r.maintenanceSeconds(),
                    r.outages(), r.reboots());
        }

        public Sums plus(Sums o) {
            return new Sums(up + o.up, degraded + o.degraded, down + o.down, unknown + o.unknown, maintenance + o.maintenance,
                    outages + o.outages, reboots + o.reboots);
        }

        /** The seconds the rollups account for; the rest of the in-service time was not covered at all. */
        long covered() {
            return up + degraded + down + unknown + maintenance;
        }
    }

    /** Summed rollups of the days {@code from}…{@code to}; buckets of one group must not overlap. */
    public record Bucket(LocalDate from, LocalDate to, Sums sums) {
    }

    /** DOWN intervals that ended in the period: how many, their total length, how many lasted ≤ 24 h. */
    public record Repairs(long count, long seconds, long within24h) {

        public static final Repairs NONE = new Repairs(0, 0, 0);

        public static Repairs of(Duration outage) {
            long s = outage.toSeconds();
            return new Repairs(1, s, s <= DAY_24H ? 1 : 0);
        }

        public Repairs plus(Repairs o) {
            return new Repairs(count + o.count, seconds + o.seconds, within24h + o.within24h);
        }
    }

    /** One group's input: its devices, its rollup buckets, its repairs. */
    public record Group(List<Device> devices, List<Bucket> buckets, Repairs repairs) {
    }

    /**
     * One device's own timeline, for evidence and tests: its bounds, its day records (rolled up, or
     * computed with {@link DailyRollup#compute} for a partial day) and its DOWN intervals.
     */
    public record Timeline(LocalDate inServiceOn, LocalDate retiredOn, boolean recordComplete, List<DailyRollup> days,
                           List<DailyRollup.Span> downIntervals) {
    }

    /** Seconds of each day of a period inside it, and their running sums: the same for every group of one query. */
    private record DaySeconds(Period period, long[] seconds, long[] cumulative) {

        static DaySeconds of(Period p) {
            int n = p.days();
            long[] seconds = new long[n];
            long[] cumulative = new long[n + 1];
            for (int i = 0; i < n; i++) {
                seconds[i] = p.seconds(p.from().plusDays(i));
                cumulative[i + 1] = cumulative[i] + seconds[i];
            }
            return new DaySeconds(p, seconds, cumulative);
        }
    }

    /**
     * The last period's day seconds, kept for the next group of the same query: per-device figures run this engine
     * for 100,000 groups of one period, and working out 365 county days' lengths (time-zone rules) for each took
     * longer than all their database reads. Read-only arrays in an immutable value, so threads may share it.
     */
    private volatile DaySeconds lastPeriod;

    private DaySeconds daySeconds(Period p) {
        DaySeconds known = lastPeriod;
        if (known == null || !known.period().equals(p)) {
            known = DaySeconds.of(p);
            lastPeriod = known;
        }
        return known;
    }

    /** The figures of a group under a policy. */
    public Figures figures(Period p, Group g, AvailabilityPolicy policy) {
        int n = p.days();
        DaySeconds days = daySeconds(p);
        long[] daySeconds = days.seconds();
        long[] cumSeconds = days.cumulative();
        if (g.devices().size() == 1) {
            Figures one = oneDevice(p, g, policy, cumSeconds);
            if (one != null) {
                return one;
            }
        }
        // devices in service per day, by a difference array over their bounds clipped to P
        long[] inService = new long[n + 1];
        int devices = 0;
        int complete = 0;
        for (Device d : g.devices()) {
            if (d.inServiceOn() == null) {
                continue;
            }
            int first = Math.max(0, p.index(d.inServiceOn()));
            int last = d.retiredOn() == null ? n : Math.min(n, p.index(d.retiredOn()));
            if (first >= last || cumSeconds[last] - cumSeconds[first] <= 0) {
                continue; // never in service inside P (or only in its future): never counts
            }
            inService[first] += d.count();
            inService[last] -= d.count();
            devices += d.count();
            complete += d.recordComplete() ? d.count() : 0;
        }
        for (int i = 1; i < n; i++) {
            inService[i] += inService[i - 1];
        }
        Totals t = new Totals();
        boolean[] bucketed = new boolean[n];
        for (Bucket b : g.buckets()) {
            int first = Math.max(0, p.index(b.from()));
            int last = Math.min(n - 1, p.index(b.to()));
            long s = 0;
            long span = 0;
            for (int i = first; i <= last; i++) {
                bucketed[i] = true;
                s += inService[i] * daySeconds[i];
                span += inService[i] > 0 ? daySeconds[i] : 0;
            }
            t.add(s, span, b.sums(), policy, sampleSeconds);
        }
        for (int i = 0; i < n; i++) {
            if (!bucketed[i] && inService[i] > 0) {
                t.add(inService[i] * daySeconds[i], daySeconds[i], Sums.ZERO, policy, sampleSeconds);
            }
        }
        return t.figures(devices, complete, g.repairs(), policy);
    }

    /**
     * {@link #figures(Period, Group, AvailabilityPolicy)} for a group of one device whose buckets cover all its days in
     * service (per-device figures: one bucket for the whole period), without walking the period day by day: the device
     * is in service on one run of days, so each bucket's device-seconds are a difference of running day sums. Same adds
     * in the same order as the day walk, so the same figures to the last bit; null when the shortcut does not apply.
     */
    private Figures oneDevice(Period p, Group g, AvailabilityPolicy policy, long[] cumSeconds) {
        int n = p.days();
        Device d = g.devices().get(0);
        if (d.inServiceOn() == null) {
            return null;
        }
        int first = Math.max(0, p.index(d.inServiceOn()));
        int last = d.retiredOn() == null ? n : Math.min(n, p.index(d.retiredOn()));
        if (first >= last || cumSeconds[last] - cumSeconds[first] <= 0 || d.count() <= 0) {
            return null;
        }
        int covered = 0;
        int previousEnd = -1;
        for (Bucket b : g.buckets()) {
            int bucketFirst = Math.max(0, p.index(b.from()));
            int bucketLast = Math.min(n - 1, p.index(b.to()));
            if (bucketFirst <= previousEnd) {
                return null; // not in day order (or overlapping): leave it to the day walk
            }
            previousEnd = Math.max(previousEnd, bucketLast);
            covered += Math.max(0, Math.min(bucketLast + 1, last) - Math.max(bucketFirst, first));
        }
        if (covered != last - first) {
            return null; // days in service outside every bucket: the day walk adds them one by one
        }
        Totals t = new Totals();
        for (Bucket b : g.buckets()) {
            int from = Math.max(Math.max(0, p.index(b.from())), first);
            int to = Math.min(Math.min(n - 1, p.index(b.to())) + 1, last);
            long seconds = from < to ? cumSeconds[to] - cumSeconds[from] : 0;
            t.add(d.count() * seconds, seconds, b.sums(), policy, sampleSeconds);
        }
        return t.figures(d.count(), d.recordComplete() ? d.count() : 0, g.repairs(), policy);
    }

    /** The figures of single devices' timelines taken together (evidence, tests); days outside service are ignored. */
    public Figures figures(Period p, List<Timeline> timelines, AvailabilityPolicy policy, boolean daily) {
        List<Device> devices = new ArrayList<>();
        Sums[] perDay = new Sums[p.days()];
        Repairs repairs = Repairs.NONE;
        for (Timeline tl : timelines) {
            devices.add(new Device(tl.inServiceOn(), tl.retiredOn(), tl.recordComplete(), 1));
            Device bounds = devices.get(devices.size() - 1);
            for (DailyRollup r : tl.days()) {
                if (!r.day().isBefore(p.from()) && !r.day().isAfter(p.to()) && bounds.inService(r.day())) {
                    int i = p.index(r.day());
                    perDay[i] = perDay[i] == null ? Sums.of(r) : perDay[i].plus(Sums.of(r));
                }
            }
            for (DailyRollup.Span s : tl.downIntervals()) {
                if (s.state() == DeviceState.DOWN && s.end() != null && !s.end().isBefore(p.start()) && s.end().isBefore(p.end())
                        && bounds.inService(LocalDate.ofInstant(s.end(), p.zone()))) {
                    repairs = repairs.plus(Repairs.of(Duration.between(s.start(), s.end())));
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        Sums all = Sums.ZERO;
        for (int i = 0; i < perDay.length; i++) {
            Sums s = perDay[i] == null ? Sums.ZERO : perDay[i];
            if (daily) {
                buckets.add(new Bucket(p.from().plusDays(i), p.from().plusDays(i), s));
            }
            all = all.plus(s);
        }
        if (!daily) {
            buckets.add(new Bucket(p.from(), p.to(), all));
        }
        return figures(p, new Group(devices, buckets, repairs), policy);
    }

    /** Running sums over buckets, after the policy. */
    private static final class Totals {
        long s;
        long w;
        long u;
        long d;
        long g;
        long counted;
        long online;
        long intact;
        long outages;
        long reboots;
        double samples;
        double sampledOnline;

        void add(long inService, long span, Sums sums, AvailabilityPolicy policy, double sampleSeconds) {
            long uncovered = Math.max(0, inService - sums.covered());
            long bw = Math.min(sums.maintenance(), inService);
            long bu = Math.min(sums.unknown() + uncovered, inService - bw);
            long bd = Math.min(sums.down(), inService - bw - bu);
            long bg = Math.min(sums.degraded(), inService - bw - bu - bd);
            long measured = inService - bw - bu;
            long c = measured;
            long on = measured - bd;
            long in = on - bg;
            if (policy.maintenance() == MaintenancePolicy.COUNT_AS_UP) {
                c += bw;
                on += bw;
                in += bw;
            }
            if (policy.unknown() == UnknownPolicy.COUNT_AS_DOWN) {
                c += bu;
            }
            s += inService;
            w += bw;
            u += bu;
            d += bd;
            g += bg;
            counted += c;
            online += on;
            intact += in;
            outages += sums.outages();
            reboots += sums.reboots();
            if (c > 0 && span > 0) {
                double instants = span / sampleSeconds;
                samples += instants;
                sampledOnline += instants * on / c;
            }
        }

        Figures figures(int devices, int complete, Repairs r, AvailabilityPolicy policy) {
            Double availability = share(online, counted);
            return new Figures(devices, s, w, u, d, g, availability, share(s - w - u, s - w),
                    samples > 0 ? Math.min(1.0, sampledOnline / samples) : null, availability, share(intact, counted), reboots,
                    outages, devices > 0 ? (double) outages / devices : null,
                    r.count() > 0 ? r.seconds() / 3600.0 / r.count() : null, share(r.within24h(), r.count()),
                    (int) r.count(), share(complete, devices), policy);
        }

        private static Double share(long part, long whole) {
            return whole > 0 ? (double) part / whole : null;
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
