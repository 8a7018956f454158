package org.xueliang.tracker.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.xueliang.tracker.availability.Timelines.at;
import static org.xueliang.tracker.availability.Timelines.device;
import static org.xueliang.tracker.availability.Timelines.period;
import static org.xueliang.tracker.availability.Timelines.span;
import static org.xueliang.tracker.availability.Timelines.window;
import static org.xueliang.tracker.monitoring.DeviceState.DEGRADED;
import static org.xueliang.tracker.monitoring.DeviceState.DOWN;
import static org.xueliang.tracker.monitoring.DeviceState.UNKNOWN;
import static org.xueliang.tracker.monitoring.DeviceState.UP;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.availability.AvailabilityEngine.Period;
import org.xueliang.tracker.availability.AvailabilityEngine.Timeline;
import org.xueliang.tracker.availability.AvailabilityPolicy.MaintenancePolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.QualityMetric;
import org.xueliang.tracker.availability.AvailabilityPolicy.UnknownPolicy;

/** Case tables of hand-made timelines over P = 2024-03-01 … 03-10 (10 county days = 864,000 s). */
class AvailabilityEngineTest {

    static final Period P = period("2024-03-01", "2024-03-10");
    static final long DAY = 86_400;
    static final long TEN_DAYS = 10 * DAY;
    static final AvailabilityPolicy MAINT_UP =
            new AvailabilityPolicy(MaintenancePolicy.COUNT_AS_UP, UnknownPolicy.EXCLUDE, QualityMetric.AVAILABILITY);
    static final AvailabilityPolicy UNKNOWN_DOWN =
            new AvailabilityPolicy(MaintenancePolicy.EXCLUDE, UnknownPolicy.COUNT_AS_DOWN, QualityMetric.AVAILABILITY);

    final AvailabilityEngine engine = new AvailabilityEngine();

    Figures figures(AvailabilityPolicy policy, Timeline... devices) {
        return engine.figures(P, List.of(devices), policy, true);
    }

    static Timeline upAllPeriod() {
        return device(P, "2024-01-01", null, List.of(span(UP, "2024-02-01T00:00", null)), List.of());
    }

    @Test
    void aDeviceUpAllPeriodIsFullyAvailableOnlineAndIntact() {
        Figures f = figures(AvailabilityPolicy.DEFAULT, upAllPeriod());
        assertThat(f.devices()).isEqualTo(1);
        assertThat(f.inServiceSeconds()).isEqualTo(TEN_DAYS);
        assertThat(List.of(f.maintenanceSeconds(), f.unknownSeconds(), f.downSeconds(), f.degradedSeconds()))
                .containsOnly(0L);
        assertThat(List.of(f.availability(), f.coverage(), f.onlineRateSampled(), f.onlineRateTime(), f.intactRate(),
                f.recordCompleteness())).containsOnly(1.0);
        assertThat(f.outages()).isZero();
        assertThat(f.faultRate()).isZero();
        assertThat(f.mttrHours()).isNull();
        assertThat(f.repairedWithin24h()).isNull();
        assertThat(f.policy()).isEqualTo(AvailabilityPolicy.DEFAULT);
    }

    @Test
    void oneSixHourOutageCostsItsShareAndIsOneRepair() {
        Timeline t = device(P, "2024-01-01", null, List.of(span(UP, "2024-02-01T00:00", "2024-03-03T02:00"),
                span(DOWN, "2024-03-03T02:00", "2024-03-03T08:00"), span(UP, "2024-03-03T08:00", null)), List.of());
        Figures f = figures(AvailabilityPolicy.DEFAULT, t);
        assertThat(f.downSeconds()).isEqualTo(6 * 3600);
        assertThat(f.availability()).isCloseTo(1 - 21_600.0 / TEN_DAYS, within(1e-12)); // 0.975
        assertThat(f.intactRate()).isEqualTo(f.availability());
        assertThat(f.outages()).isEqualTo(1);
        assertThat(f.faultRate()).isEqualTo(1.0);
        assertThat(f.repairs()).isEqualTo(1);
        assertThat(f.mttrHours()).isEqualTo(6.0);
        assertThat(f.repairedWithin24h()).isEqualTo(1.0);
    }

    /** Down 10:00–16:00 on 03-05 with approved maintenance 10:00–14:00: 4 h maintenance, 2 h down. */
    static Timeline outageUnderMaintenance() {
        return device(P, "2024-01-01", null, List.of(span(UP, "2024-02-01T00:00", "2024-03-05T10:00"),
                span(DOWN, "2024-03-05T10:00", "2024-03-05T16:00"), span(UP, "2024-03-05T16:00", null)),
                List.of(window("2024-03-05T10:00", "2024-03-05T14:00")));
    }

