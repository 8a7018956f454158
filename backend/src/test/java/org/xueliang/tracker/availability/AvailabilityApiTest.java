package org.xueliang.tracker.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xueliang.tracker.availability.AvailabilityPolicy.MaintenancePolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.QualityMetric;
import org.xueliang.tracker.availability.AvailabilityPolicy.UnknownPolicy;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.monitoring.rollup.RollupService;
import org.xueliang.tracker.shared.ApiException;

import com.jayway.jsonpath.JsonPath;

/**
 * Repository, service and API on H2 with the reference dataset (94 devices in service since
 * 2021-08-24) and a county clock fixed at 2024-03-10 12:00: rollups for 03-01 … 03-09 inserted by
 * hand for one camera, today's half day read from its state intervals.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-avail;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.monitoring.silence-check-ms=3600000",
        "xl.monitoring.rollup-initial-ms=3600000000"})
@AutoConfigureMockMvc
class AvailabilityApiTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final long DAY = 86_400;

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(LocalDateTime.parse("2024-03-10T12:00").atZone(ZONE).toInstant(), ZONE);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired AvailabilityService service;
    @Autowired CategoryRollups categoryRollups;
    @Autowired RollupService rollups;
    @Autowired Clock clock;

    long camera;
    long project;

    static RequestPostProcessor admin() {
        return httpBasic("admin", "Chief-Passw0rd-1");
    }

    static Timestamp utc(String local) {
        return Timestamp.valueOf(LocalDateTime.parse(local).atZone(ZONE).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    @BeforeEach
    void data() {
        Map<String, Object> d = jdbc.queryForMap("SELECT d.id, d.project_id FROM device d JOIN device_category c"
                + " ON c.code = d.category_code WHERE c.tier = 'FRONT_END' ORDER BY d.id LIMIT 1");
        camera = ((Number) d.get("id")).longValue();
        project = ((Number) d.get("project_id")).longValue();
        if (jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Long.class) > 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2024-03-01"); day.isBefore(LocalDate.parse("2024-03-10")); day = day.plusDays(1)) {
            boolean outage = day.getDayOfMonth() == 3;
            rows.add(new Object[] {camera, Date.valueOf(day), outage ? 64_800 : 86_400, 0, outage ? 21_600 : 0, 0, 0,
                    outage ? 1 : 0, day.getDayOfMonth() == 5 ? 2 : 0});
        }
        jdbc.batchUpdate("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,FALSE)", rows);
        String interval = "INSERT INTO device_state_interval (device_id, state, reason, started_at, ended_at) VALUES (?,?,?,?,?)";
        jdbc.update(interval, camera, "DOWN", "TIMEOUT", utc("2024-03-03T02:00"), utc("2024-03-03T08:00"));
        jdbc.update(interval, camera, "UP", "OK", utc("2024-03-03T08:00"), utc("2024-03-10T00:00"));
        // today: up, degraded 06:00–08:00, up again, with an hour of approved maintenance 09:00–10:00
        jdbc.update(interval, camera, "UP", "OK", utc("2024-03-10T00:00"), utc("2024-03-10T06:00"));
        jdbc.update(interval, camera, "DEGRADED", "NO_VIDEO", utc("2024-03-10T06:00"), utc("2024-03-10T08:00"));
        jdbc.update(interval, camera, "UP", "OK", utc("2024-03-10T08:00"), null);
        jdbc.update("INSERT INTO maintenance_window (scope_type, scope_ref, starts_at, ends_at, reason, created_by, created_at)"
                + " VALUES ('DEVICE', ?, ?, ?, '固件升级', 'admin', ?)", Long.toString(camera), utc("2024-03-10T09:00"),
                utc("2024-03-10T10:00"), utc("2024-03-01T00:00"));
    }

    Figures cameraFigures(AvailabilityPolicy policy) {
        return service.figures(project, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"), GroupBy.DEVICE, policy)
                .stream().filter(g -> g.key().equals(Long.toString(camera))).findFirst().orElseThrow().figures();
    }

    @Test
    void aDeviceReadsItsRollupsAndTodaysIntervalsUpToNow() {
        Figures f = cameraFigures(AvailabilityPolicy.DEFAULT);
        assertThat(f.inServiceSeconds()).isEqualTo(9 * DAY + 12 * 3600);
        assertThat(f.maintenanceSeconds()).isEqualTo(3600);
        assertThat(f.downSeconds()).isEqualTo(21_600);
        assertThat(f.degradedSeconds()).isEqualTo(7200);
        assertThat(f.unknownSeconds()).isZero();
        double measured = 9 * DAY + 12 * 3600 - 3600;
        assertThat(f.availability()).isCloseTo((measured - 21_600) / measured, within(1e-12));
        assertThat(f.intactRate()).isCloseTo((measured - 21_600 - 7200) / measured, within(1e-12));
        assertThat(f.coverage()).isEqualTo(1.0);
        assertThat(f.outages()).isEqualTo(1);
        assertThat(f.reboots()).isEqualTo(2);
        assertThat(f.mttrHours()).isEqualTo(6.0);
        assertThat(f.repairedWithin24h()).isEqualTo(1.0);

        Figures up = cameraFigures(new AvailabilityPolicy(MaintenancePolicy.COUNT_AS_UP, UnknownPolicy.EXCLUDE, QualityMetric.AVAILABILITY));
        assertThat(up.availability()).isCloseTo((measured + 3600 - 21_600) / (measured + 3600), within(1e-12));
    }

    /**
     * February 2024 rolled up for the camera (two hours of maintenance on the 7th, an hour down on the 12th, no row on
     * the 20th), with its category rollups and device-month rollups built as the rollup job builds them.
     */
    void february() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM device_rollup_month WHERE month_first = '2024-02-01'", Long.class) > 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2024-02-01"); day.getMonthValue() == 2; day = day.plusDays(1)) {
            int maintenance = day.getDayOfMonth() == 7 ? 7200 : 0;
            int down = day.getDayOfMonth() == 12 ? 3600 : 0;
            if (day.getDayOfMonth() != 20) {
                rows.add(new Object[] {camera, Date.valueOf(day), 86_400 - maintenance - down, 0, down, 0, maintenance,
                        down > 0 ? 1 : 0, 0});
            }
        }
        jdbc.batchUpdate("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s, maintenance_s,"
                + " outages, reboots, synthetic) VALUES (?,?,?,?,?,?,?,?,?,FALSE)", rows);
        categoryRollups.build(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29"));
    }

    @Test
    void perDeviceFiguresReadABuiltMonthFromItsMonthRowsTheOtherDaysFromDailyRowsAndTodayFromIntervals() {
        february();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_rollup_month", Long.class)).isEqualTo(1);
        AvailabilityQuery dailyOnly = new AvailabilityQuery(new AvailabilityRepository(jdbc, false), rollups::compute, clock,
                Duration.ofHours(1), 2, java.util.concurrent.ForkJoinPool.commonPool());
        for (String from : List.of("2024-02-01", "2024-02-05")) {
            for (AvailabilityPolicy policy : List.of(AvailabilityPolicy.DEFAULT,
                    new AvailabilityPolicy(MaintenancePolicy.COUNT_AS_UP, UnknownPolicy.COUNT_AS_DOWN, QualityMetric.AVAILABILITY))) {
                LocalDate f = LocalDate.parse(from);
                LocalDate to = LocalDate.parse("2024-03-10");
                List<AvailabilityService.Group> groups = service.figures(project, f, to, GroupBy.DEVICE, policy);
                assertThat(AvailabilityService.fingerprint(groups, 12)).as("%s %s", from, policy)
                        .isEqualTo(AvailabilityService.fingerprint(dailyOnly.figures(project, f, to, GroupBy.DEVICE, policy), 12));
                Figures cam = groups.stream().filter(g -> g.key().equals(Long.toString(camera))).findFirst().orElseThrow().figures();
                assertThat(cam).isEqualTo(service.deviceTimeline(camera, f, to, policy).figures());
                if (from.equals("2024-02-01")) {
                    assertThat(cam.inServiceSeconds()).isEqualTo((29 + 9) * DAY + 12 * 3600);
                    assertThat(cam.maintenanceSeconds()).isEqualTo(7200 + 3600);
                    assertThat(cam.downSeconds()).isEqualTo(3600 + 21_600);
                    assertThat(cam.unknownSeconds()).isEqualTo(DAY);
                    assertThat(cam.outages()).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void aTierCountsEveryInServiceDeviceAndItsUncoveredTimeAsUnknown() {
        List<AvailabilityService.Group> tiers = service.figures(project, LocalDate.parse("2024-03-01"),
                LocalDate.parse("2024-03-10"), GroupBy.TIER, AvailabilityPolicy.DEFAULT);
        assertThat(tiers).extracting(AvailabilityService.Group::key).containsExactly("BACK_END", "FRONT_END");
        assertThat(tiers).extracting(AvailabilityService.Group::label).containsExactly("后端", "前端");
        Figures front = tiers.get(1).figures();
        assertThat(tiers.get(0).figures().devices() + front.devices()).isEqualTo(94);
        assertThat(front.inServiceSeconds()).isEqualTo(front.devices() * (9 * DAY + 12 * 3600));
        // only the camera was measured: availability is its own, coverage its share of the tier's time
        assertThat(front.availability()).isEqualTo(cameraFigures(AvailabilityPolicy.DEFAULT).availability());
        assertThat(front.coverage()).isLessThan(0.05);
        assertThat(tiers.get(0).figures().availability()).isNull();
        assertThat(tiers.get(0).figures().coverage()).isEqualTo(0.0);
        assertThat(front.policy()).isEqualTo(AvailabilityPolicy.DEFAULT);
        int categories = service.figures(project, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"),
                GroupBy.CATEGORY, AvailabilityPolicy.DEFAULT).stream().mapToInt(g -> g.figures().devices()).sum();
        int sites = service.figures(project, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"),
                GroupBy.SITE, AvailabilityPolicy.DEFAULT).stream().mapToInt(g -> g.figures().devices()).sum();
        assertThat(categories).isEqualTo(94);
        assertThat(sites).isEqualTo(94);
    }

    @Test
    void aPeriodBeforeServiceHasNoGroupsAndABadPeriodIsRefused() {
        assertThat(service.figures(project, LocalDate.parse("2020-01-01"), LocalDate.parse("2020-12-31"), GroupBy.TIER,
                AvailabilityPolicy.DEFAULT)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.figures(project, LocalDate.parse("2024-03-02"),
                LocalDate.parse("2024-03-01"), GroupBy.TIER, AvailabilityPolicy.DEFAULT)).isInstanceOf(ApiException.class);
    }

    @Test
    void theDeviceTimelineShowsTheDaysAndRepairsBehindTheFigures() throws Exception {
        AvailabilityService.DeviceTimeline t = service.deviceTimeline(camera, LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-10"));
        assertThat(t.days()).hasSize(10);
        assertThat(t.days().get(9).degradedSeconds()).isEqualTo(7200);
        assertThat(t.repairs()).hasSize(1);
        assertThat(t.maintenanceWindows()).singleElement().satisfies(w -> {
            assertThat(w.scopeType()).isEqualTo("DEVICE");
            assertThat(w.reason()).isEqualTo("固件升级");
        });
        assertThat(t.figures()).isEqualTo(cameraFigures(AvailabilityPolicy.DEFAULT));
        mvc.perform(get("/api/v1/metrics/devices/" + camera + "/timeline").param("from", "2024-03-01").param("to", "2024-03-10")
                .with(admin())).andExpect(status().isOk()).andExpect(jsonPath("$.days.length()").value(10));
        mvc.perform(get("/api/v1/metrics/devices/999999/timeline").param("from", "2024-03-01").param("to", "2024-03-10")
                .with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void theApiPrintsPolicyAndGroupsWithTheirInputs() throws Exception {
        String body = mvc.perform(get("/api/v1/metrics/availability").param("projectId", Long.toString(project))
                        .param("from", "2024-03-01").param("to", "2024-03-10").param("groupBy", "device")
                        .param("maintenance", "COUNT_AS_UP").param("unknown", "COUNT_AS_DOWN").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projectId").value(project))
                .andExpect(jsonPath("$.from").value("2024-03-01"))
                .andExpect(jsonPath("$.groupBy").value("device"))
                .andExpect(jsonPath("$.policy.maintenance").value("COUNT_AS_UP"))
                .andExpect(jsonPath("$.policy.unknown").value("COUNT_AS_DOWN"))
                .andExpect(jsonPath("$.groups.length()").value(94))
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> cam = JsonPath.read(body, "$.groups[?(@.key == '" + camera + "')]");
        Map<String, Object> g = cam.get(0);
        for (String field : List.of("key", "label", "devices", "inServiceSeconds", "maintenanceSeconds", "unknownSeconds",
                "downSeconds", "degradedSeconds", "availability", "coverage", "onlineRateSampled", "onlineRateTime", "intactRate",
                "reboots", "outages", "faultRate", "mttrHours", "repairedWithin24h", "recordCompleteness")) {
            assertThat(g).containsKey(field);
        }
        assertThat(((Number) g.get("mttrHours")).doubleValue()).isEqualTo(6.0);
        assertThat(((Number) g.get("downSeconds")).longValue()).isEqualTo(21_600);
        // the same policy written as one parameter gives the same answer; a malformed one names the parameter
        String compact = mvc.perform(get("/api/v1/metrics/availability").param("projectId", Long.toString(project))
                        .param("from", "2024-03-01").param("to", "2024-03-10").param("groupBy", "device")
                        .param("policy", "maintenance:COUNT_AS_UP,unknown:COUNT_AS_DOWN").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.policy.maintenance").value("COUNT_AS_UP"))
                .andExpect(jsonPath("$.policy.unknown").value("COUNT_AS_DOWN")).andReturn().getResponse().getContentAsString();
        assertThat(compact).isEqualTo(body);
        mvc.perform(get("/api/v1/metrics/availability").param("projectId", Long.toString(project)).param("from", "2024-03-01")
                        .param("to", "2024-03-10").param("policy", "maintenance").with(admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("policy"));

        mvc.perform(get("/api/v1/metrics/availability").param("projectId", Long.toString(project))
                        .param("from", "2024-03-01").param("to", "2024-03-10").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groupBy").value("tier"))
                .andExpect(jsonPath("$.policy.maintenance").value("EXCLUDE"))
                .andExpect(jsonPath("$.groups[1].label").value("前端"));
    }

    @Test
    void badParametersAre400WithFieldErrorsAndAnUnseenProjectIs404() throws Exception {
        mvc.perform(get("/api/v1/metrics/availability").param("projectId", "x").param("from", "2024-13-01")
                        .param("groupBy", "county").param("maintenance", "IGNORE").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'projectId')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'from')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'to')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'groupBy')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'maintenance')]").exists());
        mvc.perform(get("/api/v1/metrics/availability").param("projectId", Long.toString(project))
                        .param("from", "2024-03-02").param("to", "2024-03-01").with(admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/metrics/availability").param("projectId", Long.toString(project))
                        .param("from", "2019-01-01").param("to", "2024-01-01").with(admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/metrics/availability").param("projectId", "999999")
                        .param("from", "2024-03-01").param("to", "2024-03-10").with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void managersAndEvaluatorsReadMetricsTechniciansDoNotAndScopeHidesOtherProjects() throws Exception {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'avail-tech'", Long.class) == 0) {
            jdbc.update("INSERT INTO project (code, county, name, phase, contract_amount, created_at, updated_at)"
                    + " VALUES ('OTHER-1', '他县', '他县雪亮工程', 'PHASE_1', 1, ?, ?)", utc("2024-01-01T00:00"), utc("2024-01-01T00:00"));
            long other = jdbc.queryForObject("SELECT id FROM project WHERE code = 'OTHER-1'", Long.class);
            for (String user : List.of(
                    "{\"username\":\"avail-eval\",\"displayName\":\"评价\",\"role\":\"EVALUATOR\",\"allProjects\":true,\"password\":\"evaluator-pass-1\"}",
                    "{\"username\":\"avail-tech\",\"displayName\":\"技术员\",\"role\":\"TECHNICIAN\",\"allProjects\":true,\"password\":\"technician-pass-1\"}",
                    "{\"username\":\"avail-other\",\"displayName\":\"他县\",\"role\":\"EVALUATOR\",\"allProjects\":false,\"projectIds\":[" + other + "],\"password\":\"evaluator-pass-2\"}")) {
                mvc.perform(post("/api/v1/users").with(admin()).contentType(MediaType.APPLICATION_JSON).content(user))
                        .andExpect(status().isCreated());
            }
        }
        String url = "/api/v1/metrics/availability?projectId=" + project + "&from=2024-03-01&to=2024-03-10";
        mvc.perform(get(url).with(httpBasic("avail-eval", "evaluator-pass-1"))).andExpect(status().isOk());
        mvc.perform(get(url).with(httpBasic("avail-tech", "technician-pass-1"))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(httpBasic("avail-other", "evaluator-pass-2"))).andExpect(status().isNotFound());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
    }
}
