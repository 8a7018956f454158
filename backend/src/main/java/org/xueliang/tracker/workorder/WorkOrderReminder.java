package org.xueliang.tracker.workorder;

import java.time.Instant;
import java.util.List;

/**
 * Published once per (order, kind), inside the sweep's transaction, when a deadline is half gone, due, or missed by
 * {@code xl.workorders.escalate-after} (an escalation to the manager). The notification module turns it into a notice
 * on every enabled channel. {@code deadline} is the deadline the reminder is about.
 */
public record WorkOrderReminder(long workOrderId, long projectId, Kind kind, Instant deadline, String assignee,
                                List<Long> deviceIds, Instant at) {

    public enum Kind {
        RESPOND_HALF, RESPOND_DUE, RESPOND_ESCALATED, REPAIR_HALF, REPAIR_DUE, REPAIR_ESCALATED;

        public boolean escalation() {
            return this == RESPOND_ESCALATED || this == REPAIR_ESCALATED;
        }

        public boolean aboutRepair() {
            return name().startsWith("REPAIR");
        }
    }
}
