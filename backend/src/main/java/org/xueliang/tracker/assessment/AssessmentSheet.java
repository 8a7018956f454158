package org.xueliang.tracker.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.assessment.IndicatorSource.Finding;

/**
 * A month's computed sheet, as stored (JSON) and frozen at sign-off: the project's indicators, the deductions of
 * each rule, the score, the groups (township, site, contractor) with their own scores and ranks, and every camera's
 * figures with their findings (the evidence the drill-down reads), and the month's repairs (维护及时性 and the late
 * orders; null when no module keeps work orders, or in a sheet stored before they existed). Codes only; words are
 * added when read.
 */
public record AssessmentSheet(long projectId, String projectName, String month, Instant from, Instant to, int cameras,
                              List<IndicatorValue> indicators, List<Deduction> deductions, BigDecimal score,
                              Map<String, List<GroupRow>> groups, List<CameraRow> cameraRows, boolean synthetic,
                              RepairTimeliness.Repairs repairs) {

    /** Groupings a sheet ranks. */
    public static final List<String> GROUPINGS = List.of("township", "site", "contractor");

    /**
     * One indicator over the whole project: {@code value} = Σ achieved ÷ Σ expected over measured cameras, null when
     * no camera was measured or no module measures it ({@code sourcePresent} false: 未测, never 0).
     */
    public record IndicatorValue(String indicator, String code, boolean sourcePresent, Double value, double achieved,
                                 double expected, int measuredCameras) {
    }

    /**
     * One rule's deduction. {@code state}: APPLIED (points &gt; 0), NONE (met), NOT_MEASURED (indicator null),
     * INACTIVE (switched off). {@code deviceIds}: the cameras behind it (for LATE_REPAIR the cameras of its orders);
     * {@code workOrderIds}: the late orders behind LATE_REPAIR (empty for every other rule; null in older sheets).
     */
    public record Deduction(String rule, String unit, BigDecimal threshold, BigDecimal deductionPerUnit, boolean proportional,
                            BigDecimal cap, String state, BigDecimal count, BigDecimal points, boolean capped,
                            List<Long> deviceIds, List<Long> workOrderIds) {
    }

    /** A group's figures, its own score under the same rules, and its rank (1 = best; equal scores share a rank). */
    public record GroupRow(String key, String label, int cameras, Map<String, Double> indicators, int faultCameras,
                           BigDecimal deductions, BigDecimal score, int rank) {
    }

    /** One camera: where it is, its DOWN seconds in the month, and its figure per indicator (apiName → figure). */
    public record CameraRow(long deviceId, String assetTag, String name, Long siteId, String siteName, String township,
                            String contractor, long faultSeconds, Map<String, Figure> figures) {
    }

    public record Figure(double achieved, double expected, Double ratio, List<Finding> findings) {
    }
}
