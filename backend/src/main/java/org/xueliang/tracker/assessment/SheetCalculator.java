package org.xueliang.tracker.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.xueliang.tracker.assessment.AssessmentSheet.CameraRow;
import org.xueliang.tracker.assessment.AssessmentSheet.Deduction;
import org.xueliang.tracker.assessment.AssessmentSheet.Figure;
import org.xueliang.tracker.assessment.AssessmentSheet.GroupRow;
import org.xueliang.tracker.assessment.AssessmentSheet.IndicatorValue;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.assessment.RepairTimeliness.LateOrder;
import org.xueliang.tracker.assessment.RepairTimeliness.Repairs;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * The arithmetic of a sheet (docs/ASSESSMENT.md "Formulas"), plain Java: per-camera figures summed per group, the
 * rules applied to the project and to each group, score = max(0, 100 − Σ min(cap, count × deduction)).
 */
final class SheetCalculator {

    static final BigDecimal FULL_SCORE = BigDecimal.valueOf(100);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);

    /**
     * What a sheet is computed from; {@code contractors} null when no module says who maintains a camera; empty (no
     * camera has one) counts as null; {@code repairs} null when no module keeps work orders (late repairs 未测).
     */
    record Input(long projectId, String projectName, String month, Instant from, Instant to, List<Camera> cameras,
                 Map<Indicator, List<CameraFigure>> figures, Map<Long, Long> faultSeconds, Map<Long, String> contractors,
                 List<AssessmentRule> rules, boolean synthetic, Repairs repairs) {
    }

    /** Indicators and deductions of a set of cameras, and the score they give. */
    record Evaluation(List<IndicatorValue> indicators, List<Deduction> deductions, BigDecimal score) {

        BigDecimal deducted() {
            return deductions.stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private SheetCalculator() {
    }

    static AssessmentSheet compute(Input in) {
        Map<Indicator, Map<Long, CameraFigure>> byDevice = new EnumMap<>(Indicator.class);
        in.figures().forEach((indicator, list) -> {
            Map<Long, CameraFigure> m = new HashMap<>();
            list.forEach(f -> m.put(f.deviceId(), f));
            byDevice.put(indicator, m);
        });
        List<CameraRow> rows = new ArrayList<>();
        for (Camera c : in.cameras()) {
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (Indicator i : Indicator.values()) {
                CameraFigure f = byDevice.containsKey(i) ? byDevice.get(i).get(c.id()) : null;
                if (f != null) {
                    figures.put(i.apiName(), new Figure(f.achieved(), f.expected(), f.ratio(), f.findings()));
                }
            }
            rows.add(new CameraRow(c.id(), c.assetTag(), c.name(), c.siteId(), c.siteName(), c.township(),
                    in.contractors() == null ? null : in.contractors().get(c.id()),
                    in.faultSeconds().getOrDefault(c.id(), 0L), figures));
        }
        Evaluation project = evaluate(rows, in.figures().keySet(), in.rules(), in.repairs());
        Map<String, List<GroupRow>> groups = new LinkedHashMap<>();
        groups.put("township", groups(rows, r -> key(r.township()), r -> r.township(), in));
        groups.put("site", groups(rows, r -> r.siteId() == null ? "-" : r.siteId().toString(), CameraRow::siteName, in));
        if (in.contractors() != null && !in.contractors().isEmpty()) {
            groups.put("contractor", groups(rows, r -> key(r.contractor()), CameraRow::contractor, in));
        }
        return new AssessmentSheet(in.projectId(), in.projectName(), in.month(), in.from(), in.to(), rows.size(),
                project.indicators(), project.deductions(), project.score(), groups, rows, in.synthetic(), in.repairs());
    }

    private static String key(String label) {
        return label == null || label.isBlank() ? "-" : label;
    }

    private static List<GroupRow> groups(List<CameraRow> rows, Function<CameraRow, String> key,
                                         Function<CameraRow, String> label, Input in) {
        Map<String, List<CameraRow>> members = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (CameraRow r : rows) {
            members.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
            labels.putIfAbsent(key.apply(r), label.apply(r));
        }
        List<GroupRow> unranked = new ArrayList<>();
        members.forEach((k, list) -> {
            Evaluation e = evaluate(list, in.figures().keySet(), in.rules(), ofGroup(in.repairs(), list));
            Map<String, Double> values = new LinkedHashMap<>();
            e.indicators().forEach(v -> values.put(v.indicator(), v.value()));
            BigDecimal faultThreshold = faultThresholdSeconds(in.rules());
            int faultCameras = (int) list.stream().filter(r -> faultThreshold != null
                    && BigDecimal.valueOf(r.faultSeconds()).compareTo(faultThreshold) > 0).count();
            unranked.add(new GroupRow(k, labels.get(k), list.size(), values, faultCameras, e.deducted(), e.score(), 0));
        });
        unranked.sort(Comparator.comparing(GroupRow::score).reversed()
                .thenComparing(g -> g.label() == null ? "" : g.label()));
        List<GroupRow> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            GroupRow g = unranked.get(i);
            int rank = i > 0 && ranked.get(i - 1).score().compareTo(g.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new GroupRow(g.key(), g.label(), g.cameras(), g.indicators(), g.faultCameras(), g.deductions(), g.score(), rank));
        }
        return ranked;
    }

    /** The repairs that concern a group: its late orders are those with a device among the group's cameras. */
    private static Repairs ofGroup(Repairs repairs, List<CameraRow> members) {
        if (repairs == null) {
            return null;
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        members.forEach(r -> ids.add(r.deviceId()));
        List<LateOrder> late = repairs.late().stream().filter(o -> o.deviceIds().stream().anyMatch(ids::contains)).toList();
        return new Repairs(repairs.orders(), repairs.decided(), repairs.repairedInTime(), repairs.timeliness(), late);
    }

    private static BigDecimal faultThresholdSeconds(List<AssessmentRule> rules) {
        return rules.stream().filter(r -> r.kind() == AssessmentRule.Code.FAULT_HOURS && r.active())
                .map(r -> r.threshold().multiply(HOUR)).findFirst().orElse(null);
    }

    /** The indicators of {@code rows} and the rules applied to them ({@code repairs}: the late orders that concern them). */
    static Evaluation evaluate(List<CameraRow> rows, java.util.Set<Indicator> measured, List<AssessmentRule> rules,
                               Repairs repairs) {
        Map<Indicator, IndicatorValue> values = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            double achieved = 0;
            double expected = 0;
            int cameras = 0;
            for (CameraRow r : rows) {
                Figure f = r.figures().get(i.apiName());
                if (f != null && f.expected() > 0) {
                    achieved += f.achieved();
                    expected += f.expected();
                    cameras++;
                }
            }
            Double value = expected > 0 ? share(achieved, expected) : null;
            values.put(i, new IndicatorValue(i.apiName(), i.name(), measured.contains(i), value, achieved, expected, cameras));
        }
        List<Deduction> deductions = new ArrayList<>();
        for (AssessmentRule rule : rules) {
            deductions.add(rule.kind() == AssessmentRule.Code.LATE_REPAIR ? lateRepairs(rule, rows, repairs)
                    : deduct(rule, rows, values));
        }
        BigDecimal deducted = deductions.stream().map(Deduction::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = FULL_SCORE.subtract(deducted).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        return new Evaluation(List.copyOf(values.values()), deductions, score);
    }

    /**
     * achieved ÷ expected to 6 decimals (a sum of doubles must not fall a hair under a threshold it meets: 2.4 of 3
     * is 0.8, not 0.7999…).
     */
    static double share(double achieved, double expected) {
        return BigDecimal.valueOf(Math.min(1.0, achieved / expected)).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }

    private static Deduction deduct(AssessmentRule rule, List<CameraRow> rows, Map<Indicator, IndicatorValue> values) {
        AssessmentRule.Code kind = rule.kind();
        if (!rule.active()) {
            return deduction(rule, "INACTIVE", BigDecimal.ZERO, List.of());
        }
        if (kind == AssessmentRule.Code.FAULT_HOURS) {
            BigDecimal limit = rule.threshold().multiply(HOUR);
            List<Long> over = rows.stream().filter(r -> BigDecimal.valueOf(r.faultSeconds()).compareTo(limit) > 0)
                    .sorted(Comparator.comparingLong(CameraRow::faultSeconds).reversed()).map(CameraRow::deviceId).toList();
            return deduction(rule, over.isEmpty() ? "NONE" : "APPLIED", BigDecimal.valueOf(over.size()), over);
        }
        Indicator indicator = kind.indicator();
        IndicatorValue v = values.get(indicator);
        if (v.value() == null) {
            return deduction(rule, "NOT_MEASURED", BigDecimal.ZERO, List.of());
        }
        BigDecimal value = BigDecimal.valueOf(v.value());
        if (value.compareTo(rule.threshold()) >= 0) {
            return deduction(rule, "NONE", BigDecimal.ZERO, List.of());
        }
        BigDecimal count = rule.proportional()
                ? rule.threshold().subtract(value).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP) : BigDecimal.ONE;
        List<Long> below = rows.stream()
                .filter(r -> r.figures().get(indicator.apiName()) != null && r.figures().get(indicator.apiName()).ratio() != null
                        && BigDecimal.valueOf(r.figures().get(indicator.apiName()).ratio()).compareTo(rule.threshold()) < 0)
                .sorted(Comparator.comparingDouble(r -> r.figures().get(indicator.apiName()).ratio()))
                .map(CameraRow::deviceId).toList();
        return deduction(rule, "APPLIED", count, below);
    }

    /**
     * LATE_REPAIR: one unit per order more than {@code threshold} hours past its repair deadline (0: every late order,
     * the complement of 维护及时性); its cameras and orders are the evidence.
     */
    private static Deduction lateRepairs(AssessmentRule rule, List<CameraRow> rows, Repairs repairs) {
        if (!rule.active()) {
            return deduction(rule, "INACTIVE", BigDecimal.ZERO, List.of());
        }
        if (repairs == null) {
            return deduction(rule, "NOT_MEASURED", BigDecimal.ZERO, List.of());
        }
        BigDecimal tolerance = rule.threshold().multiply(HOUR);
        List<LateOrder> counted = repairs.late().stream()
                .filter(o -> BigDecimal.valueOf(o.lateSeconds()).compareTo(tolerance) > 0).toList();
        java.util.Set<Long> cameras = new java.util.HashSet<>();
        rows.forEach(r -> cameras.add(r.deviceId()));
        List<Long> devices = counted.stream().flatMap(o -> o.deviceIds().stream()).filter(cameras::contains).distinct().toList();
        BigDecimal count = BigDecimal.valueOf(counted.size());
        return deduction(rule, counted.isEmpty() ? "NONE" : "APPLIED", count, devices,
                counted.stream().map(LateOrder::orderId).toList());
    }

    private static Deduction deduction(AssessmentRule rule, String state, BigDecimal count, List<Long> devices) {
        return deduction(rule, state, count, devices, List.of());
    }

    private static Deduction deduction(AssessmentRule rule, String state, BigDecimal count, List<Long> devices,
                                       List<Long> workOrders) {
        BigDecimal raw = count.multiply(rule.deduction());
        BigDecimal points = raw.min(rule.cap()).setScale(2, RoundingMode.HALF_UP);
        return new Deduction(rule.code(), rule.kind().unit(rule.proportional()), rule.threshold(), rule.deduction(),
                rule.proportional(), rule.cap(), state, count, points, raw.compareTo(rule.cap()) > 0, devices, workOrders);
    }
}
