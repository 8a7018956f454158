package org.xueliang.tracker.availability;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.availability.AvailabilityEngine.Bucket;
import org.xueliang.tracker.availability.AvailabilityEngine.Device;
import org.xueliang.tracker.availability.AvailabilityEngine.Period;
import org.xueliang.tracker.availability.AvailabilityEngine.Repairs;
import org.xueliang.tracker.availability.AvailabilityEngine.Sums;

/**
 * What the engine reads, aggregated in SQL: one query for the devices (grouped by their ledger facts),
 * ONE aggregate query over the daily rollups for all whole days of the period (GROUP BY group key and
 * day), or the pre-aggregates where they exist (category rollups for tiers and categories, device-month
 * rollups for {@link GroupBy#DEVICE}), one for repairs. Rows outside a device's service are left out in
 * SQL. Runs unchanged on MySQL 8, MariaDB and H2 (MySQL mode).
 *
 * <p>Availability owns no table: it reads the ledger's and monitoring's read models (views named after their
 * owner, docs/ARCHITECTURE.md "Read models"): {@code ledger_device_dimension}, {@code ledger_category_dimension},
 * {@code ledger_site_dimension}, {@code ledger_project_dimension}, {@code monitoring_device_day},
 * {@code monitoring_device_month(_built)}, {@code monitoring_category_day(_built)}, {@code monitoring_state_interval},
 * {@code monitoring_maintenance_window}. MariaDB merges them into each statement, so they cost nothing.
 */
@Repository
public class AvailabilityRepository {

    private final JdbcTemplate jdbc;
    private final boolean readPreAggregates;
    private final DeviceRollupSums deviceSums;

    @Autowired
    public AvailabilityRepository(JdbcTemplate jdbc) {
        this(jdbc, true);
    }

    /**
     * @param readPreAggregates false reads daily rows only, never the category or device-month rollups (tests and the
     *                          benchmark compare the two paths)
     */
    public AvailabilityRepository(JdbcTemplate jdbc, boolean readPreAggregates) {
        this.jdbc = jdbc;
        this.readPreAggregates = readPreAggregates;
        this.deviceSums = new DeviceRollupSums(jdbc);
    }

    /** A group's key (tier, category code, site id or "-", device id) and label, with its devices. */
    public record GroupDevices(String key, String label, List<Device> devices) {
    }

    /** The group key and label of a device in this grouping: SQL expressions over d (device), c (category), s (site). */
    private static String keyExpr(GroupBy by) {
        return switch (by) {
            case TIER -> "c.tier";
            case CATEGORY -> "d.category_code";
            case SITE -> "d.site_id";
            case DEVICE -> "d.id";
        };
    }

    private static String labelExpr(GroupBy by) {
        return switch (by) {
            case TIER -> "c.tier";
            case CATEGORY -> "c.name_zh";
            case SITE -> "s.name";
            case DEVICE -> "CONCAT(d.asset_tag, ' ', COALESCE(d.name, ''))";
        };
    }

    /** The ledger's read models, with the aliases the expressions here use. */
    private static final String DEVICE = "ledger_device_dimension d";
    private static final String CATEGORY = "ledger_category_dimension c ON c.code = d.category_code";
    private static final String SITE = "ledger_site_dimension s ON s.id = d.site_id";

    private static final String IN_PROJECT_AND_PERIOD = " WHERE d.project_id = ? AND d.in_service_on IS NOT NULL"
            + " AND d.in_service_on <= ? AND (d.retired_on IS NULL OR d.retired_on > ?)";

    /** 建档率: the ledger record has a site with coordinates, a serial number, an IP address and an install date. */
    private static final String RECORD_COMPLETE = "CASE WHEN s.latitude IS NOT NULL AND s.longitude IS NOT NULL"
            + " AND TRIM(d.serial_number) <> '' AND TRIM(d.ip_address) <> '' AND d.installed_on IS NOT NULL THEN 1 ELSE 0 END";

