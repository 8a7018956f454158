package org.xueliang.tracker.ledger;

import java.util.Map;

/**
 * The {@code "probe"} object of a device request: how to probe it, and its credentials. Secrets are
 * write-only: an absent secret keeps the stored one, an empty string clears it.
 */
public record ProbeInput(ProbeMethod method, String host, Integer port, Integer intervalSeconds, Integer timeoutMs,
                         String zone, Map<String, String> settings, Snmp snmp, Onvif onvif) {

    /** SNMP v2c (community) or v3 (USM user with SHA/AES keys). */
    public record Snmp(String version, String community, String username, String authProtocol, String authPassword,
                       String privProtocol, String privPassword) {
    }

    public record Onvif(String username, String password) {
    }

    /** Overlays the probe's plain settings on the device's fields (the probe object wins where both are given). */
    DeviceFields overlay(DeviceFields f) {
        return new DeviceFields(f.projectId(), f.assetTag(), f.name(), f.category(), f.constructionItemId(), f.siteId(),
                f.vendor(), f.model(), f.serialNumber(), f.macAddress(), f.ipAddress(), f.firmware(), f.lifecycle(),
                f.plannedOn(), f.deliveredOn(), f.installedOn(), f.acceptedOn(), f.inServiceOn(), f.faultyOn(),
                f.retiredOn(), f.warrantyEnd(), f.unitPrice(), f.notes(),
                method != null ? method : f.probeMethod(), port != null ? port : f.probePort(),
                host != null ? host : f.probeHost(), intervalSeconds != null ? intervalSeconds : f.probeIntervalSeconds(),
                timeoutMs != null ? timeoutMs : f.probeTimeoutMs(), zone != null ? zone : f.probeZone(), f.gbCode());
    }
}
