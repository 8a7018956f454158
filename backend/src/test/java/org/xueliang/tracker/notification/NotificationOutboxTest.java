package org.xueliang.tracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.shared.Texts;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox on MariaDB (issue 12): a notice is stored in the transaction of the state change and rolled back
 * with it; workers of several replicas send each notice once to a receiver on 127.0.0.1; a failing receiver is
 * retried after growing pauses and gets the notice once it recovers; a claim left by a replica that died
 * mid-send expires and the notice is sent again.
 *
 * <p>The shared context runs its own delivery worker on the real clock. The rows of these tests are due in
 * 2100, so only the workers made here, on a clock set to then, ever see them.
 */
@OnMariaDb
class NotificationOutboxTest extends ApiTestSupport {

    private static final Instant LATER = Instant.parse("2100-01-04T08:00:00Z");

    static HttpServer http;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static final AtomicBoolean failing = new AtomicBoolean();

    @Autowired NotificationOutbox outbox;
    @Autowired ChannelStore channels;
    @Autowired ChannelSenders senders;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Texts texts;
    @Autowired DeviceDirectory devices;

    private final List<Long> made = new ArrayList<>();

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now;

        HandClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestURI().getPath() + " " + body);
            exchange.sendResponseHeaders(failing.get() ? 503 : 200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        http.start();
    }

    @AfterAll
    static void stopReceiver() {
        http.stop(0);
    }

    @AfterEach
    void forgetChannels() {
        failing.set(false);
        for (long id : made) {
            outbox.forgetChannel(id);
            jdbc.update("DELETE FROM notification_channel WHERE id = ?", id);
        }
    }

    private Channel webhook(String path) {
        String name = unique("outbox");
        jdbc.update("INSERT INTO notification_channel (name, kind, target, enabled, created_at) VALUES (?,?,?,TRUE,?)",
                name, "WEBHOOK", "http://127.0.0.1:" + http.getAddress().getPort() + path, NotificationOutbox.ts(Instant.now()));
        Channel channel = channels.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        made.add(channel.id());
        return channel;
    }

    private OutboxDelivery worker(String holder, Clock clock, OutboxDelivery.Settings settings, SimpleMeterRegistry meters) {
        return new OutboxDelivery(outbox, channels, senders, clock, meters, holder, 3_600_000, settings);
    }

    private static OutboxDelivery.Settings settings(int maxAttempts) {
        return new OutboxDelivery.Settings(Duration.ofSeconds(60), maxAttempts, Duration.ofSeconds(10));
    }

    private static Notice notice(String key) {
        return new Notice(key, 0, "title " + key, "text " + key,
                new Notice.Event("TEST", 0, key, null, null, null, null, LATER, null));
    }

    private Map<String, Object> row(long channelId) {
        return jdbc.queryForMap("SELECT status, attempts, claimed_by, last_error FROM notification_outbox WHERE channel_id = ?", channelId);
    }

    private long seededDevice() {
        return jdbc.queryForObject("SELECT MIN(id) FROM device WHERE project_id = ?", Long.class, PROJECT);
    }

    @Test
    void theNoticeIsStoredInTheTransactionOfTheStateChangeAndRolledBackWithIt() {
        Channel channel = webhook("/atomic");
        long device = seededDevice();
        DeviceStateChanged down = new DeviceStateChanged(device, DeviceState.UP, DeviceState.DOWN, LATER, Reason.TIMEOUT);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        AtomicReference<Integer> seenBeforeCommit = new AtomicReference<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            events.publishEvent(down);
            // registered after the notifier's: runs after it, still inside the transaction, then fails the commit
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    seenBeforeCommit.set(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE channel_id = ?",
                            Integer.class, channel.id()));
                    throw new IllegalStateException("the state change fails to commit");
                }
            });
        })).hasMessageContaining("fails to commit");
        assertThat(seenBeforeCommit.get()).as("written inside the transaction").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE channel_id = ?", Integer.class, channel.id()))
                .as("rolled back with the state change").isZero();

        tx.executeWithoutResult(status -> events.publishEvent(down));
        tx.executeWithoutResult(status -> events.publishEvent(down)); // the same change again: one row per event
        // (the context's own worker may have sent it already: it is due now)
        Map<String, Object> stored = jdbc.queryForMap("SELECT title, body FROM notification_outbox WHERE channel_id = ?",
                channel.id());
        String assetTag = devices.label(device).orElseThrow().assetTag();
        assertThat((String) stored.get("title")).isEqualTo("【雪亮工程告警】" + assetTag + " 离线");
        assertThat((String) stored.get("body")).contains("状态：正常 → 离线（响应超时）");
    }

    @Test
    void theChangesOfOneTransactionAreAnnouncedTogetherEachWithItsOwnDevice() {
        Channel channel = webhook("/together");
        List<Long> three = jdbc.queryForList("SELECT id FROM device WHERE project_id = ? ORDER BY id LIMIT 3", Long.class, PROJECT);
        Instant at = LATER.plusSeconds(3600);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            three.forEach(id -> events.publishEvent(new DeviceStateChanged(id, DeviceState.UP, DeviceState.DOWN, at, Reason.TIMEOUT)));
            events.publishEvent(new DeviceStateChanged(three.get(0), DeviceState.UP, DeviceState.UNKNOWN, at.plusSeconds(1), null));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE channel_id = ?", Integer.class,
                    channel.id())).as("nothing before the commit").isZero();
        });
        Map<Long, String> titles = new java.util.HashMap<>();
        jdbc.query("SELECT device_id, title FROM notification_outbox WHERE channel_id = ?", rs -> {
            titles.put(rs.getLong(1), rs.getString(2));
        }, channel.id());
        Map<Long, DeviceDirectory.DeviceLabel> labels = devices.labels(three);
        assertThat(labels).hasSize(3);
        assertThat(titles).as("one notice per failure, none for UNKNOWN").hasSize(3);
        three.forEach(id -> assertThat(titles.get(id)).isEqualTo("【雪亮工程告警】" + labels.get(id).assetTag() + " 离线"));
    }

    @Test
    void noticesAreWrittenInTheConfiguredLanguage() {
        Notice english = new NoticeTexts(texts, devices, Clock.systemUTC(), "en")
                .stateChanges(List.of(new DeviceStateChanged(seededDevice(), DeviceState.DOWN, DeviceState.UP, LATER, null))).get(0);
        assertThat(english.title()).startsWith("[Xueliang recovery] ").endsWith(" is up again");
        assertThat(english.text()).contains("State: offline → up").contains("Time: 2100-01-04 08:00:00 (Z)");
    }

    @Test
    void twoReplicasSendEachNoticeExactlyOnce() throws Exception {
        Channel channel = webhook("/once");
        int notices = 30;
        for (int i = 0; i < notices; i++) {
            outbox.enqueue(channel.id(), notice("once-" + i), LATER);
        }
        Clock clock = Clock.fixed(LATER.plusSeconds(1), ZoneOffset.UTC);
        List<OutboxDelivery> replicas = List.of(worker("replica-a", clock, settings(3), new SimpleMeterRegistry()),
                worker("replica-b", clock, settings(3), new SimpleMeterRegistry()));
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size());
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (OutboxDelivery replica : replicas) {
                sent.add(pool.submit(() -> {
                    together.await();
                    int total = 0;
                    for (int round = 0; round < 3; round++) {
                        total += replica.deliverDue();
                    }
                    return total;
                }));
            }
            together.countDown();
            int total = 0;
            for (Future<Integer> f : sent) {
                total += f.get();
            }
            assertThat(total).isEqualTo(notices);
        } finally {
            pool.shutdownNow();
        }
        List<String> bodies = received.stream().filter(r -> r.startsWith("/once ")).toList();
        assertThat(bodies).hasSize(notices);
        assertThat(bodies.stream().distinct()).hasSize(notices);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE channel_id = ? AND status = 'SENT'"
                + " AND attempts = 1", Integer.class, channel.id())).isEqualTo(notices);
    }

    @Test
    void aFailingReceiverIsRetriedAfterGrowingPausesAndGetsTheNoticeWhenItRecovers() {
        Channel channel = webhook("/flaky");
        outbox.enqueue(channel.id(), notice("flaky"), LATER);
        HandClock clock = new HandClock(LATER);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxDelivery replica = worker("replica-a", clock, settings(5), meters);
        failing.set(true);

        assertThat(replica.deliverDue()).isZero();
        assertThat(row(channel.id())).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) row(channel.id()).get("last_error")).contains("HTTP 503");
        clock.set(LATER.plusSeconds(9));
        replica.deliverDue();
        assertThat(hits("/flaky")).as("not before the first pause (10 s) is over").isEqualTo(1);
        clock.set(LATER.plusSeconds(10));
        replica.deliverDue();
        assertThat(hits("/flaky")).isEqualTo(2);
        clock.set(LATER.plusSeconds(29));
        replica.deliverDue();
        assertThat(hits("/flaky")).as("the second pause is twice as long (20 s)").isEqualTo(2);

        failing.set(false);
        clock.set(LATER.plusSeconds(30));
        assertThat(replica.deliverDue()).isEqualTo(1);
        assertThat(hits("/flaky")).isEqualTo(3);
        assertThat(row(channel.id())).containsEntry("status", "SENT").containsEntry("attempts", 3).containsEntry("last_error", null);
        assertThat(meters.get("xl_notifications_delivered").tag("outcome", "retry").counter().count()).isEqualTo(2);
        assertThat(meters.get("xl_notifications_delivered").tag("outcome", "sent").counter().count()).isEqualTo(1);
    }

    @Test
    void afterTheLastAttemptTheNoticeIsFailedAndTheChannelSaysSo() throws Exception {
        Channel channel = webhook("/down");
        outbox.enqueue(channel.id(), notice("down"), LATER);
        HandClock clock = new HandClock(LATER);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxDelivery replica = worker("replica-a", clock, settings(2), meters);
        failing.set(true);
        replica.deliverDue();
        clock.set(LATER.plusSeconds(10));
        replica.deliverDue();
        clock.set(LATER.plusSeconds(3600));
        replica.deliverDue();
        assertThat(hits("/down")).isEqualTo(2);
        assertThat(row(channel.id())).containsEntry("status", "FAILED").containsEntry("attempts", 2);
        assertThat(meters.get("xl_notifications_delivered").tag("outcome", "failed").counter().count()).isEqualTo(1);

        var listed = getJson("/api/v1/notification-channels").get("items").findValues("name").stream()
                .filter(n -> n.asString().equals(channel.name())).count();
        assertThat(listed).isEqualTo(1);
        Channel seen = channels.find(channel.id()).orElseThrow();
        assertThat(seen.failedNotices()).isEqualTo(1);
        assertThat(seen.pendingNotices()).isZero();
        assertThat(seen.lastFailure()).contains("HTTP 503");
    }

    @Test
    void aClaimLeftByAReplicaThatDiedMidSendExpiresAndTheNoticeIsSentAgain() {
        Channel channel = webhook("/crash");
        outbox.enqueue(channel.id(), notice("crash"), LATER);
        long id = jdbc.queryForObject("SELECT id FROM notification_outbox WHERE channel_id = ?", Long.class, channel.id());
        // replica-a claims it and dies before it sends or marks anything
        assertThat(outbox.claim(id, "replica-a", LATER, LATER.plusSeconds(60))).isPresent();

        HandClock clock = new HandClock(LATER.plusSeconds(30));
        OutboxDelivery survivor = worker("replica-b", clock, settings(5), new SimpleMeterRegistry());
        assertThat(survivor.deliverDue()).as("replica-a's claim still runs").isZero();
        clock.set(LATER.plusSeconds(61));
        assertThat(survivor.deliverDue()).isEqualTo(1);
        assertThat(hits("/crash")).isEqualTo(1);
        assertThat(row(channel.id())).containsEntry("status", "SENT").containsEntry("claimed_by", "replica-b")
                .containsEntry("attempts", 2);
    }

    @Test
    void retentionDeletesOldSentAndFailedNoticesButNeverPendingOnes() {
        Channel channel = webhook("/old");
        outbox.enqueue(channel.id(), notice("old-sent"), LATER);
        outbox.enqueue(channel.id(), notice("old-failed"), LATER);
        outbox.enqueue(channel.id(), notice("old-pending"), LATER);
        outbox.enqueue(channel.id(), notice("recent-sent"), LATER.plus(Duration.ofDays(80)));
        jdbc.update("UPDATE notification_outbox SET status = 'SENT' WHERE channel_id = ? AND event_key IN ('old-sent', 'recent-sent')",
                channel.id());
        jdbc.update("UPDATE notification_outbox SET status = 'FAILED' WHERE channel_id = ? AND event_key = 'old-failed'", channel.id());

        OutboxRetention retention = new OutboxRetention(outbox, null, Clock.fixed(LATER.plus(Duration.ofDays(91)), ZoneOffset.UTC), 90);
        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList("SELECT event_key FROM notification_outbox WHERE channel_id = ? ORDER BY event_key",
                String.class, channel.id())).containsExactly("old-pending", "recent-sent");
    }

    @Test
    void thePauseDoublesAfterEachFailureUpToAnHour() {
        OutboxDelivery.Settings s = new OutboxDelivery.Settings(Duration.ofSeconds(60), 20, Duration.ofSeconds(5));
        assertThat(s.pauseAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.pauseAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.pauseAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(s.pauseAfter(15)).isEqualTo(Duration.ofHours(1));
    }

    private static long hits(String path) {
        return received.stream().filter(r -> r.startsWith(path + " ")).count();
    }
}
