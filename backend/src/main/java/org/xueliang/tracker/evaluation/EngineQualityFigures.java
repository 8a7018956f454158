package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityService;
import org.xueliang.tracker.availability.Figures;
import org.xueliang.tracker.availability.GroupBy;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.Tier;

/**
 * The 质量 rows' figures from the availability engine ({@link AvailabilityService}): the tier's
 * time-weighted figures, and per device the figures behind them as evidence. Rollups for whole days,
 * intervals for the days not rolled up yet, in-service clipping and the policy all come from there.
 */
@Component
class EngineQualityFigures implements QualityFigures {

    private final AvailabilityService availability;
    private final DeviceDirectory devices;

    EngineQualityFigures(AvailabilityService availability, DeviceDirectory devices) {
        this.availability = availability;
        this.devices = devices;
    }

    @Override
    public TierQualities tiers(long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
        Map<String, Figures> totals = new HashMap<>();
        availability.figures(projectId, from, to, GroupBy.TIER, policy).forEach(g -> totals.put(g.key(), g.figures()));
        // the engine's per-device groups are keyed by the device id as text
        Map<String, String> tierOf = new HashMap<>();
        devices.tiersOfProject(projectId).forEach((id, tier) -> tierOf.put(Long.toString(id), tier.name()));
        // one pass over the project's devices for both tiers (the expensive part at fleet scale)
        List<AvailabilityService.Group> perDevice = availability.figures(projectId, from, to, GroupBy.DEVICE, policy);
        return new TierQualities(tier(Tier.FRONT_END, totals, tierOf, perDevice, from, to),
                tier(Tier.BACK_END, totals, tierOf, perDevice, from, to));
    }

    private static TierQuality tier(Tier tier, Map<String, Figures> totals, Map<String, String> tierOf,
                                    List<AvailabilityService.Group> perDevice, LocalDate from, LocalDate to) {
        Figures total = totals.get(tier.name());
        List<DeviceQuality> devices = perDevice.stream().filter(g -> tier.name().equals(tierOf.get(g.key())))
                .map(g -> device(g.key(), g.label(), g.figures())).toList();
        if (total == null) {
            return new TierQuality(null, null, null, 0, devices, Phrase.of("evidence.source.noDevice", Phrase.of("evidence.tier." + tier.name())));
        }
        return new TierQuality(decimal(total.availability()), decimal(total.onlineRateSampled()), decimal(total.coverage()),
                total.devices(), devices, Phrase.of("evidence.source.engine", from, to));
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
