package org.xueliang.tracker.workorder;

import java.time.Duration;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

/**
 * The work-order sweep: openings, recoveries, then reminders, on one replica at a time under the lease
 * {@code work-orders} (docs/ARCHITECTURE.md "Scheduled work"). Every 15 s by default, so that a device past a one-minute
 * demo grace has its order well within the minute after. Each part runs through its bean (its own transaction).
 */
@Component
class WorkOrderSchedule {

    static final String LEASE = "work-orders";

    private final FaultSweep faults;
    private final ReminderSweep reminders;
    private final SchedulerLease lease;

    WorkOrderSchedule(FaultSweep faults, ReminderSweep reminders, SchedulerLease lease) {
        this.faults = faults;
        this.reminders = reminders;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${xl.workorders.sweep-ms:15000}", initialDelayString = "${xl.workorders.sweep-ms:15000}")
    void sweep() {
        lease.runUnder(LEASE, Duration.ofMinutes(2), () -> {
            faults.sweep();
            reminders.sweep();
        });
    }
}
