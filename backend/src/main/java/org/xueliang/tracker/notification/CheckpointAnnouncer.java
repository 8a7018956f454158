package org.xueliang.tracker.notification;

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
 * It goes through the outbox like every notice.
 */
@Component
class CheckpointAnnouncer {

    private final ChannelStore channels;
    private final Notifier notifier;
    private final NoticeTexts words;
    private final Set<String> names;

    CheckpointAnnouncer(ChannelStore channels, Notifier notifier, NoticeTexts words,
                        @Value("${xl.audit.checkpoint.notify-channels:}") String names) {
        this.channels = channels;
        this.notifier = notifier;
        this.words = words;
        this.names = Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
    }

    @EventListener
    void onCheckpoint(AuditCheckpointWritten checkpoint) {
        if (names.isEmpty()) {
            return;
        }
        Notice notice = words.checkpoint(checkpoint);
        channels.enabled().stream().filter(c -> names.contains(c.name())).forEach(c -> notifier.enqueue(c, notice));
    }
}
