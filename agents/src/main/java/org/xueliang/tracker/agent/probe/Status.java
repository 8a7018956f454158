package org.xueliang.tracker.agent.probe;

/**
 * What one probe found: the device answered properly (UP), answered but something is wrong
 * (DEGRADED: auth failure, no video, clock off, uplink down), or did not answer (DOWN). Turning
 * consecutive results into a device state (3 failures → DOWN) is the backend's job, not the prober's.
 */
public enum Status {
    UP, DEGRADED, DOWN
}
