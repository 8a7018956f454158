package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.monitoring.agent.AgentService;
import org.xueliang.tracker.monitoring.ingest.IngestService;
import org.xueliang.tracker.ledger.DeviceRoster;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport;

/**
 * Issue 9 defect 13: the synthetic history ends exactly where a device's measured history begins, to the
 * millisecond and without overlap — for devices measured before the backfill (an UP at a fraction of a second,
 * and a device whose first failures had not made it DOWN yet) and for results dated before the backfill but
 * applied after it (a probe running while the history was written).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:xl-backfill;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "xl.admin-password=backfill-admin-1",
        "xl.monitoring.silence-check-ms=3600000",
        "xl.monitoring.rollup-initial-ms=3600000",
        "logging.level.root=WARN"})
class HistoryBackfillTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired AuditTrail audit;
    @Autowired DeviceRoster roster;
    @Autowired SyntheticHistoryImport history;
    @Autowired IngestService ingest;
    @Autowired AgentService agents;
    @Autowired PlatformTransactionManager transactions;

    private long seq;

    @Test
    void syntheticHistoryEndsExactlyWhereMeasurementBegins() {
        List<Long> tcp = jdbc.queryForList("SELECT id FROM device WHERE probe_method = 'TCP' AND in_service_on IS NOT NULL"
                + " ORDER BY id", Long.class);
        long upBefore = tcp.get(0);
        long failingBefore = tcp.get(1);
        long inFlight = tcp.get(2);
        long agent = agents.create("backfill-agent", "local", false).agent().id();
        Instant backfillAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // measured before the backfill, at fractions of a second
        send(agent, result(upBefore, backfillAt.minusMillis(2_700), Status.UP));
        send(agent, result(failingBefore, backfillAt.minusMillis(1_500), Status.DOWN),
                result(failingBefore, backfillAt.minusMillis(1_000), Status.DOWN));

        HistoryBackfill backfill = new HistoryBackfill(roster, history, Clock.fixed(backfillAt, ZoneId.of("Asia/Shanghai")), audit,
                SyntheticHistory.DEFAULT_SEED);
        // as the @Transactional proxy of the bean would run it
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        Integer rollups = tx.execute(status -> backfill.backfillIfNeeded());
        assertThat(rollups).isPositive();

        // applied after the backfill: the third failure (DOWN from the first, before the backfill), and a result of
        // a probe that started 400 ms before the backfill
        send(agent, result(failingBefore, backfillAt.minusMillis(500), Status.DOWN));
        send(agent, result(inFlight, backfillAt.minusMillis(400), Status.UP));

        assertThat(syntheticEnd(upBefore)).isEqualTo(backfillAt.minusMillis(2_700)).isEqualTo(measuredStart(upBefore));
        assertThat(syntheticEnd(failingBefore)).isEqualTo(backfillAt.minusMillis(1_500)).isEqualTo(measuredStart(failingBefore));
        assertThat(syntheticEnd(inFlight)).isEqualTo(backfillAt.minusMillis(400)).isEqualTo(measuredStart(inFlight));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_state_interval s JOIN device_state_interval m"
                + " ON m.device_id = s.device_id AND m.synthetic = FALSE WHERE s.synthetic = TRUE AND s.ended_at > m.started_at",
                Integer.class)).as("synthetic intervals overlapping a measured one").isZero();
        // a device measured only later keeps its synthetic past up to the backfill
        assertThat(syntheticEnd(tcp.get(3))).isEqualTo(backfillAt);
    }

    private Instant syntheticEnd(long device) {
        return instant(jdbc.queryForObject("SELECT MAX(ended_at) FROM device_state_interval WHERE device_id = ? AND synthetic = TRUE",
                Timestamp.class, device));
    }

    private Instant measuredStart(long device) {
        return instant(jdbc.queryForObject("SELECT MIN(started_at) FROM device_state_interval WHERE device_id = ? AND synthetic = FALSE",
                Timestamp.class, device));
    }

    private void send(long agent, Batch.Result... results) {
        ingest.ingest(agent, new Batch(++seq, Instant.now(), List.of(results), 0L));
    }

    private static Batch.Result result(long device, Instant at, Status status) {
        return new Batch.Result(device, Method.TCP, at, 2L, status, status == Status.UP ? Reason.OK : Reason.TIMEOUT, null, Map.of());
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
