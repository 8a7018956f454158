package org.xueliang.tracker.monitoring;

/**
 * A device's health as the technician sees it (SPEC §5). UNKNOWN means "not measured" (the agent
 * is silent or the device was never probed) and is never counted as down.
 */
public enum DeviceState {
    UP, DEGRADED, DOWN, UNKNOWN
}
