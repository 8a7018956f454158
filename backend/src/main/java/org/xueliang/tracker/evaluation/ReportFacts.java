package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The system-written paragraph of each report section: the evaluation's numbers in words. Plain Java. */
final class ReportFacts {

    private ReportFacts() {
    }

    static List<ReportSection> sections(ProjectFacts p, EvaluationHeader h, List<TableRow> rows, List<Check> checks,
                                        BigDecimal weight, BigDecimal score, Grade grade, List<String> prose) {
        List<String> facts = new ArrayList<>();
        facts.add(p.projectName() + "：计划工期 " + p.plannedStart() + " 至 " + p.plannedEnd() + "，实际 " + p.actualStart() + " 开工、"
                + p.actualEnd() + " 竣工；合同金额 " + money(p.contract()) + "，审定金额 " + money(p.audited()) + "（增幅 "
                + pct(p.changePct()) + "，上限 " + pct(p.ceilingPct()) + "）；全年预算数 " + money(p.budget()) + "，全年执行数 "
                + money(p.spent()) + "。数量指标计划 " + p.quantities().stream().mapToInt(ProjectFacts.Quantity::planned).sum()
                + " 台（套），已安装 " + p.quantities().stream().mapToInt(ProjectFacts.Quantity::installed).sum() + " 台（套）。");
        facts.add("评价期间 " + h.from() + " 至 " + h.to() + "，第 " + h.version() + " 版。统计口径：维护时间 "
                + (h.policy().maintenance().name().equals("EXCLUDE") ? "不计入分母" : "计为可用") + "，无监测数据时间 "
                + (h.policy().unknown().name().equals("EXCLUDE") ? "不计入分母" : "计为故障") + "，质量指标1 采用"
                + (h.policy().qualityMetric().name().equals("ONLINE_RATE") ? "在线率" : "可用率") + "。");
        facts.add("自评表总分 " + TableRow.plain(weight) + " 分，得分 " + TableRow.plain(score) + " 分，评价等级为“" + grade.label() + "”。");
        facts.add(rows.stream().filter(r -> r.source() == Metric.Source.COMPUTED)
                .map(r -> (r.name().equals(r.level2().label()) ? r.name() : r.level2().label() + " " + r.name()) + "：年度指标值 " + r.targetText() + "，实际完成值 "
                        + (r.actual() == null ? "无" : r.actualText()) + "，得分 " + (r.score() == null ? "—" : TableRow.plain(r.score()))
                        + "/" + TableRow.plain(r.weight()))
                .collect(Collectors.joining("；")) + "。");
        facts.add("");
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(c -> chinese(c, rows)).toList();
        facts.add(failed.isEmpty() ? "签署前检查全部通过。" : "签署前检查发现：" + String.join("；", failed) + "。");
        facts.add("");
        List<ReportSection> sections = new ArrayList<>();
        for (int i = 0; i < ReportSection.TITLES.length; i++) {
            sections.add(new ReportSection(i + 1, ReportSection.TITLES[i], facts.get(i),
                    i < prose.size() ? prose.get(i) : ReportSection.DEFAULT_PROSE[i]));
        }
        return sections;
    }

    /** A failed check in the report's language; the API keeps the full English explanation. */
    private static String chinese(Check c, List<TableRow> rows) {
        String row = rows.stream().filter(r -> r.id() != null && r.id().equals(c.rowId())).map(r -> "“" + r.name() + "”")
                .findFirst().orElse("");
        return switch (c.code()) {
            case "ACTUAL_MISSING" -> row + "尚无实际完成值";
            case "COVERAGE" -> row + "监测覆盖率低于阈值";
            case "SCORE_WITHIN_WEIGHT" -> row + "得分超过分值";
            case "WEIGHTS_TOTAL" -> "各指标分值合计不等于模板总分";
            default -> c.code().startsWith("LEVEL1_WEIGHT_") ? "一级指标“" + Level1.valueOf(c.code().substring(14)).label()
                    + "”的分值合计与模板不符" : c.message();
        };
    }

    static String money(BigDecimal v) {
        return v == null ? "—" : v.setScale(2, RoundingMode.HALF_UP).toPlainString() + " 元";
    }

    private static String pct(BigDecimal v) {
        return v == null ? "—" : TableRow.plain(v) + "%";
    }
}
