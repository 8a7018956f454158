package org.xueliang.tracker.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.workorder.WorkOrderReminder;

/**
 * Work-order reminders and escalations (docs/WORKORDERS.md "Reminders") on every enabled channel. It listens inside
 * the work-order sweep's transaction, which publishes each (order, kind) once: the notice is stored if and only if the
 * reminder is recorded as sent, and the outbox's unique (channel, event key) keeps it single even so.
 */
@Component
class WorkOrderAnnouncer {

    private final ChannelStore channels;
    private final Notifier notifier;
    private final NoticeTexts words;

    WorkOrderAnnouncer(ChannelStore channels, Notifier notifier, NoticeTexts words) {
        this.channels = channels;
        this.notifier = notifier;
        this.words = words;
    }

    @EventListener
    void onReminder(WorkOrderReminder reminder) {
        var enabled = channels.enabled();
        if (enabled.isEmpty()) {
            return;
        }
        Notice notice = words.workOrder(reminder);
        enabled.forEach(channel -> notifier.enqueue(channel, notice));
    }
}
