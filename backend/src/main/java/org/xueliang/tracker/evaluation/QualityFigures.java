package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.ledger.Tier;

/**
 * What the 质量 rows need from the availability engine: one tier's figures over a period under a
 * policy, with the per-device figures behind them as evidence. Shares are fractions (0.9731), not percent.
 */
public interface QualityFigures {

    /** Both tiers at once: the per-device figures behind them are computed once for the project's devices. */
    TierQualities tiers(long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy);

    record TierQualities(TierQuality frontEnd, TierQuality backEnd) {
    }

    /**
     * @param availability time-weighted availability of the tier (Σ up / Σ measured), null when nothing was measured
     * @param onlineRate   在线率 of the tier, null when not measured
     * @param coverage     Σ measured / Σ (in service − maintenance), null when the tier had no in-service time
     * @param source       where the figures come from (engine and data), printed in the evidence (a phrase)
     */
    record TierQuality(BigDecimal availability, BigDecimal onlineRate, BigDecimal coverage, int devices,
                       List<DeviceQuality> perDevice, Phrase source) {
    }

    record DeviceQuality(Long deviceId, String label, BigDecimal availability, BigDecimal onlineRate, BigDecimal coverage,
                         long downSeconds, long maintenanceSeconds, long unknownSeconds, int outages, int reboots,
                         BigDecimal mttrHours) {
    }
}
