package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of the seed report (shared/seed/jishan-xueliang-phase1-self-evaluation.txt, 三、综合评价情况及评价结论)
 * transcribed as an evaluator would enter it: every row manual, 年度指标值 100, its 实际完成值, 分值, and its
 * 得分 entered as an override. The report states 总分 100 / 得分 93.
 */
final class SeedTable {

    static final EvaluationChecks.Stated STATED = new EvaluationChecks.Stated(BigDecimal.valueOf(100), BigDecimal.valueOf(93));

    /** level2, 三级指标, 实际完成值, 分值, 得分 — in the report's order. */
    static final Object[][] ROWS = {
        {Level2.QUANTITY, "指标1：城区40个人脸识别相机及清河镇综合治理系统4个卡口相机1个球机设备安装", 100, 10, 10},
        {Level2.QUANTITY, "指标2：8个乡镇视频会议系统建设", 100, 5, 5},
        {Level2.QUANTITY, "指标3：指挥中心大屏系统15块拼接屏及1个LED屏安装", 100, 5, 5},
        {Level2.QUANTITY, "指标4：综治分平台后台6台服务器3台交换机1套网闸1台防火墙安装", 100, 5, 5},
        {Level2.QUANTITY, "指标5：云桌面管理系统1套及13台云客户机安装", 100, 5, 5},
        {Level2.QUALITY, "指标1：前端设备网络通畅，供电稳定", 95, 5, 5},
        {Level2.QUALITY, "指标2：后端设备运行稳定，安全可靠", 98, 5, 5},
        {Level2.TIMELINESS, "指标1：项目实际工期因疫情等方面原因延后", 90, 5, 4},
        {Level2.COST, "指标1：项目审定总金额因变更增加5.7%，未超出国家规定的10%", 90, 5, 4},
        {Level2.SOCIAL, "指标1：服务社会治安防控", 98, 5, 5},
        {Level2.SOCIAL, "指标2：服务社会综合治理", 98, 5, 5},
        {Level2.ECOLOGICAL, "指标1：清河镇综合治理系统视频监控巡查", 95, 10, 9},
        {Level2.SUSTAINABILITY, "指标1：提高社会治安防控的整体水平", 95, 10, 9},
        {Level2.SATISFACTION, "指标1：提升群众安全感满意度", 98, 10, 9}};

    private SeedTable() {
    }

    static List<TableRow> rows(ScoringRules rules) {
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < ROWS.length; i++) {
            Object[] r = ROWS[i];
            rows.add(new TableRow((long) i + 1, i + 1, (Level2) r[0], (String) r[1], Metric.MANUAL, "", BigDecimal.valueOf(100),
                    BigDecimal.valueOf((Integer) r[2]), BigDecimal.valueOf((Integer) r[3]), null, BigDecimal.valueOf((Integer) r[4]),
                    "自评报告所列得分", null, null, null, null, null).scored(rules));
        }
        return rows;
    }
}
