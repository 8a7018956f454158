package org.xueliang.tracker.agent.snmp;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * When a device's SNMP inventory is due: at its first answered probe, then once per interval — the walks cost a few
 * dozen requests where a probe costs one, and serials and models change rarely. In the agent's memory only: a
 * restarted agent takes every inventory again on its first cycle, as it searches ONVIF recordings again.
 */
final class InventorySchedule {

    private final ConcurrentMap<Long, Instant> taken = new ConcurrentHashMap<>();

    /** Whether the device's inventory is due now; never when the interval is zero or negative (switched off). */
    boolean due(long deviceId, Duration interval, Instant now) {
        if (interval.isZero() || interval.isNegative()) {
            return false;
        }
        Instant last = taken.get(deviceId);
        return last == null || !now.isBefore(last.plus(interval));
    }

    /** A complete inventory was taken at {@code at}; an interrupted one (deadline) leaves it due. */
    void taken(long deviceId, Instant at) {
        taken.put(deviceId, at);
    }

    /** The interval a device's settings ask for; an unreadable one falls back to the default. */
    static Duration interval(String setting) {
        if (setting == null || setting.isBlank()) {
            return SnmpInventory.DEFAULT_INTERVAL;
        }
        try {
            return Duration.parse(setting.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return SnmpInventory.DEFAULT_INTERVAL;
        }
    }
}