    private static String key(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** The project's devices in service at some day of [from, to], by group, in key order. */
    public Map<String, GroupDevices> devices(long projectId, LocalDate from, LocalDate to, GroupBy by) {
        Map<String, GroupDevices> groups = new LinkedHashMap<>();
        jdbc.query("SELECT " + keyExpr(by) + " AS k, " + labelExpr(by) + " AS label, d.in_service_on, d.retired_on,"
                + " " + RECORD_COMPLETE + " AS complete, COUNT(*) AS n"
                + " FROM " + DEVICE + " JOIN " + CATEGORY + " LEFT JOIN " + SITE
                + IN_PROJECT_AND_PERIOD
                + " GROUP BY " + keyExpr(by) + ", " + labelExpr(by) + ", d.in_service_on, d.retired_on, " + RECORD_COMPLETE
                + " ORDER BY 1", rs -> {
            String key = key(rs.getObject("k"));
            String label = rs.getString("label");
            groups.computeIfAbsent(key, k -> new GroupDevices(k, label(by, k, label), new ArrayList<>())).devices()
                    .add(new Device(rs.getObject("in_service_on", LocalDate.class), rs.getObject("retired_on", LocalDate.class),
                            rs.getInt("complete") == 1, rs.getInt("n")));
        }, projectId, Date.valueOf(to), Date.valueOf(from));
        return groups;
    }

    private static String label(GroupBy by, String key, String label) {
        return switch (by) {
            case TIER -> "FRONT_END".equals(key) ? "前端" : "BACK_END".equals(key) ? "后端" : key;
            case SITE -> label == null ? "未指定站点" : label;
            case DEVICE -> label == null ? key : label.trim();
            case CATEGORY -> label == null ? key : label;
        };
    }

    /**
     * Rollup sums of the whole days [from, to] inside each device's service: one bucket per group and
     * day, or one per device for the whole range with {@link GroupBy#DEVICE}. Tier and category groups
     * read the pre-aggregated category rollups for the days they are built for (V6; a few thousand rows
     * a year instead of one per device and day) and daily rows for the others; devices read the
     * device-month rollups for whole months ({@link DeviceRollupSums}, V38).
     */
    public Map<String, List<Bucket>> rollups(long projectId, LocalDate from, LocalDate to, GroupBy by) {
        Map<String, List<Bucket>> out = new HashMap<>();
        if (to.isBefore(from)) {
            return out;
        }
        if (by == GroupBy.DEVICE) {
            Map<Long, AvailabilityEngine.Device> bounds = new HashMap<>();
            members(projectId, from, to, by).forEach((id, m) -> bounds.put(id, m.bounds()));
            deviceSums.read(from, to, bounds, readPreAggregates ? deviceSums.builtMonthsTouching(from, to) : List.of())
                    .forEach((id, sums) -> out.put(id.toString(), new ArrayList<>(List.of(new Bucket(from, to, sums)))));
            return out;
        }
        if (readPreAggregates && (by == GroupBy.TIER || by == GroupBy.CATEGORY)) {
            List<LocalDate> built = jdbc.queryForList("SELECT rollup_day FROM monitoring_category_day_built WHERE rollup_day >= ?"
                    + " AND rollup_day <= ? ORDER BY rollup_day", LocalDate.class, Date.valueOf(from), Date.valueOf(to));
            if (!built.isEmpty()) {
                categoryRollups(projectId, from, to, by, out);
                LocalDate next = from;
                for (LocalDate day : built) {
                    if (day.isAfter(next)) {
                        dailyRollups(projectId, next, day.minusDays(1), by, out);
                    }
                    next = day.plusDays(1);
                }
                if (!next.isAfter(to)) {
                    dailyRollups(projectId, next, to, by, out);
                }
                return out;
            }
        }
        dailyRollups(projectId, from, to, by, out);
        return out;
    }

    private static final String SUMS = "SUM(r.up_s), SUM(r.degraded_s), SUM(r.down_s), SUM(r.unknown_s), SUM(r.maintenance_s),"
            + " SUM(r.outages), SUM(r.reboots)";

    /** Buckets by group and day from the category rollups (alias r; the read model holds built days only). */
    private void categoryRollups(long projectId, LocalDate from, LocalDate to, GroupBy by, Map<String, List<Bucket>> out) {
        String key = by == GroupBy.TIER ? "c.tier" : "r.category_code";
        jdbc.query("SELECT " + key + ", r.rollup_day, " + SUMS + " FROM monitoring_category_day r"
                + (by == GroupBy.TIER ? " JOIN ledger_category_dimension c ON c.code = r.category_code" : "")
                + " WHERE r.project_id = ? AND r.rollup_day >= ? AND r.rollup_day <= ? GROUP BY " + key + ", r.rollup_day",
                rs -> { addBucket(out, rs); }, projectId, Date.valueOf(from), Date.valueOf(to));
    }

    /** Buckets by group and day from daily rows (tiers, categories, sites; devices read {@link DeviceRollupSums}). */
    private void dailyRollups(long projectId, LocalDate from, LocalDate to, GroupBy by, Map<String, List<Bucket>> out) {
        jdbc.query("SELECT " + keyExpr(by) + " AS k, r.rollup_day, " + SUMS
                + " FROM " + DEVICE + (by == GroupBy.TIER ? " JOIN " + CATEGORY : "")
                + " JOIN monitoring_device_day r ON r.device_id = d.id AND r.rollup_day >= ? AND r.rollup_day <= ?"
                + IN_PROJECT_AND_PERIOD
                + " AND r.rollup_day >= d.in_service_on AND (d.retired_on IS NULL OR r.rollup_day < d.retired_on)"
                + " GROUP BY " + keyExpr(by) + ", r.rollup_day", rs -> { addBucket(out, rs); },
                Date.valueOf(from), Date.valueOf(to), projectId, Date.valueOf(to), Date.valueOf(from));
    }

    /** One result row (key, day, the seven sums) as a bucket of its day. */
    private static void addBucket(Map<String, List<Bucket>> out, java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate day = rs.getObject(2, LocalDate.class);
        Sums sums = new Sums(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9));
        out.computeIfAbsent(key(rs.getObject(1)), k -> new ArrayList<>()).add(new Bucket(day, day, sums));
    }

