package org.xueliang.tracker.workorder;

import static org.xueliang.tracker.workorder.WorkOrderState.ACCEPTED;
import static org.xueliang.tracker.workorder.WorkOrderState.CANCELLED;
import static org.xueliang.tracker.workorder.WorkOrderState.CLOSED;
import static org.xueliang.tracker.workorder.WorkOrderState.ON_SITE;
import static org.xueliang.tracker.workorder.WorkOrderState.OPEN;
import static org.xueliang.tracker.workorder.WorkOrderState.PENDING_CONFIRMATION;
import static org.xueliang.tracker.workorder.WorkOrderState.RESOLVED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal moves of a work order and who may make each (plain Java, no clock, no Spring; the table is
 * docs/WORKORDERS.md's diagram). The system moves an order to PENDING_CONFIRMATION when its devices recover and back
 * when one fails again; people never make those moves. Anything not listed is illegal (409).
 */
public final class WorkOrderTransitions {

    /** Who asks for a move: the sweep, a technician working the order, a manager (or admin) of its project. */
    public enum By { SYSTEM, TECHNICIAN, MANAGER }

    private static final Map<WorkOrderState, Map<WorkOrderState, Set<By>>> LEGAL = new EnumMap<>(WorkOrderState.class);

    static {
        allow(OPEN, ACCEPTED, By.TECHNICIAN, By.MANAGER);
        allow(OPEN, PENDING_CONFIRMATION, By.SYSTEM);
        allow(OPEN, CANCELLED, By.MANAGER);
        allow(ACCEPTED, ON_SITE, By.TECHNICIAN, By.MANAGER);
        // repaired without going there (a remote restart, a configuration fixed)
        allow(ACCEPTED, RESOLVED, By.TECHNICIAN, By.MANAGER);
        allow(ACCEPTED, PENDING_CONFIRMATION, By.SYSTEM);
        allow(ACCEPTED, CANCELLED, By.MANAGER);
        allow(ON_SITE, RESOLVED, By.TECHNICIAN, By.MANAGER);
        allow(ON_SITE, PENDING_CONFIRMATION, By.SYSTEM);
        allow(ON_SITE, CANCELLED, By.MANAGER);
        // the technician confirms the cause of a recovery; a manager may confirm and close at once
        allow(PENDING_CONFIRMATION, RESOLVED, By.TECHNICIAN, By.MANAGER);
        allow(PENDING_CONFIRMATION, CLOSED, By.MANAGER);
        allow(PENDING_CONFIRMATION, CANCELLED, By.MANAGER);
        // a device failed again before anyone confirmed: back to where the order was
        allow(PENDING_CONFIRMATION, OPEN, By.SYSTEM);
        allow(PENDING_CONFIRMATION, ACCEPTED, By.SYSTEM);
        allow(PENDING_CONFIRMATION, ON_SITE, By.SYSTEM);
        allow(RESOLVED, CLOSED, By.MANAGER);
    }

    private WorkOrderTransitions() {
    }

    private static void allow(WorkOrderState from, WorkOrderState to, By... by) {
        LEGAL.computeIfAbsent(from, f -> new EnumMap<>(WorkOrderState.class)).put(to, EnumSet.of(by[0], by));
    }

    /** Whether {@code by} may move an order from {@code from} to {@code to}. */
    public static boolean allowed(WorkOrderState from, WorkOrderState to, By by) {
        return LEGAL.getOrDefault(from, Map.of()).getOrDefault(to, Set.of()).contains(by);
    }

    /** The states {@code by} may move an order in {@code from} to (for the UI's buttons). */
    public static Set<WorkOrderState> next(WorkOrderState from, By by) {
        Set<WorkOrderState> out = EnumSet.noneOf(WorkOrderState.class);
        LEGAL.getOrDefault(from, Map.of()).forEach((to, who) -> {
            if (who.contains(by)) {
                out.add(to);
            }
        });
        return out;
    }
}
