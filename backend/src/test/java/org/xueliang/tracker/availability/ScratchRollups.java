package org.xueliang.tracker.availability;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.monitoring.rollup.RollupService;
import org.xueliang.tracker.testing.ApiTestSupport;

/**
 * What the rollup contracts share: scratch devices taken into service through the ledger's API, and random daily
 * rollups written as the rollup job would (down, degraded, unknown and maintenance seconds, outages, reboots, days
 * without a row).
 */
abstract class ScratchRollups extends ApiTestSupport {

    @Autowired CategoryRollups categoryRollups;
    @Autowired RollupService rollups;
    @Autowired Clock clock;

    /** The availability figures' read path, with ({@code preAggregates}) or without the category and month rollups. */
    AvailabilityQuery query(boolean preAggregates) {
        return new AvailabilityQuery(new AvailabilityRepository(jdbc, preAggregates), rollups::compute, clock,
                Duration.ofHours(1), 2, java.util.concurrent.ForkJoinPool.commonPool());
    }

    /** A device planned on {@code plannedOn}, delivered, installed and accepted in the month after, in service from {@code inServiceOn}. */
    long device(String category, String plannedOn, String inServiceOn) throws Exception {
        Map<String, Object> fields = newDevice(unique("CR"));
        fields.put("category", category);
        fields.put("plannedOn", plannedOn);
        long id = createDevice(fields).get("id").asLong();
        LocalDate day = LocalDate.parse(plannedOn).plusMonths(1);
        for (String step : List.of("DELIVERED", "INSTALLED", "ACCEPTED")) {
            lifecycle(id, step, day.toString());
            day = day.plusDays(5);
        }
        lifecycle(id, "IN_SERVICE", inServiceOn);
        return id;
    }

    void lifecycle(long id, String to, String date) throws Exception {
        perform(withJson(post("/api/v1/devices/{id}/lifecycle", id), Map.of("to", to, "date", date)), ADMIN)
                .andExpect(status().isOk());
    }

    /**
     * Random daily rollups for every day of [first, last], also before a device entered service and after it retired
     * (those must never count).
     */
    void randomRollups(List<Long> devices, LocalDate first, LocalDate last, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        for (long id : devices) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (random.nextInt(20) == 0) {
                    continue; // no row: uncovered, counts as unknown
                }
                int down = random.nextInt(4) == 0 ? random.nextInt(20_000) : 0;
                int degraded = random.nextInt(5) == 0 ? random.nextInt(10_000) : 0;
                int unknown = random.nextInt(10) == 0 ? random.nextInt(30_000) : 0;
                int maintenance = random.nextInt(10) == 0 ? random.nextInt(10_000) : 0;
                rows.add(new Object[] {id, Date.valueOf(day), 86_400 - down - degraded - unknown - maintenance, degraded, down,
                        unknown, maintenance, down > 0 ? 1 : 0, random.nextInt(30) == 0 ? 1 : 0});
            }
        }
        jdbc.batchUpdate("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s,"
                + " maintenance_s, outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,TRUE)", rows);
    }
}
