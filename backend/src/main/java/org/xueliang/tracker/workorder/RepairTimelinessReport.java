package org.xueliang.tracker.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.assessment.RepairTimeliness;

/**
 * The work orders' answer to the 考核 sheet and the 自评表 ({@link RepairTimeliness}): the same orders and the same
 * 维护及时性 as {@code GET /api/v1/work-orders/figures} (one definition, {@link WorkOrderFigures#figures}), plus the
 * late orders behind it. Callers have checked the project's scope.
 */
@Component
class RepairTimelinessReport implements RepairTimeliness {

    private final WorkOrderStore store;
    private final Clock clock;

    RepairTimelinessReport(WorkOrderStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Repairs of(long projectId, Instant from, Instant to) {
        List<WorkOrder> orders = store.query(" WHERE o.project_id = ? AND o.state <> 'CANCELLED' AND o.opened_at >= ?"
                + " AND o.opened_at < ?", List.of(projectId, Times.ts(from), Times.ts(to)));
        Instant now = clock.instant();
        WorkOrderFigures.Figures f = WorkOrderFigures.figures("total", null, orders, now);
        List<LateOrder> late = orders.stream().map(o -> late(o, now)).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingLong(LateOrder::lateSeconds).reversed().thenComparingLong(LateOrder::orderId))
                .toList();
        return new Repairs(f.orders(), f.decided(), f.repairedInTime(), f.timeliness(), late);
    }

    /** The order as a late one, or null when it was repaired in time or its deadline has not passed. */
    static LateOrder late(WorkOrder o, Instant now) {
        Instant end = o.repairedAt() != null ? o.repairedAt() : now;
        if (!end.isAfter(o.repairBy())) {
            return null;
        }
        return new LateOrder(o.id(), o.siteId(), o.devices().isEmpty() ? null : o.devices().get(0).siteName(),
                o.devices().stream().map(WorkOrder.Device::deviceId).toList(), o.openedAt(), o.repairBy(), o.repairedAt(),
                Duration.between(o.repairBy(), end).toSeconds());
    }
}
