package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's whole fleet as plain records, each query one statement, for modules that act on every device at once
 * (demo mode: its simulators, its GB/T 28181 devices and its synthetic past), so that they never read the ledger's
 * tables ({@code device}, {@code device_category}, {@code site}) with SQL of their own (issue 12 item 5). Read-only;
 * edits go through {@link DeviceService}.
 */
@Service
public class DeviceRoster {

    /** The lifecycle states in which a device is on the network and probed (installed up to faulty). */
    private static final String IN_OPERATION = "('INSTALLED','ACCEPTED','IN_SERVICE','FAULTY')";

    private final JdbcTemplate jdbc;

    DeviceRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A device that has an in-service day, with what its availability depends on; {@code method} null when unprobed. */
    public record InService(long id, String category, Tier tier, ProbeMethod method, LocalDate inServiceOn, LocalDate retiredOn) {
    }

    /** A probed device in operation: its identity as a simulator would show it, and where it is probed. */
    public record Probed(long id, String assetTag, String category, String vendor, String model, String firmware,
                         String serialNumber, ProbeMethod method, String host, Integer port) {
    }

    /**
     * A device carrying a national code (GB/T 28181): its name, model and its site's position (null without a site),
     * and whether it is in operation (installed up to faulty).
     */
    public record Coded(String assetTag, String gbCode, Long siteId, String name, String model, BigDecimal longitude,
                        BigDecimal latitude, boolean inOperation) {
    }

    /** A device of a project as evidence lists it (e.g. the 数量 rows of an evaluation). */
    public record Listed(long id, String assetTag, String name, String category, Long siteId, Lifecycle lifecycle,
                         LocalDate installedOn) {
    }

    /**
     * Every device of project {@code projectId}, by id, in one statement: a 100,000-device project as plain
     * records, not as managed entities a read-write transaction would dirty-check at its flush.
     */
    @Transactional(readOnly = true)
    public List<Listed> ofProject(long projectId) {
        return jdbc.query("SELECT id, asset_tag, name, category_code, site_id, lifecycle, installed_on FROM device"
                        + " WHERE project_id = ? ORDER BY id",
                (rs, n) -> new Listed(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("name"), rs.getString("category_code"),
                        rs.getObject("site_id", Long.class), Lifecycle.valueOf(rs.getString("lifecycle")),
                        rs.getObject("installed_on", LocalDate.class)), projectId);
    }

    /** Every device with an in-service day, by id. */
    @Transactional(readOnly = true)
    public List<InService> inService() {
        return jdbc.query("SELECT d.id, d.category_code, c.tier, d.probe_method, d.in_service_on, d.retired_on FROM device d"
                        + " JOIN device_category c ON c.code = d.category_code WHERE d.in_service_on IS NOT NULL ORDER BY d.id",
                (rs, n) -> new InService(rs.getLong("id"), rs.getString("category_code"), Tier.valueOf(rs.getString("tier")),
                        method(rs.getString("probe_method")), rs.getObject("in_service_on", LocalDate.class),
                        rs.getObject("retired_on", LocalDate.class)));
    }

    /** The ids of every device with a probe method, whatever its lifecycle, in id order. */
    @Transactional(readOnly = true)
    public List<Long> probedIds() {
        return jdbc.queryForList("SELECT id FROM device WHERE probe_method IS NOT NULL ORDER BY id", Long.class);
    }

    /** The devices in operation probed by one of {@code methods}, by asset tag; {@code host} is the probe host or the IP. */
    @Transactional(readOnly = true)
    public List<Probed> probedInOperation(List<ProbeMethod> methods) {
        if (methods.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", methods.stream().map(m -> "?").toList());
        return jdbc.query("SELECT id, asset_tag, category_code, vendor, model, firmware, serial_number, probe_method,"
                        + " COALESCE(probe_host, ip_address) AS host, probe_port FROM device WHERE probe_method IN (" + in + ")"
                        + " AND lifecycle IN " + IN_OPERATION + " ORDER BY asset_tag",
                (rs, n) -> new Probed(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("category_code"),
                        rs.getString("vendor"), rs.getString("model"), rs.getString("firmware"), rs.getString("serial_number"),
                        method(rs.getString("probe_method")), rs.getString("host"), rs.getObject("probe_port", Integer.class)),
                methods.stream().map(Enum::name).toArray());
    }

    /** Every device carrying a national code, by asset tag. */
    @Transactional(readOnly = true)
    public List<Coded> coded() {
        return jdbc.query("SELECT d.asset_tag, d.gb_code, d.site_id, d.name, d.model, s.longitude, s.latitude,"
                        + " CASE WHEN d.lifecycle IN " + IN_OPERATION + " THEN 1 ELSE 0 END AS in_operation"
                        + " FROM device d LEFT JOIN site s ON s.id = d.site_id WHERE d.gb_code IS NOT NULL ORDER BY d.asset_tag",
                (rs, n) -> new Coded(rs.getString("asset_tag"), rs.getString("gb_code"), rs.getObject("site_id", Long.class),
                        rs.getString("name"), rs.getString("model"), rs.getBigDecimal("longitude"), rs.getBigDecimal("latitude"),
                        rs.getInt("in_operation") == 1));
    }

    private static ProbeMethod method(String name) {
        return name == null ? null : ProbeMethod.valueOf(name);
    }
}
