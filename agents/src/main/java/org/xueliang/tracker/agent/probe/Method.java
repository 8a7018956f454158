package org.xueliang.tracker.agent.probe;

/**
 * How a device is probed. One {@link Prober} implementation per method, except {@link #GB28181}: that source is not
 * probed by an agent but observed by the backend's GB/T 28181 server (registrations and keepalives), and its results
 * enter the same ingest path.
 */
public enum Method {
    ONVIF, SNMP, TCP, ICMP, RTSP, GB28181;

    /** Whether an agent probes this method (GB/T 28181 is observed by the platform, not probed). */
    public boolean probedByAgents() {
        return this != GB28181;
    }
}
