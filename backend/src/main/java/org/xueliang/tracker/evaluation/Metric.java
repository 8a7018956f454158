package org.xueliang.tracker.evaluation;

/**
 * Where a row's actual value comes from (SPEC §6.2 mapping) and how its score follows from it.
 * MANUAL rows are entered by an evaluator; every other metric is computed from the system's data.
 */
public enum Metric {
    BUDGET_EXECUTION(ScoringMethod.PROPORTIONAL),
    QUANTITY(ScoringMethod.PROPORTIONAL),
    QUALITY_FRONT_END(ScoringMethod.PROPORTIONAL),
    QUALITY_BACK_END(ScoringMethod.PROPORTIONAL),
    TIMELINESS(ScoringMethod.PROPORTIONAL),
    COST(ScoringMethod.CEILING),
    MANUAL(ScoringMethod.PROPORTIONAL);

    private final ScoringMethod scoring;

    Metric(ScoringMethod scoring) {
        this.scoring = scoring;
    }

    public ScoringMethod scoring() {
        return scoring;
    }

    public Source source() {
        return this == MANUAL ? Source.MANUAL : Source.COMPUTED;
    }

    public enum Source { COMPUTED, MANUAL }

    /**
     * PROPORTIONAL: weight × min(actual / target, 1) (positive quantitative, and 预算执行率 = 10 × rate capped at 10);
     * CEILING: the actual must stay at or under the target (cost increase ≤ 10 %): full weight within, else scaled down.
     */
    public enum ScoringMethod { PROPORTIONAL, CEILING }
}
