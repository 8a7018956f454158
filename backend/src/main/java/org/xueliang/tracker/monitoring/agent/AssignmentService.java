package org.xueliang.tracker.monitoring.agent;

import org.xueliang.tracker.agent.transport.AgentAssignment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.xueliang.tracker.shared.InLists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.ledger.Credential;
import org.xueliang.tracker.ledger.CredentialRepository;
import org.xueliang.tracker.shared.SecretCipher;
import org.xueliang.tracker.monitoring.AssignmentSettings;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Builds an agent's assignment from the ledger's probe settings. */
@Service
@Transactional(readOnly = true)
public class AssignmentService {

    static final int DEFAULT_INTERVAL_SECONDS = 60;
    static final int DEFAULT_TIMEOUT_MS = 5000;

    /**
     * The devices of a zone (the one parameter) that its agents probe: a probe method, a host to probe, a lifecycle
     * that is monitored. The one definition of "assigned", for the assignment and for what ingest accepts.
     */
    private static final String ASSIGNED = "probe_method IS NOT NULL AND lifecycle IN ('INSTALLED','ACCEPTED','IN_SERVICE','FAULTY')"
            + " AND COALESCE(probe_zone, 'local') = ? AND TRIM(COALESCE(probe_host, ip_address)) <> ''";

    private final JdbcTemplate jdbc;
    private final CredentialRepository credentials;
    private final SecretCipher cipher;
    private final JsonMapper json;
    private final List<AssignmentSettings> extraSettings;

    AssignmentService(JdbcTemplate jdbc, CredentialRepository credentials, SecretCipher cipher, JsonMapper json,
                      List<AssignmentSettings> extraSettings) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.cipher = cipher;
        this.json = json;
        this.extraSettings = extraSettings;
    }

    public AgentAssignment forAgent(long agentId, String zone) {
        return forAgent(agentId, zone, deviceId -> true);
    }

    /**
     * The assignment narrowed to the devices {@code probes} accepts, decided before their credentials are read and
     * decrypted: an embedded agent's share of its zone decrypts only its own devices' secrets, not the whole zone's.
     */
    AgentAssignment forAgent(long agentId, String zone, LongPredicate probes) {
        List<AgentAssignment.Target> targets = new ArrayList<>();
        Map<Long, String> categories = new LinkedHashMap<>();
        jdbc.query("SELECT id, probe_method, COALESCE(probe_host, ip_address) AS host, probe_port, probe_interval_seconds,"
                + " probe_timeout_ms, probe_settings, credential_id, category_code FROM ledger_device_probe WHERE " + ASSIGNED
                + " ORDER BY id", rs -> {
            if (!probes.test(rs.getLong("id"))) {
                return;
            }
            String host = rs.getString("host");
            Method method = Method.valueOf(rs.getString("probe_method"));
            int port = rs.getObject("probe_port") == null ? defaultPort(method) : rs.getInt("probe_port");
            int interval = rs.getObject("probe_interval_seconds") == null ? DEFAULT_INTERVAL_SECONDS : rs.getInt("probe_interval_seconds");
            int timeout = rs.getObject("probe_timeout_ms") == null ? DEFAULT_TIMEOUT_MS : rs.getInt("probe_timeout_ms");
            Long credentialId = rs.getObject("credential_id", Long.class);
            targets.add(new AgentAssignment.Target(rs.getLong("id"), method, host, port, interval, timeout,
                    settings(rs.getString("probe_settings")), secrets(credentialId)));
            categories.put(rs.getLong("id"), rs.getString("category_code"));
        }, zone);
        return new AgentAssignment(agentId, zone, withExtraSettings(targets, categories));
    }

    /** The targets with the other modules' settings added ({@link AssignmentSettings}); theirs win over the ledger's. */
    private List<AgentAssignment.Target> withExtraSettings(List<AgentAssignment.Target> targets, Map<Long, String> categories) {
        if (extraSettings.isEmpty() || targets.isEmpty()) {
            return targets;
        }
        Map<Long, Map<String, String>> extra = new HashMap<>();
        for (AssignmentSettings source : extraSettings) {
            source.forDevices(categories).forEach((id, s) -> extra.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(s));
        }
        if (extra.isEmpty()) {
            return targets;
        }
        return targets.stream().map(t -> {
            Map<String, String> more = extra.get(t.deviceId());
            if (more == null) {
                return t;
            }
            Map<String, String> settings = new LinkedHashMap<>(t.settings());
            settings.putAll(more);
            return new AgentAssignment.Target(t.deviceId(), t.method(), t.host(), t.port(), t.intervalSeconds(),
                    t.timeoutMs(), settings, t.secrets());
        }).toList();
    }

    /**
     * Which of these devices are assigned to the agents of {@code zone}, each with its probe interval in seconds
     * (the default when none is set): the devices an agent of that zone may report on.
     */
    public Map<Long, Integer> assignedAmong(String zone, Collection<Long> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> assigned = new HashMap<>();
        // the ids as digits in the text, the zone (free text) bound: every ingested batch asks this for its devices
        jdbc.query("SELECT id, probe_interval_seconds FROM ledger_device_probe WHERE " + ASSIGNED + " AND id IN ("
                + InLists.numbers(deviceIds) + ")", rs -> {
            int interval = rs.getInt(2);
            assigned.put(rs.getLong(1), interval > 0 ? interval : DEFAULT_INTERVAL_SECONDS);
        }, zone);
        return assigned;
    }

    public static int defaultPort(Method method) {
        return switch (method) {
            case ONVIF -> 80;
            case SNMP -> 161;
            case RTSP -> 554;
            case TCP -> 80;
            case ICMP -> 0;
            case GB28181 -> 5060;
        };
    }

    private Map<String, String> settings(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        return json.readValue(text, new TypeReference<Map<String, String>>() { });
    }

    private Secrets secrets(Long credentialId) {
        if (credentialId == null) {
            return Secrets.NONE;
        }
        return credentials.findById(credentialId).map(this::toSecrets).orElse(Secrets.NONE);
    }

    private Secrets toSecrets(Credential c) {
        return switch (c.getKind()) {
            case ONVIF -> Secrets.onvif(c.getUsername(), c.secret(cipher));
            case SNMP_V2C -> Secrets.community(c.secret(cipher));
            case SNMP_V3 -> new Secrets(c.getUsername(), null, c.getAuthProtocol(), c.secret(cipher), c.getPrivProtocol(),
                    c.privacySecret(cipher));
            // A GB/T 28181 password is the platform's to check, never an agent's to use.
            case GB28181 -> Secrets.NONE;
        };
    }
}
