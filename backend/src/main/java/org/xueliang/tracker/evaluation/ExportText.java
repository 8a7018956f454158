package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The words and cells every export shares: the indicator table's cells, the title, the signature line. */
final class ExportText {

    static final String[] HEADERS = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"};

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ExportText() {
    }

    static String title(EvaluationDocument d) {
        return d.header().projectName() + "支出绩效自评报告";
    }

    static String period(EvaluationDocument d) {
        return "评价期间 " + d.header().from() + " 至 " + d.header().to() + "，第 " + d.header().version() + " 版，口径 维护="
                + d.header().policy().maintenance() + " 未知=" + d.header().policy().unknown() + " 质量指标1="
                + d.header().policy().qualityMetric();
    }

    /** Printed on every export: who signed, when, and the snapshot's SHA-256 — or that it is an unsigned draft. */
    static String signature(EvaluationDocument d) {
        EvaluationHeader h = d.header();
        if (h.snapshotSha256() == null) {
            return "状态 " + h.status() + "（草稿，未签署，数字可能变化）";
        }
        return "状态 " + h.status() + "；签署人 " + h.signedBy() + "；签署时间 " + TIME.format(h.signedAt()) + "；快照 SHA-256 "
                + h.snapshotSha256();
    }

    static String total(EvaluationDocument d) {
        return "总分 " + num(d.totalWeight()) + "，得分 " + num(d.totalScore()) + "，等级 " + d.grade().label();
    }

    /** The indicator rows (产出, 效益, 满意度; 预算执行率 sits in the budget block) as the eight columns of {@link #HEADERS}. */
    static List<String[]> indicatorCells(EvaluationDocument d) {
        List<String[]> cells = new ArrayList<>();
        for (TableRow r : indicatorRows(d)) {
            BigDecimal level1Weight = d.rows().stream().filter(x -> x.level1() == r.level1()).map(TableRow::weight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            cells.add(new String[] {r.level1().label() + "（" + num(level1Weight) + "分）", r.level2().label(), r.name(), r.targetText(),
                r.actualText(), num(r.weight()), num(r.score()), deviation(r)});
        }
        return cells;
    }

    static List<TableRow> indicatorRows(EvaluationDocument d) {
        return d.rows().stream().filter(r -> r.level1() != Level1.BUDGET).toList();
    }

    /** 偏差原因分析及改进措施: the note, and an override with its computed score and reason. */
    static String deviation(TableRow r) {
        StringBuilder s = new StringBuilder(r.note() == null ? "" : r.note());
        if (r.overrideScore() != null) {
            if (!s.isEmpty()) {
                s.append("；");
            }
            s.append("评分调整：计算得分 ").append(num(r.computedScore())).append("，调整为 ").append(num(r.overrideScore()))
                    .append("，理由：").append(r.overrideReason());
        }
        return s.toString();
    }

    static String num(BigDecimal v) {
        return v == null ? "" : TableRow.plain(v);
    }
}
