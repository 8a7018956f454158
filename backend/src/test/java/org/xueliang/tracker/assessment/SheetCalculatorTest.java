package org.xueliang.tracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.assessment.AssessmentSheet.Deduction;
import org.xueliang.tracker.assessment.AssessmentSheet.GroupRow;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.assessment.IndicatorSource.Finding;
import org.xueliang.tracker.assessment.RepairTimeliness.LateOrder;
import org.xueliang.tracker.assessment.RepairTimeliness.Repairs;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Lifecycle;

/** The sheet's arithmetic on hand-made figures: sums per group, each rule's deduction, caps, ranks, 未测. */
class SheetCalculatorTest {

    static final Instant FROM = Instant.parse("2022-02-28T16:00:00Z");
    static final Instant TO = Instant.parse("2022-03-31T16:00:00Z");

    static Camera camera(long id, long site, String township) {
        return new Camera(id, 9, "C" + id, "摄像机" + id, "DOME_CAMERA", site, "点位" + site, township, null, null, null, null,
                null, Lifecycle.IN_SERVICE, null, java.time.LocalDate.of(2021, 1, 1), null, null);
    }

    static final List<Camera> CAMERAS = List.of(camera(1, 10, "甲镇"), camera(2, 10, "甲镇"), camera(3, 20, "乙镇"));

    static Map<Indicator, List<CameraFigure>> figures(double recording1, double recording2, double recording3) {
        Map<Indicator, List<CameraFigure>> m = new EnumMap<>(Indicator.class);
        m.put(Indicator.ONLINE_RATE, List.of(new CameraFigure(1, 90, 100, List.of(new Finding("DOWN", FROM, FROM.plusSeconds(10), "x"))),
                new CameraFigure(2, 100, 100, List.of()), new CameraFigure(3, 80, 100, List.of())));
        m.put(Indicator.RECORDING_COMPLETENESS, List.of(new CameraFigure(1, recording1, 1, List.of()),
                new CameraFigure(2, recording2, 1, List.of()), new CameraFigure(3, recording3, 1, List.of())));
        // 时钟准确率 has a source that measured nothing: 未测, never 0.
        m.put(Indicator.CLOCK_ACCURACY, List.of(new CameraFigure(1, 0, 0, List.of()), new CameraFigure(2, 0, 0, List.of()),
                new CameraFigure(3, 0, 0, List.of())));
        return m;
    }

    static AssessmentSheet compute(Map<Indicator, List<CameraFigure>> figures, List<AssessmentRule> rules, Map<Long, String> contractors) {
        return compute(figures, rules, contractors, null);
    }

    static AssessmentSheet compute(Map<Indicator, List<CameraFigure>> figures, List<AssessmentRule> rules, Map<Long, String> contractors,
                                   Repairs repairs) {
        return SheetCalculator.compute(new SheetCalculator.Input(9, "P", "2022-03", FROM, TO, CAMERAS, figures,
                Map.of(1L, 9 * 3600L, 2L, 8 * 3600L, 3L, 30 * 3600L), contractors, rules, false, repairs));
    }

    static LateOrder late(long order, long site, long lateSeconds, Long... devices) {
        Instant due = FROM.plusSeconds(86_400);
        return new LateOrder(order, site, "点位" + site, List.of(devices), FROM, due, due.plusSeconds(lateSeconds), lateSeconds);
    }

