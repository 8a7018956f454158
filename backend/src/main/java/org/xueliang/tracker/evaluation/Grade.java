package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;

/** 等级 of a total score: 优 ≥ 90, 良 80–89.x, 中 60–79.x, 差 < 60 (thresholds in {@link ScoringRules}). */
public enum Grade {
    EXCELLENT("优"), GOOD("良"), FAIR("中"), POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Grade of(BigDecimal total, ScoringRules rules) {
        if (total.compareTo(rules.excellentFrom()) >= 0) {
            return EXCELLENT;
        }
        if (total.compareTo(rules.goodFrom()) >= 0) {
            return GOOD;
        }
        return total.compareTo(rules.fairFrom()) >= 0 ? FAIR : POOR;
    }
}
