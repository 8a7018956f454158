package org.xueliang.tracker.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.shared.BeforeCommitBatch;

/**
 * Announces device failures (DOWN, DEGRADED) and recoveries (back to UP from DOWN or DEGRADED) on
 * every enabled channel. UNKNOWN is not announced per device: a silent agent would flood the group
 * with one message per camera; the agents page shows the stale heartbeat instead.
 *
 * <p>It listens inside the transaction that changed the state and writes one outbox row per enabled
 * channel there, just before it commits: the notice is stored if and only if the change is. The changes
 * of one transaction (an ingest batch may change hundreds of states) are announced together: one read
 * of the channels, one of the devices' labels, one batch of outbox rows. {@link OutboxDelivery} sends
 * them later, off the ingest thread, from whichever replica claims them.
 */
@Component
class Notifier {

    private final ChannelStore channels;
    private final NotificationOutbox outbox;
    private final NoticeTexts words;
    private final ChannelSenders senders;
    private final Clock clock;

    Notifier(ChannelStore channels, NotificationOutbox outbox, NoticeTexts words, ChannelSenders senders, Clock clock) {
        this.channels = channels;
        this.outbox = outbox;
        this.words = words;
        this.senders = senders;
        this.clock = clock;
    }

    static boolean worthAnnouncing(DeviceStateChanged change) {
        return change.to() == DeviceState.DOWN || change.to() == DeviceState.DEGRADED
                || (change.to() == DeviceState.UP && (change.from() == DeviceState.DOWN || change.from() == DeviceState.DEGRADED));
    }

    /** In the publisher's transaction (ingest, silence sweeper), before it commits: rolled back with the state change. */
    @EventListener
    void onStateChanged(DeviceStateChanged change) {
        if (worthAnnouncing(change)) {
            BeforeCommitBatch.add(this, change, this::announce);
        }
    }

    /** Stores the notices of {@code changes} for every enabled channel, once per channel and event. */
    void announce(List<DeviceStateChanged> changes) {
        List<Long> enabled = channels.enabled().stream().map(Channel::id).toList();
        if (enabled.isEmpty()) {
            return; // no words to look up, nothing to store
        }
        outbox.enqueueAll(enabled, words.stateChanges(changes), clock.instant());
    }

    /** Stores {@code notice} for {@code channel}, once per event key (a second call is a no-op). */
    void enqueue(Channel channel, Notice notice) {
        outbox.enqueue(channel.id(), notice, clock.instant());
    }

    /** Sends a test notice now (the channel page's "send test" button), outside the outbox and its deduplication. */
    void sendTest(Channel channel) throws Exception {
        senders.send(channel, words.test(channel));
    }
}
