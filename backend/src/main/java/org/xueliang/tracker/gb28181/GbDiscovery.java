package org.xueliang.tracker.gb28181;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.ledger.DeviceFields;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.DeviceView;
import org.xueliang.tracker.ledger.GbCode;
import org.xueliang.tracker.ledger.GbDirectory;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.shared.ApiException;

/**
 * 发现 for GB/T 28181: devices that registered (or tried to) with a code no ledger device carries, and their adoption
 * into the ledger. Nothing is added silently: a person adopts each one. Its keepalives were counted from its first
 * REGISTER ({@code keepalive_count}); its status starts at adoption, when the sweeper first finds it linked.
 */
@Service
public class GbDiscovery {

    /** The list is for a person to read; more unknown devices than this at once is a misconfigured domain. */
    static final int MAX_LISTED = 1000;

    private final JdbcTemplate jdbc;
    private final GbDirectory directory;
    private final DeviceService devices;
    private final Clock clock;

    GbDiscovery(JdbcTemplate jdbc, GbDirectory directory, DeviceService devices, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.devices = devices;
        this.clock = clock;
    }

    /** A registration no ledger device carries. {@code type} is the code's type name (IPC, NVR, …) or null. */
    public record Unknown(String code, String type, String address, int port, String transport, boolean registered,
                          Instant firstSeenAt, Instant registeredAt, Instant lastKeepaliveAt, long keepaliveCount,
                          String manufacturer, String model, String firmware) {
    }

    /** What a person gives to adopt a registration; the rest comes from the registration. */
    public record Adoption(Long projectId, Long siteId, String category, String name, String assetTag) {
    }

    @Transactional(readOnly = true)
    public List<Unknown> unknown() {
        Instant now = clock.instant();
        List<Unknown> all = jdbc.query("SELECT * FROM gb_registration ORDER BY first_seen_at DESC, device_code",
                (rs, n) -> new Unknown(rs.getString("device_code"), typeOf(rs.getString("device_code")),
                        rs.getString("remote_host"), rs.getInt("remote_port"), rs.getString("transport"),
                        registered(instant(rs.getTimestamp("registered_at")), instant(rs.getTimestamp("unregistered_at")),
                                instant(rs.getTimestamp("expires_at")), now),
                        instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("registered_at")),
                        instant(rs.getTimestamp("last_keepalive_at")), rs.getLong("keepalive_count"),
                        rs.getString("manufacturer"), rs.getString("model"), rs.getString("firmware")));
        Map<String, Long> known = directory.deviceIdsByCode(all.stream().map(Unknown::code).toList());
        return all.stream().filter(u -> !known.containsKey(u.code())).limit(MAX_LISTED).toList();
    }

    /**
     * Creates the ledger device of registration {@code code}: INSTALLED today (it is on the network), its IP the
     * address it registered from, vendor/model/firmware as DeviceInfo reported them, name the given one or the code.
     */
    @Transactional
    public DeviceView adopt(String code, Adoption request) {
        Unknown registration = unknown(code);
        String assetTag = request.assetTag() == null || request.assetTag().isBlank() ? "GB-" + code : request.assetTag().trim();
        String name = request.name() == null || request.name().isBlank() ? code : request.name().trim();
        LocalDate today = LocalDate.now(clock);
        DeviceFields fields = new DeviceFields(request.projectId(), assetTag, name, request.category(), null,
                request.siteId(), registration.manufacturer(), registration.model(), null, null,
                ipLiteralOrNull(registration.address()), registration.firmware(), Lifecycle.INSTALLED, null, null, today,
                null, null, null, null, null, null, null, null, null, null, null, null, null, code);
        return devices.adoptGb(fields);
    }

    private Unknown unknown(String code) {
        if (code == null || !code.matches("\\d{20}")) {
            throw ApiException.notFound("GB/T 28181 registration", code);
        }
        if (!directory.deviceIdsByCode(List.of(code)).isEmpty()) {
            throw ApiException.conflict("A ledger device carries the national code " + code + " already");
        }
        Instant now = clock.instant();
        return jdbc.query("SELECT * FROM gb_registration WHERE device_code = ?", (rs, n) -> new Unknown(code,
                        typeOf(code), rs.getString("remote_host"), rs.getInt("remote_port"), rs.getString("transport"),
                        registered(instant(rs.getTimestamp("registered_at")), instant(rs.getTimestamp("unregistered_at")),
                                instant(rs.getTimestamp("expires_at")), now),
                        instant(rs.getTimestamp("first_seen_at")), instant(rs.getTimestamp("registered_at")),
                        instant(rs.getTimestamp("last_keepalive_at")), rs.getLong("keepalive_count"),
                        rs.getString("manufacturer"), rs.getString("model"), rs.getString("firmware")), code)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("GB/T 28181 registration", code));
    }

    private static boolean registered(Instant registeredAt, Instant unregisteredAt, Instant expiresAt, Instant now) {
        return registeredAt != null && (unregisteredAt == null || unregisteredAt.isBefore(registeredAt))
                && (expiresAt == null || expiresAt.isAfter(now));
    }

    private static String typeOf(String code) {
        return GbCode.parse(code).map(c -> GbCode.TYPES.get(c.type())).orElse(null);
    }

    /** The registration's source address, when it is a plain IPv4 or IPv6 literal the ledger accepts. */
    private static String ipLiteralOrNull(String host) {
        return host != null && (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) ? host : null;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
