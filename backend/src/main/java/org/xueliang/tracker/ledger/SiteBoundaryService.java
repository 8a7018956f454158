package org.xueliang.tracker.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.shared.Hashes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one county/township boundary under the site map (table {@code site_boundary}, row 1). Sites
 * belong to no single project, so neither does their boundary. Every upload and removal is audited
 * with the document's size and SHA-256 (not the document itself, which may be megabytes).
 */
@Service
class SiteBoundaryService {

    static final String AUDIT_ENTITY = "SiteBoundary";
    private static final int ROW = 1;

    /** What the audit log and the upload's answer say about a stored boundary. */
    record BoundaryInfo(String sha256, int polygons, String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    SiteBoundaryService(JdbcTemplate jdbc, JsonMapper json, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The stored GeoJSON document, if an administrator uploaded one. */
    @Transactional(readOnly = true)
    Optional<String> geoJson() {
        return jdbc.queryForList("SELECT geojson FROM site_boundary WHERE id = ?", String.class, ROW).stream().findFirst();
    }

    /** Validates {@code body} and stores it in place of any boundary there was; a bad document changes nothing. */
    @Transactional
    BoundaryInfo replace(byte[] body) {
        int polygons = BoundaryGeoJson.validate(body, json);
        String text = new String(body, StandardCharsets.UTF_8);
        BoundaryInfo after = new BoundaryInfo(Hashes.sha256Hex(body), polygons, AuditTrail.currentActor(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        BoundaryInfo before = info().orElse(null);
        Object[] values = {text, after.sha256(), polygons, after.uploadedBy(), Timestamp.valueOf(LocalDateTime.ofInstant(after.uploadedAt(), ZoneOffset.UTC)), ROW};
        String update = "UPDATE site_boundary SET geojson = ?, sha256 = ?, polygons = ?, uploaded_by = ?, uploaded_at = ? WHERE id = ?";
        if (jdbc.update(update, values) == 0) {
            try {
                jdbc.update("INSERT INTO site_boundary (geojson, sha256, polygons, uploaded_by, uploaded_at, id) VALUES (?,?,?,?,?,?)",
                        values);
            } catch (DuplicateKeyException concurrentUpload) {
                jdbc.update(update, values); // another replica inserted first: the later upload wins, as with an update
            }
        }
        audit.record(before == null ? "SITE_BOUNDARY_UPLOAD" : "SITE_BOUNDARY_REPLACE", AUDIT_ENTITY, ROW,
                "Site map boundary uploaded: " + polygons + " polygon(s), " + body.length + " bytes", summary(before), summary(after));
        return after;
    }

    /** Removes the boundary; removing none is not an error (the map has none either way), and is not audited. */
    @Transactional
    void remove() {
        Optional<BoundaryInfo> before = info();
        if (before.isPresent()) {
            jdbc.update("DELETE FROM site_boundary WHERE id = ?", ROW);
            audit.record("SITE_BOUNDARY_DELETE", AUDIT_ENTITY, ROW, "Site map boundary removed", summary(before.get()), null);
        }
    }

    private Optional<BoundaryInfo> info() {
        return jdbc.query("SELECT sha256, polygons, uploaded_by, uploaded_at FROM site_boundary WHERE id = ? FOR UPDATE",
                (rs, i) -> new BoundaryInfo(rs.getString("sha256"), rs.getInt("polygons"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toLocalDateTime().toInstant(ZoneOffset.UTC)), ROW).stream().findFirst();
    }

    private static Map<String, Object> summary(BoundaryInfo info) {
        if (info == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", info.sha256());
        m.put("polygons", info.polygons());
        m.put("uploadedBy", info.uploadedBy());
        m.put("uploadedAt", info.uploadedAt().toString());
        return m;
    }
}
