package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link ScoringRules} from {@code xl.evaluation.*}; every value defaults to {@link ScoringRules#DEFAULT}. */
@Configuration
class EvaluationConfig {

    @Bean
    ScoringRules scoringRules(@Value("${xl.evaluation.score-scale:1}") int scale,
                              @Value("${xl.evaluation.rounding:HALF_UP}") RoundingMode rounding,
                              @Value("${xl.evaluation.grade-excellent-from:90}") BigDecimal excellent,
                              @Value("${xl.evaluation.grade-good-from:80}") BigDecimal good,
                              @Value("${xl.evaluation.grade-fair-from:60}") BigDecimal fair,
                              @Value("${xl.evaluation.min-coverage:0.90}") BigDecimal minCoverage,
                              @Value("${xl.evaluation.quality-target:100}") BigDecimal qualityTarget) {
        return new ScoringRules(scale, rounding, excellent, good, fair, minCoverage, qualityTarget, Map.of());
    }
}
