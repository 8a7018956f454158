package org.xueliang.tracker.gb28181;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the queries learn about a registered device, in its {@code gb_registration} row (the SIP layer writes the
 * registration itself; these are the columns the answers fill), and the catalog round under way.
 */
@Component
class GbDeviceFacts {

    private final JdbcTemplate jdbc;

    GbDeviceFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the device's registration row for the rest of the transaction, so that the parts of one answer, handled
     * on several worker threads (or replicas), are applied one after the other. False when the device never
     * registered: its answer is not stored.
     */
    boolean lock(String deviceCode) {
        return !jdbc.queryForList("SELECT device_code FROM gb_registration WHERE device_code = ? FOR UPDATE",
                String.class, deviceCode).isEmpty();
    }

    void deviceInfo(String deviceCode, String manufacturer, String model, String firmware, Integer channels, Instant at) {
        jdbc.update("UPDATE gb_registration SET manufacturer = COALESCE(?, manufacturer), model = COALESCE(?, model),"
                        + " firmware = COALESCE(?, firmware), channel_count = COALESCE(?, channel_count), updated_at = ?"
                        + " WHERE device_code = ?", GbDb.cut(manufacturer, 64), GbDb.cut(model, 64), GbDb.cut(firmware, 64),
                channels, GbDb.ts(at), deviceCode);
    }

    void deviceStatus(String deviceCode, String online, String record, String alarm, Long clockOffsetMs, Instant at) {
        jdbc.update("UPDATE gb_registration SET status_online = ?, status_record = ?, alarm_status = ?,"
                        + " clock_offset_ms = COALESCE(?, clock_offset_ms), status_at = ?, updated_at = ? WHERE device_code = ?",
                GbDb.cut(online, 16), GbDb.cut(record, 16), GbDb.cut(alarm, 32), clockOffsetMs, GbDb.ts(at), GbDb.ts(at),
                deviceCode);
    }

    void statusAsked(String deviceCode, Instant at) {
        jdbc.update("UPDATE gb_registration SET status_asked_at = ? WHERE device_code = ?", GbDb.ts(at), deviceCode);
    }

    void subscribed(String deviceCode, Instant until) {
        jdbc.update("UPDATE gb_registration SET subscribed_until = ? WHERE device_code = ?", GbDb.ts(until), deviceCode);
    }

    /** The device answered SUBSCRIBE with an error: it is not subscribed again (until it registers anew). */
    void subscribeRefused(String deviceCode, int sipStatus, Instant at) {
        jdbc.update("UPDATE gb_registration SET subscribe_refused_at = ?, subscribe_refusal = ?, subscribed_until = NULL"
                + " WHERE device_code = ?", GbDb.ts(at), sipStatus, deviceCode);
    }

    /**
     * Counts a part of {@code items} items into the round its SN names: the current round, or a new one starting at
     * {@code at} (which replaces an older round, complete or not: a catalog that never completed keeps what came).
     */
    CatalogRound countPart(String deviceCode, long sn, int sumNum, int items, Instant at) {
        List<CatalogRound> current = jdbc.query("SELECT sn, sum_num, received, started_at, completed_at FROM gb_catalog_round"
                        + " WHERE device_code = ?", (rs, n) -> new CatalogRound(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        GbDb.instant(rs.getTimestamp(4)), GbDb.instant(rs.getTimestamp(5))), deviceCode);
        if (!current.isEmpty() && current.get(0).sn() == sn) {
            CatalogRound round = current.get(0);
            jdbc.update("UPDATE gb_catalog_round SET received = received + ? WHERE device_code = ?", items, deviceCode);
            return new CatalogRound(sn, round.sumNum(), round.received() + items, round.startedAt(), round.completedAt());
        }
        if (current.isEmpty()) {
            jdbc.update("INSERT INTO gb_catalog_round (device_code, sn, sum_num, received, started_at) VALUES (?, ?, ?, ?, ?)",
                    deviceCode, sn, sumNum, items, GbDb.ts(at));
        } else {
            jdbc.update("UPDATE gb_catalog_round SET sn = ?, sum_num = ?, received = ?, started_at = ?, completed_at = NULL"
                    + " WHERE device_code = ?", sn, sumNum, items, GbDb.ts(at), deviceCode);
        }
        return new CatalogRound(sn, sumNum, items, at, null);
    }

    void roundComplete(String deviceCode, Instant at) {
        jdbc.update("UPDATE gb_catalog_round SET completed_at = ? WHERE device_code = ?", GbDb.ts(at), deviceCode);
        jdbc.update("UPDATE gb_registration SET catalog_at = ? WHERE device_code = ?", GbDb.ts(at), deviceCode);
    }

    record CatalogRound(long sn, int sumNum, int received, Instant startedAt, Instant completedAt) {

        boolean justCompleted() {
            return completedAt == null && received >= sumNum;
        }
    }
}
