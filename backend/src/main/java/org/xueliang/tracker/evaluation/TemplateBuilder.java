package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.assessment.RepairTimeliness;
import org.xueliang.tracker.availability.AvailabilityPolicy.QualityMetric;
import org.xueliang.tracker.ledger.Tier;

/**
 * Builds the rows of a new evaluation from the standard 自评表 template (预算执行率 10; 产出 50 = 数量 from
 * the project's quantity targets + 质量 5 + 5 + 时效 5 + 成本 5; 效益 30; 满意度 10) and computes every
 * row the system can compute, with its formula and evidence. Plain Java: the facts come in as a value.
 * Formulas and evidence summaries are phrases of {@code i18n/evidence*.properties}, rendered when read.
 */
final class TemplateBuilder {

    record Built(TableRow row, Evidence evidence) {
    }

    private static final String FRONT_END_NAME = "指标1：前端设备网络通畅，供电稳定";
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Late orders named in the 质量 row's summary; the rest are in the work-order figures. */
    private static final int MAX_LATE_LISTED = 30;
    private static final MathContext MC = MathContext.DECIMAL64;

    private TemplateBuilder() {
    }

    static List<Built> build(ProjectFacts f, ScoringRules rules) {
        List<Built> rows = new ArrayList<>();
        rows.add(budget(f));
        for (ProjectFacts.Quantity q : f.quantities()) {
            rows.add(row(Level2.QUANTITY, "指标" + q.seq() + "：" + q.label(), Metric.QUANTITY, q.unit(),
                    BigDecimal.valueOf(q.planned()), BigDecimal.valueOf(q.installed()), q.weight(),
                    Phrase.of("evidence.formula.quantity", q.selector()), null, null,
                    new Evidence("DEVICES", Phrase.of("evidence.summary.quantity", q.installed(), q.devices().size(), q.planned()),
                            q.devices(), null)));
        }
        rows.add(withRepairs(f.cameraQuality() != null ? cameraQuality(f, FRONT_END_NAME, rules)
                : quality(f, f.frontEnd(), FRONT_END_NAME, Tier.FRONT_END, f.policy().qualityMetric(), rules), f.repairs()));
        rows.add(quality(f, f.backEnd(), "指标2：后端设备运行稳定，安全可靠", Tier.BACK_END, QualityMetric.AVAILABILITY, rules));
        rows.add(timeliness(f));
        rows.add(cost(f));
        rows.add(manual(Level2.SOCIAL, "指标1：服务社会治安防控，为侦破案件、处理交通违法行为提供科技信息支撑", 5));
        rows.add(manual(Level2.SOCIAL, "指标2：服务社会综合治理，提升群众安全感满意度", 5));
        rows.add(manual(Level2.ECOLOGICAL, "指标1：通过视频巡查协助处置环境污染、私挖乱采等问题", 10));
        rows.add(manual(Level2.SUSTAINABILITY, "指标1：提高社会治安防控整体水平，节省警力等资源", 10));
        rows.add(manual(Level2.SATISFACTION, "指标1：公安、交警、城管等使用单位及群众满意度", 10));
        List<Built> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            TableRow r = rows.get(i).row();
            numbered.add(new Built(new TableRow(null, i + 1, r.level2(), r.name(), r.metric(), r.unit(), r.target(), r.actual(),
                    r.weight(), null, null, null, null, r.formula(), r.note(), r.coverage(), rows.get(i).evidence().summary())
                    .scored(rules), rows.get(i).evidence()));
        }
        return numbered;
    }

    private static Built budget(ProjectFacts f) {
        BigDecimal rate = f.executionRate() == null ? null : f.executionRate().multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        return row(Level2.BUDGET_EXECUTION, "预算执行率", Metric.BUDGET_EXECUTION, "%", HUNDRED, rate, BigDecimal.TEN,
                Phrase.of("evidence.formula.budget", money(f.spent()), money(f.budget())),
                rate == null ? "项目没有预算数或执行数" : null, null,
                new Evidence("AMOUNTS", Phrase.of("evidence.summary.budget", money(f.spent()), money(f.budget())),
                        List.of(item("budget", f.budget(), "spent", f.spent())), null));
    }

    private static Built quality(ProjectFacts f, QualityFigures.TierQuality t, String name, Tier tier, QualityMetric metric,
                                 ScoringRules rules) {
        boolean online = metric == QualityMetric.ONLINE_RATE;
        BigDecimal share = t == null ? null : online ? t.onlineRate() : t.availability();
        BigDecimal actual = share == null ? null : share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        Phrase tierWords = Phrase.of("evidence.tier." + tier.name());
        Phrase formula = Phrase.of("evidence.formula.quality", Phrase.of("evidence.measure.formula." + metric.name()), tierWords,
                t == null ? 0 : t.devices(), f.from(), f.to(), Phrase.of("policy.maintenance." + f.policy().maintenance().name()),
                Phrase.of("policy.unknown." + f.policy().unknown().name()));
        List<Map<String, Object>> items = new ArrayList<>();
        if (t != null) {
            for (QualityFigures.DeviceQuality d : t.perDevice()) {
                Map<String, Object> m = item("deviceId", d.deviceId(), "device", d.label(), "availability", d.availability(),
                        "onlineRate", d.onlineRate(), "coverage", d.coverage(), "downSeconds", d.downSeconds());
                m.putAll(item("maintenanceSeconds", d.maintenanceSeconds(), "unknownSeconds", d.unknownSeconds(),
                        "outages", d.outages(), "reboots", d.reboots(), "mttrHours", d.mttrHours()));
                // where the number comes from: the device's day rollups, repaired outages and maintenance windows
                m.put("timeline", "/api/v1/metrics/devices/" + d.deviceId() + "/timeline?from=" + f.from() + "&to=" + f.to()
                        + "&policy=maintenance:" + f.policy().maintenance() + ",unknown:" + f.policy().unknown());
                items.add(m);
            }
        }
        Phrase summary = t == null ? Phrase.of("evidence.summary.noFigures") : Phrase.of("evidence.summary.quality", t.devices(),
                tierWords, Phrase.of("evidence.measure." + metric.name()),
                actual == null ? Phrase.of("evidence.notMeasured") : TableRow.plain(actual) + "%",
                t.coverage() == null ? Phrase.of("evidence.none")
                        : TableRow.plain(t.coverage().multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP)) + "%", t.source());
        return row(Level2.QUALITY, name, tier == Tier.FRONT_END ? Metric.QUALITY_FRONT_END : Metric.QUALITY_BACK_END, "%",
                rules.qualityTarget(), actual, BigDecimal.valueOf(5), formula,
                actual == null ? "所选期间没有" + (tier == Tier.FRONT_END ? "前端" : "后端") + "设备的监测数据" : null,
                t == null ? null : t.coverage(), new Evidence("AVAILABILITY", summary, items, null));
    }

    /** 质量指标1 from the assessment's indicators over the project's cameras ({@link IndicatorQualityFigures}). */
    private static Built cameraQuality(ProjectFacts f, String name, ScoringRules rules) {
        IndicatorQualityFigures.CameraQuality q = f.cameraQuality();
        BigDecimal actual = q.share() == null ? null : q.share().multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        String metric = f.policy().qualityMetric().name();
        Phrase measure = f.policy().qualityWeights() == null ? Phrase.of("evidence.measure.formula." + metric)
                : Phrase.of("evidence.measure.formula.COMPOSITE", TableRow.plain(f.policy().qualityWeights().onlineRate()),
                TableRow.plain(f.policy().qualityWeights().recordingCompleteness()),
                TableRow.plain(f.policy().qualityWeights().imageIntactness()));
        Phrase formula = Phrase.of("evidence.formula.cameraQuality", measure, q.cameras(), f.from(), f.to());
        List<Phrase> parts = q.parts().stream().map(p -> Phrase.of("evidence.part", Phrase.of("evidence.indicator." + p.indicator().name()),
                p.share() == null ? Phrase.of("evidence.notMeasured")
                        : TableRow.plain(p.share().multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP)) + "%")).toList();
        Phrase summary = Phrase.of("evidence.summary.cameraQuality", q.cameras(), q.measured(),
                Phrase.of("evidence.measure." + metric), actual == null ? Phrase.of("evidence.notMeasured") : TableRow.plain(actual) + "%",
                Phrase.of("evidence.parts." + parts.size(), parts.toArray()));
        return row(Level2.QUALITY, name, Metric.QUALITY_FRONT_END, "%", rules.qualityTarget(), actual, BigDecimal.valueOf(5), formula,
                actual == null ? "所选期间没有摄像机的" + (metric.equals("COMPOSITE") ? "考核指标" : "该项指标") + "数据" : null,
                q.cameras() == 0 ? null : BigDecimal.valueOf(q.measured()).divide(BigDecimal.valueOf(q.cameras()), 6, RoundingMode.HALF_UP),
                new Evidence("INDICATORS", summary, q.perCamera(), null));
    }

    /**
     * 维护及时性 joins the evidence of 质量指标1 (前端设备网络通畅，供电稳定): the template has no 运维 row, and keeping the
     * front end up is what the repairs are for; 完成及时性 is the construction schedule, not repairs. It explains the
     * row and does not change its score: the counts, and the late orders by number (the work-order figures list them all).
     * A period without orders (before work orders existed, or without faults) keeps the row's summary as it was.
     */
    static Built withRepairs(Built built, RepairTimeliness.Repairs r) {
        if (r == null || r.orders() == 0) {
            return built; // no order in the period (or none kept at all): nothing to show
        }
        List<Long> late = r.late().stream().map(RepairTimeliness.LateOrder::orderId).toList();
        String ids = late.stream().limit(MAX_LATE_LISTED).map(id -> "#" + id).collect(java.util.stream.Collectors.joining(" "))
                + (late.size() > MAX_LATE_LISTED ? " …" : "");
        Phrase repairs = Phrase.of("evidence.repairs", r.timeliness() == null ? Phrase.of("evidence.notMeasured")
                        : TableRow.plain(BigDecimal.valueOf(r.timeliness()).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP)) + "%",
                r.decided(), r.repairedInTime(), r.orders(), late.size(), late.isEmpty() ? Phrase.of("evidence.none") : Phrase.literal(ids));
        Evidence e = built.evidence();
        Evidence joined = new Evidence(e.kind(), Phrase.of("evidence.summary.withRepairs", e.summary(), repairs), e.items(), e.formula());
        return new Built(built.row(), joined);
    }

    private static Built timeliness(ProjectFacts f) {
        BigDecimal actual = null;
        String note = null;
        long planned = 0;
        long real = 0;
        if (f.plannedStart() == null || f.plannedEnd() == null || f.actualEnd() == null) {
            note = "项目缺少计划工期或实际竣工日期";
        } else {
            planned = ChronoUnit.DAYS.between(f.plannedStart(), f.plannedEnd());
            real = ChronoUnit.DAYS.between(f.actualStart() != null ? f.actualStart() : f.plannedStart(), f.actualEnd());
            actual = real <= 0 ? HUNDRED : BigDecimal.valueOf(planned).multiply(HUNDRED).divide(BigDecimal.valueOf(real), MC)
                    .min(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        }
        return row(Level2.TIMELINESS, "指标1：项目按计划工期完成", Metric.TIMELINESS, "%", HUNDRED, actual, BigDecimal.valueOf(5),
                Phrase.of("evidence.formula.timeliness", planned, real), note, null,
                new Evidence("DATES", Phrase.of("evidence.summary.timeliness", f.plannedStart(), f.plannedEnd(), f.actualStart(),
                        f.actualEnd()), List.of(item("plannedStart", f.plannedStart(), "plannedEnd", f.plannedEnd(),
                        "actualStart", f.actualStart(), "actualEnd", f.actualEnd(), "plannedDays", planned, "actualDays", real)), null));
    }

    private static Built cost(ProjectFacts f) {
        BigDecimal change = f.changePct();
        BigDecimal ceiling = f.ceilingPct() == null ? BigDecimal.TEN : f.ceilingPct();
        return row(Level2.COST, "指标1：审定金额较合同金额增幅不超过国家规定的" + TableRow.plain(ceiling) + "%", Metric.COST, "%", ceiling,
                change, BigDecimal.valueOf(5), Phrase.of("evidence.formula.cost", money(f.audited()), money(f.contract())),
                change == null ? "项目缺少合同金额或审定金额" : null, null,
                new Evidence("AMOUNTS", Phrase.of("evidence.summary.cost", money(f.contract()), money(f.audited()),
                        TableRow.plain(ceiling)), List.of(item("contract", f.contract(), "audited", f.audited(),
                        "changePct", change, "ceilingPct", ceiling)), null));
    }

    private static Built manual(Level2 level2, String name, int weight) {
        return row(level2, name, Metric.MANUAL, "", HUNDRED, null, BigDecimal.valueOf(weight), null, null, null,
                Evidence.none(Phrase.of("evidence.summary.manual")));
    }

    private static Built row(Level2 level2, String name, Metric metric, String unit, BigDecimal target, BigDecimal actual,
                             BigDecimal weight, Phrase formula, String note, BigDecimal coverage, Evidence evidence) {
        return new Built(new TableRow(null, 0, level2, name, metric, unit, target, actual, weight, null, null, null, null, formula,
                note, coverage, evidence.summary()), evidence);
    }

    static Map<String, Object> item(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** An amount in yuan with thousands separators, its unit in the reader's language; "—" when unknown. */
    static Phrase money(BigDecimal v) {
        return v == null ? Phrase.literal("—")
                : Phrase.of("evidence.money", new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(v.setScale(2, RoundingMode.HALF_UP)));
    }
}
