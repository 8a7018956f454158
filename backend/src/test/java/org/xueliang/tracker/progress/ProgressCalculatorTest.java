package org.xueliang.tracker.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.xueliang.tracker.ledger.ConstructionItem;
import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceFields;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.QuantityTarget;
import org.xueliang.tracker.ledger.SiteKind;

/** Progress from ledger facts, without Spring: counts, rates, the day a target was reached, the weekly curve, cost. */
class ProgressCalculatorTest {

    private static final LocalDate D = LocalDate.of(2021, 3, 1); // a Monday

    /** A device in {@code state} whose steps so far happened on the given days after D (delivered, installed, accepted, in service). */
    static Device device(String category, Long itemId, Long siteId, Lifecycle state, int... days) {
        LocalDate[] steps = new LocalDate[4];
        for (int i = 0; i < days.length; i++) {
            steps[i] = D.plusDays(days[i]);
        }
        Device d = new Device();
        d.apply(new DeviceFields(1L, "T-" + System.nanoTime(), null, category, itemId, siteId, null, null, null, null,
                null, null, state, D.minusDays(30), steps[0], steps[1], steps[2], steps[3],
                state == Lifecycle.FAULTY ? D.plusDays(40) : null, state == Lifecycle.RETIRED ? D.plusDays(50) : null,
                null, null, null, null, null, null, null, null, null, null));
        return d;
    }

    static Device installedOn(int day) {
        return device("FACE_CAMERA", null, null, Lifecycle.INSTALLED, day - 1, day);
    }

    @Test
    void countsEachStepReachedLeavingRetiredDevicesOut() {
        List<Device> devices = List.of(
                device("SERVER", null, null, Lifecycle.PLANNED),
                device("SERVER", null, null, Lifecycle.DELIVERED, 1),
                device("SERVER", null, null, Lifecycle.INSTALLED, 1, 2),
                device("SERVER", null, null, Lifecycle.ACCEPTED, 1, 2, 3),
                device("SERVER", null, null, Lifecycle.IN_SERVICE, 1, 2, 3, 4),
                device("SERVER", null, null, Lifecycle.FAULTY, 1, 2, 3, 4),
                device("SERVER", null, null, Lifecycle.RETIRED, 1, 2, 3, 4));
        Progress.Counts c = ProgressCalculator.counts(devices, 8);
        assertThat(c.planned()).isEqualTo(8);
        assertThat(c.delivered()).isEqualTo(5);
        assertThat(c.installed()).isEqualTo(4);
        assertThat(c.accepted()).isEqualTo(3);
        assertThat(c.completionRate()).isEqualByComparingTo("0.5");
    }

    @ParameterizedTest(name = "{0} of {1} → {2}")
    @CsvSource({"4, 8, 0.5000", "1, 3, 0.3333", "2, 3, 0.6667", "12, 10, 1.2000", "0, 5, 0.0000"})
    void ratesInstalledAgainstPlannedToFourDecimals(int done, int planned, String rate) {
        assertThat(ProgressCalculator.rate(done, planned)).isEqualByComparingTo(rate).hasScaleOf(4);
    }

    @Test
    void hasNoRateWhenNothingWasPlanned() {
        assertThat(ProgressCalculator.rate(0, 0)).isNull();
        assertThat(ProgressCalculator.rate(3, 0)).isNull();
        assertThat(ProgressCalculator.counts(List.of(installedOn(2)), 0).completionRate()).isNull();
    }

    @Test
    void dateReachedIsTheDayTheInstalledCountMetThePlan() {
        List<Device> devices = List.of(installedOn(9), installedOn(2), installedOn(5),
                device("FACE_CAMERA", null, null, Lifecycle.RETIRED, 0, 1), device("FACE_CAMERA", null, null, Lifecycle.DELIVERED, 1));
        assertThat(ProgressCalculator.dateReached(devices, 2)).isEqualTo(D.plusDays(5));
        assertThat(ProgressCalculator.dateReached(devices, 3)).isEqualTo(D.plusDays(9));
        assertThat(ProgressCalculator.dateReached(devices, 4)).isNull(); // the retired one does not count
        assertThat(ProgressCalculator.dateReached(devices, 0)).isNull();
    }

