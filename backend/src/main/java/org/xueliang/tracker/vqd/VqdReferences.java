package org.xueliang.tracker.vqd;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.vqd.ReducedPicture;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.shared.ApiException;

/**
 * The reference picture a technician approved per camera (table {@code vqd_reference}, docs/VQD.md "Reference
 * pictures"): the camera's intended view, against which the scheduled check judges 场景变更 (and colour). The picture
 * is kept reduced to analysis size ({@link ReducedPicture}), so a row holds tens of KB whatever the camera's
 * resolution; who approved it and when are kept with it, and every approval, replacement and removal is audited.
 */
@Service
public class VqdReferences {

    static final String AUDIT_ENTITY = "Device";

    private final NamedParameterJdbcTemplate jdbc;
    private final DeviceService devices;
    private final CameraDirectory cameras;
    private final AuditTrail audit;
    private final Clock clock;

    VqdReferences(NamedParameterJdbcTemplate jdbc, DeviceService devices, CameraDirectory cameras, AuditTrail audit,
                  Clock clock) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.cameras = cameras;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who approved a camera's reference and when, and its size in pixels (analysis size). */
    record Approval(long deviceId, int width, int height, String approvedBy, Instant approvedAt) {
    }

    /** The camera's approval, empty when it has no reference. The caller checks the device's visibility. */
    @Transactional(readOnly = true)
    public Optional<Approval> approval(long deviceId) {
        return jdbc.query("SELECT device_id, width, height, approved_by, approved_at FROM vqd_reference WHERE device_id = :d",
                new MapSqlParameterSource("d", deviceId), (rs, n) -> new Approval(rs.getLong(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant())).stream().findFirst();
    }

    /** The reduced picture (JPEG) of a camera the caller may see; 404 when the camera has none. */
    @Transactional(readOnly = true)
    public byte[] picture(long deviceId) {
        devices.get(deviceId); // 404 when absent or outside the caller's projects
        return jdbc.query("SELECT picture FROM vqd_reference WHERE device_id = :d", new MapSqlParameterSource("d", deviceId),
                (rs, n) -> rs.getBytes(1)).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("VQD reference of device", deviceId));
    }

    /** The references of those devices that have one, base64 as the agent's setting carries them. */
    @Transactional(readOnly = true)
    Map<Long, String> base64Of(Collection<Long> deviceIds) {
        Map<Long, String> out = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        // The table holds only cameras with an approved reference: read it whole rather than bind thousands of ids.
        jdbc.query("SELECT device_id, picture FROM vqd_reference", rs -> {
            long id = rs.getLong(1);
            if (deviceIds.contains(id)) {
                out.put(id, Base64.getEncoder().encodeToString(rs.getBytes(2)));
            }
        });
        return out;
    }

    /**
     * Approves {@code image} as the camera's reference, replacing the previous one: 400 when the device is not a
     * camera or the picture cannot be read. The reduction is what is stored and what the agent compares with.
     */
    @Transactional
    public Approval approve(long deviceId, byte[] image) {
        Camera camera = camera(deviceId);
        BufferedImage picture;
        try {
            picture = VqdImages.decode(image, VqdImages.MAX_PIXELS);
        } catch (IOException e) {
            throw ApiException.badRequest("image", "image is not a readable picture (JPEG, PNG, BMP, GIF) of at most "
                    + VqdImages.MAX_PIXELS / 1_000_000 + " million pixels: " + e.getMessage());
        }
        byte[] reduced = ReducedPicture.of(picture);
        BufferedImage stored;
        try {
            stored = VqdImages.decode(reduced, VqdImages.MAX_PIXELS);
        } catch (IOException e) {
            throw new IllegalStateException("a reduced picture must read back", e);
        }
        Optional<Approval> before = approval(deviceId);
        Approval after = new Approval(deviceId, stored.getWidth(), stored.getHeight(), AuditTrail.currentActor(),
                clock.instant());
        MapSqlParameterSource row = new MapSqlParameterSource("d", deviceId).addValue("p", reduced)
                .addValue("w", after.width()).addValue("h", after.height()).addValue("by", after.approvedBy())
                .addValue("at", Timestamp.from(after.approvedAt()));
        if (before.isPresent()) {
            jdbc.update("UPDATE vqd_reference SET picture = :p, width = :w, height = :h, approved_by = :by,"
                    + " approved_at = :at WHERE device_id = :d", row);
        } else {
            jdbc.update("INSERT INTO vqd_reference (device_id, picture, width, height, approved_by, approved_at)"
                    + " VALUES (:d, :p, :w, :h, :by, :at)", row);
        }
        audit.record(camera.projectId(), before.isPresent() ? "VQD_REFERENCE_REPLACE" : "VQD_REFERENCE_APPROVE",
                AUDIT_ENTITY, deviceId, "VQD reference picture of " + camera.assetTag() + " approved ("
                        + after.width() + "×" + after.height() + ")", before.map(VqdReferences::summary).orElse(null),
                summary(after));
        return after;
    }

    /** Removes the camera's reference (404 when it has none): its checks judge no 场景变更 until a new one. */
    @Transactional
    public void remove(long deviceId) {
        Camera camera = camera(deviceId);
        Approval before = approval(deviceId).orElseThrow(() -> ApiException.notFound("VQD reference of device", deviceId));
        jdbc.update("DELETE FROM vqd_reference WHERE device_id = :d", new MapSqlParameterSource("d", deviceId));
        audit.record(camera.projectId(), "VQD_REFERENCE_DELETE", AUDIT_ENTITY, deviceId,
                "VQD reference picture of " + camera.assetTag() + " removed", summary(before), null);
    }

    private Camera camera(long deviceId) {
        devices.get(deviceId); // 404 when absent or outside the caller's projects
        return cameras.camera(deviceId).orElseThrow(() -> ApiException.badRequest("id",
                "device " + deviceId + " is not a camera: only a camera has a reference picture"));
    }

    private static Map<String, Object> summary(Approval a) {
        return Map.of("width", a.width(), "height", a.height(), "approvedBy", a.approvedBy(),
                "approvedAt", a.approvedAt().toString());
    }
}
