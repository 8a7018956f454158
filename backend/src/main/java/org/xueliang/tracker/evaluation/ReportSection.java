package org.xueliang.tracker.evaluation;

/**
 * One section of the self-evaluation report (一 基本情况 … 七 整改措施): {@code facts} is written by the
 * system from the evaluation's numbers; {@code prose} is the evaluator's text, stored per evaluation.
 */
public record ReportSection(int seq, String title, String facts, String prose) {

    static final String[] TITLES = {"一、基本情况", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论", "四、绩效评价指标分析",
        "五、主要经验及做法", "六、存在的问题及原因分析", "七、整改措施"};

    static final String[] DEFAULT_PROSE = {
        "（项目概况与绩效目标，由评价人员填写。）",
        "绩效评价目的：加强预算绩效管理，强化支出责任，提高财政资金使用效益。评价依据为设备台账、监测数据、项目合同及审计资料。",
        "（评价结论，由评价人员填写。）",
        "（项目决策、过程、产出、效益情况分析，由评价人员填写。）",
        "（主要经验及做法，由评价人员填写。）",
        "（存在的问题及原因分析，由评价人员填写。）",
        "（整改措施，由评价人员填写。）"};
}
