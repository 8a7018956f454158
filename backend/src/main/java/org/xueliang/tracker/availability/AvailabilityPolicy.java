package org.xueliang.tracker.availability;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How an evaluation accounts for time that is neither plainly up nor plainly down. Printed on every
 * result and every report, because the same measurements give different figures under different
 * policies. Defaults follow Chinese contract practice (SPEC §6.1).
 *
 * @param maintenance   EXCLUDE: approved maintenance is removed from the denominator (default);
 *                      COUNT_AS_UP: it counts as available (Zabbix SLA style)
 * @param unknown       EXCLUDE: unmeasured time is removed (default); COUNT_AS_DOWN: it counts against the device
 * @param qualityMetric which figure feeds 质量指标 1: AVAILABILITY (default), ONLINE_RATE, or one of the assessment's
 *                      indicators over the project's cameras: RECORDING_COMPLETENESS (录像完整率), IMAGE_INTACTNESS
 *                      (图像完好率), COMPOSITE (their weighted composite with 在线率, weights {@code qualityWeights})
 * @param qualityWeights the composite's weights, only with COMPOSITE (null otherwise)
 */
public record AvailabilityPolicy(MaintenancePolicy maintenance, UnknownPolicy unknown, QualityMetric qualityMetric,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) QualityWeights qualityWeights) {

    public enum MaintenancePolicy { EXCLUDE, COUNT_AS_UP }

    public enum UnknownPolicy { EXCLUDE, COUNT_AS_DOWN }

    public enum QualityMetric { AVAILABILITY, ONLINE_RATE, RECORDING_COMPLETENESS, IMAGE_INTACTNESS, COMPOSITE }

    /** The weights of 在线率, 录像完整率 and 图像完好率 in the COMPOSITE quality measure: fractions summing to 1. */
    public record QualityWeights(BigDecimal onlineRate, BigDecimal recordingCompleteness, BigDecimal imageIntactness) {

        public static final QualityWeights DEFAULT =
                new QualityWeights(new BigDecimal("0.6"), new BigDecimal("0.2"), new BigDecimal("0.2"));

        /** Why these weights cannot be used, or null: each in [0, 1], summing to 1 (± 0.0001). */
        public String problem() {
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal w : new BigDecimal[] {onlineRate, recordingCompleteness, imageIntactness}) {
                if (w == null || w.signum() < 0 || w.compareTo(BigDecimal.ONE) > 0) {
                    return "each weight must be between 0 and 1";
                }
                sum = sum.add(w);
            }
            return sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.0001")) > 0
                    ? "the weights must sum to 1, got " + sum.stripTrailingZeros().toPlainString() : null;
        }
    }

    public static final AvailabilityPolicy DEFAULT =
            new AvailabilityPolicy(MaintenancePolicy.EXCLUDE, UnknownPolicy.EXCLUDE, QualityMetric.AVAILABILITY, null);

    public AvailabilityPolicy(MaintenancePolicy maintenance, UnknownPolicy unknown, QualityMetric qualityMetric) {
        this(maintenance, unknown, qualityMetric, null);
    }

    public AvailabilityPolicy {
        maintenance = maintenance == null ? MaintenancePolicy.EXCLUDE : maintenance;
        unknown = unknown == null ? UnknownPolicy.EXCLUDE : unknown;
        qualityMetric = qualityMetric == null ? QualityMetric.AVAILABILITY : qualityMetric;
        qualityWeights = qualityMetric != QualityMetric.COMPOSITE ? null
                : qualityWeights == null ? QualityWeights.DEFAULT : qualityWeights;
    }
}
