package org.xueliang.tracker.gb28181;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** A successful REGISTER to record: where from, the Contact, the granted Expires, when it arrived. */
    record Registration(Address from, String contact, int expiresSeconds, Instant at) {
    }

    /**
     * Records successful REGISTERs of distinct devices (the caller's transaction) with one locking read and two JDBC
     * batches; answers the codes whose registration is fresh: the first, or one after the previous lapsed or was ended
     * by Expires 0 (a refresh of a current one is not fresh). A fresh registration also forgets a refused catalog
     * subscription (the device may support it now). Another replica inserting the same new code meanwhile fails the
     * batch with a duplicate key; the caller runs it again and then finds the row.
     */
    Set<String> registerAll(List<Registration> registrations, String replica) {
        if (registrations.isEmpty()) {
            return Set.of();
        }
        Map<String, Instant[]> rows = new HashMap<>();
        List<String> codes = registrations.stream().map(r -> r.from().deviceCode()).toList();
        // In code order, as the primary key is read: replicas writing overlapping batches lock in the same order.
        jdbc.query("SELECT device_code, registered_at, unregistered_at, expires_at FROM gb_registration WHERE device_code IN ("
                        + String.join(",", Collections.nCopies(codes.size(), "?")) + ") ORDER BY device_code FOR UPDATE",
                rs -> {
                    rows.put(rs.getString(1), new Instant[] {GbDb.instant(rs.getTimestamp(2)), GbDb.instant(rs.getTimestamp(3)),
                            GbDb.instant(rs.getTimestamp(4))});
                }, codes.toArray());
        Set<String> fresh = new HashSet<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Registration r : registrations) {
            Address from = r.from();
            Instant expires = r.at().plusSeconds(r.expiresSeconds());
            String contact = r.contact() == null ? null : r.contact().substring(0, Math.min(255, r.contact().length()));
            Instant[] row = rows.get(from.deviceCode());
            if (row == null) {
                fresh.add(from.deviceCode());
                inserts.add(new Object[] {from.deviceCode(), from.host(), from.port(), from.transport(), contact, r.expiresSeconds(),
                        GbDb.ts(r.at()), GbDb.ts(r.at()), GbDb.ts(expires), replica, GbDb.ts(r.at())});
                continue;
            }
            boolean current = row[0] != null && row[1] == null && row[2].isAfter(r.at());
            if (!current) {
                fresh.add(from.deviceCode());
            }
            updates.add(new Object[] {from.host(), from.port(), from.transport(), contact, r.expiresSeconds(), !current, GbDb.ts(r.at()),
                    GbDb.ts(expires), replica, GbDb.ts(r.at()), !current, !current, !current, from.deviceCode()});
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, contact, expires_seconds,"
                    + " first_seen_at, registered_at, expires_at, keepalive_count, handled_by, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE gb_registration SET remote_host = ?, remote_port = ?, transport = ?, contact = ?, expires_seconds = ?,"
                    + " registered_at = CASE WHEN ? THEN ? ELSE registered_at END, expires_at = ?, unregistered_at = NULL,"
                    + " handled_by = ?, updated_at = ?, subscribe_refused_at = CASE WHEN ? THEN NULL ELSE subscribe_refused_at END,"
                    + " subscribe_refusal = CASE WHEN ? THEN NULL ELSE subscribe_refusal END,"
                    + " subscribed_until = CASE WHEN ? THEN NULL ELSE subscribed_until END WHERE device_code = ?", updates);
        }
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
