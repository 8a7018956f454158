package org.xueliang.tracker.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.SchedulerLease;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends what the outbox holds. Every replica runs one: each poll it lists the due rows, claims them one
 * by one (a claim only one replica wins), sends, and marks the row SENT, or due again after a pause that
 * doubles with every failed attempt (at most an hour), or FAILED after the last attempt.
 *
 * <p>Delivery is once across replicas in the normal case and at least once after a crash: a replica that
 * dies between sending and marking leaves a claim that expires, and the row is sent again. The claim must
 * therefore outlast the slowest send ({@code xl.notify.claim-seconds}).
 *
 * <p>It polls on a thread of its own: a channel that takes its 20 s to time out must not hold up the
 * scheduled jobs that share Spring's scheduler.
 */
@Component
class OutboxDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int BATCH = 50;
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    /** How a worker paces itself: see application.yml {@code xl.notify}. */
    record Settings(Duration claim, int maxAttempts, Duration backoffBase) {

        /** The pause after failed attempt number {@code attempts}: base, 2×base, 4×base, … at most an hour. */
        Duration pauseAfter(int attempts) {
            int doublings = Math.min(Math.max(attempts - 1, 0), 20);
            Duration pause = backoffBase.multipliedBy(1L << doublings);
            return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
        }
    }

    private final NotificationOutbox outbox;
    private final ChannelStore channels;
    private final ChannelSenders senders;
    private final Clock clock;
    private final Settings settings;
    private final String holder;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final long pollMillis;
    private ScheduledExecutorService poller;

    @Autowired
    OutboxDelivery(NotificationOutbox outbox, ChannelStore channels, ChannelSenders senders, Clock clock, MeterRegistry meters,
                   SchedulerLease lease, @Value("${xl.notify.poll-ms:1000}") long pollMillis,
                   @Value("${xl.notify.claim-seconds:60}") long claimSeconds, @Value("${xl.notify.max-attempts:8}") int maxAttempts,
                   @Value("${xl.notify.backoff-base-ms:5000}") long backoffBaseMillis) {
        this(outbox, channels, senders, clock, meters, lease.holder(), pollMillis,
                new Settings(Duration.ofSeconds(claimSeconds), maxAttempts, Duration.ofMillis(backoffBaseMillis)));
    }

    OutboxDelivery(NotificationOutbox outbox, ChannelStore channels, ChannelSenders senders, Clock clock, MeterRegistry meters,
                   String holder, long pollMillis, Settings settings) {
        this.outbox = outbox;
        this.channels = channels;
        this.senders = senders;
        this.clock = clock;
        this.holder = holder;
        this.pollMillis = pollMillis;
        this.settings = settings;
        this.sent = Counter.builder("xl_notifications_delivered").tag("outcome", "sent")
                .description("Notices sent, retried after a failed send, and given up after the last attempt").register(meters);
        this.retried = Counter.builder("xl_notifications_delivered").tag("outcome", "retry").register(meters);
        this.failed = Counter.builder("xl_notifications_delivered").tag("outcome", "failed").register(meters);
        Gauge.builder("xl_notifications_outbox", outbox, o -> o.count(NotificationOutbox.PENDING)).tag("status", "pending")
                .description("Notices in the outbox waiting to be sent, and those given up (FAILED)").register(meters);
        Gauge.builder("xl_notifications_outbox", outbox, o -> o.count(NotificationOutbox.FAILED)).tag("status", "failed")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notify-delivery");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::deliverDueSafely, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void deliverDueSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // the database went away for a moment: the rows stay, the next poll tries again
            log.warn("Notification delivery poll failed: {}", e.getMessage());
        }
    }

    /** One poll: sends every row due now that this worker manages to claim; answers how many it sent. */
    int deliverDue() {
        int delivered = 0;
        for (long id : outbox.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            Optional<NotificationOutbox.Claimed> claimed = outbox.claim(id, holder, now, now.plus(settings.claim()));
            if (claimed.isPresent() && deliver(claimed.get())) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(NotificationOutbox.Claimed row) {
        try {
            Channel channel = channels.find(row.channelId()).orElseThrow(() -> new IllegalStateException("the channel was deleted"));
            if (!channel.enabled()) {
                throw new IllegalStateException("channel " + channel.name() + " is disabled");
            }
            senders.send(channel, row.notice());
            outbox.sent(row.id(), holder, clock.instant());
            sent.increment();
            return true;
        } catch (Exception e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (row.attempts() >= settings.maxAttempts()) {
                log.warn("Notification {} on channel {} failed for good after {} attempts: {}", row.notice().eventKey(),
                        row.channelId(), row.attempts(), error);
                outbox.failed(row.id(), holder, error, clock.instant(), null);
                failed.increment();
            } else {
                outbox.failed(row.id(), holder, error, clock.instant(), clock.instant().plus(settings.pauseAfter(row.attempts())));
                retried.increment();
            }
            return false;
        }
    }

    @Override
    public void destroy() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