    static Deduction deduction(AssessmentSheet s, String rule) {
        return s.deductions().stream().filter(d -> d.rule().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void theDefaultRulesDeductPerCameraOverEightHoursAndForEachIndicatorBelowItsThreshold() {
        AssessmentSheet s = compute(figures(1, 1, 0.4), AssessmentRules.DEFAULTS, null);
        // 在线率 270/300 = 0.9 < 0.95: −5. 录像 2.4/3 = 0.8 < 0.9: −5. Cameras 1 (9 h) and 3 (30 h) over 8 h, camera 2 at 8 h is not: −2.
        assertThat(s.indicators()).extracting(AssessmentSheet.IndicatorValue::value)
                .containsExactly(0.9, 0.8, null, null, null);
        assertThat(s.indicators()).extracting(AssessmentSheet.IndicatorValue::sourcePresent)
                .containsExactly(true, true, false, true, false);
        assertThat(deduction(s, "FAULT_HOURS").deviceIds()).containsExactly(3L, 1L);
        assertThat(deduction(s, "FAULT_HOURS").points()).isEqualByComparingTo("2");
        assertThat(deduction(s, "ONLINE_RATE").points()).isEqualByComparingTo("5");
        assertThat(deduction(s, "ONLINE_RATE").deviceIds()).containsExactly(3L, 1L);
        assertThat(deduction(s, "RECORDING_COMPLETENESS").deviceIds()).containsExactly(3L);
        assertThat(deduction(s, "IMAGE_INTACTNESS").state()).isEqualTo("NOT_MEASURED");
        assertThat(deduction(s, "CLOCK_ACCURACY").state()).isEqualTo("NOT_MEASURED");
        assertThat(deduction(s, "CLOCK_ACCURACY").points()).isEqualByComparingTo("0");
        // no module kept work orders: late repairs are 未测, never 0 late orders
        assertThat(deduction(s, "LATE_REPAIR").state()).isEqualTo("NOT_MEASURED");
        assertThat(s.score()).isEqualByComparingTo("88");
    }

    @Test
    void aProportionalRuleDeductsPerPercentagePointBelowTheThresholdUpToItsCap() {
        List<AssessmentRule> rules = List.of(
                new AssessmentRule("ONLINE_RATE", new BigDecimal("0.95"), new BigDecimal("1"), true, new BigDecimal("10"), true),
                new AssessmentRule("RECORDING_COMPLETENESS", new BigDecimal("0.9"), new BigDecimal("2"), true, new BigDecimal("10"), true),
                new AssessmentRule("FAULT_HOURS", new BigDecimal("8"), new BigDecimal("1"), false, new BigDecimal("1"), true));
        AssessmentSheet s = compute(figures(1, 1, 0.4), rules, null);
        // 在线率 0.90: 5 points below → −5. 录像 0.80: 10 points × 2 = 20, capped at 10. Two cameras over 8 h, capped at 1.
        assertThat(deduction(s, "ONLINE_RATE").count()).isEqualByComparingTo("5");
        assertThat(deduction(s, "ONLINE_RATE").points()).isEqualByComparingTo("5");
        assertThat(deduction(s, "RECORDING_COMPLETENESS").points()).isEqualByComparingTo("10");
        assertThat(deduction(s, "RECORDING_COMPLETENESS").capped()).isTrue();
        assertThat(deduction(s, "FAULT_HOURS").points()).isEqualByComparingTo("1");
        assertThat(deduction(s, "ONLINE_RATE").unit()).isEqualTo("POINT");
        assertThat(s.score()).isEqualByComparingTo("84");
    }

    @Test
    void groupsAreScoredUnderTheSameRulesAndRankedWithSharedRanksForEqualScores() {
        AssessmentSheet s = compute(figures(1, 1, 0.4), AssessmentRules.DEFAULTS, null);
        List<GroupRow> townships = s.groups().get("township");
        // 甲镇: 在线率 190/200 = 0.95 (met), 录像 1.0, camera 1 over 8 h: 99. 乙镇: 在线率 0.8 −5, 录像 0.4 −5, camera 3 −1: 89.
        assertThat(townships).extracting(GroupRow::label).containsExactly("甲镇", "乙镇");
        assertThat(townships).extracting(GroupRow::score).extracting(BigDecimal::intValue).containsExactly(99, 89);
        assertThat(townships).extracting(GroupRow::rank).containsExactly(1, 2);
        assertThat(townships.get(0).faultCameras()).isEqualTo(1);
        assertThat(s.groups()).doesNotContainKey("contractor");

        AssessmentSheet withContractors = compute(figures(1, 1, 1), AssessmentRules.DEFAULTS, Map.of(1L, "甲公司", 2L, "乙公司", 3L, "甲公司"));
        List<GroupRow> contractors = withContractors.groups().get("contractor");
        assertThat(contractors).extracting(GroupRow::label).containsExactly("乙公司", "甲公司");
        List<GroupRow> sites = compute(figures(1, 1, 1), List.of(), null).groups().get("site");
        assertThat(sites).extracting(GroupRow::rank).containsExactly(1, 1);
    }

    @Test
    void lateRepairsDeductPerOrderPastItsDeadlineBeyondTheToleranceWithTheOrdersAsEvidence() {
        // 4 orders decided, 1 in time; 3 late: 30 h (cameras 3 and a switch 99), 2 h (camera 1), 10 min (camera 3)
        Repairs repairs = new Repairs(5, 4, 1, 0.25, List.of(late(7, 20, 30 * 3600, 3L, 99L), late(8, 10, 7200, 1L),
                late(9, 20, 600, 3L)));
        List<AssessmentRule> rules = List.of(
                new AssessmentRule("LATE_REPAIR", BigDecimal.ZERO, new BigDecimal("2"), false, new BigDecimal("5"), true));
        AssessmentSheet s = compute(figures(1, 1, 1), rules, null, repairs);
        Deduction d = deduction(s, "LATE_REPAIR");
        assertThat(d.state()).isEqualTo("APPLIED");
        assertThat(d.unit()).isEqualTo("WORK_ORDER");
        assertThat(d.workOrderIds()).containsExactly(7L, 8L, 9L);
        // the cameras of the late orders, the switch (not a camera of the sheet) left out
        assertThat(d.deviceIds()).containsExactly(3L, 1L);
        assertThat(d.count()).isEqualByComparingTo("3");
        assertThat(d.points()).isEqualByComparingTo("5");
        assertThat(d.capped()).isTrue();
        assertThat(s.score()).isEqualByComparingTo("95");
        assertThat(s.repairs().timeliness()).isEqualTo(0.25);

        // a tolerance of 1 h past the deadline leaves the 10-minute one out
        List<AssessmentRule> tolerant = List.of(
                new AssessmentRule("LATE_REPAIR", BigDecimal.ONE, new BigDecimal("2"), false, new BigDecimal("10"), true));
        Deduction t = deduction(compute(figures(1, 1, 1), tolerant, null, repairs), "LATE_REPAIR");
        assertThat(t.workOrderIds()).containsExactly(7L, 8L);
        assertThat(t.points()).isEqualByComparingTo("4");

        // a group counts the late orders that touch its cameras: 甲镇 (cameras 1, 2) order 8, 乙镇 (camera 3) orders 7 and 9
        List<GroupRow> townships = compute(figures(1, 1, 1), rules, null, repairs).groups().get("township");
        assertThat(townships).extracting(GroupRow::label).containsExactly("甲镇", "乙镇");
        assertThat(townships).extracting(GroupRow::deductions).extracting(BigDecimal::intValue).containsExactly(2, 4);

        Repairs inTime = new Repairs(2, 2, 2, 1.0, List.of());
        assertThat(deduction(compute(figures(1, 1, 1), rules, null, inTime), "LATE_REPAIR").state()).isEqualTo("NONE");
    }
}
