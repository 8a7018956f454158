package org.xueliang.tracker.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.SecretCipher;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the {@code "probe"} object of a device request: method-specific settings and the
 * credential, encrypting secrets on the way in. Secrets are write-only: null keeps, "" clears.
 */
@Component
class ProbeConfigurator {

    static final Set<String> AUTH_PROTOCOLS = Set.of("MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512");
    static final Set<String> PRIV_PROTOCOLS = Set.of("DES", "AES", "AES128", "AES192", "AES256");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CredentialRepository credentials;
    private final SecretCipher cipher;

    ProbeConfigurator(CredentialRepository credentials, SecretCipher cipher) {
        this.credentials = credentials;
        this.cipher = cipher;
    }

    static List<FieldProblem> validate(ProbeInput in) {
        List<FieldProblem> p = new ArrayList<>();
        if (in == null) {
            return p;
        }
        if (in.settings() != null) {
            if (in.settings().size() > 50) {
                p.add(new FieldProblem("probe.settings", "at most 50 settings"));
            }
            in.settings().forEach((k, v) -> {
                if (k == null || !k.matches("[A-Za-z0-9._-]{1,64}")) {
                    p.add(new FieldProblem("probe.settings", "setting name '" + k + "' must be 1-64 letters, digits, '.', '_' or '-'"));
                }
                if (v != null && v.length() > 500) {
                    p.add(new FieldProblem("probe.settings." + k, "is longer than 500 characters"));
                }
            });
        }
        if (in.snmp() != null && in.onvif() != null) {
            p.add(new FieldProblem("probe", "give either snmp or onvif credentials, not both"));
        }
        if (in.snmp() != null) {
            ProbeInput.Snmp s = in.snmp();
            String version = s.version() == null ? "2c" : s.version();
            if (!version.equals("2c") && !version.equals("3")) {
                p.add(new FieldProblem("probe.snmp.version", "must be 2c or 3"));
            } else if (version.equals("2c")) {
                if (s.community() != null && s.community().length() > 64) {
                    p.add(new FieldProblem("probe.snmp.community", "is longer than 64 characters"));
                }
            } else {
                if (s.username() == null || !s.username().matches("[A-Za-z0-9._-]{1,32}")) {
                    p.add(new FieldProblem("probe.snmp.username", "an SNMPv3 user name of 1-32 letters, digits, '.', '_' or '-' is required"));
                }
                if (s.authProtocol() == null || !AUTH_PROTOCOLS.contains(s.authProtocol())) {
                    p.add(new FieldProblem("probe.snmp.authProtocol", "one of " + AUTH_PROTOCOLS));
                }
                if (s.privProtocol() != null && !PRIV_PROTOCOLS.contains(s.privProtocol())) {
                    p.add(new FieldProblem("probe.snmp.privProtocol", "one of " + PRIV_PROTOCOLS));
                }
                for (var secret : Map.of("probe.snmp.authPassword", nullToEmpty(s.authPassword()),
                        "probe.snmp.privPassword", nullToEmpty(s.privPassword())).entrySet()) {
                    if (!secret.getValue().isEmpty() && (secret.getValue().length() < 8 || secret.getValue().length() > 64)) {
                        p.add(new FieldProblem(secret.getKey(), "SNMPv3 pass phrases have 8 to 64 characters"));
                    }
                }
            }
        }
        if (in.onvif() != null) {
            if (in.onvif().username() != null && in.onvif().username().length() > 64) {
                p.add(new FieldProblem("probe.onvif.username", "is longer than 64 characters"));
            }
            if (in.onvif().password() != null && in.onvif().password().length() > 128) {
                p.add(new FieldProblem("probe.onvif.password", "is longer than 128 characters"));
            }
        }
        return p;
    }

    /** Stores the settings and credential of {@code in} on the device (validated beforehand). */
    void apply(Device device, ProbeInput in) {
        if (in == null) {
            return;
        }
        String settings = in.settings() == null ? device.getProbeSettings()
                : in.settings().isEmpty() ? null : JSON.writeValueAsString(new LinkedHashMap<>(in.settings()));
        Credential credential = device.getCredential();
        if (in.snmp() != null) {
            credential = snmp(credential, in.snmp());
        } else if (in.onvif() != null) {
            credential = onvif(credential, in.onvif());
        }
        if (credential != null) {
            credentials.save(credential);
        }
        device.configureProbe(settings, credential);
    }

    private Credential snmp(Credential existing, ProbeInput.Snmp s) {
        boolean v3 = "3".equals(s.version());
        Credential.Kind kind = v3 ? Credential.Kind.SNMP_V3 : Credential.Kind.SNMP_V2C;
        Credential c = existing != null && existing.getKind() == kind ? existing : new Credential(kind, null);
        if (v3) {
            c.setUsername(s.username());
            c.setAuthProtocol(s.authProtocol());
            keepOrSet(s.authPassword(), v -> c.setSecret(v, cipher));
            keepOrSet(s.privPassword(), v -> c.setPrivacy(s.privProtocol(), v, cipher));
        } else {
            keepOrSet(s.community(), v -> c.setSecret(v, cipher));
        }
        return c;
    }

    private Credential onvif(Credential existing, ProbeInput.Onvif o) {
        Credential c = existing != null && existing.getKind() == Credential.Kind.ONVIF ? existing
                : new Credential(Credential.Kind.ONVIF, null);
        if (o.username() != null) {
            c.setUsername(o.username());
        }
        keepOrSet(o.password(), v -> c.setSecret(v, cipher));
        return c;
    }

    /** null keeps the stored secret; "" clears it; anything else replaces it. */
    private static void keepOrSet(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value.isEmpty() ? null : value);
        }
    }

    static Map<String, String> parseSettings(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
