package org.xueliang.tracker.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.xueliang.tracker.ledger.SiteKind;

/** The progress report of one project, as {@code GET /api/v1/projects/{id}/progress} returns it. */
public record Progress(Long projectId, LocalDate asOf, List<TargetProgress> targets, List<ItemProgress> items,
                       List<CurvePoint> curve, Cost cost) {

    public record Counts(int planned, int delivered, int installed, int accepted, BigDecimal completionRate) {
    }

    public record TargetProgress(Long id, int seq, String label, String unit, BigDecimal weight, Set<String> categories,
                                 Set<SiteKind> siteKinds, int planned, int delivered, int installed, int accepted,
                                 BigDecimal completionRate, LocalDate plannedDate, LocalDate actualDate) {
    }

    public record ItemProgress(Long id, int seq, String name, int planned, int delivered, int installed, int accepted,
                               BigDecimal completionRate, LocalDate plannedDate, LocalDate actualDate) {
    }

    /** Cumulative installed devices at the end of the ISO week starting on {@code week} (a Monday). */
    public record CurvePoint(LocalDate week, int installed) {
    }

    public record Cost(BigDecimal contract, BigDecimal audited, BigDecimal changePct, BigDecimal ceilingPct,
                       Boolean withinCeiling, BigDecimal budget, BigDecimal spent, BigDecimal executionRate) {
    }
}
