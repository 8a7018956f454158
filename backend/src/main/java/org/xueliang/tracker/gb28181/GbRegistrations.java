package org.xueliang.tracker.gb28181;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;


/**
 * Table {@code gb_registration}: one row per device code that registered, written by whichever replica answered the
 * REGISTER, read by every replica (the address to send to, whether a device is registered now).
 */
@Repository
class GbRegistrations {

    /** Where a registered device is reached: the source of its REGISTER. */
    record Address(String deviceCode, String host, int port, String transport) {
    }

    /** A row as the registrations API shows it. */
    record Row(String deviceCode, String host, int port, String transport, int expiresSeconds, Instant registeredAt,
               Instant expiresAt, Instant unregisteredAt, Instant lastKeepaliveAt, long keepaliveCount) {
    }

    private static final String ROW_COLUMNS = "device_code, remote_host, remote_port, transport, expires_seconds,"
            + " registered_at, expires_at, unregistered_at, last_keepalive_at, keepalive_count";
    private static final String CURRENT = "unregistered_at IS NULL AND expires_at > ?";

    private final JdbcTemplate jdbc;

    GbRegistrations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a successful REGISTER (the caller's transaction); answers whether it is a fresh registration: the first,
     * or one after the previous lapsed or was ended by Expires 0 (a refresh of a current one is not fresh).
     */
    boolean register(Address from, String contact, int expiresSeconds, Instant now, String replica) {
        List<Boolean> current = jdbc.query("SELECT registered_at IS NOT NULL AND unregistered_at IS NULL AND expires_at > ?"
                + " FROM gb_registration WHERE device_code = ? FOR UPDATE", (rs, i) -> rs.getBoolean(1), GbDb.ts(now), from.deviceCode());
        Instant expires = now.plusSeconds(expiresSeconds);
        String shortContact = contact == null ? null : contact.substring(0, Math.min(255, contact.length()));
        if (current.isEmpty()) {
            try {
                jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, contact, expires_seconds,"
                                + " first_seen_at, registered_at, expires_at, keepalive_count, handled_by, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                        from.deviceCode(), from.host(), from.port(), from.transport(), shortContact, expiresSeconds, GbDb.ts(now),
                        GbDb.ts(now), GbDb.ts(expires), replica, GbDb.ts(now));
                return true;
            } catch (DuplicateKeyException registeredMeanwhile) {
                return register(from, contact, expiresSeconds, now, replica);
            }
        }
        boolean fresh = !current.get(0);
        jdbc.update("UPDATE gb_registration SET remote_host = ?, remote_port = ?, transport = ?, contact = ?, expires_seconds = ?,"
                        + " registered_at = CASE WHEN ? THEN ? ELSE registered_at END, expires_at = ?, unregistered_at = NULL,"
                        + " handled_by = ?, updated_at = ? WHERE device_code = ?",
                from.host(), from.port(), from.transport(), shortContact, expiresSeconds, fresh, GbDb.ts(now), GbDb.ts(expires), replica,
                GbDb.ts(now), from.deviceCode());
        return fresh;
    }

    /** Expires 0: the registration ends now; answers whether there was a current one. */
    boolean unregister(String deviceCode, Instant now, String replica) {
        return jdbc.update("UPDATE gb_registration SET unregistered_at = ?, expires_at = ?, handled_by = ?, updated_at = ?"
                + " WHERE device_code = ? AND " + CURRENT, GbDb.ts(now), GbDb.ts(now), replica, GbDb.ts(now), deviceCode, GbDb.ts(now)) == 1;
    }

    /** The address of a device registered now; empty when it is not. */
    Optional<Address> current(String deviceCode, Instant now) {
        return jdbc.query("SELECT device_code, remote_host, remote_port, transport FROM gb_registration WHERE device_code = ? AND "
                        + CURRENT, (rs, i) -> new Address(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                deviceCode, GbDb.ts(now)).stream().findFirst();
    }

    /** Registered now, in code order, one page of them. */
    List<Row> currentPage(Instant now, int offset, int limit) {
        return jdbc.query("SELECT " + ROW_COLUMNS + " FROM gb_registration WHERE " + CURRENT
                + " ORDER BY device_code LIMIT ? OFFSET ?", GbRegistrations::row, GbDb.ts(now), limit, offset);
    }

    long currentCount(Instant now) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM gb_registration WHERE " + CURRENT, Long.class, GbDb.ts(now));
        return n == null ? 0 : n;
    }

    Optional<Row> find(String deviceCode) {
        return jdbc.query("SELECT " + ROW_COLUMNS + " FROM gb_registration WHERE device_code = ?", GbRegistrations::row, deviceCode)
                .stream().findFirst();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5), GbDb.instant(rs.getTimestamp(6)),
                GbDb.instant(rs.getTimestamp(7)), GbDb.instant(rs.getTimestamp(8)), GbDb.instant(rs.getTimestamp(9)), rs.getLong(10));
    }
}