    /**
     * The county day an interval ended on (ended_at is UTC; the zone's offset at the period's start is
     * added, exact for zones without daylight saving such as Asia/Shanghai).
     */
    private static final String END_DAY = "CAST(TIMESTAMPADD(SECOND, ?, i.ended_at) AS DATE)";

    /** DOWN intervals that ended inside the period on a day their device was in service, by group. */
    public Map<String, Repairs> repairs(long projectId, Period p, GroupBy by) {
        Map<String, Repairs> out = new HashMap<>();
        int offset = p.zone().getRules().getOffset(p.start()).getTotalSeconds();
        jdbc.query("SELECT " + keyExpr(by) + " AS k, COUNT(*), SUM(TIMESTAMPDIFF(SECOND, i.started_at, i.ended_at)),"
                + " SUM(CASE WHEN TIMESTAMPDIFF(SECOND, i.started_at, i.ended_at) <= 86400 THEN 1 ELSE 0 END)"
                + " FROM monitoring_state_interval i JOIN " + DEVICE + " ON d.id = i.device_id"
                + (by == GroupBy.TIER ? " JOIN " + CATEGORY : "")
                + IN_PROJECT_AND_PERIOD + " AND i.state = 'DOWN' AND i.ended_at >= ? AND i.ended_at < ?"
                + " AND " + END_DAY + " >= d.in_service_on AND (d.retired_on IS NULL OR " + END_DAY + " < d.retired_on)"
                + " GROUP BY " + keyExpr(by), rs -> {
            out.put(key(rs.getObject(1)), new Repairs(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        }, projectId, Date.valueOf(p.to()), Date.valueOf(p.from()), ts(p.start()), ts(p.end()), offset, offset);
        return out;
    }

    /** A device's group key and service bounds in this grouping (for partial days computed from intervals). */
    public record Member(String key, Device bounds) {
    }

    public Map<Long, Member> members(long projectId, LocalDate from, LocalDate to, GroupBy by) {
        Map<Long, Member> out = new HashMap<>();
        jdbc.query("SELECT d.id, " + keyExpr(by) + " AS k, d.in_service_on, d.retired_on FROM " + DEVICE
                + (by == GroupBy.TIER ? " JOIN " + CATEGORY : "") + IN_PROJECT_AND_PERIOD,
                rs -> { out.put(rs.getLong(1), new Member(key(rs.getObject(2)), new Device(rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), false, 1))); },
                projectId, Date.valueOf(to), Date.valueOf(from));
        return out;
    }

    /** The last county day with any rollup row on or before {@code day}, or null when there is none. */
    public LocalDate lastRolledUp(LocalDate day) {
        return jdbc.queryForObject("SELECT MAX(rollup_day) FROM monitoring_device_day WHERE rollup_day <= ?", LocalDate.class,
                Date.valueOf(day));
    }

    /** Whether any of the project's devices has a synthetic (demo) rollup day in [from, to]. */
    public boolean anySyntheticRollup(long projectId, LocalDate from, LocalDate to) {
        return !jdbc.queryForList("SELECT 1 FROM monitoring_device_day r JOIN " + DEVICE + " ON d.id = r.device_id WHERE d.project_id = ?"
                + " AND r.rollup_day >= ? AND r.rollup_day <= ? AND r.synthetic = TRUE LIMIT 1", Integer.class, projectId,
                Date.valueOf(from), Date.valueOf(to)).isEmpty();
    }

    /** The project a device belongs to, or null when there is no such device. */
    public Long projectOfDevice(long deviceId) {
        List<Long> p = jdbc.queryForList("SELECT project_id FROM ledger_device_dimension WHERE id = ?", Long.class, deviceId);
        return p.isEmpty() ? null : p.get(0);
    }

    public boolean projectExists(long projectId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_project_dimension WHERE id = ?", Integer.class, projectId) > 0;
    }

    /** One device's own rollup rows in [from, to], in day order (evidence). */
    public List<org.xueliang.tracker.monitoring.rollup.DailyRollup> deviceRollups(long deviceId, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT * FROM monitoring_device_day WHERE device_id = ? AND rollup_day >= ? AND rollup_day <= ?"
                        + " ORDER BY rollup_day",
                (rs, n) -> new org.xueliang.tracker.monitoring.rollup.DailyRollup(deviceId, rs.getObject("rollup_day", LocalDate.class),
                        rs.getLong("up_s"), rs.getLong("degraded_s"), rs.getLong("down_s"), rs.getLong("unknown_s"),
                        rs.getLong("maintenance_s"), rs.getInt("outages"), rs.getInt("reboots")),
                deviceId, Date.valueOf(from), Date.valueOf(to));
    }

