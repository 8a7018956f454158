package org.xueliang.tracker.assessment;

import java.math.BigDecimal;

/**
 * One rule of a project's scoring sheet (docs/ASSESSMENT.md "Rules"). {@code code} is {@link Code}; the unit a
 * deduction counts follows from it: cameras over {@code threshold} hours of faults, the sheet (flat) or percentage
 * points below {@code threshold} (proportional) for an indicator, late repairs. points = min(cap, count × deduction).
 */
public record AssessmentRule(String code, BigDecimal threshold, BigDecimal deduction, boolean proportional, BigDecimal cap,
                             boolean active) {

    /** The rules a sheet knows, in sheet order. */
    public enum Code {
        /** −deduction per camera whose DOWN time in the month exceeds threshold hours. */
        FAULT_HOURS(null, "CAMERA"),
        ONLINE_RATE(Indicator.ONLINE_RATE, null),
        RECORDING_COMPLETENESS(Indicator.RECORDING_COMPLETENESS, null),
        IMAGE_INTACTNESS(Indicator.IMAGE_INTACTNESS, null),
        CLOCK_ACCURACY(Indicator.CLOCK_ACCURACY, null),
        ARCHIVE_COMPLETENESS(Indicator.ARCHIVE_COMPLETENESS, null),
        /** −deduction per work order repaired more than threshold hours after its repair deadline (SLA). */
        LATE_REPAIR(null, "WORK_ORDER");

        private final Indicator indicator;
        private final String unit;

        Code(Indicator indicator, String unit) {
            this.indicator = indicator;
            this.unit = unit;
        }

        /** The indicator the rule compares, null for a per-camera or per-repair rule. */
        public Indicator indicator() {
            return indicator;
        }

        /** CAMERA, WORK_ORDER, or for an indicator rule SHEET (flat) / POINT (proportional). */
        public String unit(boolean proportional) {
            return unit != null ? unit : proportional ? "POINT" : "SHEET";
        }
    }

    public Code kind() {
        return Code.valueOf(code);
    }
}
