package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityService;
import org.xueliang.tracker.availability.Figures;
import org.xueliang.tracker.availability.GroupBy;
import org.xueliang.tracker.ledger.Tier;

/**
 * The 质量 rows' figures from the availability engine ({@link AvailabilityService}): the tier's
 * time-weighted figures, and per device the figures behind them as evidence. Rollups for whole days,
 * intervals for the days not rolled up yet, in-service clipping and the policy all come from there.
 */
@Component
class EngineQualityFigures implements QualityFigures {

    private final AvailabilityService availability;
    private final JdbcTemplate jdbc;

    EngineQualityFigures(AvailabilityService availability, JdbcTemplate jdbc) {
        this.availability = availability;
        this.jdbc = jdbc;
    }

    @Override
    public TierQuality tier(long projectId, LocalDate from, LocalDate to, Tier tier, AvailabilityPolicy policy) {
        Figures total = availability.figures(projectId, from, to, GroupBy.TIER, policy).stream()
                .filter(g -> g.key().equals(tier.name())).map(AvailabilityService.Group::figures).findFirst().orElse(null);
        Set<String> ofTier = new HashSet<>();
        jdbc.queryForList("SELECT d.id FROM device d JOIN device_category c ON c.code = d.category_code"
                + " WHERE d.project_id = ? AND c.tier = ?", Long.class, projectId, tier.name())
                .forEach(id -> ofTier.add(Long.toString(id)));
        List<DeviceQuality> perDevice = availability.figures(projectId, from, to, GroupBy.DEVICE, policy).stream()
                .filter(g -> ofTier.contains(g.key()))
                .map(g -> device(g.key(), g.label(), g.figures()))
                .toList();
        if (total == null) {
            return new TierQuality(null, null, null, 0, perDevice, "availability engine: no " + tier + " device in service");
        }
        return new TierQuality(decimal(total.availability()), decimal(total.onlineRateSampled()), decimal(total.coverage()),
                total.devices(), perDevice, "availability engine (daily rollups + intervals of days not rolled up), "
                + from + " … " + to);
    }

    private static DeviceQuality device(String key, String label, Figures f) {
        return new DeviceQuality(Long.valueOf(key), label, decimal(f.availability()), decimal(f.onlineRateSampled()),
                decimal(f.coverage()), f.downSeconds(), f.maintenanceSeconds(), f.unknownSeconds(), (int) f.outages(),
                (int) f.reboots(), f.mttrHours() == null ? null : BigDecimal.valueOf(f.mttrHours()).setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal decimal(Double share) {
        return share == null ? null : BigDecimal.valueOf(share).setScale(6, RoundingMode.HALF_UP);
    }
}