    @Test
    void maintenanceIsRemovedFromTheDenominatorByDefault() {
        Figures f = figures(AvailabilityPolicy.DEFAULT, outageUnderMaintenance());
        assertThat(f.maintenanceSeconds()).isEqualTo(4 * 3600);
        assertThat(f.downSeconds()).isEqualTo(2 * 3600);
        assertThat(f.availability()).isCloseTo((TEN_DAYS - 14_400 - 7_200.0) / (TEN_DAYS - 14_400), within(1e-12));
        assertThat(f.coverage()).isEqualTo(1.0);
    }

    @Test
    void maintenanceCountedAsUpJoinsNumeratorAndDenominator() {
        Figures f = figures(MAINT_UP, outageUnderMaintenance());
        assertThat(f.maintenanceSeconds()).isEqualTo(4 * 3600);
        assertThat(f.availability()).isCloseTo((TEN_DAYS - 7_200.0) / TEN_DAYS, within(1e-12));
        assertThat(f.intactRate()).isEqualTo(f.availability());
        assertThat(f.policy()).isEqualTo(MAINT_UP);
    }

    /** Up until 03-09 00:00, then nothing at all (agent silent, no interval): two unknown days. */
    static Timeline silentLastTwoDays() {
        return device(P, "2024-01-01", null, List.of(span(UP, "2024-02-01T00:00", "2024-03-08T12:00"),
                span(UNKNOWN, "2024-03-08T12:00", "2024-03-09T00:00")), List.of());
    }

    @Test
    void unknownTimeIsExcludedByDefaultAndShowsAsLowCoverage() {
        Figures f = figures(AvailabilityPolicy.DEFAULT, silentLastTwoDays());
        assertThat(f.unknownSeconds()).isEqualTo(2 * DAY + 12 * 3600);
        assertThat(f.availability()).isEqualTo(1.0);
        assertThat(f.onlineRateSampled()).isEqualTo(1.0);
        assertThat(f.coverage()).isEqualTo(0.75);
    }

    @Test
    void unknownCountedAsDownJoinsTheDenominatorAsDown() {
        Figures f = figures(UNKNOWN_DOWN, silentLastTwoDays());
        assertThat(f.availability()).isEqualTo(0.75);
        assertThat(f.onlineRateTime()).isEqualTo(0.75);
        assertThat(f.intactRate()).isEqualTo(0.75);
        assertThat(f.coverage()).isEqualTo(0.75); // coverage does not depend on the policy
        assertThat(f.downSeconds()).isZero();       // the printed D stays the measured one
    }

    @Test
    void aDeviceEnteringServiceMidPeriodCountsOnlyFromThatDay() {
        Timeline t = device(P, "2024-03-06", null, List.of(span(DOWN, "2024-02-01T00:00", "2024-03-05T23:00"),
                span(UP, "2024-03-05T23:00", null)), List.of());
        Figures f = figures(AvailabilityPolicy.DEFAULT, t);
        assertThat(f.inServiceSeconds()).isEqualTo(5 * DAY);
        assertThat(f.downSeconds()).isZero();
        assertThat(f.availability()).isEqualTo(1.0);
        assertThat(f.outages()).isZero();
        assertThat(f.repairs()).isZero(); // the commissioning outage ended before the device entered service
    }

    @Test
    void aDeviceRetiredMidPeriodCountsOnlyUntilThatDay() {
        Timeline t = device(P, "2024-01-01", "2024-03-04", List.of(span(UP, "2024-02-01T00:00", "2024-03-04T00:00"),
                span(DOWN, "2024-03-04T00:00", null)), List.of());
        Figures f = figures(AvailabilityPolicy.DEFAULT, t);
        assertThat(f.inServiceSeconds()).isEqualTo(3 * DAY);
        assertThat(f.downSeconds()).isZero();
        assertThat(f.availability()).isEqualTo(1.0);
        assertThat(f.devices()).isEqualTo(1);
    }

    @Test
    void degradedTimeIsUpForAvailabilityButNotIntact() {
        Timeline t = device(P, "2024-01-01", null, List.of(span(UP, "2024-02-01T00:00", "2024-03-02T00:00"),
                span(DEGRADED, "2024-03-02T00:00", "2024-03-02T12:00"), span(UP, "2024-03-02T12:00", null)), List.of());
        Figures f = figures(AvailabilityPolicy.DEFAULT, t);
        assertThat(f.degradedSeconds()).isEqualTo(43_200);
        assertThat(f.availability()).isEqualTo(1.0);
        assertThat(f.intactRate()).isEqualTo(0.95);
    }

