package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;

/**
 * The MANSCDP {@code <Query>} bodies the server sends, each with a fresh SN. The answer repeats the SN, which is how a
 * RecordInfo or Catalog answer is matched to its query. SNs stay below 10^9 (devices parse them as 32-bit integers);
 * each replica starts at a random point, so two replicas rarely reuse one, and a clash would only join two answers
 * of the same device and channel.
 */
final class GbQueryBodies {

    private static final long SN_LIMIT = 1_000_000_000L;
    private final AtomicLong sn = new AtomicLong(ThreadLocalRandom.current().nextLong(1, SN_LIMIT / 2));

    long nextSn() {
        return sn.updateAndGet(n -> n + 1 >= SN_LIMIT ? 1 : n + 1);
    }

    ManscdpMessage catalog(String deviceCode) {
        return query("Catalog", deviceCode, Map.of());
    }

    ManscdpMessage deviceInfo(String deviceCode) {
        return query("DeviceInfo", deviceCode, Map.of());
    }

    ManscdpMessage deviceStatus(String deviceCode) {
        return query("DeviceStatus", deviceCode, Map.of());
    }

    /** All recordings (Type all, not secret) of {@code channelCode} between the two instants, in the devices' zone. */
    ManscdpMessage recordInfo(String channelCode, Instant start, Instant end, ZoneId zone) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("StartTime", GbLocalTime.format(start, zone));
        fields.put("EndTime", GbLocalTime.format(end, zone));
        fields.put("Secrecy", "0");
        fields.put("Type", "all");
        return query("RecordInfo", channelCode, fields);
    }

    private ManscdpMessage query(String cmdType, String deviceId, Map<String, String> fields) {
        return ManscdpMessage.of(Root.Query, cmdType, nextSn(), deviceId, fields);
    }
}
