package org.xueliang.tracker.agent.gb;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;

/**
 * The documents a platform sends to a device (Query bodies of MESSAGE and SUBSCRIBE) and the keepalive a device
 * sends (a Notify), built the way GB/T 28181-2016 Annex A writes them. {@code deviceId} is the 20-digit code of the
 * device or channel addressed; {@code sn} is the serial number the device repeats in its answer, which is how an
 * answer is matched to its query. Write them with {@link Manscdp#write} (GB2312 is what devices expect).
 */
public final class ManscdpQueries {

    private ManscdpQueries() {
    }

    /** Query Catalog: the device's channels (an NVR answers over several MESSAGEs with SumNum); also the SUBSCRIBE body. */
    public static ManscdpMessage catalog(String deviceId, long sn) {
        return query("Catalog", deviceId, sn, Map.of());
    }

    /** Query DeviceInfo: manufacturer, model, firmware, channel count. */
    public static ManscdpMessage deviceInfo(String deviceId, long sn) {
        return query("DeviceInfo", deviceId, sn, Map.of());
    }

    /** Query DeviceStatus: online, status, record, DeviceTime, alarm status. */
    public static ManscdpMessage deviceStatus(String deviceId, long sn) {
        return query("DeviceStatus", deviceId, sn, Map.of());
    }

    /**
     * Query RecordInfo of one channel for the window [start, end], written as local times in {@code zone} (the
     * device's clock zone, usually {@link GbTime#CHINA}); all recording types, secrecy 0 (not secret).
     */
    public static ManscdpMessage recordInfo(String channelId, long sn, Instant start, Instant end, ZoneId zone) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the window ends (" + end + ") before it starts (" + start + ")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("StartTime", GbTime.format(start, zone));
        fields.put("EndTime", GbTime.format(end, zone));
        fields.put("Secrecy", "0");
        fields.put("Type", "all");
        return query("RecordInfo", channelId, sn, fields);
    }

    /** Notify Keepalive with Status OK: what a device sends every keepalive interval. */
    public static ManscdpMessage keepalive(String deviceId, long sn) {
        requireCode(deviceId);
        return ManscdpMessage.of(Root.Notify, "Keepalive", sn, deviceId, Map.of("Status", "OK"));
    }

    private static ManscdpMessage query(String cmdType, String deviceId, long sn, Map<String, String> fields) {
        requireCode(deviceId);
        return ManscdpMessage.of(Root.Query, cmdType, sn, deviceId, fields);
    }

    private static void requireCode(String deviceId) {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("a MANSCDP document needs the DeviceID it addresses");
        }
    }
}
