package org.xueliang.tracker.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's cameras as the video assessment modules read them (一机一档, 录像完整率, 图像完好率, 时钟准确率 and the
 * monthly sheet): devices of a category marked {@code camera}, with what they are grouped by (site, township,
 * category, vendor) and the dates that say whether a camera counts in a period. Read-only.
 */
@Service
public class CameraDirectory {

    private static final String SELECT = "SELECT d.id, d.project_id, d.asset_tag, d.name, d.category_code, d.site_id,"
            + " s.name AS site_name, s.township, d.vendor, d.model, d.gb_code, d.ip_address, d.mac_address, d.lifecycle,"
            + " d.installed_on, d.in_service_on, d.retired_on, d.probe_method"
            + " FROM device d JOIN device_category c ON c.code = d.category_code LEFT JOIN site s ON s.id = d.site_id"
            + " WHERE c.camera = TRUE";

    private final JdbcTemplate jdbc;

    CameraDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A camera of the ledger; {@code siteName}, {@code township}, dates and codes may be null. {@code probeMethod} is
     * how the monitoring probes it (ONVIF, SNMP, ICMP, …; null when not probed).
     */
    public record Camera(long id, long projectId, String assetTag, String name, String categoryCode, Long siteId,
                         String siteName, String township, String vendor, String model, String gbCode, String ipAddress,
                         String macAddress, Lifecycle lifecycle, LocalDate installedOn, LocalDate inServiceOn,
                         LocalDate retiredOn, String probeMethod) {

        /**
         * Whether the camera is to be judged on [from, to): in service (or faulty, which still counts against the
         * contractor) on some day of it — it went into service before {@code to} and was not retired before
         * {@code from}. A camera never put in service is not judged.
         */
        public boolean inServiceDuring(LocalDate from, LocalDate to) {
            return inServiceOn != null && inServiceOn.isBefore(to) && (retiredOn == null || !retiredOn.isBefore(from));
        }
    }

    /** Every camera of the project, in asset-tag order. */
    @Transactional(readOnly = true)
    public List<Camera> ofProject(long projectId) {
        return jdbc.query(SELECT + " AND d.project_id = ? ORDER BY d.asset_tag", CameraDirectory::camera, projectId);
    }

    /** The project's cameras that are judged on [from, to) ({@link Camera#inServiceDuring}). */
    @Transactional(readOnly = true)
    public List<Camera> judgedDuring(long projectId, LocalDate from, LocalDate to) {
        return ofProject(projectId).stream().filter(c -> c.inServiceDuring(from, to)).toList();
    }

    /** The camera {@code deviceId}, empty when no such device or it is not a camera. */
    @Transactional(readOnly = true)
    public Optional<Camera> camera(long deviceId) {
        return jdbc.query(SELECT + " AND d.id = ?", CameraDirectory::camera, deviceId).stream().findFirst();
    }

    /** Whether the category {@code categoryCode} holds cameras. */
    @Transactional(readOnly = true)
    public boolean isCameraCategory(String categoryCode) {
        return Boolean.TRUE.equals(jdbc.query("SELECT camera FROM device_category WHERE code = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, categoryCode));
    }

    /** The codes of the categories that hold cameras. */
    @Transactional(readOnly = true)
    public List<String> cameraCategories() {
        return jdbc.queryForList("SELECT code FROM device_category WHERE camera = TRUE ORDER BY sort_order, code", String.class);
    }

    /** The cameras among {@code deviceIds}. */
    @Transactional(readOnly = true)
    public List<Camera> among(Collection<Long> deviceIds) {
        if (deviceIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", deviceIds.stream().map(id -> "?").toList());
        return jdbc.query(SELECT + " AND d.id IN (" + in + ") ORDER BY d.asset_tag", CameraDirectory::camera, deviceIds.toArray());
    }

    private static Camera camera(ResultSet rs, int row) throws SQLException {
        return new Camera(rs.getLong("id"), rs.getLong("project_id"), rs.getString("asset_tag"), rs.getString("name"),
                rs.getString("category_code"), rs.getObject("site_id", Long.class), rs.getString("site_name"),
                rs.getString("township"), rs.getString("vendor"), rs.getString("model"), rs.getString("gb_code"),
                rs.getString("ip_address"), rs.getString("mac_address"), Lifecycle.valueOf(rs.getString("lifecycle")),
                date(rs, "installed_on"), date(rs, "in_service_on"), date(rs, "retired_on"), rs.getString("probe_method"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
