package org.xueliang.tracker.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.workorder.WorkOrderReminder.Kind;

/**
 * Reminders at 50 % and 100 % of the respond and repair deadlines and an escalation {@code escalate-after} past them
 * (docs/WORKORDERS.md "Reminders"), run under the lease {@code work-orders}. Each (order, kind) is a row of
 * {@code work_order_reminder} inserted with INSERT IGNORE: only the sweep whose insert counted publishes the
 * {@link WorkOrderReminder}, and since the notice is written in the same transaction, it is sent once or not at all.
 * The respond deadline is watched until the order is accepted, the repair deadline until it is repaired.
 */
@Component
class ReminderSweep {

    private final JdbcTemplate jdbc;
    private final WorkOrderStore store;
    private final WorkOrderSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReminderSweep(JdbcTemplate jdbc, WorkOrderStore store, WorkOrderSettings settings, ApplicationEventPublisher events,
                  Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** What the sweep needs of an order awaiting repair: its times only (devices and labels are read when sending). */
    private record Watched(long id, Instant openedAt, Instant respondBy, Instant repairBy, boolean accepted, boolean repaired) {
    }

    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        List<Watched> open = jdbc.query("SELECT id, opened_at, respond_by, repair_by, accepted_at, repaired_at, recovered_at"
                        + " FROM work_order WHERE state IN ('OPEN','ACCEPTED','ON_SITE')",
                (rs, n) -> new Watched(rs.getLong(1), Times.instant(rs.getTimestamp(2)), Times.instant(rs.getTimestamp(3)),
                        Times.instant(rs.getTimestamp(4)), rs.getTimestamp(5) != null,
                        rs.getTimestamp(6) != null || rs.getTimestamp(7) != null));
        for (Watched o : open) {
            if (!o.accepted()) {
                due(o, o.respondBy(), Kind.RESPOND_HALF, Kind.RESPOND_DUE, Kind.RESPOND_ESCALATED, now);
            }
            if (!o.repaired()) {
                due(o, o.repairBy(), Kind.REPAIR_HALF, Kind.REPAIR_DUE, Kind.REPAIR_ESCALATED, now);
            }
        }
    }

    private void due(Watched o, Instant deadline, Kind half, Kind due, Kind escalated, Instant now) {
        Duration span = Duration.between(o.openedAt(), deadline);
        // only the latest kind that is due: a sweep that starts after a long stop does not send three at once
        if (!now.isBefore(deadline.plus(settings.escalateAfter()))) {
            send(o.id(), escalated, deadline, now);
        } else if (!now.isBefore(deadline)) {
            send(o.id(), due, deadline, now);
        } else if (!now.isBefore(o.openedAt().plus(span.dividedBy(2)))) {
            send(o.id(), half, deadline, now);
        }
    }

    private void send(long orderId, Kind kind, Instant deadline, Instant now) {
        if (jdbc.update("INSERT IGNORE INTO work_order_reminder (work_order_id, kind, sent_at) VALUES (?,?,?)", orderId,
                kind.name(), Times.ts(now)) == 1) {
            WorkOrder o = store.find(orderId).orElseThrow();
            store.event(o.id(), now, org.xueliang.tracker.audit.AuditTrail.SYSTEM_ACTOR, "REMINDER_" + kind.name(), null, null,
                    null);
            events.publishEvent(new WorkOrderReminder(o.id(), o.projectId(), kind, deadline, o.assignee(),
                    o.devices().stream().map(WorkOrder.Device::deviceId).toList(), now));
        }
    }
}
