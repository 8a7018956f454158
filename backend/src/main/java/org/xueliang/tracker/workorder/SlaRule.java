package org.xueliang.tracker.workorder;

/**
 * A project's deadlines for a device category and/or a 维保单位 ({@link #ANY} = any); {@code graceSeconds} null = the
 * installation's grace. Minutes are whole minutes.
 */
public record SlaRule(String categoryCode, String contractor, Integer respondMinutes, Integer repairMinutes,
                      Integer clusterRepairMinutes, Integer graceSeconds) {

    public static final String ANY = "*";

    /** How specific the rule is: both named beats a contractor beats a category beats neither. */
    int specificity() {
        return (ANY.equals(contractor) ? 0 : 2) + (ANY.equals(categoryCode) ? 0 : 1);
    }

    boolean matches(String category, String contractorName) {
        return (ANY.equals(categoryCode) || categoryCode.equals(category))
                && (ANY.equals(contractor) || contractor.equals(contractorName));
    }
}
