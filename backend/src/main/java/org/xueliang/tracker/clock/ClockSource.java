package org.xueliang.tracker.clock;

/** Where a clock offset was measured: ONVIF GetSystemDateAndTime, or the DeviceTime of a GB/T 28181 DeviceStatus answer. */
public enum ClockSource {
    ONVIF, GB28181
}
