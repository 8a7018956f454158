package org.xueliang.tracker.gb28181;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.GbDirectory;
import org.xueliang.tracker.shared.ApiException;

/**
 * Reads {@link GbDeviceView}s. A user limited to some projects sees a code only when the ledger device carrying it is
 * in one of them, and sees the ledger links of channels only to devices they may see.
 */
@Service
class GbDeviceQueries {

    private final JdbcTemplate jdbc;
    private final GbDirectory directory;
    private final CurrentUser currentUser;
    private final Clock clock;

    GbDeviceQueries(JdbcTemplate jdbc, GbDirectory directory, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public GbDeviceView byCode(String code) {
        if (code == null || !code.matches("\\d{20}")) {
            throw ApiException.badRequest("code", "a GB/T 28181 device code is 20 digits");
        }
        AccessScope scope = currentUser.scope();
        Optional<GbDirectory.Entry> ledger = Optional.ofNullable(directory.entriesByCode(List.of(code)).get(code));
        if (!scope.all() && ledger.filter(e -> scope.allows(e.projectId())).isEmpty()) {
            throw ApiException.notFound("GB/T 28181 device", code);
        }
        GbDeviceView view = view(code, ledger.map(GbDirectory.Entry::deviceId).orElse(null), scope);
        if (view.registration() == null && view.channelOf().isEmpty()) {
            throw ApiException.notFound("GB/T 28181 device", code);
        }
        return view;
    }

    @Transactional(readOnly = true)
    public GbDeviceView byLedgerDevice(long deviceId) {
        AccessScope scope = currentUser.scope();
        GbDirectory.Entry entry = directory.entry(deviceId).filter(e -> scope.allows(e.projectId()))
                .orElseThrow(() -> ApiException.notFound("Device", deviceId));
        if (entry.gbCode() == null) {
            throw ApiException.notFound("GB/T 28181 code of device", deviceId);
        }
        return view(entry.gbCode(), deviceId, scope);
    }

    private GbDeviceView view(String code, Long ledgerDeviceId, AccessScope scope) {
        Instant now = clock.instant();
        GbDeviceView.Registration registration = jdbc.query("SELECT * FROM gb_registration WHERE device_code = ?",
                (rs, n) -> registration(rs, now), code).stream().findFirst().orElse(null);
        Map<String, GbDeviceView.RecordQuery> lastQueries = new HashMap<>();
        List<ChannelRow> channels = jdbc.query("SELECT * FROM gb_channel WHERE device_code = ?"
                + " ORDER BY CASE WHEN removed_at IS NULL THEN 0 ELSE 1 END, channel_code", this::channelRow, code);
        List<ChannelRow> parents = jdbc.query("SELECT * FROM gb_channel WHERE channel_code = ? AND device_code <> ?"
                + " ORDER BY device_code", this::channelRow, code, code);
        Stream.concat(channels.stream(), parents.stream()).map(ChannelRow::channelCode).distinct()
                .forEach(c -> recordQuery(c).ifPresent(q -> lastQueries.put(c, q)));
        List<String> codes = new ArrayList<>(channels.stream().map(ChannelRow::channelCode).toList());
        codes.addAll(parents.stream().map(ChannelRow::deviceCode).toList());
        Map<String, Long> visible = new HashMap<>();
        directory.entriesByCode(codes).forEach((c, e) -> {
            if (scope.allows(e.projectId())) {
                visible.put(c, e.deviceId());
            }
        });
        return new GbDeviceView(code, ledgerDeviceId, registration,
                channels.stream().map(c -> new GbDeviceView.Channel(c.channelCode(), c.name(), c.manufacturer(), c.model(),
                        c.address(), c.ptzType(), c.longitude(), c.latitude(), c.status(), c.lastEvent(), c.eventAt(),
                        c.removedAt(), visible.get(c.channelCode()), lastQueries.get(c.channelCode()))).toList(),
                parents.stream().map(p -> new GbDeviceView.ChannelOf(p.deviceCode(), visible.get(p.deviceCode()), p.status(),
                        p.lastEvent(), p.eventAt(), p.removedAt(), lastQueries.get(code))).toList());
    }

    private static GbDeviceView.Registration registration(ResultSet rs, Instant now) throws SQLException {
        Instant registeredAt = GbDb.instant(rs.getTimestamp("registered_at"));
        Instant expiresAt = GbDb.instant(rs.getTimestamp("expires_at"));
        Instant unregisteredAt = GbDb.instant(rs.getTimestamp("unregistered_at"));
        boolean registered = registeredAt != null && expiresAt != null && expiresAt.isAfter(now)
                && (unregisteredAt == null || unregisteredAt.isBefore(registeredAt));
        return new GbDeviceView.Registration(registered, rs.getString("remote_host"), rs.getInt("remote_port"),
                rs.getString("transport"), rs.getInt("expires_seconds"), registeredAt, expiresAt, unregisteredAt,
                GbDb.instant(rs.getTimestamp("last_keepalive_at")), rs.getLong("keepalive_count"),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("firmware"),
                rs.getObject("channel_count", Integer.class), rs.getObject("clock_offset_ms", Long.class),
                rs.getString("status_online"), rs.getString("status_record"), rs.getString("alarm_status"),
                GbDb.instant(rs.getTimestamp("status_at")), GbDb.instant(rs.getTimestamp("catalog_at")),
                GbDb.instant(rs.getTimestamp("subscribed_until")), rs.getObject("subscribe_refusal", Integer.class));
    }

    private Optional<GbDeviceView.RecordQuery> recordQuery(String channelCode) {
        // Read first, then sum the intervals: no second query while the first one's result set is open.
        return jdbc.query("SELECT queried_at, window_start, window_end, outcome, interval_count FROM gb_record_query"
                        + " WHERE channel_code = ?", (rs, n) -> new GbDeviceView.RecordQuery(GbDb.instant(rs.getTimestamp(1)),
                        GbDb.instant(rs.getTimestamp(2)), GbDb.instant(rs.getTimestamp(3)), rs.getString(4), rs.getInt(5), 0),
                channelCode).stream().findFirst().map(q -> q.withRecorded(
                recorded(channelCode, q.windowStart(), q.windowEnd()).toSeconds()));
    }

    /** How much of the window the stored intervals cover, overlaps counted once. */
    private Duration recorded(String channelCode, Instant from, Instant to) {
        List<Instant[]> intervals = jdbc.query("SELECT start_at, end_at FROM gb_record_interval WHERE channel_code = ?"
                        + " AND start_at < ? AND end_at > ? ORDER BY start_at",
                (rs, n) -> new Instant[] {GbDb.instant(rs.getTimestamp(1)), GbDb.instant(rs.getTimestamp(2))},
                channelCode, GbDb.ts(to), GbDb.ts(from));
        Duration total = Duration.ZERO;
        Instant covered = from;
        for (Instant[] i : intervals) {
            Instant start = i[0].isAfter(covered) ? i[0] : covered;
            Instant end = i[1].isBefore(to) ? i[1] : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
                covered = end;
            }
        }
        return total;
    }

    private ChannelRow channelRow(ResultSet rs, int n) throws SQLException {
        return new ChannelRow(rs.getString("device_code"), rs.getString("channel_code"), rs.getString("name"),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("address"),
                rs.getObject("ptz_type", Integer.class), rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"),
                rs.getString("status"), rs.getString("last_event"), GbDb.instant(rs.getTimestamp("event_at")),
                GbDb.instant(rs.getTimestamp("removed_at")));
    }

    private record ChannelRow(String deviceCode, String channelCode, String name, String manufacturer, String model,
                              String address, Integer ptzType, BigDecimal longitude, BigDecimal latitude,
                              String status, String lastEvent, Instant eventAt, Instant removedAt) {
    }
}
