package org.xueliang.tracker.gb28181;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The GB/T 28181 server's settings (CONFIGURATION.md "GB/T 28181"): {@code xl.gb.*} in application.yml, each read from
 * its environment variable {@code XL_GB_*}. The default password is a secret: never logged, never returned.
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
    private final int registerExpiresSeconds;
    private final int authMaxFailures;
    private final Duration authBlock;

    GbSettings(@Value("${xl.gb.enabled:false}") boolean enabled,
               @Value("${xl.gb.sip-port:5060}") int sipPort,
               @Value("${xl.gb.sip-host:127.0.0.1}") String sipHost,
               @Value("${xl.gb.server-id:14082400002000000001}") String serverId,
               @Value("${xl.gb.domain:1408240000}") String domain,
               @Value("${xl.gb.password:}") String defaultPassword,
               @Value("${xl.gb.keepalive-seconds:60}") int keepaliveSeconds,
               @Value("${xl.gb.keepalive-misses:3}") int keepaliveMisses,
               @Value("${xl.gb.register-expires-seconds:3600}") int registerExpiresSeconds,
               @Value("${xl.gb.auth-max-failures:5}") int authMaxFailures,
               @Value("${xl.gb.auth-block:PT10M}") Duration authBlock) {
        if (!serverId.matches("\\d{20}")) {
            throw new IllegalArgumentException("XL_GB_SERVER_ID must be 20 digits");
        }
        if (!domain.matches("\\d{10}")) {
            throw new IllegalArgumentException("XL_GB_DOMAIN must be 10 digits");
        }
        if (keepaliveSeconds < 1 || keepaliveMisses < 1) {
            throw new IllegalArgumentException("XL_GB_KEEPALIVE_SECONDS and XL_GB_KEEPALIVE_MISSES must be 1 or more");
        }
        if (sipPort < 0 || sipPort > 65535) {
            throw new IllegalArgumentException("XL_GB_SIP_PORT must be a port number (0 = any free port)");
        }
        if (registerExpiresSeconds < 60 || authMaxFailures < 1 || authBlock.isNegative() || authBlock.isZero()) {
            throw new IllegalArgumentException("XL_GB_REGISTER_EXPIRES_SECONDS must be 60 or more, XL_GB_AUTH_MAX_FAILURES 1 or"
                    + " more and XL_GB_AUTH_BLOCK a positive duration");
        }
        this.enabled = enabled;
        this.sipPort = sipPort;
        this.sipHost = sipHost;
        this.serverId = serverId;
        this.domain = domain;
        this.defaultPassword = defaultPassword;
        this.keepaliveSeconds = keepaliveSeconds;
        this.keepaliveMisses = keepaliveMisses;
        this.registerExpiresSeconds = registerExpiresSeconds;
        this.authMaxFailures = authMaxFailures;
        this.authBlock = authBlock;
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

    /** The registration's length when a REGISTER asks for none. */
    int registerExpiresSeconds() { return registerExpiresSeconds; }

    /** Failed digests per (device code, source host) within {@link #authBlock()} before that pair is blocked. */
    int authMaxFailures() { return authMaxFailures; }

    /** The failure window, and how long a blocked pair is refused without checking. */
    Duration authBlock() { return authBlock; }
}
