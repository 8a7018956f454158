package org.xueliang.tracker.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The hook through which a sheet (the {@code LATE_REPAIR} rule) and the 自评表's evidence read the repairs of a
 * period: the work-order module provides the one bean of this type ({@code workorder.RepairTimelinessReport}). It is
 * declared here, not in {@code workorder}, because {@code workorder} already depends on this module (the 维保单位 of
 * {@link ContractorGroups}) and modules must not form a cycle. Without a bean, late repairs are 未测. Must not write.
 */
public interface RepairTimeliness {

    /**
     * The project's orders opened in [from, to), cancelled ones left out, judged as of now: how many are decided
     * (repaired, or past their repair deadline), how many of those were repaired by the deadline (维护及时性 =
     * repairedInTime ÷ decided), and every decided order that was not, most late first.
     */
    Repairs of(long projectId, Instant from, Instant to);

    /** The figures of a period; {@code timeliness} null when no order is decided yet. */
    record Repairs(int orders, int decided, int repairedInTime, Double timeliness, List<LateOrder> late) {

        public static Repairs none() {
            return new Repairs(0, 0, 0, null, List.of());
        }
    }

    /**
     * An order repaired after its deadline, or still unrepaired past it ({@code repairedAt} null): {@code lateSeconds}
     * is how far past the deadline the repair came, or has come so far.
     */
    record LateOrder(long orderId, Long siteId, String siteName, List<Long> deviceIds, Instant openedAt, Instant repairBy,
                     Instant repairedAt, long lateSeconds) {
    }
}
