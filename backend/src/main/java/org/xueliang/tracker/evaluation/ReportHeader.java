package org.xueliang.tracker.evaluation;

/**
 * The header block of the 自评表 that the system cannot know and an evaluator writes with the report
 * prose: 主管部门, 实施单位, 年度总体目标 and 实际完成情况 (项目名称 and 资金情况 come from the ledger).
 * A field not yet written is null.
 */
public record ReportHeader(String competentDepartment, String implementingUnit, String annualGoal, String annualOutcome) {

    public static final ReportHeader EMPTY = new ReportHeader(null, null, null, null);
}
