package org.xueliang.tracker.monitoring.ingest;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.shared.PrunableHistory;

/**
 * The raw probe results ({@code probe_result}) as a history {@code shared.MeasurementRetention} prunes: kept
 * {@code xl.monitoring.raw-retention-days} (90) by the time they were probed. Outages, states and rollups stay.
 */
@Component
class ProbeResultHistory implements PrunableHistory {

    private final JdbcTemplate jdbc;

    ProbeResultHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String rowsName() {
        return "raw probe results";
    }

    @Override
    public int deleteBefore(Instant cutoff, int limit) {
        return jdbc.update("DELETE FROM probe_result WHERE probed_at < ? LIMIT " + limit, StatusStore.ts(cutoff));
    }
}
