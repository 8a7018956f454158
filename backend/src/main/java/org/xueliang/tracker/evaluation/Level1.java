package org.xueliang.tracker.evaluation;

/** 一级指标 of the standard 自评表, in table order. */
public enum Level1 {
    BUDGET("预算执行率"),
    OUTPUT("产出指标"),
    BENEFIT("效益指标"),
    SATISFACTION("满意度指标");

    private final String label;

    Level1(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
