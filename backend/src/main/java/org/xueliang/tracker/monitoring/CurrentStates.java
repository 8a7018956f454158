package org.xueliang.tracker.monitoring;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.monitoring.ingest.StatusStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Devices' current states for modules that act on faults without a user behind them (the work-order sweep): no
 * project scope, no ledger columns, only {@code device_status}. The ledger's side of a device (project, site,
 * category) is the ledger's to say ({@code ledger.DeviceDirectory}). Read-only.
 */
@Service
@Transactional(readOnly = true)
public class CurrentStates {

    /** A device's state now, since when, and the reason code of the last failure (null when UP). */
    public record Current(long deviceId, DeviceState state, Instant since, String reason) {

        public boolean failing() {
            return state == DeviceState.DOWN || state == DeviceState.DEGRADED;
        }
    }

    private final JdbcTemplate jdbc;

    CurrentStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every device DOWN or DEGRADED since {@code failingSince} or earlier, oldest failure first. */
    public List<Current> failingSince(Instant failingSince) {
        return jdbc.query("SELECT device_id, state, since, reason FROM device_status WHERE state IN ('DOWN', 'DEGRADED')"
                + " AND since <= ? ORDER BY since, device_id", (rs, n) -> current(rs), StatusStore.ts(failingSince));
    }

    /** The states of these devices; a device never measured is absent. */
    public Map<Long, Current> of(Collection<Long> deviceIds) {
        Map<Long, Current> out = new HashMap<>();
        if (deviceIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", deviceIds.stream().map(id -> "?").toList());
        jdbc.query("SELECT device_id, state, since, reason FROM device_status WHERE device_id IN (" + in + ")",
                rs -> {
                    Current c = current(rs);
                    out.put(c.deviceId(), c);
                }, deviceIds.toArray());
        return out;
    }

    private static Current current(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Current(rs.getLong("device_id"), DeviceState.valueOf(rs.getString("state")),
                StatusStore.instant(rs.getTimestamp("since")), rs.getString("reason"));
    }
}
