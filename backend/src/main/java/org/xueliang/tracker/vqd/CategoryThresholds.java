package org.xueliang.tracker.vqd;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.agent.vqd.VqdThresholds;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.shared.ApiException;

/**
 * The VQD thresholds per camera category (table {@code vqd_threshold}, docs/VQD.md "Thresholds"): a class without a
 * row keeps the analyzer's default ({@value VqdThresholds#DEFAULT}). An administrator replaces a category's set as a
 * whole; the change is audited and reaches the agents with their next assignment ({@link VqdAssignmentSettings}).
 */
@Service
public class CategoryThresholds {

    static final String AUDIT_ENTITY = "DeviceCategory";

    private final JdbcTemplate jdbc;
    private final CameraDirectory cameras;
    private final AuditTrail audit;
    private final Clock clock;

    CategoryThresholds(JdbcTemplate jdbc, CameraDirectory cameras, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.cameras = cameras;
        this.audit = audit;
        this.clock = clock;
    }

    /** A category's set: the thresholds that differ from the default, and who set them last (null: never). */
    record CategorySet(String category, Map<VqdClass, Double> custom, String updatedBy, Instant updatedAt) {

        VqdThresholds thresholds() {
            VqdThresholds t = VqdThresholds.defaults();
            for (Map.Entry<VqdClass, Double> e : custom.entrySet()) {
                t = t.with(e.getKey(), e.getValue());
            }
            return t;
        }

        /** As the agent's setting reads it ({@code BLUR=0.7,NOISE=0.4}); empty when every class keeps the default. */
        String spec() {
            return custom.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(","));
        }
    }

    /** Every camera category's set, in the ledger's category order. */
    @Transactional(readOnly = true)
    public List<CategorySet> all() {
        Map<String, CategorySet> stored = stored();
        return cameras.cameraCategories().stream()
                .map(c -> stored.getOrDefault(c, new CategorySet(c, Map.of(), null, null))).toList();
    }

    /** The thresholds a camera of {@code category} is judged by (every default for an unknown or null category). */
    @Transactional(readOnly = true)
    public VqdThresholds of(String category) {
        if (category == null) {
            return VqdThresholds.defaults();
        }
        CategorySet set = stored().get(category);
        return set == null ? VqdThresholds.defaults() : set.thresholds();
    }

    /** The stored sets by category (categories whose classes all keep the default have none). */
    Map<String, CategorySet> stored() {
        Map<String, CategorySet> sets = new LinkedHashMap<>();
        jdbc.query("SELECT category_code, vqd_class, threshold, updated_by, updated_at FROM vqd_threshold"
                + " ORDER BY category_code, vqd_class", rs -> {
            VqdClass c;
            try {
                c = VqdClass.valueOf(rs.getString("vqd_class"));
            } catch (IllegalArgumentException e) {
                return; // a class a later version dropped: its row no longer means anything
            }
            String category = rs.getString("category_code");
            Instant at = rs.getTimestamp("updated_at").toInstant();
            CategorySet s = sets.getOrDefault(category, new CategorySet(category, new EnumMap<>(VqdClass.class), null, null));
            s.custom().put(c, rs.getBigDecimal("threshold").doubleValue());
            boolean later = s.updatedAt() == null || at.isAfter(s.updatedAt());
            sets.put(category, new CategorySet(category, s.custom(), later ? rs.getString("updated_by") : s.updatedBy(),
                    later ? at : s.updatedAt()));
        });
        return sets;
    }

    /**
     * Replaces the category's thresholds: a class given its value (0 < value ≤ 1), a class left out back to the
     * default. Unknown category (or one without cameras), unknown class or a value out of range → 400, nothing changed.
     */
    @Transactional
    public CategorySet replace(String category, Map<String, Double> thresholds) {
        if (category == null || !cameras.isCameraCategory(category)) {
            throw ApiException.badRequest("category", "'" + category + "' is not a camera category; camera categories: "
                    + cameras.cameraCategories());
        }
        Map<VqdClass, Double> custom = validated(thresholds == null ? Map.of() : thresholds);
        CategorySet before = stored().getOrDefault(category, new CategorySet(category, Map.of(), null, null));
        jdbc.update("DELETE FROM vqd_threshold WHERE category_code = ?", category);
        Instant now = clock.instant();
        String actor = AuditTrail.currentActor();
        custom.forEach((c, v) -> jdbc.update("INSERT INTO vqd_threshold (category_code, vqd_class, threshold, updated_by,"
                + " updated_at) VALUES (?, ?, ?, ?, ?)", category, c.name(), BigDecimal.valueOf(v), actor, Timestamp.from(now)));
        CategorySet after = new CategorySet(category, custom, custom.isEmpty() ? null : actor, custom.isEmpty() ? null : now);
        audit.record("VQD_THRESHOLDS_UPDATE", AUDIT_ENTITY, category, "VQD thresholds of " + category + ": "
                + (custom.isEmpty() ? "defaults" : after.spec()), Map.of("thresholds", before.spec()),
                Map.of("thresholds", after.spec()));
        return after;
    }

    private static Map<VqdClass, Double> validated(Map<String, Double> thresholds) {
        Map<VqdClass, Double> custom = new EnumMap<>(VqdClass.class);
        for (Map.Entry<String, Double> e : thresholds.entrySet()) {
            VqdClass c;
            try {
                c = VqdClass.valueOf(e.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw ApiException.badRequest("thresholds", "unknown VQD class '" + e.getKey() + "'; classes: "
                        + Arrays.toString(VqdClass.values()));
            }
            Double v = e.getValue();
            if (v == null || !(v > 0 && v <= 1)) {
                throw ApiException.badRequest("thresholds." + c.name(), "a VQD threshold is a number in (0, 1], got " + v
                        + " for " + c.name());
            }
            double rounded = Math.round(v * 1000) / 1000.0;
            if (rounded <= 0) {
                throw ApiException.badRequest("thresholds." + c.name(), "a VQD threshold has three decimals and is above 0");
            }
            if (rounded != VqdThresholds.DEFAULT) {
                custom.put(c, rounded);
            }
        }
        return custom;
    }
}
