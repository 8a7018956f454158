package org.xueliang.tracker.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.xueliang.tracker.testing.ApiTestSupport;

/**
 * The category rollups (V6) give exactly the tier and category figures that daily rows give, on
 * built days, on unbuilt days and across both, and stay exact when devices change category, retire
 * or are deleted through the ledger. Scratch devices with random daily rollups in 2019 (a year no
 * other test writes); the same tests on H2 and on MariaDB.
 */
abstract class CategoryRollupsContract extends ScratchRollups {

    static final LocalDate FIRST = LocalDate.parse("2019-01-01");
    static final LocalDate LAST = LocalDate.parse("2019-03-31");

    /** The two read paths agree for tiers and categories over periods inside, across and outside the built days. */
    /** A device planned in October 2018, in service from {@code inServiceOn}. */
    long device(String category, String inServiceOn) throws Exception {
        return device(category, "2018-10-01", inServiceOn);
    }

    void assertBothPathsAgree(long project) {
        String[][] periods = {{"2019-01-01", "2019-03-31"}, {"2019-01-15", "2019-02-10"}, {"2019-02-20", "2019-03-10"},
                {"2019-03-05", "2019-03-31"}, {"2018-12-20", "2019-01-03"}};
        for (GroupBy by : List.of(GroupBy.TIER, GroupBy.CATEGORY)) {
            for (String[] p : periods) {
                for (AvailabilityPolicy policy : List.of(AvailabilityPolicy.DEFAULT, new AvailabilityPolicy(
                        AvailabilityPolicy.MaintenancePolicy.COUNT_AS_UP, AvailabilityPolicy.UnknownPolicy.COUNT_AS_DOWN,
                        AvailabilityPolicy.QualityMetric.AVAILABILITY))) {
                    LocalDate from = LocalDate.parse(p[0]);
                    LocalDate to = LocalDate.parse(p[1]);
                    List<String> fast = AvailabilityService.fingerprint(query(true).figures(project, from, to, by, policy), 12);
                    List<String> daily = AvailabilityService.fingerprint(query(false).figures(project, from, to, by, policy), 12);
                    assertThat(fast).as("%s %s … %s %s", by, from, to, policy).isNotEmpty().isEqualTo(daily);
                }
            }
        }
    }

    long sum(long project, String category, String column) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(" + column + "), 0) FROM category_daily_rollup WHERE project_id = ?"
                + " AND category_code = ? AND rollup_day >= ? AND rollup_day <= ?", Long.class, project, category,
                Date.valueOf(FIRST), Date.valueOf(LAST));
    }

    @Test
    void tierAndCategoryFiguresEqualThoseFromDailyRowsThroughLedgerChanges() throws Exception {
        long project = scratchProject();
        jdbc.update("DELETE FROM device_daily_rollup WHERE device_id IN (SELECT id FROM device WHERE project_id = ?)", project);
        List<Long> ids = new ArrayList<>();
        ids.add(device("SERVER", "2018-12-15"));
        ids.add(device("SERVER", "2019-01-20"));           // enters service inside the period
        ids.add(device("SWITCH", "2018-12-15"));
        ids.add(device("FACE_CAMERA", "2018-12-15"));
        ids.add(device("FACE_CAMERA", "2019-02-14"));
        ids.add(device("CHECKPOINT_CAMERA", "2018-12-15"));
        randomRollups(ids, FIRST.minusDays(10), LAST, 20190101);
        // January and February built (with the rest of the database's devices); March stays on daily rows
        categoryRollups.build(FIRST.minusDays(10), LocalDate.parse("2019-02-28"));
        assertBothPathsAgree(project);
        assertThat(sum(project, "SERVER", "down_s")).isPositive();

        // a server becomes a camera: its built days move from BACK_END to FRONT_END
        long moved = ids.get(0);
        long serverDownBefore = sum(project, "SERVER", "down_s");
        long movedDown = jdbc.queryForObject("SELECT SUM(down_s) FROM device_daily_rollup WHERE device_id = ? AND rollup_day >= ?"
                + " AND rollup_day <= ?", Long.class, moved, Date.valueOf(FIRST), Date.valueOf(LocalDate.parse("2019-02-28")));
        perform(patch("/api/v1/devices/{id}", moved).contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"FACE_CAMERA\"}"),
                ADMIN).andExpect(status().isOk());
        assertThat(movedDown).isPositive();
        assertThat(sum(project, "SERVER", "down_s")).isEqualTo(serverDownBefore - movedDown);
        // a camera retires on 2019-02-01 (backdated), a switch is deleted
        lifecycle(ids.get(3), "RETIRED", "2019-02-01");
        perform(delete("/api/v1/devices/{id}", ids.get(2)), ADMIN).andExpect(status().isNoContent());
        assertBothPathsAgree(project);

        // days written without their category rollups (an upgrade from before V6) are built on catch-up
        jdbc.update("DELETE FROM category_rollup_day WHERE rollup_day >= ? AND rollup_day <= ?",
                Date.valueOf(LocalDate.parse("2019-01-10")), Date.valueOf(LocalDate.parse("2019-01-12")));
        assertBothPathsAgree(project);
        assertThat(categoryRollups.buildMissing()).isGreaterThanOrEqualTo(3 + 31);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM category_rollup_day WHERE rollup_day >= ? AND rollup_day <= ?",
                Integer.class, Date.valueOf(FIRST), Date.valueOf(LAST))).isEqualTo(90);
        assertBothPathsAgree(project);
    }

    /** Evaluations label figures that rest on demo data: a period touches synthetic data iff a synthetic rollup day lies in it. */
    @Test
    void aPeriodTouchesSyntheticDataExactlyWhenOneOfTheProjectsRollupDaysInItIsSynthetic() throws Exception {
        long project = scratchProject();
        long id = device("SERVER", "2019-04-01"); // in service after the other test's quarter: its figures stay as they were
        jdbc.update("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?, ?, 86400, 0, 0, 0, 0, 0, 0, TRUE), (?, ?, 86400, 0, 0, 0, 0, 0, 0, FALSE)",
                id, Date.valueOf("2019-05-10"), id, Date.valueOf("2019-06-10"));
        AvailabilityRepository repository = new AvailabilityRepository(jdbc);
        assertThat(repository.anySyntheticRollup(project, LocalDate.parse("2019-05-10"), LocalDate.parse("2019-05-10"))).isTrue();
        assertThat(repository.anySyntheticRollup(project, LocalDate.parse("2019-04-01"), LocalDate.parse("2019-06-30"))).isTrue();
        assertThat(repository.anySyntheticRollup(project, LocalDate.parse("2019-05-11"), LocalDate.parse("2019-06-30"))).isFalse();
        assertThat(repository.anySyntheticRollup(1, LocalDate.parse("2019-05-01"), LocalDate.parse("2019-05-31"))).isFalse();
    }
}
