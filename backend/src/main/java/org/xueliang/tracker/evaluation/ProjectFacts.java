package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.assessment.RepairTimeliness;
import org.xueliang.tracker.availability.AvailabilityPolicy;

/**
 * changePct is (audited − contract) / contract in percent, executionRate spent / budget as a fraction
 * (both from the progress module), null when the project lacks the amounts.
 *
 * Everything the template needs from the rest of the system, gathered once, so that building the
 * rows is plain Java ({@link TemplateBuilder}). cameraQuality: 质量指标1 from the assessment's indicators when the
 * policy chose one of them (null otherwise). repairs: the work orders opened in the period (维护及时性 and the late
 * ones), null when no module keeps work orders.
 */
record ProjectFacts(String projectName, LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart,
                    LocalDate actualEnd, BigDecimal contract, BigDecimal audited, BigDecimal ceilingPct, BigDecimal changePct,
                    BigDecimal budget, BigDecimal spent, BigDecimal executionRate, List<Quantity> quantities, QualityFigures.TierQuality frontEnd,
                    QualityFigures.TierQuality backEnd, IndicatorQualityFigures.CameraQuality cameraQuality, AvailabilityPolicy policy, LocalDate from, LocalDate to,
                    RepairTimeliness.Repairs repairs) {

    /** One 数量指标 with the devices its selector chose (assetTag, name, category, site, lifecycle, installedOn). */
    record Quantity(int seq, String label, String unit, int planned, int installed, BigDecimal weight, Phrase selector,
                    List<Map<String, Object>> devices) {
    }
}
