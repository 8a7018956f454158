package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/** DeviceInfo answers: manufacturer, model, firmware and channel count into the device's registration row. */
@Component
class DeviceInfoHandler implements ManscdpHandler {

    private final GbDeviceFacts facts;

    DeviceInfoHandler(GbDeviceFacts facts) {
        this.facts = facts;
    }

    @Override
    public Set<String> cmdTypes() {
        return Set.of("DeviceInfo");
    }

    @Override
    @Transactional
    public void handle(String deviceCode, ManscdpMessage message, Instant receivedAt) {
        if (message.root() != ManscdpMessage.Root.Response || "ERROR".equalsIgnoreCase(trim(message.field("Result")))) {
            return;
        }
        facts.deviceInfo(deviceCode, message.field("Manufacturer"), message.field("Model"), message.field("Firmware"),
                count(message.field("Channel")), receivedAt);
    }

    private static Integer count(String text) {
        try {
            int n = Integer.parseInt(trim(text));
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
