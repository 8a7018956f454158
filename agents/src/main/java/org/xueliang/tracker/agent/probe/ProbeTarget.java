package org.xueliang.tracker.agent.probe;

import java.time.Duration;
import java.util.Map;

/**
 * One device to probe: where, how, within what time, with which settings (method-specific, e.g.
 * {@code snmp.version=3}, {@code snmp.uplinks=1,2}, {@code onvif.path=/onvif/device_service}) and
 * which credentials.
 */
public record ProbeTarget(long deviceId, Method method, String host, int port, Duration timeout,
                          Map<String, String> settings, Secrets secrets) {

    public ProbeTarget {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        secrets = secrets == null ? Secrets.NONE : secrets;
    }

    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }
}
