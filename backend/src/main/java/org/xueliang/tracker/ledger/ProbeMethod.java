package org.xueliang.tracker.ledger;

/** How a device's health is probed (SPEC §5). */
public enum ProbeMethod {
    ONVIF, SNMP, TCP, ICMP, RTSP
}
