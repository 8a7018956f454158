package org.xueliang.tracker.agent.gb;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DeviceStatus answer (GB/T 28181-2016 A.2.6.5). The codes are kept as the device wrote them (upper case, null when
 * unsaid) for storing; the boolean views read them. A malformed DeviceTime is absent rather than a refused report:
 * the online and record states are worth keeping when the clock text is junk.
 *
 * @param result     OK or ERROR: whether the device could answer at all
 * @param online     ONLINE or OFFLINE
 * @param status     OK or ERROR: whether the device works
 * @param encode     ON or OFF: whether it encodes
 * @param record     ON or OFF: whether it records
 * @param deviceTime the device's wall clock when it answered, for the clock offset
 * @param alarms     the Alarmstatus list: each alarm input and its duty status (ONDUTY, OFFDUTY, ALARM)
 */
public record DeviceStatusReport(String deviceId, String result, String online, String status, String encode,
                                 String record, LocalDateTime deviceTime, List<Alarm> alarms) {

    /** One alarm input's state. */
    public record Alarm(String deviceId, String dutyStatus) {
    }

    public DeviceStatusReport {
        alarms = List.copyOf(alarms);
    }

    /** Reads a DeviceStatus Response; any other document is refused. */
    public static DeviceStatusReport from(ManscdpMessage m) throws ManscdpException {
        if (m.root() != ManscdpMessage.Root.Response || !"DeviceStatus".equalsIgnoreCase(m.cmdType())) {
            throw new ManscdpException("a " + m.root() + " " + m.cmdType() + " is not a DeviceStatus answer");
        }
        Map<String, String> f = m.fields();
        LocalDateTime deviceTime;
        try {
            deviceTime = f.containsKey("DeviceTime") ? GbTime.parseLocal(f.get("DeviceTime")) : null;
        } catch (ManscdpException junk) {
            deviceTime = null;
        }
        List<Alarm> alarms = new ArrayList<>();
        for (Map<String, String> item : m.items()) {
            String id = FieldValues.text(item, "DeviceID");
            String duty = FieldValues.code(item, "DutyStatus");
            if (id != null || duty != null) {
                alarms.add(new Alarm(id, duty));
            }
        }
        return new DeviceStatusReport(m.deviceId(), FieldValues.code(f, "Result"), FieldValues.code(f, "Online"),
                FieldValues.code(f, "Status"), FieldValues.code(f, "Encode"), FieldValues.code(f, "Record"), deviceTime,
                alarms);
    }

    /** True for ONLINE, false for OFFLINE, null otherwise. */
    public Boolean isOnline() {
        return FieldValues.either(online, "ONLINE", "OFFLINE");
    }

    /** True for Record ON, false for OFF, null otherwise. */
    public Boolean isRecording() {
        return FieldValues.either(record, "ON", "OFF");
    }

    /** The alarm state in one word: ALARM if any input alarms, else ONDUTY if any is armed, else OFFDUTY; null without a list. */
    public String alarmSummary() {
        if (alarms.isEmpty()) {
            return null;
        }
        if (alarms.stream().anyMatch(a -> "ALARM".equals(a.dutyStatus()))) {
            return "ALARM";
        }
        return alarms.stream().anyMatch(a -> "ONDUTY".equals(a.dutyStatus())) ? "ONDUTY" : "OFFDUTY";
    }

    /**
     * Device clock minus server clock, with the device time placed in {@code zone} and compared with the moment the
     * answer arrived (the answer's transit, milliseconds on a LAN, is within the offset's second resolution).
     */
    public Optional<Duration> clockOffset(ZoneId zone, Instant receivedAt) {
        return deviceTime == null ? Optional.empty()
                : Optional.of(Duration.between(receivedAt, deviceTime.atZone(zone).toInstant()));
    }
}
