package org.xueliang.tracker.agent.snmp;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * When a device's SNMP inventory is due: at its first answered probe, then once per interval — the walks cost a few
 * requests where a probe costs one, and serials and models change rarely. In the agent's memory only: a restarted
 * agent takes the inventories again, as it searches ONVIF recordings again. At most {@value #MAX_IN_FLIGHT} run at
 * once: when a fleet starts, the rest stay due and are taken at the next probes, so the first cycle keeps the cost of
 * one GET per device (the thousand-agent test and the probing benchmark's cold cycle).
 */
final class InventorySchedule {

    static final int MAX_IN_FLIGHT = 16;

    /** When a device's last complete inventory was taken, and of which address (host:port). */
    private record Taken(Instant at, String address) {
    }

    private final ConcurrentMap<Long, Taken> taken = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /**
     * Whether the device's inventory is due now: never taken, taken of another address (the device's probe was pointed
     * at another box: its facts are of the old one), or the interval has passed; never when the interval is zero or
     * negative (switched off).
     */
    boolean due(long deviceId, String address, Duration interval, Instant now) {
        if (interval.isZero() || interval.isNegative()) {
            return false;
        }
        Taken last = taken.get(deviceId);
        return last == null || !last.address().equals(address) || !now.isBefore(last.at().plus(interval));
    }

    /** Whether an inventory may start now (then {@link #finished} must follow); false when enough are running. */
    boolean tryStart() {
        return inFlight.tryAcquire();
    }

    /** An inventory ended; when complete, the device is not due again before the interval has passed. */
    void finished(long deviceId, String address, Instant startedAt, boolean complete) {
        inFlight.release();
        if (complete) {
            taken.put(deviceId, new Taken(startedAt, address));
        }
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
