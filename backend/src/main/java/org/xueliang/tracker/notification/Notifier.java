package org.xueliang.tracker.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.shared.SecretCipher;

/**
 * Announces device failures (DOWN, DEGRADED) and recoveries (back to UP from DOWN or DEGRADED) on
 * every enabled channel. UNKNOWN is not announced per device: a silent agent would flood the group
 * with one message per camera; the agents page shows the stale heartbeat instead. Sending happens
 * on a small pool after the ingest transaction committed, never on the ingest thread.
 */
@Component
class Notifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final int ATTEMPTS = 3;
    private static final Map<DeviceState, String> STATE_ZH = Map.of(DeviceState.UP, "正常", DeviceState.DEGRADED, "异常",
            DeviceState.DOWN, "离线", DeviceState.UNKNOWN, "未知");

    private final ChannelStore channels;
    private final List<ChannelSender> senders;
    private final SecretCipher cipher;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
                Thread t = new Thread(r, "notifier");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    Notifier(ChannelStore channels, List<ChannelSender> senders, SecretCipher cipher, JdbcTemplate jdbc, Clock clock) {
        this.channels = channels;
        this.senders = senders;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static boolean worthAnnouncing(DeviceStateChanged change) {
        return change.to() == DeviceState.DOWN || change.to() == DeviceState.DEGRADED
                || (change.to() == DeviceState.UP && (change.from() == DeviceState.DOWN || change.from() == DeviceState.DEGRADED));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onStateChanged(DeviceStateChanged change) {
        if (worthAnnouncing(change)) {
            pool.execute(() -> announce(change));
        }
    }

    void announce(DeviceStateChanged change) {
        Notice notice = notice(change);
        for (Channel channel : channels.enabled()) {
            if (channels.claim(channel.id(), notice.eventKey(), change.deviceId())) {
                deliver(channel, notice);
            }
        }
    }

    /** Sends {@code notice} on {@code channel} once across replicas (claimed by its event key), on the pool. */
    void sendOnce(Channel channel, Notice notice) {
        pool.execute(() -> {
            if (channels.claim(channel.id(), notice.eventKey(), null)) {
                deliver(channel, notice);
            }
        });
    }

    /** Sends a test notice now (the channel page's "send test" button), bypassing deduplication. */
    void sendTest(Channel channel) throws Exception {
        Notice.Event event = new Notice.Event("TEST", 0, "TEST", "测试消息", null, null, null, clock.instant(), null);
        sender(channel).send(channel, secret(channel), new Notice("test", 0, "【雪亮工程】通知渠道测试",
                "这是一条测试消息：渠道 " + channel.name() + " 配置正确。", event));
    }

    private void deliver(Channel channel, Notice notice) {
        Exception last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                sender(channel).send(channel, secret(channel), notice);
                channels.outcome(channel.id(), notice.eventKey(), "SENT", null);
                return;
            } catch (Exception e) {
                last = e;
                if (attempt < ATTEMPTS) {
                    try {
                        Thread.sleep(1000L * attempt * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        log.warn("Notification {} on channel {} failed: {}", notice.eventKey(), channel.name(), last == null ? "interrupted" : last.getMessage());
        channels.outcome(channel.id(), notice.eventKey(), "FAILED", last == null ? "interrupted" : last.getMessage());
    }

    private ChannelSender sender(Channel channel) {
        return senders.stream().filter(s -> s.handles(channel.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No sender for " + channel.kind()));
    }

    private String secret(Channel channel) {
        return channel.hasSecret() ? cipher.decrypt(channels.secretCipher(channel.id())) : null;
    }

    Notice notice(DeviceStateChanged change) {
        Map<String, Object> device = jdbc.queryForList("SELECT d.asset_tag, d.name, s.name AS site_name FROM device d"
                + " LEFT JOIN site s ON s.id = d.site_id WHERE d.id = ?", change.deviceId()).stream().findFirst().orElse(Map.of());
        String assetTag = String.valueOf(device.getOrDefault("asset_tag", "#" + change.deviceId()));
        String name = (String) device.get("name");
        String site = (String) device.get("site_name");
        boolean recovery = change.to() == DeviceState.UP;
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone()).format(change.at());
        String title = recovery ? "【雪亮工程恢复】" + assetTag + " 恢复正常" : "【雪亮工程告警】" + assetTag + " " + STATE_ZH.get(change.to());
        StringBuilder text = new StringBuilder();
        text.append("设备：").append(assetTag).append(name == null ? "" : " " + name).append('\n');
        if (site != null) {
            text.append("点位：").append(site).append('\n');
        }
        text.append("状态：").append(STATE_ZH.get(change.from())).append(" → ").append(STATE_ZH.get(change.to()));
        if (change.reason() != null) {
            text.append("（").append(change.reason()).append('）');
        }
        text.append('\n').append("时间：").append(time).append(" (").append(clock.getZone()).append(')');
        Notice.Event event = new Notice.Event(recovery ? "RECOVERY" : "FAILURE", change.deviceId(), assetTag, name, site,
                change.from().name(), change.to().name(), change.at(), change.reason() == null ? null : change.reason().name());
        String key = change.deviceId() + ":" + change.to() + ":" + change.at().toEpochMilli();
        return new Notice(key, change.deviceId(), title, text.toString(), event);
    }

    /** For tests: waits until queued notices are handled. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (pool.getActiveCount() == 0 && pool.getQueue().isEmpty()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }

}