    /** One device's DOWN intervals that ended in [start, end) (evidence for MTTR). */
    public List<org.xueliang.tracker.monitoring.rollup.DailyRollup.Span> deviceRepairs(long deviceId, Instant start, Instant end) {
        return jdbc.query("SELECT started_at, ended_at FROM monitoring_state_interval WHERE device_id = ? AND state = 'DOWN'"
                        + " AND ended_at >= ? AND ended_at < ? ORDER BY started_at",
                (rs, n) -> new org.xueliang.tracker.monitoring.rollup.DailyRollup.Span(
                        org.xueliang.tracker.monitoring.DeviceState.DOWN, instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))),
                deviceId, ts(start), ts(end));
    }

    /** An approved maintenance window that applies to a device (directly, by its site or by its category). */
    public record AppliedWindow(long id, String scopeType, String scopeRef, Instant startsAt, Instant endsAt, String reason) {
    }

    /** The maintenance windows overlapping [start, end) that apply to this device (evidence for W). */
    public List<AppliedWindow> deviceWindows(long deviceId, Instant start, Instant end) {
        return jdbc.query("SELECT w.id, w.scope_type, w.scope_ref, w.starts_at, w.ends_at, w.reason FROM monitoring_maintenance_window w,"
                        + " " + DEVICE + " WHERE d.id = ? AND w.starts_at < ? AND w.ends_at > ? AND ((w.scope_type = 'DEVICE'"
                        + " AND w.scope_ref = CONCAT(d.id, '')) OR (w.scope_type = 'SITE' AND w.scope_ref = CONCAT(d.site_id, ''))"
                        + " OR (w.scope_type = 'CATEGORY' AND w.scope_ref = d.category_code)) ORDER BY w.starts_at",
                (rs, n) -> new AppliedWindow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), rs.getString(6)),
                deviceId, ts(end), ts(start));
    }

    /** A device's ledger facts for its timeline: asset tag and name, bounds, record completeness. */
    public record DeviceFacts(long deviceId, long projectId, String label, LocalDate inServiceOn, LocalDate retiredOn,
                              boolean recordComplete) {
    }

    public DeviceFacts deviceFacts(long deviceId) {
        return jdbc.queryForObject("SELECT d.id, d.project_id, " + labelExpr(GroupBy.DEVICE) + " AS label, d.in_service_on,"
                        + " d.retired_on, " + RECORD_COMPLETE + " AS complete FROM " + DEVICE + " LEFT JOIN " + SITE + " WHERE d.id = ?",
                (rs, n) -> new DeviceFacts(rs.getLong(1), rs.getLong(2), rs.getString("label").trim(),
                        rs.getObject("in_service_on", LocalDate.class), rs.getObject("retired_on", LocalDate.class),
                        rs.getInt("complete") == 1),
                deviceId);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
