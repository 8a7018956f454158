package org.xueliang.tracker.monitoring.status;

import org.xueliang.tracker.monitoring.ingest.StatusStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Prometheus figures at /actuator/prometheus: device counts by state, category and site, probe
 * durations per method (as reported by the agents), how long ago each agent last reported, and each
 * agent's clock skew.
 * Gauges are refreshed from the database every 30 s (the database is the truth, shared by replicas).
 */
@Component
public class MonitoringMetrics {

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Clock clock;
    private final MultiGauge deviceStates;
    private final MultiGauge heartbeatAge;
    private final MultiGauge clockSkew;
    /**
     * The timer of each method, built once: ingest records every result's latency, and building the meter's id and
     * finding it in the registry for each one was ~1 % of ingest's CPU in the bench/ingest profile, for nothing.
     */
    private final Map<String, Timer> probeTimers = new ConcurrentHashMap<>();

    MonitoringMetrics(JdbcTemplate jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
        this.deviceStates = MultiGauge.builder("xl_devices").description("Devices installed or later, by current state")
                .register(meters);
        this.heartbeatAge = MultiGauge.builder("xl_agent_heartbeat_age_seconds")
                .description("Seconds since each agent's last heartbeat").register(meters);
        this.clockSkew = MultiGauge.builder("xl_agent_clock_skew_seconds")
                .description("Each agent's clock minus the backend's at its last heartbeat (positive: the agent is ahead)")
                .register(meters);
    }

    /** Records one probe's duration, called by ingest for every applied result that carries a latency. */
    public void recordProbe(String method, long latencyMs) {
        probeTimers.computeIfAbsent(method, m -> Timer.builder("xl_probe_duration").description("Probe duration reported by agents")
                .tag("method", m).publishPercentileHistogram().register(meters)).record(Duration.ofMillis(latencyMs));
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 5_000)
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query("SELECT COALESCE(st.state, 'UNKNOWN') AS state, d.category_code, COALESCE(d.site_name, '-') AS site, COUNT(*) AS n"
                + " FROM ledger_device_dimension d LEFT JOIN device_status st ON st.device_id = d.id"
                + " WHERE d.lifecycle IN ('INSTALLED','ACCEPTED','IN_SERVICE','FAULTY')"
                + " GROUP BY COALESCE(st.state, 'UNKNOWN'), d.category_code, COALESCE(d.site_name, '-')", rs -> {
            rows.add(MultiGauge.Row.of(Tags.of("state", rs.getString("state"), "category", rs.getString("category_code"),
                    "site", rs.getString("site")), rs.getLong("n")));
        });
        deviceStates.register(rows, true);
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> ages = new ArrayList<>();
        List<MultiGauge.Row<?>> skews = new ArrayList<>();
        jdbc.query("SELECT name, last_heartbeat_at, clock_skew_ms FROM probe_agent WHERE revoked_at IS NULL AND last_heartbeat_at IS NOT NULL",
                rs -> {
            Instant last = StatusStore.instant(rs.getTimestamp("last_heartbeat_at"));
            Tags agent = Tags.of("agent", rs.getString("name"));
            ages.add(MultiGauge.Row.of(agent, Duration.between(last, now).toMillis() / 1000.0));
            Long skew = rs.getObject("clock_skew_ms", Long.class);
            if (skew != null) {
                skews.add(MultiGauge.Row.of(agent, skew / 1000.0));
            }
        });
        heartbeatAge.register(ages, true);
        clockSkew.register(skews, true);
    }
}
