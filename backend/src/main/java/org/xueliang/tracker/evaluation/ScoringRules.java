package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The configurable values of scoring and checking (SPEC §6.3, §6.4), defaults from the Ministry of
 * Finance practice. Set through {@code xl.evaluation.*} (docs/CONFIGURATION.md).
 *
 * @param scale           decimals a score is rounded to (default 1)
 * @param rounding        how it is rounded (default HALF_UP)
 * @param excellentFrom   优 from this total (90)
 * @param goodFrom        良 from this total (80)
 * @param fairFrom        中 from this total (60); below is 差
 * @param minCoverage     a computed availability row whose coverage is below this (0.90) must say why
 * @param qualityTarget   年度指标值 of the two 质量 rows, in percent (100, as the official table prints it)
 * @param templateWeights the weight each 一级指标 must total (预算 10, 产出 50, 效益 30, 满意度 10)
 */
public record ScoringRules(int scale, RoundingMode rounding, BigDecimal excellentFrom, BigDecimal goodFrom,
                           BigDecimal fairFrom, BigDecimal minCoverage, BigDecimal qualityTarget,
                           Map<Level1, BigDecimal> templateWeights) {

    public static final ScoringRules DEFAULT = new ScoringRules(1, RoundingMode.HALF_UP, BigDecimal.valueOf(90),
            BigDecimal.valueOf(80), BigDecimal.valueOf(60), new BigDecimal("0.90"), BigDecimal.valueOf(100),
            defaultWeights());

    public ScoringRules {
        templateWeights = Map.copyOf(templateWeights == null || templateWeights.isEmpty() ? defaultWeights() : templateWeights);
    }

    public BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(scale, rounding);
    }

    public BigDecimal templateWeight(Level1 level1) {
        return templateWeights.getOrDefault(level1, BigDecimal.ZERO);
    }

    public BigDecimal templateTotal() {
        return templateWeights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<Level1, BigDecimal> defaultWeights() {
        Map<Level1, BigDecimal> weights = new EnumMap<>(Level1.class);
        weights.put(Level1.BUDGET, BigDecimal.TEN);
        weights.put(Level1.OUTPUT, BigDecimal.valueOf(50));
        weights.put(Level1.BENEFIT, BigDecimal.valueOf(30));
        weights.put(Level1.SATISFACTION, BigDecimal.TEN);
        return weights;
    }
}
