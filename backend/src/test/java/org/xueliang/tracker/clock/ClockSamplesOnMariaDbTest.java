package org.xueliang.tracker.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.monitoring.PlatformObservations;
import org.xueliang.tracker.monitoring.ProbeFactsReported;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.shared.PrunableHistory;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * The clock history on MariaDB: offsets in probe facts become samples in the ingest transaction, one per
 * measurement (GB/T 28181 repeats its offset; only a new DeviceStatus answer is a new sample), thinned to one per
 * device and source per 15 minutes, and pruned past retention.
 */
@OnMariaDb
class ClockSamplesOnMariaDbTest extends ApiTestSupport {

    private static final long DEVICE = 8_800_001;
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired PlatformObservations observations;
    @Autowired ClockStore store;
    @Autowired List<PrunableHistory> histories;
    @Autowired ClockSamples samples;

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM clock_sample");
    }

    @Test
    void anOnvifOffsetIsASampleAtTheProbesTimeThinnedToOnePerFifteenMinutes() {
        publish(onvif(T0, "1200"), onvif(T0.plus(Duration.ofMinutes(5)), "1300"));
        publish(onvif(T0.plus(Duration.ofMinutes(14)), "1400"));
        publish(onvif(T0.plus(Duration.ofMinutes(15)), "-2500"), onvif(T0.plus(Duration.ofMinutes(20)), "9"));
        assertThat(rows()).containsExactly(
                "ONVIF " + T0 + " 1200", "ONVIF " + T0.plus(Duration.ofMinutes(15)) + " -2500");
    }

    @Test
    void aGbOffsetIsOneSamplePerDeviceStatusAnswerHoweverOftenItIsRepeated() {
        Instant answered = T0.plusMillis(250);
        publish(gb(T0.plusSeconds(5), "-1500", answered));
        publish(gb(T0.plusSeconds(65), "-1500", answered));
        publish(gb(T0.plus(Duration.ofMinutes(20)), "-1500", answered));
        publish(gb(T0.plus(Duration.ofMinutes(21)), "-1500", null));
        assertThat(rows()).as("the same answer, repeated by later observations, and an offset without its answer's time")
                .containsExactly("GB28181 " + answered + " -1500");
        Instant next = answered.plus(Duration.ofMinutes(30));
        publish(gb(next.plusSeconds(2), "700", next));
        assertThat(rows()).containsExactly("GB28181 " + answered + " -1500", "GB28181 " + next + " 700");
    }

    @Test
    void sourcesAreThinnedApartAndFactsWithoutAClockOrWithGarbageAreNoSample() {
        publish(onvif(T0, "100"), gb(T0.plusSeconds(1), "200", T0.plusSeconds(1)),
                new ProbeFactsReported.Reported(DEVICE, Method.SNMP, T0, Map.of(Facts.CLOCK_OFFSET_MS, "5")),
                new ProbeFactsReported.Reported(DEVICE + 1, Method.ONVIF, T0, Map.of(Facts.CLOCK_OFFSET_MS, "12 s")),
                new ProbeFactsReported.Reported(DEVICE + 2, Method.ONVIF, T0, Map.of(Facts.MODEL, "DS-2CD")),
                new ProbeFactsReported.Reported(DEVICE + 3, Method.GB28181, T0,
                        Map.of(Facts.GB_CLOCK_OFFSET_MS, "1", Facts.GB_STATUS_AT, "yesterday")));
        assertThat(rows()).containsExactly("ONVIF " + T0 + " 100", "GB28181 " + T0.plusSeconds(1) + " 200");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM clock_sample", Integer.class)).as("nothing of the others").isEqualTo(2);
    }

    @Test
    void thePlatformsIngestPathWritesTheSampleInItsTransaction() throws Exception {
        long device = createDevice().get("id").asLong();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        observations.apply(List.of(new Batch.Result(device, Method.GB28181, at, null, Status.UP, Reason.OK, null,
                Map.of(Facts.GB_CLOCK_OFFSET_MS, "-4200", Facts.GB_STATUS_AT, at.minusSeconds(2).toString()))), 60);
        assertThat(jdbc.queryForList("SELECT offset_ms FROM clock_sample WHERE device_id = ? AND source = 'GB28181'",
                Long.class, device)).containsExactly(-4200L);
    }

    @Test
    void samplesOlderThanRawResultsAreKeptArePruned() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        samples.addSynthetic(List.of(new ClockSample(DEVICE, ClockSource.ONVIF, now.minus(Duration.ofDays(91)), 1, true),
                new ClockSample(DEVICE, ClockSource.ONVIF, now.minus(Duration.ofDays(89)), 2, true)));
        assertThat(samples.anySynthetic()).isTrue();
        assertThat(histories).contains(store); // pruned by shared.MeasurementRetention
        assertThat(store.deleteBefore(now.minus(Duration.ofDays(90)), 1000)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT offset_ms FROM clock_sample", Long.class)).containsExactly(2L);
    }

    private void publish(ProbeFactsReported.Reported... results) {
        transactions.executeWithoutResult(s -> events.publishEvent(new ProbeFactsReported(List.of(results))));
    }

    private static ProbeFactsReported.Reported onvif(Instant at, String offset) {
        return new ProbeFactsReported.Reported(DEVICE, Method.ONVIF, at, Map.of(Facts.CLOCK_OFFSET_MS, offset));
    }

    private static ProbeFactsReported.Reported gb(Instant at, String offset, Instant statusAt) {
        return new ProbeFactsReported.Reported(DEVICE, Method.GB28181, at, statusAt == null
                ? Map.of(Facts.GB_CLOCK_OFFSET_MS, offset)
                : Map.of(Facts.GB_CLOCK_OFFSET_MS, offset, Facts.GB_STATUS_AT, statusAt.toString()));
    }

    private List<String> rows() {
        return jdbc.query("SELECT source, sampled_at, offset_ms FROM clock_sample WHERE device_id = ? ORDER BY sampled_at, source",
                (rs, n) -> rs.getString(1) + " " + ClockStore.instant(rs.getTimestamp(2)) + " " + rs.getLong(3), DEVICE);
    }
}