    @Test
    void curveCountsInstallsAtTheEndOfWeeksStartingMonday() {
        // delivered on Wednesday 3 March: the curve starts on Monday 1 March
        List<Device> devices = List.of(
                device("FACE_CAMERA", null, null, Lifecycle.INSTALLED, 2, 3),   // Thu 4 March
                device("FACE_CAMERA", null, null, Lifecycle.INSTALLED, 6, 7),   // Mon 8 March
                device("FACE_CAMERA", null, null, Lifecycle.INSTALLED, 6, 13),  // Sun 14 March
                device("FACE_CAMERA", null, null, Lifecycle.RETIRED, 6, 21),    // Mon 22 March, history still counts
                device("FACE_CAMERA", null, null, Lifecycle.DELIVERED, 6));
        List<Progress.CurvePoint> curve = ProgressCalculator.curve(devices);
        assertThat(curve).extracting(Progress.CurvePoint::week)
                .containsExactly(D, D.plusWeeks(1), D.plusWeeks(2), D.plusWeeks(3))
                .allSatisfy(week -> assertThat(week.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(curve).extracting(Progress.CurvePoint::installed).containsExactly(1, 3, 3, 4);
    }

    @Test
    void curveIsEmptyWithoutInstalls() {
        assertThat(ProgressCalculator.curve(List.of(device("SERVER", null, null, Lifecycle.DELIVERED, 1)))).isEmpty();
        assertThat(ProgressCalculator.curve(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "contract {0}, audited {1} → {2} %, within: {3}")
    @CsvSource({
            "4981700.00, 5265656.85, 5.70, true",
            "1000000.00, 1100000.00, 10.00, true",
            "1000000.00, 1100100.00, 10.01, false",
            "1000000.00, 900000.00, -10.00, true"})
    void costChangeIsAuditedOverContractAgainstTheCeiling(String contract, String audited, String pct, boolean within) {
        Progress.Cost cost = ProgressCalculator.cost(project(contract, audited));
        assertThat(cost.changePct()).isEqualByComparingTo(pct);
        assertThat(cost.withinCeiling()).isEqualTo(within);
        assertThat(cost.ceilingPct()).isEqualByComparingTo("10");
    }

    @Test
    void costChangeIsUnknownWithoutAnAuditedAmount() {
        Progress.Cost cost = ProgressCalculator.cost(project("4981700.00", null));
        assertThat(cost.changePct()).isNull();
        assertThat(cost.withinCeiling()).isNull();
    }

    @Test
    void computesTargetsBySelectorAndItemsByAssignment() {
        ConstructionItem item = new ConstructionItem(1L, 5, "县城区人脸智能摄像机部署", D.plusDays(60), null);
        ReflectionTestUtils.setField(item, "id", 7L);
        QuantityTarget cameras = new QuantityTarget(1L, 1, "城区人脸相机", "台", 3, BigDecimal.TEN,
                Set.of("FACE_CAMERA"), Set.of(SiteKind.URBAN_POINT));
        List<Device> devices = List.of(
                device("FACE_CAMERA", 7L, 1L, Lifecycle.INSTALLED, 1, 2),
                device("FACE_CAMERA", 7L, 1L, Lifecycle.DELIVERED, 1),
                device("FACE_CAMERA", 7L, 2L, Lifecycle.INSTALLED, 1, 3),  // at a township: not this target
                device("SERVER", null, 1L, Lifecycle.INSTALLED, 1, 2));
        Progress p = ProgressCalculator.compute(project("1000.00", "1000.00"), List.of(item), List.of(cameras), devices,
                Map.of(1L, SiteKind.URBAN_POINT, 2L, SiteKind.TOWNSHIP), D.plusDays(90));

        Progress.TargetProgress target = p.targets().get(0);
        assertThat(target.planned()).isEqualTo(3);
        assertThat(target.delivered()).isEqualTo(2);
        assertThat(target.installed()).isEqualTo(1);
        assertThat(target.completionRate()).isEqualByComparingTo("0.3333");
        assertThat(target.actualDate()).isNull();

        Progress.ItemProgress row = p.items().get(0);
        assertThat(row.planned()).isEqualTo(3);
        assertThat(row.installed()).isEqualTo(2);
        assertThat(row.plannedDate()).isEqualTo(D.plusDays(60));
        assertThat(row.actualDate()).isNull();
        assertThat(p.curve()).extracting(Progress.CurvePoint::installed).containsExactly(3);
        assertThat(p.asOf()).isEqualTo(D.plusDays(90));
    }

    private static Project project(String contract, String audited) {
        Project p = new Project();
        p.setContractAmount(new BigDecimal(contract));
        p.setAuditedAmount(audited == null ? null : new BigDecimal(audited));
        return p;
    }
}
