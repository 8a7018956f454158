package org.xueliang.tracker.vqd;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.monitoring.VqdSnapshotReceived;
import org.xueliang.tracker.shared.ApiException;

/**
 * The picture of each camera's latest scheduled check (table {@code vqd_snapshot}, docs/VQD.md "The checked picture"),
 * which the device page shows beside the verdicts. One row per camera: a picture replaces the kept one only when its
 * check is newer, so an upload that arrives late (or twice, or on two replicas) never puts an older picture back.
 */
@Service
public class VqdSnapshots {

    private final NamedParameterJdbcTemplate jdbc;
    private final DeviceService devices;

    VqdSnapshots(NamedParameterJdbcTemplate jdbc, DeviceService devices) {
        this.jdbc = jdbc;
        this.devices = devices;
    }

    /** When the kept picture's check ran and its size in pixels. */
    record Taken(Instant checkedAt, int width, int height) {
    }

    @EventListener
    void keep(VqdSnapshotReceived s) {
        MapSqlParameterSource row = new MapSqlParameterSource("d", s.deviceId()).addValue("c", Timestamp.from(s.checkedAt()))
                .addValue("r", Timestamp.from(s.receivedAt())).addValue("p", s.jpeg())
                .addValue("w", s.width()).addValue("h", s.height());
        String newer = "UPDATE vqd_snapshot SET checked_at = :c, received_at = :r, picture = :p, width = :w, height = :h"
                + " WHERE device_id = :d AND checked_at < :c";
        if (jdbc.update(newer, row) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO vqd_snapshot (device_id, checked_at, received_at, picture, width, height)"
                    + " VALUES (:d, :c, :r, :p, :w, :h)", row);
        } catch (DuplicateKeyException kept) {
            // a row is there: same or newer check (nothing to do), or another replica inserted it just now (retry once)
            jdbc.update(newer, row);
        }
    }

    /** The kept picture's time and size, empty when none. The caller checks the device's visibility. */
    @Transactional(readOnly = true)
    public Optional<Taken> taken(long deviceId) {
        return jdbc.query("SELECT checked_at, width, height FROM vqd_snapshot WHERE device_id = :d",
                new MapSqlParameterSource("d", deviceId), (rs, n) -> new Taken(rs.getTimestamp(1).toInstant(),
                        rs.getInt(2), rs.getInt(3))).stream().findFirst();
    }

    /** The latest checked picture (JPEG) of a device the caller may see; 404 when there is none. */
    @Transactional(readOnly = true)
    public byte[] picture(long deviceId) {
        devices.get(deviceId); // 404 when absent or outside the caller's projects
        return jdbc.query("SELECT picture FROM vqd_snapshot WHERE device_id = :d", new MapSqlParameterSource("d", deviceId),
                (rs, n) -> rs.getBytes(1)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("VQD snapshot of device", deviceId));
    }
}
