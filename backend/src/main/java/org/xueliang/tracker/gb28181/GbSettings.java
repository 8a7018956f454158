package org.xueliang.tracker.gb28181;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The GB/T 28181 server's settings (CONFIGURATION.md "GB/T 28181"): environment variables {@code XL_GB_*}, or the
 * properties {@code xl.gb.*}. The default password is a secret: never logged, never returned.
 */
@Component
public class GbSettings {

    private final boolean enabled;
    private final int sipPort;
    private final String sipHost;
    private final String serverId;
    private final String domain;
    private final String defaultPassword;
    private final int keepaliveSeconds;
    private final int keepaliveMisses;

    GbSettings(@Value("${xl.gb.enabled:${XL_GB_ENABLED:false}}") boolean enabled,
               @Value("${xl.gb.sip-port:${XL_GB_SIP_PORT:5060}}") int sipPort,
               @Value("${xl.gb.sip-host:${XL_GB_SIP_HOST:127.0.0.1}}") String sipHost,
               @Value("${xl.gb.server-id:${XL_GB_SERVER_ID:14082400002000000001}}") String serverId,
               @Value("${xl.gb.domain:${XL_GB_DOMAIN:1408240000}}") String domain,
               @Value("${xl.gb.password:${XL_GB_PASSWORD:}}") String defaultPassword,
               @Value("${xl.gb.keepalive-seconds:${XL_GB_KEEPALIVE_SECONDS:60}}") int keepaliveSeconds,
               @Value("${xl.gb.keepalive-misses:${XL_GB_KEEPALIVE_MISSES:3}}") int keepaliveMisses) {
        if (!serverId.matches("\\d{20}")) {
            throw new IllegalArgumentException("XL_GB_SERVER_ID must be 20 digits");
        }
        if (!domain.matches("\\d{10}")) {
            throw new IllegalArgumentException("XL_GB_DOMAIN must be 10 digits");
        }
        if (keepaliveSeconds < 1 || keepaliveMisses < 1) {
            throw new IllegalArgumentException("XL_GB_KEEPALIVE_SECONDS and XL_GB_KEEPALIVE_MISSES must be 1 or more");
        }
        this.enabled = enabled;
        this.sipPort = sipPort;
        this.sipHost = sipHost;
        this.serverId = serverId;
        this.domain = domain;
        this.defaultPassword = defaultPassword;
        this.keepaliveSeconds = keepaliveSeconds;
        this.keepaliveMisses = keepaliveMisses;
    }

    public boolean enabled() { return enabled; }

    /** UDP and TCP both listen here; 0 picks a free port (tests). */
    public int sipPort() { return sipPort; }

    /** The address the SIP stack binds (loopback by default; a deployment sets the server's LAN address). */
    public String sipHost() { return sipHost; }

    public String serverId() { return serverId; }

    public String domain() { return domain; }

    /** The password devices without their own credential use; empty = such devices cannot register. */
    String defaultPassword() { return defaultPassword; }

    public Duration keepaliveInterval() { return Duration.ofSeconds(keepaliveSeconds); }

    public int keepaliveMisses() { return keepaliveMisses; }

    /** How long without a keepalive before a device is DOWN GB_KEEPALIVE_TIMEOUT. */
    public Duration keepaliveTimeout() { return keepaliveInterval().multipliedBy(keepaliveMisses); }
}
