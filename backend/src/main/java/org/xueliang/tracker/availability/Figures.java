package org.xueliang.tracker.availability;

/**
 * The indicator figures of one group of devices over one period (SPEC §6.1), with the inputs they were
 * computed from so evidence can show the arithmetic, and the policy they were computed under. Shares are
 * fractions in [0, 1] (0.9731, not percent) and null when their denominator is zero (nothing to measure).
 * Definitions and a worked example: docs/AVAILABILITY.md.
 *
 * @param devices            devices in service at some time in the period
 * @param inServiceSeconds   S: device-seconds in service inside the period
 * @param maintenanceSeconds W: approved maintenance inside S
 * @param unknownSeconds     U: unmeasured time inside S − W (agent silent, or no rollup/interval at all)
 * @param downSeconds        D: outage time inside S − W − U
 * @param degradedSeconds    DEGRADED time inside S − W − U (up for availability, not intact for 完好率)
 * @param availability       (S − W − U − D) / (S − W − U), after the policy
 * @param coverage           (S − W − U) / (S − W), the share of time actually measured (policy-independent)
 * @param onlineRateSampled  在线率: mean over sampling instants of online / counted devices
 * @param onlineRateTime     在线率, time-based: Σ online seconds / Σ counted seconds (equals availability)
 * @param intactRate         完好率: (S − W − U − D − degraded) / (S − W − U), after the policy
 * @param reboots            sysUpTime resets (供电稳定)
 * @param outages            DOWN intervals that started in the period
 * @param faultRate          故障率: outages per device
 * @param mttrHours          mean length in hours of the DOWN intervals that ended in the period
 * @param repairedWithin24h  share of those repaired within 24 hours (维护及时性)
 * @param repairs            how many DOWN intervals ended in the period (the MTTR sample size)
 * @param recordCompleteness 建档率: devices whose ledger record is complete / devices
 * @param policy             the accounting policy the shares were computed under
 */
public record Figures(int devices, long inServiceSeconds, long maintenanceSeconds, long unknownSeconds, long downSeconds,
                      long degradedSeconds, Double availability, Double coverage, Double onlineRateSampled,
                      Double onlineRateTime, Double intactRate, long reboots, long outages, Double faultRate,
                      Double mttrHours, Double repairedWithin24h, int repairs, Double recordCompleteness,
                      AvailabilityPolicy policy) {
}
