package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The system-written paragraph of each report section: the evaluation's numbers in words, in the
 * language of {@code text} (i18n/exports*.properties; checks through {@link CheckWords}). Plain Java.
 */
final class ReportFacts {

    private ReportFacts() {
    }

    static List<ReportSection> sections(ExportText text, ProjectFacts p, EvaluationHeader h, List<TableRow> rows, List<Check> checks,
                                        BigDecimal weight, BigDecimal score, Grade grade, List<String> prose) {
        String none = text.get("export.none");
        List<String> facts = new ArrayList<>();
        facts.add(text.get("facts.project", p.projectName(), date(p.plannedStart(), none), date(p.plannedEnd(), none),
                date(p.actualStart(), none), date(p.actualEnd(), none), text.money(p.contract()), text.money(p.audited()),
                pct(p.changePct(), none), pct(p.ceilingPct(), none), text.money(p.budget()), text.money(p.spent()),
                String.valueOf(p.quantities().stream().mapToInt(ProjectFacts.Quantity::planned).sum()),
                String.valueOf(p.quantities().stream().mapToInt(ProjectFacts.Quantity::installed).sum())));
        facts.add(text.get("facts.period", h.from().toString(), h.to().toString(), String.valueOf(h.version()),
                text.texts().label(text.locale(), "policy.maintenance", h.policy().maintenance()),
                text.texts().label(text.locale(), "policy.unknown", h.policy().unknown()),
                text.qualityMetric(h.policy())));
        facts.add(text.get("facts.total", TableRow.plain(weight), TableRow.plain(score), text.texts().label(text.locale(), "grade", grade)));
        facts.add(rows.stream().filter(r -> r.source() == Metric.Source.COMPUTED)
                .map(r -> text.get("facts.row", rowLabel(text, r), r.targetText(), r.actual() == null ? none : r.actualText(),
                        r.score() == null ? none : TableRow.plain(r.score()), TableRow.plain(r.weight())))
                .collect(Collectors.joining(text.get("table.join"))) + text.get("facts.rows.end"));
        facts.add("");
        List<String> failed = checks.stream().filter(c -> !c.passed())
                .map(c -> text.get("facts.check", CheckWords.title(text.texts(), text.locale(), c), text.rowSuffix(rows, c.rowId()))).toList();
        facts.add(failed.isEmpty() ? text.get("facts.checks.passed")
                : text.get("facts.checks.failed", String.join(text.get("table.join"), failed)));
        facts.add("");
        List<ReportSection> sections = new ArrayList<>();
        for (int i = 0; i < ReportSection.TITLES.length; i++) {
            sections.add(new ReportSection(i + 1, text.get("report.section." + (i + 1)), facts.get(i),
                    i < prose.size() ? prose.get(i) : ReportSection.DEFAULT_PROSE[i]));
        }
        return sections;
    }

    /** A computed row by its name, prefixed by its 二级指标 when the name alone does not say it. */
    private static String rowLabel(ExportText text, TableRow r) {
        String level2 = text.texts().label(text.locale(), "level2", r.level2());
        return r.name().equals(r.level2().label()) ? level2 : level2 + " " + r.name();
    }

    /** An amount as the evidence of a row states it (zh-CN): 4,981,700.00 元. */
    static String money(BigDecimal v) {
        return v == null ? "—" : ExportText.amount(v) + " 元";
    }

    private static String date(Object d, String none) {
        return d == null ? none : Objects.toString(d);
    }

    private static String pct(BigDecimal v, String none) {
        return v == null ? none : TableRow.plain(v) + "%";
    }
}
