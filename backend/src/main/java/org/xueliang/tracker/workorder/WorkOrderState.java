package org.xueliang.tracker.workorder;

/**
 * Where a work order stands (docs/WORKORDERS.md "States"). An order holds its devices (no other order opens for
 * them) until it is RESOLVED, CLOSED or CANCELLED.
 */
public enum WorkOrderState {
    /** 待接单: opened, nobody has taken it yet. */
    OPEN,
    /** 已接单: a technician took it. */
    ACCEPTED,
    /** 到场: the technician is at the site. */
    ON_SITE,
    /** 待确认: every device recovered before anyone resolved the order; the technician confirms the cause. */
    PENDING_CONFIRMATION,
    /** 已修复: the technician says it is repaired, with the cause. */
    RESOLVED,
    /** 已关闭: a manager accepted the repair. */
    CLOSED,
    /** 已取消: a manager called it off (a false alarm, a duplicate). */
    CANCELLED;

    /** Whether an order in this state still holds its devices: a new failure of one of them stays on it. */
    public boolean holdsDevices() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }

    /** Whether the repair is still to be done (reminders of the repair deadline apply). */
    public boolean awaitingRepair() {
        return this == OPEN || this == ACCEPTED || this == ON_SITE;
    }
}
