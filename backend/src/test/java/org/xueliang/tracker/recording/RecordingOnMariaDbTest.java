package org.xueliang.tracker.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.RecordingFacts;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.gb28181.GbRecordsAnswered;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.monitoring.ProbeFactsReported;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import tools.jackson.databind.JsonNode;

/**
 * 录像完整率 on MariaDB with stored intervals: ONVIF facts and GB/T 28181 RecordInfo answers arrive as the events the
 * ingest and the SIP layer publish, GB intervals sit in the gb28181 module's table; the indicator, the device API and
 * the project API read them back united, with gaps, days not queried and a short retention.
 */
@OnMariaDb
class RecordingOnMariaDbTest extends ApiTestSupport {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate D1 = LocalDate.of(2024, 3, 1);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    CameraDirectory cameras;
    @Autowired
    List<IndicatorSource> indicators;

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(COUNTY).toInstant();
    }

    private static int serial = 0;

    /** A camera in the scratch project, in service since 2024-01-01, with a national code of its own. */
    private long camera(String code) throws Exception {
        Map<String, Object> fields = newDevice(unique("REC"));
        fields.put("category", "FACE_CAMERA");
        long id = createDevice(fields).get("id").asLong();
        jdbc.update("UPDATE device SET lifecycle = 'IN_SERVICE', in_service_on = ?, gb_code = ? WHERE id = ?",
                java.sql.Date.valueOf("2024-01-01"), code, id);
        return id;
    }

    private void onvifSearch(long device, Instant from, Instant to, List<RecordingFacts.Interval> intervals,
                             Instant probedAt, Instant earliest) {
        Map<String, String> facts = new java.util.HashMap<>(RecordingFacts.encode(from, to, intervals));
        if (earliest != null) {
            facts.put(RecordingFacts.EARLIEST, earliest.toString());
            facts.put(RecordingFacts.LATEST, probedAt.toString());
        }
        tx.executeWithoutResult(s -> events.publishEvent(new ProbeFactsReported(List.of(
                new ProbeFactsReported.Reported(device, Method.ONVIF, probedAt, facts)))));
    }

    private IndicatorSource indicator() {
        return indicators.stream().filter(i -> i.indicator() == Indicator.RECORDING_COMPLETENESS).findFirst().orElseThrow();
    }

    @Test
    void both_sources_are_united_gaps_and_unqueried_days_are_found_and_retention_is_checked() throws Exception {
        String code = "14082400001320" + String.format("%06d", 700_000 + (int) (ProcessHandle.current().pid() % 90_000) + ++serial);
        long cam = camera(code);
        // ONVIF: day 1 answered, recorded but 10:00-11:00; the camera keeps 12 days (30 required)
        onvifSearch(cam, at(D1, 0, 0), at(D1.plusDays(1), 0, 0), List.of(
                new RecordingFacts.Interval(at(D1, 0, 0), at(D1, 10, 0)),
                new RecordingFacts.Interval(at(D1, 11, 0), at(D1.plusDays(1), 0, 0))),
                at(D1.plusDays(1), 0, 5), at(D1.plusDays(1), 0, 5).minusSeconds(12 * 86_400));
        // GB/T 28181: the channel recorded 10:30-10:45 on day 1; day 2 was answered with nothing recorded
        jdbc.update("INSERT INTO gb_record_interval (channel_code, start_at, end_at, record_type, queried_at) VALUES (?, ?, ?, 'time', ?)",
                code, RecordingStore.ts(at(D1, 10, 30)), RecordingStore.ts(at(D1, 10, 45)), RecordingStore.ts(at(D1.plusDays(1), 1, 0)));
        tx.executeWithoutResult(s -> events.publishEvent(new GbRecordsAnswered(code, at(D1.plusDays(1), 0, 0),
                at(D1.plusDays(2), 0, 0), at(D1.plusDays(2), 0, 1))));

        CameraDirectory.Camera camera = cameras.camera(cam).orElseThrow();
        IndicatorSource.CameraFigure f = indicator().figures(camera.projectId(), List.of(camera),
                at(D1, 0, 0), at(D1.plusDays(3), 0, 0)).get(0);
        assertThat(f.deviceId()).isEqualTo(cam);
        assertThat(f.expected()).as("days 1 and 2 measured, day 3 not").isEqualTo(2 * 86_400);
        assertThat(f.achieved()).as("day 1 less the 45 min neither source recorded").isEqualTo(86_400 - 45 * 60);
        assertThat(f.findings()).extracting(IndicatorSource.Finding::code).containsExactly("RECORDING_RETENTION_SHORT",
                "RECORDING_GAP", "RECORDING_GAP", "RECORDING_GAP", "RECORDING_NOT_QUERIED");
        assertThat(f.findings().get(1).from()).isEqualTo(at(D1, 10, 0));
        assertThat(f.findings().get(1).to()).isEqualTo(at(D1, 10, 30));
        assertThat(f.findings().get(3).from()).isEqualTo(at(D1.plusDays(1), 0, 0));
        assertThat(f.findings().get(3).to()).isEqualTo(at(D1.plusDays(2), 0, 0));
        assertThat(f.findings().get(4).from()).isEqualTo(at(D1.plusDays(2), 0, 0));

        JsonNode device = getJson("/api/v1/devices/{id}/recordings?from=2024-03-01&to=2024-03-03", cam);
        assertThat(device.get("expectedSeconds").asLong()).isEqualTo(2 * 86_400);
        assertThat(device.get("completeness").asDouble()).isEqualTo((86_400.0 - 2700) / (2 * 86_400));
        assertThat(device.get("days")).hasSize(3);
        assertThat(device.get("days").get(2).get("measured").asBoolean()).isFalse();
        assertThat(device.get("gaps")).hasSize(3);
        assertThat(device.get("intervals")).hasSize(3); // ONVIF 00:00-10:00, GB 10:30-10:45, ONVIF 11:00-24:00
        assertThat(device.get("retention").get("ok").asBoolean()).isFalse();
        assertThat(device.get("retention").get("requiredDays").asInt()).isEqualTo(30);
        assertThat(device.get("retention").get("days").asDouble()).isEqualTo(12.0);
        assertThat(device.get("expectedWindow").asString()).isEqualTo("00:00-24:00");

        // a newer ONVIF answer for day 1 replaces what the earlier one said inside that window
        onvifSearch(cam, at(D1, 0, 0), at(D1.plusDays(1), 0, 0), List.of(
                new RecordingFacts.Interval(at(D1, 0, 0), at(D1.plusDays(1), 0, 0))), at(D1.plusDays(1), 6, 0), null);
        IndicatorSource.CameraFigure again = indicator().figures(camera.projectId(), List.of(camera),
                at(D1, 0, 0), at(D1.plusDays(1), 0, 0)).get(0);
        assertThat(again.achieved()).isEqualTo(again.expected()).isEqualTo(86_400);

        JsonNode project = getJson("/api/v1/projects/{id}/recording-completeness?from=2024-03-01&to=2024-03-02&groupBy=category",
                camera.projectId());
        assertThat(project.get("groupBy").asString()).isEqualTo("category");
        JsonNode face = null;
        for (JsonNode g : project.get("groups")) {
            if (g.get("key").asString().equals("FACE_CAMERA")) {
                face = g;
            }
        }
        assertThat(face).isNotNull();
        assertThat(face.get("expectedSeconds").asLong()).isGreaterThanOrEqualTo(2 * 86_400);
        assertThat(face.get("recordedSeconds").asLong()).isGreaterThanOrEqualTo(86_400);
        assertThat(face.get("retentionShort").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Autowired
    SyntheticRecordings synthetic;

    @Test
    void demo_data_is_marked_synthetic_and_never_replaces_what_was_measured() throws Exception {
        String code = "14082400001320" + String.format("%06d", 800_000 + (int) (ProcessHandle.current().pid() % 90_000) + ++serial);
        long cam = camera(code);
        LocalDate day = LocalDate.of(2024, 4, 2);
        Instant start = at(day, 0, 0);
        Instant end = at(day.plusDays(1), 0, 0);
        onvifSearch(cam, start, end, List.of(new RecordingFacts.Interval(start, at(day, 12, 0))), end, end.minusSeconds(40 * 86_400));
        assertThat(synthetic.touches(List.of(cam), start, end)).isFalse();
        // a synthetic search of the same day saying "all recorded" and a synthetic retention of 12 days
        synthetic.searched(cam, start, end, List.of(new SyntheticRecordings.Recorded(at(day, 18, 0), end)));
        synthetic.retention(cam, end.minusSeconds(12 * 86_400));
        JsonNode view = getJson("/api/v1/devices/{id}/recordings?from=2024-04-02&to=2024-04-02", cam);
        assertThat(view.get("synthetic").asBoolean()).isTrue();
        assertThat(synthetic.touches(List.of(cam), start, end)).isTrue();
        assertThat(view.get("recordedSeconds").asLong()).as("the measured morning stays, the synthetic evening adds").isEqualTo(18 * 3600);
        assertThat(view.get("retention").get("days").asDouble()).as("the measured retention stays").isEqualTo(40.0);
    }

    /**
     * Two writers of a camera's first retention report (at a demo's first start: the probe's measured report and the
     * synthetic past) both see no row and both insert; the second insert's duplicate key must not fail its writer (it
     * had stopped the demo's start), and the rule still holds: a synthetic report never replaces a measured one.
     */
    @Test
    void a_first_retention_report_written_twice_at_once_keeps_the_measured_one() throws Exception {
        String code = "14082400001320" + String.format("%06d", 700_000 + (int) (ProcessHandle.current().pid() % 90_000) + ++serial);
        long cam = camera(code);
        Instant at = at(LocalDate.of(2024, 4, 3), 8, 0);
        Instant measuredEarliest = at.minusSeconds(40 * 86_400);
        // this store's "is there a row?" answers before the other writer's insert lands: it finds none, then inserts
        RecordingStore racing = new RecordingStore(new org.springframework.jdbc.core.JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public <T> T queryForObject(String sql, Class<T> type, Object... args) {
                if (sql.startsWith("SELECT COUNT(*) FROM recording_retention")) {
                    new RecordingStore(jdbc).retention(cam, RecordingStore.Source.ONVIF, measuredEarliest, at, at, false);
                    return type.cast(0);
                }
                return super.queryForObject(sql, type, args);
            }
        });
        tx.executeWithoutResult(s -> racing.retention(cam, RecordingStore.Source.ONVIF, at.minusSeconds(12 * 86_400), at, at, true));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_retention WHERE device_id = ?", Integer.class, cam)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT synthetic FROM recording_retention WHERE device_id = ?", Boolean.class, cam))
                .as("the measured report stays").isFalse();
        assertThat(jdbc.queryForObject("SELECT earliest_at FROM recording_retention WHERE device_id = ?", java.sql.Timestamp.class, cam))
                .isEqualTo(RecordingStore.ts(measuredEarliest));
    }

    @Test
    void bad_periods_groupings_and_devices_that_are_no_cameras_are_refused_and_change_nothing() throws Exception {
        long server = createDevice().get("id").asLong();
        perform(get("/api/v1/devices/{id}/recordings", server), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/devices/{id}/recordings", 987_654_321L), ADMIN).andExpectAll(problem(404));
        perform(get("/api/v1/projects/{id}/recording-completeness?groupBy=colour", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/recording-completeness?from=2024-03-05&to=2024-03-01", PROJECT), ADMIN)
                .andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/recording-completeness?from=2020-01-01&to=2024-03-01", PROJECT), ADMIN)
                .andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/recording-completeness?from=yesterday", PROJECT), ADMIN).andExpectAll(problem(400));
        perform(get("/api/v1/projects/{id}/recording-completeness", 987_654_321L), ADMIN).andExpectAll(problem(404));
        JsonNode reference = getJson("/api/v1/projects/{id}/recording-completeness?groupBy=township", PROJECT);
        assertThat(reference.get("cameras").asInt()).isEqualTo(45);
    }
}
