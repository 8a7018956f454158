package org.xueliang.tracker.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The device-month rollups (V38) give exactly the per-device figures that daily rows give, and that each device's own
 * timeline gives: over periods of whole months, across month edges, inside one month, before and after the rows; for
 * devices in service throughout, entering service mid-month or on a month's first or last day, retiring mid-month or
 * on a month's first day; after a day of a built month is written again, with a month left unbuilt (then built on
 * catch-up) and after a backdated retirement. Scratch devices with random daily rollups (maintenance, unknown, down,
 * degraded seconds, days without a row) from December 2016 to June 2017, months no other test writes; the same tests
 * on H2 and on MariaDB.
 */
abstract class DeviceMonthRollupsContract extends ScratchRollups {

    static final LocalDate FIRST = LocalDate.parse("2016-12-01");
    static final LocalDate LAST = LocalDate.parse("2017-06-30");

    /** Month rows and daily rows give the same per-device figures, and each of {@code devices} its timeline's. */
    void assertPathsAgree(long project, List<Long> devices) {
        String[][] periods = {{"2016-12-01", "2017-06-30"}, {"2017-01-01", "2017-05-31"}, {"2017-01-15", "2017-04-20"},
                {"2017-02-01", "2017-02-28"}, {"2017-02-10", "2017-03-05"}, {"2017-03-01", "2017-03-01"},
                {"2016-11-20", "2017-01-05"}, {"2017-06-15", "2017-07-10"}};
        for (String[] p : periods) {
            for (AvailabilityPolicy policy : List.of(AvailabilityPolicy.DEFAULT, new AvailabilityPolicy(
                    AvailabilityPolicy.MaintenancePolicy.COUNT_AS_UP, AvailabilityPolicy.UnknownPolicy.COUNT_AS_DOWN,
                    AvailabilityPolicy.QualityMetric.AVAILABILITY))) {
                LocalDate from = LocalDate.parse(p[0]);
                LocalDate to = LocalDate.parse(p[1]);
                List<AvailabilityService.Group> fast = query(true).figures(project, from, to, GroupBy.DEVICE, policy);
                List<AvailabilityService.Group> daily = query(false).figures(project, from, to, GroupBy.DEVICE, policy);
                assertThat(AvailabilityService.fingerprint(fast, 12)).as("%s … %s %s", from, to, policy).isNotEmpty()
                        .isEqualTo(AvailabilityService.fingerprint(daily, 12));
                Map<String, Figures> byDevice = fast.stream().collect(Collectors.toMap(AvailabilityService.Group::key,
                        AvailabilityService.Group::figures));
                for (long id : devices) {
                    Figures figures = byDevice.get(Long.toString(id));
                    if (figures != null) {
                        assertThat(figures).as("device %d, %s … %s %s", id, from, to, policy)
                                .isEqualTo(query(true).deviceTimeline(id, from, to, policy).figures());
                    }
                }
            }
        }
    }

    int builtMonths() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM device_rollup_month WHERE month_first >= ? AND month_first <= ?",
                Integer.class, Date.valueOf(FIRST), Date.valueOf(LAST));
    }

    @Test
    void perDeviceFiguresFromMonthRowsEqualThoseFromDailyRowsAndFromEachTimeline() throws Exception {
        long project = scratchProject();
        Function<String[], Long> device = a -> {
            try {
                long id = device(a[0], "2016-09-01", a[1]);
                if (a.length > 2) {
                    lifecycle(id, "RETIRED", a[2]);
                }
                return id;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        List<Long> ids = List.of(
                device.apply(new String[] {"SERVER", "2016-11-20"}),                   // in service throughout
                device.apply(new String[] {"FACE_CAMERA", "2017-02-14"}),              // enters mid-month
                device.apply(new String[] {"SWITCH", "2017-03-01"}),                   // enters on a month's first day
                device.apply(new String[] {"CHECKPOINT_CAMERA", "2017-01-31"}),        // enters on a month's last day
                device.apply(new String[] {"SERVER", "2016-11-20", "2017-04-10"}),     // retires mid-month
                device.apply(new String[] {"FACE_CAMERA", "2016-11-20", "2017-05-01"}), // retires on a month's first day
                device.apply(new String[] {"SWITCH", "2016-11-20"}));                  // retires later (below), backdated
        randomRollups(ids, FIRST, LAST, 20170101);
        // what every writer of daily rollups does in its transaction: December … June close and are built
        categoryRollups.build(FIRST, LAST);
        assertThat(builtMonths()).isEqualTo(7);
        assertPathsAgree(project, ids);

        // a day of a built month written again (a re-run of the rollup) re-builds its month
        jdbc.update("UPDATE device_daily_rollup SET down_s = down_s + 3600, up_s = up_s - 3600, outages = outages + 1"
                + " WHERE device_id = ? AND rollup_day = ?", ids.get(0), Date.valueOf("2017-04-05"));
        categoryRollups.build(LocalDate.parse("2017-04-05"), LocalDate.parse("2017-04-05"));
        assertPathsAgree(project, ids);

        // a month without its rows (daily rollups written before V38) is read from daily rows, and built on catch-up
        jdbc.update("DELETE FROM device_rollup_month WHERE month_first = ?", Date.valueOf("2017-03-01"));
        assertThat(builtMonths()).isEqualTo(6);
        assertPathsAgree(project, ids);
        categoryRollups.buildMissing();
        assertThat(builtMonths()).isEqualTo(7);
        assertPathsAgree(project, ids);

        // a backdated retirement changes no month row: the reader clips by the ledger's dates
        lifecycle(ids.get(6), "RETIRED", "2017-03-20");
        assertPathsAgree(project, ids);
        assertThat(query(true).figures(project, LocalDate.parse("2017-04-01"), LocalDate.parse("2017-04-30"), GroupBy.DEVICE,
                AvailabilityPolicy.DEFAULT)).extracting(AvailabilityService.Group::key).doesNotContain(ids.get(6).toString())
                .contains(ids.get(0).toString(), ids.get(4).toString());
    }
}
