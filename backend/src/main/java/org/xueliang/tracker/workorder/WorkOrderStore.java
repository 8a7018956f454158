package org.xueliang.tracker.workorder;

import static org.xueliang.tracker.workorder.Times.instant;
import static org.xueliang.tracker.workorder.Times.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.ledger.DeviceDirectory;

/**
 * The rows of {@code work_order}, {@code work_order_device} and {@code work_order_event} in plain JDBC. Every change
 * of an order row goes through a version check (optimistic lock): the caller learns when another replica or person
 * moved the order first.
 */
@Repository
class WorkOrderStore {

    private final JdbcTemplate jdbc;
    private final DeviceDirectory devices;

    WorkOrderStore(JdbcTemplate jdbc, DeviceDirectory devices) {
        this.jdbc = jdbc;
        this.devices = devices;
    }

    /** A new order's columns (state OPEN). */
    record NewOrder(long projectId, Long siteId, String origin, String reason, String categoryCode, String contractor,
                    Instant openedAt, String openedBy, String assignee, Instant respondBy, Instant repairBy, String slaRule) {
    }

    long insert(NewOrder o) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO work_order (project_id, site_id, origin, reason, state,"
                    + " category_code, contractor, opened_at, opened_by, assignee, respond_by, repair_by, sla_rule, version)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, o.projectId());
            ps.setObject(2, o.siteId());
            ps.setString(3, o.origin());
            ps.setString(4, o.reason());
            ps.setString(5, WorkOrderState.OPEN.name());
            ps.setString(6, o.categoryCode());
            ps.setString(7, o.contractor());
            ps.setTimestamp(8, ts(o.openedAt()));
            ps.setString(9, o.openedBy());
            ps.setString(10, o.assignee());
            ps.setTimestamp(11, ts(o.respondBy()));
            ps.setTimestamp(12, ts(o.repairBy()));
            ps.setString(13, o.slaRule());
            return ps;
        }, key);
        return key.getKeyAs(Number.class) != null ? key.getKeyAs(Number.class).longValue() : key.getKey().longValue();
    }

    /**
     * Links {@code deviceId} to the order and makes the order hold it; the unique key on {@code open_device_id} throws
     * {@link org.springframework.dao.DuplicateKeyException} when another order holds the device already.
     */
    void link(long orderId, long deviceId, Instant incidentStartedAt) {
        jdbc.update("INSERT INTO work_order_device (work_order_id, device_id, incident_started_at, open_device_id)"
                + " VALUES (?,?,?,?)", orderId, deviceId, ts(incidentStartedAt), deviceId);
    }

    /** The order stops holding its devices (RESOLVED, CLOSED, CANCELLED): a new failure opens a new order. */
    void release(long orderId) {
        jdbc.update("UPDATE work_order_device SET open_device_id = NULL WHERE work_order_id = ?", orderId);
    }

    /** Which order holds each of these devices (devices held by none are absent). */
    Map<Long, Long> holders(Collection<Long> deviceIds) {
        Map<Long, Long> out = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT open_device_id, work_order_id FROM work_order_device WHERE open_device_id IN ("
                + marks(deviceIds.size()) + ")", rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        }, deviceIds.toArray());
        return out;
    }

    /** Every held device with its order, recovered time and the order's state: what the recovery check looks at. */
    record Held(long orderId, long deviceId, Instant incidentStartedAt, Instant recoveredAt, WorkOrderState state) {
    }

    List<Held> held() {
        return jdbc.query("SELECT d.work_order_id, d.device_id, d.incident_started_at, d.recovered_at, o.state FROM work_order_device d"
                        + " JOIN work_order o ON o.id = d.work_order_id WHERE d.open_device_id IS NOT NULL ORDER BY d.work_order_id",
                (rs, n) -> new Held(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                        WorkOrderState.valueOf(rs.getString(5))));
    }

    void deviceRecovered(long orderId, long deviceId, Instant at) {
        jdbc.update("UPDATE work_order_device SET recovered_at = ? WHERE work_order_id = ? AND device_id = ?", ts(at), orderId, deviceId);
    }

    void deviceFailedAgain(long orderId, long deviceId) {
        jdbc.update("UPDATE work_order_device SET recovered_at = NULL WHERE work_order_id = ? AND device_id = ?", orderId, deviceId);
    }

    /** Open cluster orders of these sites that still hold devices, with the earliest incident start of each. */
    record OpenCluster(long orderId, long siteId, Instant firstIncident) {
    }

    List<OpenCluster> openClusters(Collection<Long> siteIds) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(siteIds);
        return jdbc.query("SELECT o.id, o.site_id, MIN(d.incident_started_at) FROM work_order o JOIN work_order_device d"
                        + " ON d.work_order_id = o.id WHERE o.origin = 'CLUSTER' AND o.state IN ('OPEN','ACCEPTED','ON_SITE',"
                        + "'PENDING_CONFIRMATION') AND o.site_id IN (" + marks(siteIds.size()) + ") GROUP BY o.id, o.site_id",
                (rs, n) -> new OpenCluster(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3))), args.toArray());
    }

    int deviceCount(long orderId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM work_order_device WHERE work_order_id = ?", Integer.class, orderId);
        return n == null ? 0 : n;
    }

    void event(long orderId, Instant at, String actor, String kind, WorkOrderState from, WorkOrderState to, String note) {
        jdbc.update("INSERT INTO work_order_event (work_order_id, occurred_at, actor, kind, from_state, to_state, note)"
                        + " VALUES (?,?,?,?,?,?,?)", orderId, ts(at), actor, kind, from == null ? null : from.name(),
                to == null ? null : to.name(), note);
    }

    /**
     * Runs {@code sql} (an UPDATE of {@code work_order} ending in {@code WHERE id = ? AND version = ?}, whose SET
     * includes {@code version = version + 1}) and answers whether the row still had {@code version}.
     */
    boolean updateVersioned(String sql, Object... args) {
        return jdbc.update(sql, args) == 1;
    }

    Optional<WorkOrder> find(long id) {
        List<WorkOrder> found = query(" WHERE o.id = ?", List.of(id));
        return found.stream().findFirst();
    }

    /** Orders matching {@code where} (starting " WHERE …", over alias {@code o}), newest first, with their devices. */
    List<WorkOrder> query(String where, List<Object> args) {
        return query(where, args, null, null);
    }

    List<WorkOrder> query(String where, List<Object> args, Integer limit, Long offset) {
        String page = limit == null ? "" : " LIMIT " + limit + " OFFSET " + offset;
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query("SELECT o.* FROM work_order o" + where + " ORDER BY o.opened_at DESC, o.id DESC" + page,
                rs -> {
                    Row r = row(rs);
                    rows.put(r.id(), r);
                }, args.toArray());
        Map<Long, List<WorkOrder.Device>> devicesByOrder = devicesOf(rows.keySet());
        return rows.values().stream().map(r -> r.with(devicesByOrder.getOrDefault(r.id(), List.of()))).toList();
    }

    long count(String where, List<Object> args) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM work_order o" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private Map<Long, List<WorkOrder.Device>> devicesOf(Collection<Long> orderIds) {
        Map<Long, List<WorkOrder.Device>> out = new HashMap<>();
        if (orderIds.isEmpty()) {
            return out;
        }
        record Link(long orderId, long deviceId, Instant started, Instant recovered) {
        }
        List<Link> links = jdbc.query("SELECT work_order_id, device_id, incident_started_at, recovered_at FROM work_order_device"
                        + " WHERE work_order_id IN (" + marks(orderIds.size()) + ") ORDER BY work_order_id, device_id",
                (rs, n) -> new Link(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4))),
                orderIds.toArray());
        Map<Long, DeviceDirectory.DeviceLabel> labels = new HashMap<>();
        for (Link l : links) {
            DeviceDirectory.DeviceLabel label = labels.computeIfAbsent(l.deviceId(),
                    id -> devices.label(id).orElse(new DeviceDirectory.DeviceLabel(id, null, null, null)));
            out.computeIfAbsent(l.orderId(), k -> new ArrayList<>()).add(new WorkOrder.Device(l.deviceId(), label.assetTag(),
                    label.name(), label.siteName(), l.started(), l.recovered()));
        }
        return out;
    }

    List<WorkOrder.Event> events(long orderId) {
        return jdbc.query("SELECT * FROM work_order_event WHERE work_order_id = ? ORDER BY id", (rs, n) -> new WorkOrder.Event(
                rs.getLong("id"), instant(rs.getTimestamp("occurred_at")), rs.getString("actor"), rs.getString("kind"),
                state(rs.getString("from_state")), state(rs.getString("to_state")), rs.getString("note")), orderId);
    }

    private static WorkOrderState state(String s) {
        return s == null ? null : WorkOrderState.valueOf(s);
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** An order row before its devices are attached. */
    private record Row(long id, long projectId, Long siteId, String origin, String reason, WorkOrderState state,
                       String categoryCode, String contractor, Instant openedAt, String openedBy, String assignee,
                       Instant acceptedAt, Instant onSiteAt, java.math.BigDecimal lat, java.math.BigDecimal lon,
                       Instant recoveredAt, Instant resolvedAt, Instant repairedAt, Instant closedAt, String closedBy,
                       Cause cause, String actionTaken, String partsReplaced, Instant respondBy, Instant repairBy,
                       String slaRule, long version) {

        WorkOrder with(List<WorkOrder.Device> devices) {
            return new WorkOrder(id, projectId, siteId, origin, reason, state, categoryCode, contractor, openedAt, openedBy,
                    assignee, acceptedAt, onSiteAt, lat, lon, recoveredAt, resolvedAt, repairedAt, closedAt, closedBy, cause,
                    actionTaken, partsReplaced, respondBy, repairBy, slaRule, version, devices);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String cause = rs.getString("cause");
        return new Row(rs.getLong("id"), rs.getLong("project_id"), rs.getObject("site_id", Long.class), rs.getString("origin"),
                rs.getString("reason"), WorkOrderState.valueOf(rs.getString("state")), rs.getString("category_code"),
                rs.getString("contractor"), instant(rs.getTimestamp("opened_at")), rs.getString("opened_by"),
                rs.getString("assignee"), instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("on_site_at")),
                rs.getBigDecimal("on_site_lat"), rs.getBigDecimal("on_site_lon"), instant(rs.getTimestamp("recovered_at")),
                instant(rs.getTimestamp("resolved_at")), instant(rs.getTimestamp("repaired_at")),
                instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"), cause == null ? null : Cause.valueOf(cause),
                rs.getString("action_taken"), rs.getString("parts_replaced"), instant(rs.getTimestamp("respond_by")),
                instant(rs.getTimestamp("repair_by")), rs.getString("sla_rule"), rs.getLong("version"));
    }

    /** The state an order in PENDING_CONFIRMATION goes back to when a device fails again. */
    WorkOrderState stateBeforeRecovery(long orderId) {
        String s = jdbc.queryForObject("SELECT state_before_recovery FROM work_order WHERE id = ?", String.class, orderId);
        return s == null ? WorkOrderState.OPEN : WorkOrderState.valueOf(s);
    }

    List<WorkOrder.Photo> photos(long orderId) {
        return jdbc.query("SELECT id, media_type, size_bytes, uploaded_at, uploaded_by FROM work_order_photo WHERE work_order_id = ?"
                + " ORDER BY id", (rs, n) -> new WorkOrder.Photo(rs.getLong(1), rs.getString(2), rs.getInt(3),
                instant(rs.getTimestamp(4)), rs.getString(5)), orderId);
    }
}
