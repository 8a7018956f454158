package org.xueliang.tracker.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.xueliang.tracker.ledger.ConstructionItem;
import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.QuantityTarget;
import org.xueliang.tracker.ledger.SiteKind;

/**
 * Computes progress from ledger facts only (no framework, no clock: {@code asOf} is passed in).
 * A device counts as delivered/installed/accepted when its lifecycle has reached that step and it
 * is not retired; the curve counts every recorded installation date, retired devices included,
 * because it is history.
 */
final class ProgressCalculator {

    private ProgressCalculator() {
    }

    static Progress compute(Project project, List<ConstructionItem> items, List<QuantityTarget> targets,
                            List<Device> devices, Map<Long, SiteKind> siteKinds, LocalDate asOf) {
        List<Progress.TargetProgress> targetRows = targets.stream().map(t -> {
            Predicate<Device> selected = d -> t.selects(d.getCategoryCode(), siteKinds.get(d.getSiteId()));
            List<Device> chosen = devices.stream().filter(selected).toList();
            Progress.Counts c = counts(chosen, t.getPlannedCount());
            return new Progress.TargetProgress(t.getId(), t.getSeq(), t.getLabel(), t.getUnit(), t.getWeight(),
                    t.getCategories(), t.getSiteKinds(), c.planned(), c.delivered(), c.installed(), c.accepted(),
                    c.completionRate(), project.getPlannedEnd(), dateReached(chosen, t.getPlannedCount()));
        }).toList();
        List<Progress.ItemProgress> itemRows = items.stream().map(i -> {
            List<Device> chosen = devices.stream().filter(d -> Objects.equals(d.getConstructionItemId(), i.getId())).toList();
            Progress.Counts c = counts(chosen, chosen.size());
            LocalDate actual = i.getActualCompletion() != null ? i.getActualCompletion()
                    : chosen.isEmpty() ? null : dateReached(chosen, chosen.size());
            return new Progress.ItemProgress(i.getId(), i.getSeq(), i.getName(), c.planned(), c.delivered(), c.installed(),
                    c.accepted(), c.completionRate(), i.getPlannedCompletion(), actual);
        }).toList();
        return new Progress(project.getId(), asOf, targetRows, itemRows, curve(devices), cost(project));
    }

    static Progress.Counts counts(List<Device> devices, int planned) {
        int delivered = count(devices, Lifecycle.DELIVERED);
        int installed = count(devices, Lifecycle.INSTALLED);
        int accepted = count(devices, Lifecycle.ACCEPTED);
        return new Progress.Counts(planned, delivered, installed, accepted, rate(installed, planned));
    }

    private static int count(List<Device> devices, Lifecycle step) {
        return (int) devices.stream().filter(d -> d.getLifecycle().hasReached(step)).count();
    }

    /** installed / planned to four decimals; null when nothing was planned (a rate of nothing is not 0 % or 100 %). */
    static BigDecimal rate(int done, int planned) {
        return planned <= 0 ? null : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(planned), 4, RoundingMode.HALF_UP);
    }

    /** The day the number of installed (not retired) devices reached {@code planned}, or null if it has not. */
    static LocalDate dateReached(List<Device> devices, int planned) {
        if (planned <= 0) {
            return null;
        }
        List<LocalDate> installs = devices.stream().filter(d -> d.getLifecycle().hasReached(Lifecycle.INSTALLED))
                .map(Device::getInstalledOn).filter(Objects::nonNull).sorted().toList();
        return installs.size() >= planned ? installs.get(planned - 1) : null;
    }

    static List<Progress.CurvePoint> curve(List<Device> devices) {
        List<LocalDate> installs = devices.stream().map(Device::getInstalledOn).filter(Objects::nonNull).sorted().toList();
        LocalDate first = devices.stream().map(Device::getDeliveredOn).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(installs.isEmpty() ? null : installs.get(0));
        if (installs.isEmpty() || first == null) {
            return List.of();
        }
        if (installs.get(0).isBefore(first)) {
            first = installs.get(0);
        }
        LocalDate week = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = installs.get(installs.size() - 1);
        List<Progress.CurvePoint> points = new ArrayList<>();
        int index = 0;
        while (!week.isAfter(last)) {
            LocalDate weekEnd = week.plusDays(6);
            while (index < installs.size() && !installs.get(index).isAfter(weekEnd)) {
                index++;
            }
            points.add(new Progress.CurvePoint(week, index));
            week = week.plusWeeks(1);
        }
        return points;
    }

    static Progress.Cost cost(Project p) {
        BigDecimal changePct = null;
        Boolean within = null;
        if (p.getContractAmount() != null && p.getAuditedAmount() != null && p.getContractAmount().signum() > 0) {
            changePct = p.getAuditedAmount().subtract(p.getContractAmount()).multiply(BigDecimal.valueOf(100))
                    .divide(p.getContractAmount(), 2, RoundingMode.HALF_UP);
            within = changePct.compareTo(p.getCostCeilingPct()) <= 0;
        }
        BigDecimal execution = p.getBudgetAmount() == null || p.getSpentAmount() == null || p.getBudgetAmount().signum() <= 0
                ? null : p.getSpentAmount().divide(p.getBudgetAmount(), 4, RoundingMode.HALF_UP);
        return new Progress.Cost(p.getContractAmount(), p.getAuditedAmount(), changePct, p.getCostCeilingPct(), within,
                p.getBudgetAmount(), p.getSpentAmount(), execution);
    }
}
