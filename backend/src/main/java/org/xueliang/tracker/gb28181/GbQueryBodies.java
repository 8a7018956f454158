package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.agent.gb.ManscdpQueries;

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
        return ManscdpQueries.catalog(deviceCode, nextSn());
    }

    ManscdpMessage deviceInfo(String deviceCode) {
        return ManscdpQueries.deviceInfo(deviceCode, nextSn());
    }

    ManscdpMessage deviceStatus(String deviceCode) {
        return ManscdpQueries.deviceStatus(deviceCode, nextSn());
    }

    /** All recordings (Type all, not secret) of {@code channelCode} between the two instants, in the devices' zone. */
    ManscdpMessage recordInfo(String channelCode, Instant start, Instant end, ZoneId zone) {
        return ManscdpQueries.recordInfo(channelCode, nextSn(), start, end, zone);
    }
}
