package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.xueliang.tracker.shared.Texts;

/**
 * The words and cells every export shares, in one language (i18n/exports*.properties and
 * i18n/terms*.properties): title, period line, status line, the indicator table (every row, the
 * 预算执行率 row included, so the 分值 column sums to 总分), failed checks, 签署说明 and the synthetic
 * notice. Times are printed in the county's time zone.
 */
final class ExportText {

    /** One printed row of the indicator table: the row and its words. */
    record Line(TableRow row, String level1, String level2, String deviation) {

        /** Whether this line and {@code other} share the 一级指标 (column 0), or the 一级 and 二级指标 (column 1): one merged cell. */
        boolean sameGroup(Line other, int column) {
            return level1.equals(other.level1) && (column == 0 || level2.equals(other.level2));
        }
    }

    private static final String[] HEADER_KEYS = {"level1", "level2", "name", "target", "actual", "weight", "score", "deviation"};

    private final Texts texts;
    private final Locale locale;
    private final DateTimeFormatter time;

    ExportText(Texts texts, Locale locale, ZoneId zone) {
        this.texts = texts;
        this.locale = locale;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(zone);
    }

    Texts texts() {
        return texts;
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        return texts.get(locale, key, args);
    }

    String title(EvaluationDocument d) {
        return get("export.title", d.header().projectName());
    }

    /** The eight column headers of the indicator table. */
    String[] headers() {
        String[] out = new String[HEADER_KEYS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = get("table.header." + HEADER_KEYS[i]);
        }
        return out;
    }

    String period(EvaluationDocument d) {
        EvaluationHeader h = d.header();
        return get("export.period", h.from().toString(), h.to().toString(), String.valueOf(h.version()),
                texts.label(locale, "policy.maintenance", h.policy().maintenance()),
                texts.label(locale, "policy.unknown", h.policy().unknown()),
                qualityMetric(h.policy()));
    }

    /** Which measure feeds 质量指标1, with the composite's weights when it is one. */
    String qualityMetric(org.xueliang.tracker.availability.AvailabilityPolicy policy) {
        String label = texts.label(locale, "policy.qualityMetric", policy.qualityMetric());
        var w = policy.qualityWeights();
        return w == null ? label : label + texts.get(locale, "policy.qualityWeights", TableRow.plain(w.onlineRate()),
                TableRow.plain(w.recordingCompleteness()), TableRow.plain(w.imageIntactness()));
    }

    /** Printed on every export: who signed, when, and the snapshot's SHA-256 — or that it is an unsigned draft. */
    String signature(EvaluationDocument d) {
        EvaluationHeader h = d.header();
        String status = texts.label(locale, "evaluation.status", h.status());
        if (h.snapshotSha256() == null) {
            return get("export.status.draft", status);
        }
        return get("export.status.signed", status, h.signedBy(), time(h.signedAt()), h.snapshotSha256());
    }

    String total(EvaluationDocument d) {
        return get("export.total", num(d.totalWeight()), num(d.totalScore()), grade(d));
    }

    String grade(EvaluationDocument d) {
        return texts.label(locale, "grade", d.grade());
    }

    /** 含模拟数据，不得用于正式报送 when the evaluation's period touches synthetic data, else null. */
    String syntheticNotice(EvaluationDocument d) {
        return d.synthetic() ? get("export.synthetic") : null;
    }

