package org.xueliang.tracker.ledger;

import java.util.Map;

/**
 * A device's probing configuration as the API shows it: never a secret, only whether one is set. The
 * {@code snmp} / {@code onvif} objects mirror what a write takes (`"snmp": {"version", "username",
 * "authProtocol", "privProtocol"}`, `"onvif": {"username"}`) with the secrets left out, so a client can
 * read, change a field and write back; {@code credential} says the same in one generic shape.
 */
public record ProbeView(ProbeMethod method, String host, Integer port, Integer intervalSeconds, Integer timeoutMs,
                        String zone, Map<String, String> settings, CredentialView credential, SnmpView snmp,
                        OnvifView onvif) {

    public record CredentialView(Credential.Kind kind, String username, String authProtocol, String privProtocol,
                                 boolean secretSet) {
    }

    /** @param secretSet the community (v2c) or the auth/priv passwords (v3) are stored */
    public record SnmpView(String version, String username, String authProtocol, String privProtocol, boolean secretSet) {
    }

    /** @param secretSet the password is stored */
    public record OnvifView(String username, boolean secretSet) {
    }

    static ProbeView of(ProbeMethod method, String host, Integer port, Integer intervalSeconds, Integer timeoutMs, String zone,
                        Map<String, String> settings, CredentialView c) {
        SnmpView snmp = c == null || c.kind() == Credential.Kind.ONVIF ? null : new SnmpView(
                c.kind() == Credential.Kind.SNMP_V3 ? "3" : "2c", c.username(), c.authProtocol(), c.privProtocol(), c.secretSet());
        OnvifView onvif = c == null || c.kind() != Credential.Kind.ONVIF ? null : new OnvifView(c.username(), c.secretSet());
        return new ProbeView(method, host, port, intervalSeconds, timeoutMs, zone, settings, c, snmp, onvif);
    }
}
