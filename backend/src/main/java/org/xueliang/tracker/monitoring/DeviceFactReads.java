package org.xueliang.tracker.monitoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest facts devices reported ({@code device_fact}: ONVIF DeviceInformation's manufacturer and model, SNMP's
 * sysDescr, …) for other modules' comparisons, such as the 一机一档's. Read-only, no scope check: callers pass ids of
 * devices the user may already see.
 */
@Service
public class DeviceFactReads {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    DeviceFactReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** device id → fact key → value, for the {@code keys} among the facts of {@code deviceIds}. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, String>> of(Collection<Long> deviceIds, Collection<String> keys) {
        Map<Long, Map<String, String>> out = new HashMap<>();
        List<Long> ids = deviceIds.stream().distinct().toList();
        if (keys.isEmpty()) {
            return out;
        }
        String keyIn = String.join(",", keys.stream().map(k -> "?").toList());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String idIn = String.join(",", part.stream().map(id -> "?").toList());
            List<Object> args = new java.util.ArrayList<>(part);
            args.addAll(keys);
            jdbc.query("SELECT device_id, fact_key, fact_value FROM device_fact WHERE device_id IN (" + idIn
                    + ") AND fact_key IN (" + keyIn + ")", rs -> {
                out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }, args.toArray());
        }
        return out;
    }
}
