package org.xueliang.tracker.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.audit.AuditCheckpointWritten;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Texts;

/**
 * The words of every notice, from the {@code i18n/notification} bundle in the installation's notice
 * language ({@code xl.notify.language}, zh-CN by default): a notice goes to a group or a mailbox, not
 * to one person's browser, so there is no request language to follow. Device names come from the
 * ledger's {@link DeviceDirectory}. Arguments are handed over as text so that MessageFormat never
 * groups an id's digits ("1,234").
 */
@Component
class NoticeTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Texts texts;
    private final DeviceDirectory devices;
    private final Clock clock;
    private final Locale locale;

    NoticeTexts(Texts texts, DeviceDirectory devices, Clock clock, @Value("${xl.notify.language:zh-CN}") String language) {
        this.texts = texts;
        this.devices = devices;
        this.clock = clock;
        this.locale = language(language);
    }

    private static Locale language(String language) {
        try {
            Locale parsed = Texts.parseLang(language);
            return parsed == null ? Texts.ZH_CN : parsed;
        } catch (ApiException e) {
            throw new IllegalStateException("xl.notify.language (XL_NOTIFY_LANGUAGE) must be zh-CN or en, not '" + language + "'");
        }
    }

    /**
     * The notices of failures (DOWN, DEGRADED) and recoveries (back to UP), in the order of {@code changes}; the devices'
     * labels come with one read for all of them (a batch of results may change hundreds of states at once).
     */
    List<Notice> stateChanges(List<DeviceStateChanged> changes) {
        Map<Long, DeviceDirectory.DeviceLabel> labels = devices.labels(changes.stream().map(DeviceStateChanged::deviceId).toList());
        return changes.stream().map(c -> stateChange(c, Optional.ofNullable(labels.get(c.deviceId())))).toList();
    }

    /** A failure or a recovery of a device labelled {@code label}; its event key makes it one notice per change. */
    private Notice stateChange(DeviceStateChanged change, Optional<DeviceDirectory.DeviceLabel> label) {
        String assetTag = label.map(DeviceDirectory.DeviceLabel::assetTag).orElse("#" + change.deviceId());
        String name = label.map(DeviceDirectory.DeviceLabel::name).orElse(null);
        String site = label.map(DeviceDirectory.DeviceLabel::siteName).orElse(null);
        boolean recovery = change.to() == DeviceState.UP;
        String title = recovery ? text("notice.recovery.title", assetTag) : text("notice.failure.title", assetTag, state(change.to()));
        StringBuilder body = new StringBuilder(text("notice.line.device", name == null ? assetTag : assetTag + " " + name)).append('\n');
        if (site != null) {
            body.append(text("notice.line.site", site)).append('\n');
        }
        body.append(text("notice.line.state", state(change.from()), state(change.to())));
        if (change.reason() != null) {
            body.append(text("notice.line.reason", text("notice.reason." + change.reason().name())));
        }
        body.append('\n').append(time(change.at()));
        Notice.Event event = new Notice.Event(recovery ? "RECOVERY" : "FAILURE", change.deviceId(), assetTag, name, site,
                change.from().name(), change.to().name(), change.at(), change.reason() == null ? null : change.reason().name());
        String key = change.deviceId() + ":" + change.to() + ":" + change.at().toEpochMilli();
        return new Notice(key, change.deviceId(), title, body.toString(), event);
    }

    /** A signed audit checkpoint, carrying the signed line as in the checkpoint file. */
    Notice checkpoint(AuditCheckpointWritten c) {
        String id = Long.toString(c.checkpointId());
        String body = String.join("\n",
                text("notice.checkpoint.line.covers", id, Long.toString(c.lastEntryId())),
                text("notice.checkpoint.line.hash", c.lastHash()),
                text("notice.checkpoint.line.signedAt", TIME.withZone(clock.getZone()).format(c.signedAt()), clock.getZone().toString()),
                text("notice.checkpoint.line.key", c.keyFingerprint()),
                text("notice.checkpoint.line.signed", c.line()));
        Notice.Event event = new Notice.Event("AUDIT_CHECKPOINT", 0, null, null, null, null, null, c.signedAt(), c.line());
        return new Notice("audit-checkpoint:" + id, 0, text("notice.checkpoint.title", id), body, event);
    }

    /**
     * A work order's reminder (half the deadline gone, the deadline reached) or escalation to the manager (the deadline
     * missed); its event key makes it one notice per order and kind.
     */
    Notice workOrder(org.xueliang.tracker.workorder.WorkOrderReminder r) {
        String id = Long.toString(r.workOrderId());
        long firstDevice = r.deviceIds().isEmpty() ? 0 : r.deviceIds().get(0);
        var label = firstDevice == 0 ? java.util.Optional.<DeviceDirectory.DeviceLabel>empty() : devices.label(firstDevice);
        String assetTag = label.map(DeviceDirectory.DeviceLabel::assetTag).orElse(null);
        String site = label.map(DeviceDirectory.DeviceLabel::siteName).orElse(null);
        String title = text("notice.workorder.title." + r.kind().name(), id);
        StringBuilder body = new StringBuilder(text("notice.workorder.line.deadline." + (r.kind().aboutRepair() ? "repair" : "respond"),
                TIME.withZone(clock.getZone()).format(r.deadline()), clock.getZone().toString()));
        if (assetTag != null) {
            body.append('\n').append(text("notice.workorder.line.devices", assetTag, Integer.toString(r.deviceIds().size())));
        }
        if (site != null) {
            body.append('\n').append(text("notice.line.site", site));
        }
        body.append('\n').append(r.assignee() == null ? text("notice.workorder.line.unassigned")
                : text("notice.workorder.line.assignee", r.assignee()));
        if (r.kind().escalation()) {
            body.append('\n').append(text("notice.workorder.line.escalation"));
        }
        Notice.Event event = new Notice.Event("WORK_ORDER_" + r.kind().name(), firstDevice, assetTag, null, site, null, null,
                r.at(), id);
        return new Notice("work-order:" + id + ":" + r.kind().name(), firstDevice, title, body.toString(), event);
    }

    /** The channel page's "send a test message". */
    Notice test(Channel channel) {
        Notice.Event event = new Notice.Event("TEST", 0, "TEST", text("notice.test.event"), null, null, null, clock.instant(), null);
        return new Notice("test", 0, text("notice.test.title"), text("notice.test.text", channel.name()), event);
    }

    private String time(Instant at) {
        return text("notice.line.time", TIME.withZone(clock.getZone()).format(at), clock.getZone().toString());
    }

    private String state(DeviceState state) {
        return text("notice.state." + state.name());
    }

    private String text(String key, Object... args) {
        return texts.get(locale, key, args);
    }
}
