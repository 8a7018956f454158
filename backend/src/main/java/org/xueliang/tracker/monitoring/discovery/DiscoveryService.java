package org.xueliang.tracker.monitoring.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.onvif.WsDiscovery;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.RetryingTransactionTemplate;
import org.xueliang.tracker.shared.TransactionRetries;

/**
 * WS-Discovery from the backend (zone {@code local}): probes a unicast target, or the multicast group on a named
 * interface, and tells which of the cameras that answered are in the ledger (an XAddr host equal to a device's
 * ip_address or probe_host). The probe runs outside any transaction; the audit entry is written after it.
 */
@Service
class DiscoveryService {

    static final int DEFAULT_TIMEOUT_MS = 3000;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?::(\\d{1,5}))?");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9A-Fa-f:.]+)](?::(\\d{1,5}))?");

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    /** Scans are cheap but block a request thread for their timeout: a few at a time. */
    private final Semaphore running = new Semaphore(2);

    DiscoveryService(JdbcTemplate jdbc, AuditTrail audit, PlatformTransactionManager transactions, TransactionRetries retries) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new RetryingTransactionTemplate(transactions, retries);
    }

    /** {@code target} null = multicast 239.255.255.250:3702 out of {@code networkInterface}. */
    public record DiscoveryRequest(String target, @JsonProperty("interface") String networkInterface, Integer timeoutMs) {
    }

    public record Found(String address, String fromAddress, List<String> xaddrs, String endpointReference, String name,
                        String hardware, String location, List<String> types, boolean inLedger, Long deviceId,
                        String assetTag) {
    }

    /** {@code target} is "239.255.255.250:3702" for a multicast probe; {@code ignored} counts unusable answers. */
    public record DiscoveryResult(Instant probedAt, String target, @JsonProperty("interface") String networkInterface,
                                  int timeoutMs, List<Found> found, int ignored) {
    }

    public DiscoveryResult discover(DiscoveryRequest in) {
        if (in == null) {
            throw ApiException.badRequest("body", "a JSON object is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        int timeoutMs = in.timeoutMs() == null ? DEFAULT_TIMEOUT_MS : in.timeoutMs();
        if (timeoutMs < 100 || timeoutMs > 10_000) {
            problems.add(new FieldProblem("timeoutMs", "must be between 100 and 10000 (milliseconds)"));
        }
        InetSocketAddress target = null;
        NetworkInterface nif = null;
        boolean multicast = in.target() == null || in.target().isBlank();
        if (!multicast) {
            target = parseTarget(in.target().trim(), problems);
            if (in.networkInterface() != null && !in.networkInterface().isBlank()) {
                problems.add(new FieldProblem("interface", "applies to the multicast probe only; leave it out with a target"));
            }
        } else {
            nif = multicastInterface(in.networkInterface(), problems);
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (!running.tryAcquire()) {
            throw ApiException.conflict("Other discovery probes are running; try again in a few seconds");
        }
        WsDiscovery.Result result;
        try {
            Duration timeout = Duration.ofMillis(timeoutMs);
            result = multicast ? WsDiscovery.probeMulticast(nif, timeout) : WsDiscovery.probeUnicast(target, timeout);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "Discovery failed", "The probe could not be sent: " + e.getMessage(), null);
        } finally {
            running.release();
        }
        String targetText = hostAndPort(result.target());
        String ifName = nif == null ? null : nif.getName();
        List<Found> found = inLedger(result.matches());
        DiscoveryResult out = new DiscoveryResult(result.startedAt(), targetText, ifName, timeoutMs, found, result.ignored());
        transaction.executeWithoutResult(tx -> audit(out));
        return out;
    }

    private void audit(DiscoveryResult r) {
        List<String> unknown = r.found().stream().filter(f -> !f.inLedger()).map(Found::address).toList();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", r.target());
        after.put("interface", r.networkInterface());
        after.put("found", r.found().size());
        after.put("notInLedger", unknown.size() > 200 ? unknown.subList(0, 200) : unknown);
        audit.record("DISCOVERY", "Discovery", r.target(), "WS-Discovery probe of " + r.target()
                + (r.networkInterface() == null ? "" : " on " + r.networkInterface()) + ": " + r.found().size()
                + " found, " + unknown.size() + " not in the ledger", null, after);
    }

    private List<Found> inLedger(List<WsDiscovery.Match> matches) {
        record Device(long id, String assetTag) {
        }
        Map<String, Device> byHost = new HashMap<>();
        if (!matches.isEmpty()) {
            jdbc.query("SELECT id, asset_tag, ip_address, probe_host FROM ledger_device_probe"
                    + " WHERE ip_address IS NOT NULL OR probe_host IS NOT NULL ORDER BY id", rs -> {
                Device d = new Device(rs.getLong("id"), rs.getString("asset_tag"));
                for (String h : new String[]{rs.getString("probe_host"), rs.getString("ip_address")}) {
                    if (h != null && !h.isBlank()) {
                        byHost.putIfAbsent(h.trim().toLowerCase(Locale.ROOT), d);
                    }
                }
            });
        }
        List<Found> out = new ArrayList<>();
        for (WsDiscovery.Match m : matches) {
            List<String> hosts = m.xaddrHosts().isEmpty() && m.address() != null ? List.of(m.address()) : m.xaddrHosts();
            Device d = hosts.stream().map(h -> byHost.get(h.toLowerCase(Locale.ROOT))).filter(x -> x != null)
                    .findFirst().orElse(null);
            out.add(new Found(m.address(), m.fromAddress() == null ? null : m.fromAddress().getAddress().getHostAddress(),
                    m.xaddrs(), m.endpointReference(), m.name().orElse(null), m.hardware().orElse(null),
                    m.location().orElse(null), m.types(), d != null, d == null ? null : d.id(), d == null ? null : d.assetTag()));
        }
        return out;
    }

    /** An IP literal with an optional port (3702 by default); host names are refused, so nothing is resolved. */
    static InetSocketAddress parseTarget(String s, List<FieldProblem> problems) {
        String hint = "must be a unicast IP address with an optional port, e.g. 127.20.0.1:3702 or [::1]:3702;"
                + " leave it null for the multicast probe";
        String host;
        String port;
        Matcher v4 = IPV4.matcher(s);
        Matcher v6 = IPV6.matcher(s);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    problems.add(new FieldProblem("target", hint));
                    return null;
                }
            }
            host = s.substring(0, v4.end(4));
            port = v4.group(5);
        } else if (v6.matches()) {
            host = v6.group(1);
            port = v6.group(2);
        } else {
            problems.add(new FieldProblem("target", hint));
            return null;
        }
        int p = port == null ? WsDiscovery.PORT : Integer.parseInt(port);
        InetAddress a;
        try {
            a = InetAddress.getByName(host); // a literal: no lookup
        } catch (UnknownHostException e) {
            problems.add(new FieldProblem("target", hint));
            return null;
        }
        if (p < 1 || p > 65535 || a.isMulticastAddress() || a.isAnyLocalAddress() || s.startsWith("255.255.255.255")) {
            problems.add(new FieldProblem("target", hint));
            return null;
        }
        return new InetSocketAddress(a, p);
    }

    private static NetworkInterface multicastInterface(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("interface", "is required for the multicast probe (e.g. eth0), or give a target"));
            return null;
        }
        try {
            NetworkInterface nif = NetworkInterface.getByName(name.trim());
            if (nif == null) {
                problems.add(new FieldProblem("interface", "no network interface named " + name.trim() + " on the server"));
            } else if (!nif.isUp() || !nif.supportsMulticast()
                    || nif.inetAddresses().noneMatch(x -> x instanceof Inet4Address)) {
                problems.add(new FieldProblem("interface", nif.getName() + " is down, has no IPv4 address or does not do multicast"));
            } else {
                return nif;
            }
        } catch (SocketException e) {
            problems.add(new FieldProblem("interface", "cannot read interface " + name.trim() + ": " + e.getMessage()));
        }
        return null;
    }

    private static String hostAndPort(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }
}
