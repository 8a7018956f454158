package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.monitoring.rollup.RollupService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode end to end: the seeded reference fleet is pointed at the in-process simulators, probed by
 * the real probers of the embedded agent (loopback only, 127.20.0.0/16), and has a synthetic past.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-demo;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=Chief-Passw0rd-1",
        "xl.demo=true",
        "xl.agent.embedded.enabled=true",
        "xl.data-dir=target/demo-mode-test",
        "xl.monitoring.rollup-initial-ms=3600000",
        // configured ports (the default, free ports, is covered by e2e/tests/firstrun.test.mjs), clear of 18080, 16161, 18443 …
        "xl.demo.tcp-port-offset=31000"})
@AutoConfigureMockMvc
class DemoModeTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired DemoFleet fleet;
    @Autowired DemoProbeSettings settings;
    @Autowired HistoryBackfill backfill;
    @Autowired RollupService rollups;
    @Autowired Clock clock;

    static final int ONVIF_PORT = freeTcpPort();
    static final int SNMP_PORT = freeUdpPort();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("xl.demo.onvif-port", () -> ONVIF_PORT);
        registry.add("xl.demo.snmp-port", () -> SNMP_PORT);
    }

    static int freeTcpPort() {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int freeUdpPort() {
        try (var s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theFleetComesAliveWithItsScriptedFaults() throws Exception {
        String authCamera = fleet.scripted().entrySet().stream().filter(e -> e.getValue().equals("AUTH_FAILURE"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        long authId = jdbc.queryForObject("SELECT id FROM device WHERE asset_tag = ?", Long.class, authCamera);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_status WHERE state = 'UP'", Integer.class))
                    .isGreaterThanOrEqualTo(85);
            assertThat(jdbc.queryForList("SELECT state || ' ' || reason FROM device_status WHERE device_id = ?", String.class, authId))
                    .containsExactly("DEGRADED AUTH_FAILED");
        });
        String body = mvc.perform(get("/api/v1/status/summary").with(httpBasic("admin", "Chief-Passw0rd-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode summary = json.readTree(body);
        assertThat(summary.get("total").get("UP").asInt()).isGreaterThanOrEqualTo(85);
        assertThat(summary.get("total").get("DEGRADED").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode row = null;
        for (JsonNode r : summary.get("devices")) {
            if (r.get("assetTag").asString().equals(authCamera)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("state").asString()).isEqualTo("DEGRADED");
        assertThat(row.get("reason").asString()).isEqualTo("AUTH_FAILED");
        // nothing but loopback was ever configured
        assertThat(jdbc.queryForList("SELECT COALESCE(probe_host, ip_address) FROM device", String.class))
                .allSatisfy(host -> assertThat(host).startsWith("127."));
    }

    @Test
    void probeSettingsAreAppliedOnceThroughTheLedgerAndAudited() {
        assertThat(settings.done()).isTrue();
        assertThat(settings.apply(Map.of())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DEMO_SETUP'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'UPDATE' AND entity_type = 'Device'"
                + " AND actor = 'system'", Integer.class)).isEqualTo(94);
        assertThat(jdbc.queryForList("SELECT DISTINCT probe_port FROM device WHERE probe_method = 'ONVIF'", Integer.class))
                .containsExactly(ONVIF_PORT);
        assertThat(jdbc.queryForList("SELECT DISTINCT probe_port FROM device WHERE probe_method = 'SNMP'", Integer.class))
                .containsExactly(SNMP_PORT);
        assertThat(jdbc.queryForList("SELECT DISTINCT probe_port FROM device WHERE probe_method = 'TCP' ORDER BY probe_port", Integer.class))
                .containsExactly(31443, 36200, 39000);
        assertThat(jdbc.queryForList("SELECT DISTINCT probe_interval_seconds FROM device", Integer.class)).containsExactly(30);
        // a restart of the fleet binds the same ports and writes nothing
        fleet.reload();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'UPDATE' AND entity_type = 'Device'"
                + " AND actor = 'system'", Integer.class)).isEqualTo(94);
        assertThat(jdbc.queryForList("SELECT DISTINCT probe_port FROM device WHERE probe_method = 'ONVIF'", Integer.class))
                .containsExactly(ONVIF_PORT);
        // ONVIF passwords are stored encrypted, never in clear
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM credential WHERE kind = 'ONVIF' AND username = 'admin'", Integer.class))
                .isEqualTo(45);
        assertThat(jdbc.queryForList("SELECT secret_cipher FROM credential", String.class))
                .noneMatch(c -> c.contains(DemoProbeSettings.ONVIF_PASSWORD));
    }

    @Test
    void syntheticHistoryIsBackfilledOnceAndRollupsCoverEveryDay() {
        LocalDate today = LocalDate.now(clock);
        long days = LocalDate.of(2021, 8, 24).until(today, ChronoUnit.DAYS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup WHERE synthetic = TRUE", Long.class))
                .isEqualTo(94 * days);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup"
                + " WHERE up_s + degraded_s + down_s + unknown_s + maintenance_s <> 86400", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE synthetic = TRUE", Integer.class))
                .isGreaterThan(5000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM maintenance_window WHERE reason = ?", Integer.class,
                SyntheticHistory.MAINTENANCE_REASON)).isGreaterThan(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_reboot", Integer.class)).isPositive();
        // no synthetic interval is left open: live probing opens the next one
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval WHERE synthetic = TRUE AND ended_at IS NULL",
                Integer.class)).isZero();

        assertThat(availability("FRONT_END")).isBetween(0.97, 0.995);
        assertThat(availability("BACK_END")).isBetween(0.995, 0.999);

        // once only, and the nightly catch-up neither re-rolls nor collides with the synthetic days
        assertThat(backfill.backfillIfNeeded()).isZero();
        rollups.catchUp();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup", Long.class)).isEqualTo(94 * days);
        LocalDate yesterday = today.minusDays(1);
        assertThat(rollups.rollUp(yesterday)).isEqualTo(94);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_daily_rollup WHERE rollup_day = ?", Integer.class,
                java.sql.Date.valueOf(yesterday))).isEqualTo(94);
    }

    /** Time-weighted availability of a tier over the first service year, straight from the rollups. */
    private double availability(String tier) {
        Map<String, Object> sums = jdbc.queryForMap("SELECT SUM(r.up_s + r.degraded_s) AS up, SUM(r.up_s + r.degraded_s + r.down_s) AS measured"
                + " FROM device_daily_rollup r JOIN device d ON d.id = r.device_id JOIN device_category c ON c.code = d.category_code"
                + " WHERE c.tier = ? AND r.synthetic = TRUE AND r.rollup_day >= '2021-08-24' AND r.rollup_day < '2022-08-24'", tier);
        double value = ((Number) sums.get("up")).doubleValue() / ((Number) sums.get("measured")).doubleValue();
        System.out.printf("first-year availability %s = %.4f%n", tier, value);
        return value;
    }
}