    /** Every row of the table in order (预算执行率, 产出, 效益, 满意度), with the 一级指标 label carrying its weight. */
    List<Line> lines(EvaluationDocument d) {
        List<Line> out = new ArrayList<>();
        for (TableRow r : d.rows()) {
            BigDecimal level1Weight = d.rows().stream().filter(x -> x.level1() == r.level1()).map(TableRow::weight)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new Line(r, get("table.level1", texts.label(locale, "level1", r.level1()), num(level1Weight)),
                    texts.label(locale, "level2", r.level2()), deviation(r)));
        }
        return out;
    }

    /** The eight cells of a line as text (PDF and DOCX). */
    String[] cells(Line l) {
        TableRow r = l.row();
        return new String[] {l.level1(), l.level2(), r.name(), r.targetText(), r.actualText(), num(r.weight()), num(r.score()),
            l.deviation()};
    }

    /** 偏差原因分析及改进措施: the note, and an override with its computed score and reason. */
    String deviation(TableRow r) {
        List<String> parts = new ArrayList<>();
        if (r.note() != null && !r.note().isBlank()) {
            parts.add(r.note());
        }
        if (r.overrideScore() != null) {
            parts.add(get("table.override", num(r.computedScore()), num(r.overrideScore()), Objects.toString(r.overrideReason(), "")));
        }
        return String.join(get("table.join"), parts);
    }

    /**
     * The failed checks, one line each: severity, title, the row it is about, the explanation. The row is named
     * only where the explanation does not already quote it (most per-row explanations do).
     */
    List<String> failedChecks(EvaluationDocument d) {
        return d.checks().stream().filter(c -> !c.passed()).map(c -> {
            String message = CheckWords.message(texts, locale, c);
            String row = d.rows().stream().filter(r -> r.id() != null && r.id().equals(c.rowId())).map(TableRow::name).findFirst()
                    .orElse(null);
            String suffix = row == null || (message != null && message.contains(row)) ? "" : rowSuffix(d.rows(), c.rowId());
            return get("checks.item", CheckWords.severity(texts, locale, c), CheckWords.title(texts, locale, c), suffix, message);
        }).toList();
    }

    /** 签署说明: each acknowledged warning with its row, the reason, who gave it and when. */
    List<String> acknowledgements(EvaluationDocument d) {
        return d.acknowledgements().stream().map(a -> get("acks.item", CheckWords.title(texts, locale, a.code(), false),
                rowSuffix(d.rows(), a.rowId()), a.reason(), Objects.toString(a.by(), ""), a.at() == null ? "" : time(a.at())))
                .toList();
    }

    /** "（row name）" of the row a check is about; empty for a check of the whole table. */
    String rowSuffix(List<TableRow> rows, Long rowId) {
        return rows.stream().filter(r -> r.id() != null && r.id().equals(rowId)).findFirst()
                .map(r -> get("checks.row", r.name())).orElse("");
    }

    /**
     * The header block as PDF and DOCX print it: rows of one or two label/value pairs (a single pair
     * spans the row) — 项目名称; 主管部门, 实施单位; 年初预算数, 全年预算数; 全年执行数, 执行率; 预期目标, 实际完成情况.
     */
    List<List<String[]>> headerRows(EvaluationDocument d) {
        ReportHeader rh = d.reportHeader();
        EvaluationDocument.Budget b = d.budget();
        String rate = b.executionRatePct() == null ? get("export.none") : num(b.executionRatePct()) + "%";
        return List.of(
                List.<String[]>of(pair("header.projectName", d.header().projectName())),
                List.of(pair("header.competentDepartment", orNone(rh.competentDepartment())),
                        pair("header.implementingUnit", orNone(rh.implementingUnit()))),
                List.of(pair("header.budgetAtStart", money(b.budget())), pair("header.budget", money(b.budget()))),
                List.of(pair("header.spent", money(b.spent())), pair("header.executionRate", rate)),
                List.of(pair("header.annualGoal", orNone(rh.annualGoal())), pair("header.annualOutcome", orNone(rh.annualOutcome()))));
    }

    private String[] pair(String labelKey, String value) {
        return new String[] {get(labelKey), value};
    }

    String orNone(String s) {
        return s == null || s.isBlank() ? get("export.none") : s;
    }

    String time(Instant at) {
        return time.format(at);
    }

    /** An amount in yuan with thousands separators: 4,981,700.00 元. */
    String money(BigDecimal v) {
        return v == null ? get("export.none") : get("export.amount", amount(v));
    }

    /** 4981700 → 4,981,700.00 (the same in every language, as 财政 forms print it). */
    static String amount(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v.setScale(2, RoundingMode.HALF_UP));
    }

    static String num(BigDecimal v) {
        return v == null ? "" : TableRow.plain(v);
    }
}
