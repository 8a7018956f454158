package org.xueliang.tracker.evaluation;

/** 二级指标 of the standard 自评表 and the 一级指标 each belongs to. */
public enum Level2 {
    BUDGET_EXECUTION(Level1.BUDGET, "预算执行率"),
    QUANTITY(Level1.OUTPUT, "数量指标"),
    QUALITY(Level1.OUTPUT, "质量指标"),
    TIMELINESS(Level1.OUTPUT, "时效指标"),
    COST(Level1.OUTPUT, "成本指标"),
    SOCIAL(Level1.BENEFIT, "社会效益指标"),
    ECOLOGICAL(Level1.BENEFIT, "生态效益指标"),
    SUSTAINABILITY(Level1.BENEFIT, "可持续影响指标"),
    SATISFACTION(Level1.SATISFACTION, "服务对象满意度指标");

    private final Level1 level1;
    private final String label;

    Level2(Level1 level1, String label) {
        this.level1 = level1;
        this.label = label;
    }

    public Level1 level1() {
        return level1;
    }

    public String label() {
        return label;
    }
}
