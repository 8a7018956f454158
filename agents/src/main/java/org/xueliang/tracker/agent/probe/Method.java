package org.xueliang.tracker.agent.probe;

/** How a device is probed. One {@link Prober} implementation per method. */
public enum Method {
    ONVIF, SNMP, TCP, ICMP, RTSP
}
