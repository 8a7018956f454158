package org.xueliang.tracker.agent.snmp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers the last sysUpTime reading per device and says whether a new one means the device rebooted
 * in between ({@link SysUpTime#rebooted}). In memory only: after an agent restart the first reading of
 * each device is a baseline, never a reboot.
 */
public final class RebootDetector {

    private final ConcurrentMap<Long, SysUpTime.Reading> last = new ConcurrentHashMap<>();

    /** Records {@code reading} for the device and returns true if it reveals a reboot since the previous one. */
    public boolean record(long deviceId, SysUpTime.Reading reading) {
        SysUpTime.Reading previous = last.put(deviceId, reading);
        return SysUpTime.rebooted(previous, reading);
    }

    public void forget(long deviceId) {
        last.remove(deviceId);
    }
}
