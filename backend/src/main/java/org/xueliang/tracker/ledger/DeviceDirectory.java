package org.xueliang.tracker.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's devices as other modules name and group them, so that they never read the ledger's
 * tables ({@code device}, {@code site}, {@code device_category}) with SQL of their own (issue 12,
 * item 5: one owner per table). Read-only.
 */
@Service
public class DeviceDirectory {

    /** Ids per IN list: well under every driver's and database's limit on parameters. */
    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;

    DeviceDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a person reads to know a device: its asset tag, its name and its site's name (both may be null). */
    public record DeviceLabel(long id, String assetTag, String name, String siteName) {
    }

    /** The label of device {@code deviceId}; empty when there is no such device. */
    @Transactional(readOnly = true)
    public Optional<DeviceLabel> label(long deviceId) {
        return Optional.ofNullable(labels(List.of(deviceId)).get(deviceId));
    }

    /**
     * The labels of the devices {@code deviceIds} that exist, by id: one statement per 500 ids, so that a caller with
     * many devices at hand (the notices of one ingest batch's state changes) reads them all at once.
     */
    @Transactional(readOnly = true)
    public Map<Long, DeviceLabel> labels(Collection<Long> deviceIds) {
        Map<Long, DeviceLabel> labels = new HashMap<>();
        List<Long> distinct = deviceIds.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_LIST));
            jdbc.query("SELECT d.id, d.asset_tag, d.name, s.name AS site_name FROM device d LEFT JOIN site s ON s.id = d.site_id"
                            + " WHERE d.id IN (" + String.join(",", chunk.stream().map(id -> "?").toList()) + ")",
                    rs -> {
                        labels.put(rs.getLong("id"), new DeviceLabel(rs.getLong("id"), rs.getString("asset_tag"),
                                rs.getString("name"), rs.getString("site_name")));
                    }, chunk.toArray());
        }
        return labels;
    }

    /** The tier (through its category) of every device of project {@code projectId}, by device id. */
    @Transactional(readOnly = true)
    public Map<Long, Tier> tiersOfProject(long projectId) {
        Map<Long, Tier> tiers = new HashMap<>();
        jdbc.query("SELECT d.id, c.tier FROM device d JOIN device_category c ON c.code = d.category_code WHERE d.project_id = ?",
                rs -> {
                    tiers.put(rs.getLong(1), Tier.valueOf(rs.getString(2)));
                }, projectId);
        return tiers;
    }

    /** Where a device belongs: its project, site (may be null), category, lifecycle stage and uplink (may be null). */
    public record DevicePlace(long id, long projectId, Long siteId, String categoryCode, Lifecycle lifecycle, Long uplinkDeviceId) {
    }

    /** The places of these devices, by id; ids of no device are absent. */
    @Transactional(readOnly = true)
    public Map<Long, DevicePlace> places(java.util.Collection<Long> deviceIds) {
        Map<Long, DevicePlace> out = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", deviceIds.stream().map(id -> "?").toList());
        jdbc.query("SELECT id, project_id, site_id, category_code, lifecycle, uplink_device_id FROM device WHERE id IN (" + in + ")", rs -> {
            out.put(rs.getLong("id"), new DevicePlace(rs.getLong("id"), rs.getLong("project_id"),
                    rs.getObject("site_id", Long.class), rs.getString("category_code"), Lifecycle.valueOf(rs.getString("lifecycle")),
                    rs.getObject("uplink_device_id", Long.class)));
        }, deviceIds.toArray());
        return out;
    }

    /**
     * A device as a stocktake compares it with what was found: where the ledger puts it (project, site, the site's
     * township), its category, asset tag, name and serial number.
     */
    public record StockItem(long id, long projectId, Long siteId, String township, String categoryCode, String assetTag,
                            String name, String siteName, String serialNumber) {
    }

    private static final String STOCK_ITEM = "SELECT d.id, d.project_id, d.site_id, s.township, d.category_code, d.asset_tag,"
            + " d.name, s.name AS site_name, d.serial_number FROM device d LEFT JOIN site s ON s.id = d.site_id";

    private static StockItem stockItem(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StockItem(rs.getLong("id"), rs.getLong("project_id"), rs.getObject("site_id", Long.class),
                rs.getString("township"), rs.getString("category_code"), rs.getString("asset_tag"), rs.getString("name"),
                rs.getString("site_name"), rs.getString("serial_number"));
    }

    /**
     * The devices a stocktake expects: not retired, of the given projects (null: every project), and at the site
     * {@code siteId} or in the township {@code township} when given; in asset-tag order.
     */
    @Transactional(readOnly = true)
    public List<StockItem> stock(Collection<Long> projectIds, Long siteId, String township) {
        StringBuilder sql = new StringBuilder(STOCK_ITEM).append(" WHERE d.lifecycle <> 'RETIRED'");
        List<Object> args = new java.util.ArrayList<>();
        if (projectIds != null) {
            if (projectIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND d.project_id IN (").append(String.join(",", projectIds.stream().map(id -> "?").toList())).append(")");
            args.addAll(projectIds);
        }
        if (siteId != null) {
            sql.append(" AND d.site_id = ?");
            args.add(siteId);
        }
        if (township != null) {
            sql.append(" AND s.township = ?");
            args.add(township);
        }
        return jdbc.query(sql.append(" ORDER BY d.asset_tag").toString(), (rs, n) -> stockItem(rs), args.toArray());
    }

    /** The stock items of these devices, by id (ids of no device are absent). */
    @Transactional(readOnly = true)
    public Map<Long, StockItem> stockItems(Collection<Long> deviceIds) {
        Map<Long, StockItem> out = new HashMap<>();
        List<Long> distinct = deviceIds.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_LIST));
            jdbc.query(STOCK_ITEM + " WHERE d.id IN (" + String.join(",", chunk.stream().map(id -> "?").toList()) + ")",
                    rs -> {
                        StockItem item = stockItem(rs);
                        out.put(item.id(), item);
                    }, chunk.toArray());
        }
        return out;
    }

    /** The id of the device carrying this asset tag; empty when none does. */
    @Transactional(readOnly = true)
    public Optional<Long> idOfAssetTag(String assetTag) {
        return jdbc.query("SELECT id FROM device WHERE asset_tag = ?", (rs, n) -> rs.getLong(1), assetTag).stream().findFirst();
    }
}
