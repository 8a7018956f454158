package org.xueliang.tracker.notification;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.audit.AuditCheckpointWritten;

/**
 * Pushes every signed audit checkpoint to the channels named in {@code xl.audit.checkpoint.notify-channels}
 * ({@code XL_AUDIT_CHECKPOINT_CHANNELS}, channel names separated by commas; none by default): a copy of the
 * chain's anchor outside the installation, in a chat group or mailbox the database's administrators do not
 * control (docs/SECURITY.md "Audit log"). The message carries the signed line as in the checkpoint file.
 */
@Component
class CheckpointAnnouncer {

    private final ChannelStore channels;
    private final Notifier notifier;
    private final Clock clock;
    private final Set<String> names;

    CheckpointAnnouncer(ChannelStore channels, Notifier notifier, Clock clock,
                        @Value("${xl.audit.checkpoint.notify-channels:}") String names) {
        this.channels = channels;
        this.notifier = notifier;
        this.clock = clock;
        this.names = Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
    }

    @EventListener
    void onCheckpoint(AuditCheckpointWritten checkpoint) {
        if (names.isEmpty()) {
            return;
        }
        Notice notice = notice(checkpoint);
        channels.enabled().stream().filter(c -> names.contains(c.name())).forEach(c -> notifier.sendOnce(c, notice));
    }

    Notice notice(AuditCheckpointWritten c) {
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(clock.getZone()).format(c.signedAt());
        String text = "审计链检查点 #" + c.checkpointId() + "：覆盖至审计记录 " + c.lastEntryId() + '\n'
                + "哈希：" + c.lastHash() + '\n'
                + "签名时间：" + time + " (" + clock.getZone() + ")\n"
                + "签名密钥：" + c.keyFingerprint() + '\n'
                + "签名行：" + c.line();
        Notice.Event event = new Notice.Event("AUDIT_CHECKPOINT", 0, null, null, null, null, null, c.signedAt(), c.line());
        return new Notice("audit-checkpoint:" + c.checkpointId(), 0, "【雪亮工程审计】审计链检查点 #" + c.checkpointId(), text, event);
    }
}
