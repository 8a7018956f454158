package org.xueliang.tracker.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xueliang.tracker.availability.AvailabilityEngine.Period;
import org.xueliang.tracker.availability.AvailabilityEngine.Timeline;
import org.xueliang.tracker.availability.AvailabilityPolicy.MaintenancePolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.QualityMetric;
import org.xueliang.tracker.availability.AvailabilityPolicy.UnknownPolicy;
import org.xueliang.tracker.monitoring.rollup.DailyRollup.Span;
import org.xueliang.tracker.monitoring.rollup.DailyRollup.Window;
import org.xueliang.tracker.monitoring.DeviceState;

/** Properties over random timelines (seeded, so a failure names its seed and replays). */
class AvailabilityPropertiesTest {

    static final LocalDate FROM = LocalDate.parse("2024-03-01");
    static final LocalDate TO = LocalDate.parse("2024-03-20");
    static final Period P = Timelines.period(FROM.toString(), TO.toString());

    final AvailabilityEngine engine = new AvailabilityEngine();

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sharesStayBetweenZeroAndOne(long seed) {
        Random r = new Random(seed);
        List<Timeline> devices = devices(r, P, 1 + r.nextInt(6));
        for (AvailabilityPolicy policy : policies()) {
            for (boolean daily : new boolean[] {true, false}) {
                Figures f = engine.figures(P, devices, policy, daily);
                for (Double share : new Double[] {f.availability(), f.coverage(), f.onlineRateSampled(), f.onlineRateTime(),
                        f.intactRate(), f.repairedWithin24h(), f.recordCompleteness()}) {
                    if (share != null) {
                        assertThat(share).as("seed %d %s", seed, policy).isBetween(0.0, 1.0);
                    }
                }
                assertThat(f.intactRate() == null || f.intactRate() <= f.availability()).isTrue();
                long measured = f.inServiceSeconds() - f.maintenanceSeconds() - f.unknownSeconds();
                assertThat(f.downSeconds() + f.degradedSeconds()).isLessThanOrEqualTo(measured);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void splittingThePeriodAndRecombiningGivesTheSameTimeWeightedFigures(long seed) {
        Random r = new Random(seed);
        LocalDate cut = FROM.plusDays(1 + r.nextInt(18));
        Period first = new Period(FROM, cut.minusDays(1), P.zone(), P.now());
        Period second = new Period(cut, TO, P.zone(), P.now());
        List<Timeline> devices = devices(r, P, 1 + r.nextInt(6));
        for (AvailabilityPolicy policy : policies()) {
            Figures whole = engine.figures(P, devices, policy, true);
            Figures a = engine.figures(first, devices, policy, true);
            Figures b = engine.figures(second, devices, policy, true);
            assertThat(whole.inServiceSeconds()).isEqualTo(a.inServiceSeconds() + b.inServiceSeconds());
            assertThat(whole.maintenanceSeconds()).isEqualTo(a.maintenanceSeconds() + b.maintenanceSeconds());
            assertThat(whole.unknownSeconds()).isEqualTo(a.unknownSeconds() + b.unknownSeconds());
            assertThat(whole.downSeconds()).isEqualTo(a.downSeconds() + b.downSeconds());
            assertThat(whole.degradedSeconds()).isEqualTo(a.degradedSeconds() + b.degradedSeconds());
            assertThat(whole.outages()).isEqualTo(a.outages() + b.outages());
            assertThat(whole.repairs()).isEqualTo(a.repairs() + b.repairs());
            long counted = counted(a, policy) + counted(b, policy);
            if (counted > 0) {
                double recombined = (share(a.availability()) * counted(a, policy) + share(b.availability()) * counted(b, policy))
                        / counted;
                assertThat(whole.availability()).as("seed %d %s", seed, policy).isCloseTo(recombined, within(1e-9));
                double intact = (share(a.intactRate()) * counted(a, policy) + share(b.intactRate()) * counted(b, policy)) / counted;
                assertThat(whole.intactRate()).isCloseTo(intact, within(1e-9));
            }
            // sampled 在线率: whole days weigh the same, so the halves recombine by their sampled days
            long daysA = sampledDays(first, devices, policy);
            long daysB = sampledDays(second, devices, policy);
            if (daysA + daysB > 0) {
                double sampled = (share(a.onlineRateSampled()) * daysA + share(b.onlineRateSampled()) * daysB) / (daysA + daysB);
                assertThat(whole.onlineRateSampled()).isCloseTo(sampled, within(1e-9));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aDeviceOutsideServiceNeverCounts(long seed) {
        Random r = new Random(seed);
        List<Timeline> devices = devices(r, P, 1 + r.nextInt(5));
        List<Span> spans = randomSpans(r);
        Timeline outside = r.nextBoolean()
                ? Timelines.device(P, "2024-03-21", null, spans, List.of())           // enters service after P
                : Timelines.device(P, "2023-01-01", "2024-03-01", spans, List.of());  // retired before P
        Timeline never = Timelines.device(P, null, null, spans, List.of());           // never in service
        List<Timeline> with = new ArrayList<>(devices);
        with.add(outside);
        with.add(never);
        for (AvailabilityPolicy policy : policies()) {
            assertThat(engine.figures(P, with, policy, true)).isEqualTo(engine.figures(P, devices, policy, true));
        }
    }

    static double share(Double d) {
        return d == null ? 0 : d;
    }

    /** The denominator of availability, rebuilt from the printed inputs and the policy. */
    static long counted(Figures f, AvailabilityPolicy p) {
        long c = f.inServiceSeconds() - f.maintenanceSeconds() - f.unknownSeconds();
        if (p.maintenance() == MaintenancePolicy.COUNT_AS_UP) {
            c += f.maintenanceSeconds();
        }
        if (p.unknown() == UnknownPolicy.COUNT_AS_DOWN) {
            c += f.unknownSeconds();
        }
        return c;
    }

    /** Days of the period on which something was counted: each whole day weighs the same (24 hourly samples). */
    long sampledDays(Period p, List<Timeline> devices, AvailabilityPolicy policy) {
        long n = 0;
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            if (engine.figures(new Period(d, d, p.zone(), p.now()), devices, policy, true).onlineRateSampled() != null) {
                n++;
            }
        }
        return n;
    }

    /**
     * A group of one device takes a shortcut (running day sums instead of the day walk, what per-device figures of
     * 100,000 devices need); it must give exactly the day walk's figures. A second device never in service leaves the
     * walk's result alone and makes the engine walk, so the two paths are compared on the same input.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneDeviceShortcutEqualsTheDayWalk(long seed) {
        Random r = new Random(seed);
        int n = P.days();
        LocalDate inService = r.nextInt(4) == 0 ? null : FROM.plusDays(r.nextInt(n + 3) - 3);
        LocalDate retired = r.nextBoolean() ? null : FROM.plusDays(r.nextInt(n + 5));
        AvailabilityEngine.Device device = new AvailabilityEngine.Device(inService, retired, r.nextBoolean(), 1 + r.nextInt(2));
        List<AvailabilityEngine.Bucket> buckets = new ArrayList<>();
        if (r.nextBoolean()) {   // the per-device shape: one bucket over the period, sometimes wider
            buckets.add(new AvailabilityEngine.Bucket(FROM.minusDays(r.nextInt(2)), TO.plusDays(r.nextInt(2)), sums(r)));
        } else {                 // by day, with gaps now and then (the shortcut must then step aside)
            for (int i = 0; i < n; i++) {
                if (r.nextInt(8) != 0) {
                    buckets.add(new AvailabilityEngine.Bucket(FROM.plusDays(i), FROM.plusDays(i), sums(r)));
                }
            }
        }
        AvailabilityEngine.Repairs repairs = new AvailabilityEngine.Repairs(r.nextInt(3), r.nextInt(90_000), r.nextInt(2));
        AvailabilityEngine.Device never = new AvailabilityEngine.Device(null, null, true, 1);
        for (AvailabilityPolicy policy : policies()) {
            Figures shortcut = engine.figures(P, new AvailabilityEngine.Group(List.of(device), buckets, repairs), policy);
            Figures walked = engine.figures(P, new AvailabilityEngine.Group(List.of(device, never), buckets, repairs), policy);
            assertThat(shortcut).as("seed %d %s", seed, policy).isEqualTo(walked);
        }
    }

    private static AvailabilityEngine.Sums sums(Random r) {
        return new AvailabilityEngine.Sums(r.nextInt(2_000_000), r.nextInt(50_000), r.nextInt(100_000), r.nextInt(50_000),
                r.nextInt(20_000), r.nextInt(4), r.nextInt(3));
    }

    static List<AvailabilityPolicy> policies() {
        List<AvailabilityPolicy> out = new ArrayList<>();
        for (MaintenancePolicy m : MaintenancePolicy.values()) {
            for (UnknownPolicy u : UnknownPolicy.values()) {
                out.add(new AvailabilityPolicy(m, u, QualityMetric.AVAILABILITY));
            }
        }
        return out;
    }

    static List<Timeline> devices(Random r, Period p, int n) {
        List<Timeline> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate inService = FROM.plusDays(r.nextInt(30) - 10);
            LocalDate retired = r.nextInt(3) == 0 ? inService.plusDays(1 + r.nextInt(25)) : null;
            List<Window> windows = new ArrayList<>();
            for (int w = r.nextInt(3); w > 0; w--) {
                Instant s = Timelines.at("2024-02-28T00:00").plusSeconds(r.nextInt(24 * 86_400));
                windows.add(new Window(s, s.plusSeconds(600 + r.nextInt(2 * 86_400))));
            }
            Timeline t = Timelines.device(p, inService.toString(), retired == null ? null : retired.toString(), randomSpans(r),
                    windows);
            out.add(new Timeline(t.inServiceOn(), t.retiredOn(), r.nextBoolean(), t.days(), t.downIntervals()));
        }
        return out;
    }

    /** Consecutive spans of random states and lengths from 02-25, with silent gaps now and then. */
    static List<Span> randomSpans(Random r) {
        List<Span> spans = new ArrayList<>();
        Instant t = Timelines.at("2024-02-25T00:00");
        Instant end = Timelines.at("2024-03-25T00:00");
        DeviceState[] states = DeviceState.values();
        while (t.isBefore(end)) {
            Instant next = t.plus(Duration.ofMinutes(1 + r.nextInt(3 * 24 * 60)));
            if (r.nextInt(6) > 0) {
                spans.add(new Span(states[r.nextInt(states.length)], t, next));
            }
            t = next;
        }
        return spans;
    }
}
