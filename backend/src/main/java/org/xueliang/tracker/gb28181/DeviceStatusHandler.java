package org.xueliang.tracker.gb28181;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/**
 * DeviceStatus answers: Online, Record, the alarm status of its alarm inputs, and DeviceTime, which gives the device's
 * clock offset (device − server, measured at receipt, in the bureau's zone like every MANSCDP time).
 */
@Component
class DeviceStatusHandler implements ManscdpHandler {

    private final GbDeviceFacts facts;
    private final Clock clock;

    DeviceStatusHandler(GbDeviceFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public Set<String> cmdTypes() {
        return Set.of("DeviceStatus");
    }

    @Override
    @Transactional
    public void handle(String deviceCode, ManscdpMessage message, Instant receivedAt) {
        if (message.root() != ManscdpMessage.Root.Response || "ERROR".equalsIgnoreCase(upper(message.field("Result")))) {
            return;
        }
        Long offset = GbLocalTime.parse(message.field("DeviceTime"), clock.getZone())
                .map(deviceTime -> Duration.between(receivedAt, deviceTime).toMillis()).orElse(null);
        facts.deviceStatus(deviceCode, upper(message.field("Online")), upper(message.field("Record")),
                alarmStatus(message), offset, receivedAt);
    }

    /**
     * One word for the alarm inputs (DutyStatus of each Alarmstatus item): ALARM when any is alarming, else the first
     * one's (ONDUTY, OFFDUTY); none when the device lists no alarm inputs.
     */
    static String alarmStatus(ManscdpMessage message) {
        String first = null;
        for (Map<String, String> item : message.items()) {
            String duty = upper(item.get("DutyStatus"));
            if ("ALARM".equals(duty)) {
                return duty;
            }
            if (first == null && duty != null && !duty.isEmpty()) {
                first = duty;
            }
        }
        return first;
    }

    private static String upper(String text) {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }
}