    @Test
    void mttrAveragesTheOutagesThatEndedInThePeriodAndCountsThoseWithin24Hours() {
        Timeline t = device(P, "2024-01-01", null, List.of(
                span(DOWN, "2024-02-27T00:00", "2024-02-28T00:00"),      // ended before P: not a repair of P
                span(UP, "2024-02-28T00:00", "2024-03-02T00:00"),
                span(DOWN, "2024-03-02T00:00", "2024-03-02T02:00"),      // 2 h
                span(UP, "2024-03-02T02:00", "2024-03-04T00:00"),
                span(DOWN, "2024-03-04T00:00", "2024-03-05T06:00"),      // 30 h
                span(UP, "2024-03-05T06:00", "2024-03-10T20:00"),
                span(DOWN, "2024-03-10T20:00", null)), List.of());       // still open: not repaired
        Figures f = figures(AvailabilityPolicy.DEFAULT, t);
        assertThat(f.repairs()).isEqualTo(2);
        assertThat(f.mttrHours()).isEqualTo(16.0);
        assertThat(f.repairedWithin24h()).isEqualTo(0.5);
        assertThat(f.outages()).isEqualTo(3);
        assertThat(f.faultRate()).isEqualTo(3.0);
    }

    @Test
    void sampledOnlineRateAveragesInstantsWhileTimeBasedWeighsDeviceHours() {
        // A up all 10 days; B in service the last 2 days, down all of the last one.
        Timeline b = device(P, "2024-03-09", null, List.of(span(UP, "2024-03-09T00:00", "2024-03-10T00:00"),
                span(DOWN, "2024-03-10T00:00", null)), List.of());
        Figures f = figures(AvailabilityPolicy.DEFAULT, upAllPeriod(), b);
        assertThat(f.devices()).isEqualTo(2);
        assertThat(f.inServiceSeconds()).isEqualTo(12 * DAY);
        assertThat(f.onlineRateTime()).isCloseTo(11.0 / 12, within(1e-12));
        assertThat(f.onlineRateSampled()).isCloseTo((9 * 1.0 + 0.5) / 10, within(1e-12));
    }

    @Test
    void aDayWithoutAnyRecordIsUnknownNotDropped() {
        Timeline t = upAllPeriod();
        Timeline gap = new Timeline(t.inServiceOn(), t.retiredOn(), true,
                t.days().stream().filter(d -> !d.day().equals(LocalDate.parse("2024-03-05"))).toList(), List.of());
        Figures f = figures(AvailabilityPolicy.DEFAULT, gap);
        assertThat(f.inServiceSeconds()).isEqualTo(TEN_DAYS);
        assertThat(f.unknownSeconds()).isEqualTo(DAY);
        assertThat(f.coverage()).isEqualTo(0.9);
    }

    @Test
    void thePeriodEndsNowSoTodayCountsOnlyItsElapsedPart() {
        Period p = new Period(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"), Timelines.ZONE,
                at("2024-03-10T12:00"));
        Timeline t = device(p, "2024-01-01", null, List.of(span(UP, "2024-02-01T00:00", null)), List.of());
        Figures f = engine.figures(p, List.of(t), AvailabilityPolicy.DEFAULT, true);
        assertThat(f.inServiceSeconds()).isEqualTo(9 * DAY + 12 * 3600);
        assertThat(f.availability()).isEqualTo(1.0);
        assertThat(p.seconds(LocalDate.parse("2024-03-11"))).isZero();
    }

    @Test
    void aCompleteLedgerRecordCountsFor建档率() {
        Timeline t = upAllPeriod();
        Timeline incomplete = new Timeline(t.inServiceOn(), null, false, t.days(), List.of());
        assertThat(figures(AvailabilityPolicy.DEFAULT, t, incomplete).recordCompleteness()).isEqualTo(0.5);
    }

    @Test
    void samplingEveryFourHoursGivesTheSameWholeDayFigures() {
        Timeline b = device(P, "2024-03-09", null, List.of(span(DOWN, "2024-03-09T00:00", null)), List.of());
        Figures hourly = figures(AvailabilityPolicy.DEFAULT, upAllPeriod(), b);
        Figures fourHourly = new AvailabilityEngine(Duration.ofHours(4)).figures(P, List.of(upAllPeriod(), b),
                AvailabilityPolicy.DEFAULT, true);
        assertThat(fourHourly.onlineRateSampled()).isCloseTo(hourly.onlineRateSampled(), within(1e-12));
    }
}
