package org.xueliang.tracker.availability;

/**
 * How an evaluation accounts for time that is neither plainly up nor plainly down. Printed on every
 * result and every report, because the same measurements give different figures under different
 * policies. Defaults follow Chinese contract practice (SPEC §6.1).
 *
 * @param maintenance   EXCLUDE: approved maintenance is removed from the denominator (default);
 *                      COUNT_AS_UP: it counts as available (Zabbix SLA style)
 * @param unknown       EXCLUDE: unmeasured time is removed (default); COUNT_AS_DOWN: it counts against the device
 * @param qualityMetric which figure feeds 质量指标 1: AVAILABILITY (default) or ONLINE_RATE
 */
public record AvailabilityPolicy(MaintenancePolicy maintenance, UnknownPolicy unknown, QualityMetric qualityMetric) {

    public enum MaintenancePolicy { EXCLUDE, COUNT_AS_UP }

    public enum UnknownPolicy { EXCLUDE, COUNT_AS_DOWN }

    public enum QualityMetric { AVAILABILITY, ONLINE_RATE }

    public static final AvailabilityPolicy DEFAULT =
            new AvailabilityPolicy(MaintenancePolicy.EXCLUDE, UnknownPolicy.EXCLUDE, QualityMetric.AVAILABILITY);

    public AvailabilityPolicy {
        maintenance = maintenance == null ? MaintenancePolicy.EXCLUDE : maintenance;
        unknown = unknown == null ? UnknownPolicy.EXCLUDE : unknown;
        qualityMetric = qualityMetric == null ? QualityMetric.AVAILABILITY : qualityMetric;
    }
}
