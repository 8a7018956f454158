package org.xueliang.tracker.ledger;

import java.util.Map;

/** A device's probing configuration as the API shows it: never a secret, only whether one is set. */
public record ProbeView(ProbeMethod method, String host, Integer port, Integer intervalSeconds, Integer timeoutMs,
                        String zone, Map<String, String> settings, CredentialView credential) {

    public record CredentialView(Credential.Kind kind, String username, String authProtocol, String privProtocol,
                                 boolean secretSet) {
    }
}
