package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.MaintenancePolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.UnknownPolicy;
import org.xueliang.tracker.ledger.Tier;

/**
 * Interim {@link QualityFigures} until the availability module's AvailabilityService is on main:
 * sums whole-day {@code device_daily_rollup} rows (measured and synthetic) over the period's days,
 * applying the accounting policy. It has no partial days, no in-service clipping and no sampled 在线率
 * (it gives the time-based one); AvailabilityService replaces it (docs/EVALUATION.md).
 */
@Component
class RollupQualityFigures implements QualityFigures {

    private static final MathContext MC = MathContext.DECIMAL64;

    private final JdbcTemplate jdbc;

    RollupQualityFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TierQuality tier(long projectId, LocalDate from, LocalDate to, Tier tier, AvailabilityPolicy policy) {
        List<long[]> sums = new ArrayList<>();
        List<DeviceQuality> devices = jdbc.query("SELECT d.id, d.asset_tag, SUM(r.up_s + r.degraded_s) AS up_s, SUM(r.down_s) AS down_s,"
                        + " SUM(r.unknown_s) AS unknown_s, SUM(r.maintenance_s) AS maint_s, SUM(r.outages) AS outages,"
                        + " SUM(r.reboots) AS reboots FROM device d JOIN device_category c ON c.code = d.category_code"
                        + " LEFT JOIN device_daily_rollup r ON r.device_id = d.id AND r.rollup_day BETWEEN ? AND ?"
                        + " WHERE d.project_id = ? AND c.tier = ? GROUP BY d.id, d.asset_tag ORDER BY d.asset_tag",
                (rs, i) -> {
                    long up = rs.getLong("up_s");
                    long down = rs.getLong("down_s");
                    long unknown = rs.getLong("unknown_s");
                    long maintenance = rs.getLong("maint_s");
                    long[] s = account(up, down, unknown, maintenance, policy);
                    sums.add(s);
                    return new DeviceQuality(rs.getLong("id"), rs.getString("asset_tag"), share(s[0], s[0] + s[1]),
                            share(s[0], s[0] + s[1] + s[2]), share(s[0] + s[1], s[0] + s[1] + s[2]), down, maintenance, unknown,
                            rs.getInt("outages"), rs.getInt("reboots"), null);
                },
                Date.valueOf(from), Date.valueOf(to), projectId, tier.name());
        long up = sums.stream().mapToLong(s -> s[0]).sum();
        long down = sums.stream().mapToLong(s -> s[1]).sum();
        long unknown = sums.stream().mapToLong(s -> s[2]).sum();
        return new TierQuality(share(up, up + down), share(up, up + down + unknown), share(up + down, up + down + unknown),
                devices.size(), devices, "device_daily_rollup (whole days " + from + " … " + to + ")");
    }

    /** {up, down, unknown-still-excluded} after the policy: maintenance out or up, unknown out or down. */
    static long[] account(long up, long down, long unknown, long maintenance, AvailabilityPolicy policy) {
        long u = up + (policy.maintenance() == MaintenancePolicy.COUNT_AS_UP ? maintenance : 0);
        long d = down + (policy.unknown() == UnknownPolicy.COUNT_AS_DOWN ? unknown : 0);
        return new long[] {u, d, policy.unknown() == UnknownPolicy.COUNT_AS_DOWN ? 0 : unknown};
    }

    private static BigDecimal share(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MC).setScale(6, java.math.RoundingMode.HALF_UP);
    }
}
