package org.xueliang.tracker.monitoring.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.SourceStatus;
import org.xueliang.tracker.monitoring.ingest.StatusStore;

/** Read side of monitoring for technicians: the summary board, a device's status, outages and raw probes. */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("status")
public class StatusQueries {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final StatusStore store;

    StatusQueries(JdbcTemplate jdbc, CurrentUser currentUser, StatusStore store) {
        this.store = store;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public record Summary(Map<DeviceState, Integer> total, Map<String, Map<DeviceState, Integer>> byCategory,
                          Map<String, Map<DeviceState, Integer>> bySite, List<DeviceRow> devices) {
    }

    public record DeviceRow(long deviceId, String assetTag, String name, String category, Long siteId, String siteName,
                            String ipAddress, DeviceState state, Instant since, String reason, Instant lastResultAt,
                            Integer lastLatencyMs, List<SourceStatus> sources) {
    }

    public record DeviceStatus(long deviceId, DeviceState state, Instant since, String reason, int consecutiveFailures,
                               Instant lastResultAt, Integer lastLatencyMs, Map<String, String> facts,
                               List<Discrepancy> discrepancies, int reboots, List<Instant> recentReboots,
                               List<SourceStatus> sources) {
    }

    /** The ledger says one thing, the device reports another (serial, model, firmware). */
    public record Discrepancy(String field, String ledger, String reported) {
    }

    public record Interval(DeviceState state, String reason, Instant start, Instant end) {
    }

    public record Probe(Instant at, String method, String status, String reason, Integer latencyMs, String detail) {
    }

    /**
     * Every device in the user's scope that is installed or later, with its state (UNKNOWN when never measured) and the
     * latest observation of each of its sources. {@code source} narrows it to the devices that source observes: one
     * that reported, or the device's configured probe method. GB28181 is nobody's probe method: it means watched by
     * GB/T 28181, a device with a GB observation (a national code alone, reported only over ONVIF so far, is not).
     */
    public Summary summary(Long projectId, String source) {
        List<Object> args = new ArrayList<>();
        String where = scopeClause(projectId, args);
        Map<Long, List<SourceStatus>> sources = sources(where, args);
        if (source != null && !source.isBlank()) {
            Method method = sourceParameter(source);
            where += " AND (EXISTS (SELECT 1 FROM device_source_status ss WHERE ss.device_id = d.id AND ss.source = ?)"
                    + (method == Method.GB28181 ? ")" : " OR d.probe_method = ?)");
            args.add(method.name());
            if (method != Method.GB28181) {
                args.add(method.name());
            }
        }
        List<DeviceRow> rows = jdbc.query("SELECT d.id, d.asset_tag, d.name, d.category_code, d.site_id, d.site_name,"
                + " d.ip_address, st.state, st.since, st.reason, st.last_result_at, st.last_latency_ms FROM ledger_device_dimension d"
                + " LEFT JOIN device_status st ON st.device_id = d.id"
                + " WHERE d.lifecycle IN ('INSTALLED','ACCEPTED','IN_SERVICE','FAULTY')" + where + " ORDER BY d.asset_tag",
                (rs, n) -> new DeviceRow(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("name"),
                        rs.getString("category_code"), rs.getObject("site_id", Long.class), rs.getString("site_name"),
                        rs.getString("ip_address"),
                        rs.getString("state") == null ? DeviceState.UNKNOWN : DeviceState.valueOf(rs.getString("state")),
                        StatusStore.instant(rs.getTimestamp("since")), rs.getString("reason"),
                        StatusStore.instant(rs.getTimestamp("last_result_at")), rs.getObject("last_latency_ms", Integer.class),
                        sources.getOrDefault(rs.getLong("id"), List.of())),
                args.toArray());
        Map<DeviceState, Integer> total = emptyCounts();
        Map<String, Map<DeviceState, Integer>> byCategory = new TreeMap<>();
        Map<String, Map<DeviceState, Integer>> bySite = new TreeMap<>();
        for (DeviceRow r : rows) {
            total.merge(r.state(), 1, Integer::sum);
            byCategory.computeIfAbsent(r.category(), k -> emptyCounts()).merge(r.state(), 1, Integer::sum);
            bySite.computeIfAbsent(r.siteName() == null ? "-" : r.siteName(), k -> emptyCounts()).merge(r.state(), 1, Integer::sum);
        }
        return new Summary(total, byCategory, bySite, rows);
    }

    private static Method sourceParameter(String source) {
        try {
            return Method.valueOf(source.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("source", "must be one of " + java.util.Arrays.toString(Method.values()));
        }
    }

    /** The latest observation per source of the devices the clause selects, in source order. */
    private Map<Long, List<SourceStatus>> sources(String where, List<Object> args) {
        Map<Long, List<SourceStatus>> out = new java.util.HashMap<>();
        jdbc.query("SELECT ss.* FROM device_source_status ss JOIN ledger_device_dimension d ON d.id = ss.device_id WHERE 1 = 1" + where
                + " ORDER BY ss.device_id, ss.source", rs -> {
            SourceStatus s = StatusStore.sourceStatus(rs);
            if (s != null) {
                out.computeIfAbsent(rs.getLong("device_id"), k -> new ArrayList<>()).add(s);
            }
        }, args.toArray());
        return out;
    }

    public DeviceStatus device(long deviceId) {
        requireVisible(deviceId);
        List<SourceStatus> sources = jdbc.query("SELECT * FROM device_source_status WHERE device_id = ? ORDER BY source",
                (rs, n) -> StatusStore.sourceStatus(rs), deviceId).stream().filter(java.util.Objects::nonNull).toList();
        Map<String, String> facts = new TreeMap<>();
        jdbc.query("SELECT fact_key, fact_value FROM device_fact WHERE device_id = ?",
                rs -> { facts.put(rs.getString(1), rs.getString(2)); }, deviceId);
        List<Discrepancy> discrepancies = discrepancies(deviceId, facts);
        List<Instant> reboots = jdbc.query("SELECT rebooted_at FROM device_reboot WHERE device_id = ? ORDER BY rebooted_at DESC",
                (rs, n) -> StatusStore.instant(rs.getTimestamp(1)), deviceId);
        List<Instant> recent = reboots.subList(0, Math.min(20, reboots.size()));
        // The state row's freshness is written in steps (ingest.FreshnessStep); this page shows the newest raw result.
        Optional<StatusStore.NewestResult> newest = store.newestResult(deviceId);
        return jdbc.query("SELECT * FROM device_status WHERE device_id = ?", (rs, n) -> {
                    StatusStore.NewestResult stored = new StatusStore.NewestResult(
                            StatusStore.instant(rs.getTimestamp("last_result_at")), rs.getObject("last_latency_ms", Integer.class));
                    StatusStore.NewestResult shown = newest.filter(r -> stored.at() == null || r.at().isAfter(stored.at())).orElse(stored);
                    return new DeviceStatus(deviceId, DeviceState.valueOf(rs.getString("state")),
                            StatusStore.instant(rs.getTimestamp("since")), rs.getString("reason"), rs.getInt("consecutive_failures"),
                            shown.at(), shown.latencyMs(), facts, discrepancies, reboots.size(), recent, sources);
                }, deviceId)
                .stream().findFirst()
                .orElse(new DeviceStatus(deviceId, DeviceState.UNKNOWN, null, null, 0, null, null, facts, discrepancies,
                        reboots.size(), recent, sources));
    }

    private List<Discrepancy> discrepancies(long deviceId, Map<String, String> facts) {
        Map<String, Object> ledger = jdbc.queryForMap("SELECT serial_number, model, firmware FROM ledger_device_dimension WHERE id = ?", deviceId);
        List<Discrepancy> out = new ArrayList<>();
        compare(out, "serialNumber", (String) ledger.get("serial_number"), facts.get("serial"));
        compare(out, "model", (String) ledger.get("model"), facts.get("model"));
        compare(out, "firmware", (String) ledger.get("firmware"), facts.get("firmware"));
        return out;
    }

    /** Only a value both sides know and that differs (ignoring case and surrounding blanks) is a discrepancy. */
    static void compare(List<Discrepancy> out, String field, String ledger, String reported) {
        if (ledger == null || reported == null || ledger.isBlank() || reported.isBlank()) {
            return;
        }
        if (!ledger.trim().equalsIgnoreCase(reported.trim())) {
            out.add(new Discrepancy(field, ledger, reported));
        }
    }

    /** State intervals overlapping [from, to); {@code state} narrows them (DOWN = outages). */
    public List<Interval> intervals(long deviceId, Instant from, Instant to, DeviceState state) {
        requireVisible(deviceId);
        List<Object> args = new ArrayList<>(List.of(deviceId, StatusStore.ts(to), StatusStore.ts(from)));
        String stateClause = "";
        if (state != null) {
            stateClause = " AND state = ?";
            args.add(state.name());
        }
        return jdbc.query("SELECT * FROM device_state_interval WHERE device_id = ? AND started_at < ?"
                        + " AND (ended_at IS NULL OR ended_at > ?)" + stateClause + " ORDER BY started_at",
                (rs, n) -> new Interval(DeviceState.valueOf(rs.getString("state")), rs.getString("reason"),
                        StatusStore.instant(rs.getTimestamp("started_at")), StatusStore.instant(rs.getTimestamp("ended_at"))),
                args.toArray());
    }

    public List<Probe> probes(long deviceId, Instant from, Instant to, int limit) {
        requireVisible(deviceId);
        return jdbc.query("SELECT * FROM probe_result WHERE device_id = ? AND probed_at >= ? AND probed_at < ?"
                        + " ORDER BY probed_at DESC LIMIT ?",
                (rs, n) -> new Probe(StatusStore.instant(rs.getTimestamp("probed_at")), rs.getString("method"),
                        rs.getString("status"), rs.getString("reason"), rs.getObject("latency_ms", Integer.class),
                        rs.getString("detail")),
                deviceId, StatusStore.ts(from), StatusStore.ts(to), limit);
    }

    private void requireVisible(long deviceId) {
        List<Long> project = jdbc.queryForList("SELECT project_id FROM ledger_device_dimension WHERE id = ?", Long.class, deviceId);
        if (project.isEmpty() || !currentUser.scope().allows(project.get(0))) {
            throw ApiException.notFound("Device", deviceId);
        }
    }

    private String scopeClause(Long projectId, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        AccessScope scope = currentUser.scope();
        if (!scope.all()) {
            if (scope.projectIds().isEmpty()) {
                return " AND 1 = 0";
            }
            sql.append(" AND d.project_id IN (").append(String.join(",", scope.projectIds().stream().map(id -> "?").toList())).append(")");
            args.addAll(scope.projectIds());
        }
        if (projectId != null) {
            sql.append(" AND d.project_id = ?");
            args.add(projectId);
        }
        return sql.toString();
    }

    private static Map<DeviceState, Integer> emptyCounts() {
        Map<DeviceState, Integer> m = new LinkedHashMap<>();
        for (DeviceState s : DeviceState.values()) {
            m.put(s, 0);
        }
        return m;
    }

}
