package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * Raw results past their retention go without an index on the probe time (V48): retention walks the per-device index,
 * more devices than one pass takes, in chunks smaller than a device's old rows, and keeps every newer row.
 */
@OnMariaDb
class ProbeResultRetentionOnMariaDbTest extends ApiTestSupport {

    /** Device ids of this test only: probe_result has no foreign key, and no other test uses ids this high. */
    private static final long FIRST_DEVICE = 9_100_000;

    @Autowired ProbeResultHistory rawResults;

    @Test
    void everyDevicesOldResultsGoAndTheNewerStay() {
        Instant cutoff = Instant.now().minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
        int devices = ProbeResultHistory.DEVICES_PER_PASS * 2 + 17;
        List<Object[]> rows = new ArrayList<>();
        for (long d = FIRST_DEVICE; d < FIRST_DEVICE + devices; d++) {
            rows.add(new Object[] {d, Timestamp.from(cutoff.minusSeconds(1 + d % 3))}); // old
            rows.add(new Object[] {d, Timestamp.from(cutoff.plusSeconds(60))});          // kept
            if (d % 100 == 0) { // a few devices with more old rows than a chunk
                for (int i = 0; i < 5; i++) {
                    rows.add(new Object[] {d, Timestamp.from(cutoff.minus(Duration.ofDays(i + 1)))});
                }
            }
        }
        rows.add(new Object[] {FIRST_DEVICE + devices + 5, Timestamp.from(cutoff.plusSeconds(1))}); // only newer rows
        jdbc.batchUpdate("INSERT INTO probe_result (device_id, probed_at, method, status, reason) VALUES (?,?,'TCP','UP','OK')", rows);
        String count = "SELECT COUNT(*) FROM probe_result WHERE device_id >= " + FIRST_DEVICE + " AND probed_at < ?";
        long old = jdbc.queryForObject(count, Long.class, Timestamp.from(cutoff));
        long all = jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE device_id >= " + FIRST_DEVICE, Long.class);
        assertThat(old).isEqualTo(devices + 5L * 11);

        long deleted = rawResults.deleteBefore(cutoff, 3);

        assertThat(deleted).isGreaterThanOrEqualTo(old); // and any other test's rows past the retention
        assertThat(jdbc.queryForObject(count, Long.class, Timestamp.from(cutoff))).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_result WHERE device_id >= " + FIRST_DEVICE, Long.class))
                .isEqualTo(all - old);
        jdbc.update("DELETE FROM probe_result WHERE device_id >= " + FIRST_DEVICE);
    }

    @Test
    void theDevicesAreFoundByALooseScanOfThePerDeviceIndexNotByReadingTheirResults() {
        // what the optimizer sees at scale: many results per device (here 40 devices of 300 results)
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Object[]> rows = new ArrayList<>();
        for (long d = FIRST_DEVICE; d < FIRST_DEVICE + 40; d++) {
            for (int i = 0; i < 300; i++) {
                rows.add(new Object[] {d, Timestamp.from(at.minusSeconds(60L * i))});
            }
        }
        jdbc.batchUpdate("INSERT INTO probe_result (device_id, probed_at, method, status, reason) VALUES (?,?,'TCP','UP','OK')", rows);
        jdbc.execute("ANALYZE TABLE probe_result");
        try {
            List<String> extra = jdbc.query("EXPLAIN SELECT device_id FROM probe_result WHERE device_id > 0 GROUP BY device_id"
                    + " HAVING MIN(probed_at) < NOW() ORDER BY device_id LIMIT 500", (rs, n) -> rs.getString("Extra"));
            assertThat(extra).singleElement().asString().contains("Using index for group-by");
            assertThat(jdbc.queryForList("SELECT index_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND table_name = 'probe_result'", String.class)).doesNotContain("ix_probe_result_time");
        } finally {
            jdbc.update("DELETE FROM probe_result WHERE device_id >= " + FIRST_DEVICE);
        }
    }
}
