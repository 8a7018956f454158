package org.xueliang.tracker.monitoring.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.InLists;
import org.xueliang.tracker.shared.PrunableHistory;

/**
 * The raw probe results ({@code probe_result}) as a history {@code shared.MeasurementRetention} prunes: kept
 * {@code xl.monitoring.raw-retention-days} (90) by the time they were probed. Outages, states and rollups stay.
 *
 * <p>The table has no index on the probe time alone (V48 dropped it): every result paid an entry in it at ingest,
 * for this hourly job only. The job walks the per-device index {@code (device_id, probed_at)} instead: the devices
 * with a result before the cut-off, a few hundred at a time in id order (one dive each), then their old results.
 */
@Component
class ProbeResultHistory implements PrunableHistory {

    /** Devices per pass: an IN list of a few KB, and 500 short ranges of the per-device index per DELETE. */
    static final int DEVICES_PER_PASS = 500;

    private final JdbcTemplate jdbc;

    ProbeResultHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String rowsName() {
        return "raw probe results";
    }

    @Override
    public long deleteBefore(Instant cutoff, int chunk) {
        Timestamp before = StatusStore.ts(cutoff);
        long deleted = 0;
        long after = Long.MIN_VALUE;
        for (List<Long> devices = devicesWithResultsBefore(after, before); !devices.isEmpty();
             devices = devicesWithResultsBefore(after, before)) {
            String in = InLists.numbers(devices);
            deleted += PrunableHistory.untilShort(chunk, () -> jdbc.update("DELETE FROM probe_result WHERE device_id IN ("
                    + in + ") AND probed_at < ? LIMIT " + chunk, before));
            after = devices.get(devices.size() - 1);
        }
        return deleted;
    }

    /**
     * The next devices after {@code after}, by id, that have a result before {@code before}. On MariaDB a loose scan of
     * the per-device index: one dive per device for its oldest result, not a read of its results.
     */
    private List<Long> devicesWithResultsBefore(long after, Timestamp before) {
        return jdbc.queryForList("SELECT device_id FROM probe_result WHERE device_id > ? GROUP BY device_id"
                + " HAVING MIN(probed_at) < ? ORDER BY device_id LIMIT " + DEVICES_PER_PASS, Long.class, after, before);
    }
}
