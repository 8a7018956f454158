package org.xueliang.tracker.gb28181;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.agent.gb.ManscdpMessage;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;
import org.xueliang.tracker.shared.SchedulerLease;
import org.xueliang.tracker.testing.ApiTestSupport;

/**
 * The queries against a recording {@link GbOutbound} (the SIP layer's seam) and the handlers called as the SIP layer
 * calls them, on the real schema: what is sent on registration and periodically, and what each answer stores.
 */
abstract class GbQueriesContract extends ApiTestSupport {

    /** Industry code 99 and network 9: codes no seeded device carries. */
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 400_000) + 100_000);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CatalogHandler catalog;
    @Autowired
    DeviceInfoHandler deviceInfo;
    @Autowired
    DeviceStatusHandler deviceStatus;
    @Autowired
    RecordInfoHandler recordInfo;
    @Autowired
    GbDeviceFacts facts;
    @Autowired
    GbRecords records;
    @Autowired
    GbRetentionProbes probes;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<GbRetentionTargets> retentionTargets;
    @Autowired
    GbSettings gbSettings;
    @Autowired
    SchedulerLease lease;
    @Autowired
    GbRegistrations registrations;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    RecordingOutbound outbound;
    GbQueries queries;
    GbQuerySchedule schedule;
    Instant now;

    static String code(String type) {
        return "1408240099" + type + "9" + String.format("%06d", SERIAL.incrementAndGet());
    }

    @BeforeEach
    void fakeSipLayer() {
        outbound = new RecordingOutbound();
        Clock clock = Clock.system(ZONE);
        GbQuerySettings settings = new GbQuerySettings("PT10M", "P1D", 3600, 200, 1000);
        queries = new GbQueries(outbound.provider(), facts, records, probes, settings, clock);
        schedule = new GbQuerySchedule(jdbc, queries, records, probes, retentionTargets, settings, gbSettings, lease, clock);
        now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A registration row as the SIP layer writes it on REGISTER. */
    void register(String code) {
        jdbc.update("INSERT INTO gb_registration (device_code, remote_host, remote_port, transport, expires_seconds,"
                        + " first_seen_at, registered_at, expires_at, updated_at) VALUES (?, '127.0.0.1', 15060, 'UDP', 3600, ?, ?, ?, ?)",
                code, GbDb.ts(now), GbDb.ts(now), GbDb.ts(now.plusSeconds(3600)), GbDb.ts(now));
    }

    static ManscdpMessage catalogPart(String device, long sn, int sumNum, String... channels) {
        List<Map<String, String>> items = new ArrayList<>();
        for (String c : channels) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("DeviceID", c);
            item.put("Name", "通道 " + c.substring(Math.max(0, c.length() - 3)));
            item.put("Manufacturer", "Hikvision");
            item.put("Status", "ON");
            item.put("Longitude", "110.97");
            item.put("Latitude", "35.60");
            item.put("Info.PTZType", "1");
            items.add(item);
        }
        return new ManscdpMessage(Root.Response, "Catalog", sn, device, Map.of(), "DeviceList", items, sumNum);
    }

    static ManscdpMessage event(String device, String channel, String event) {
        return new ManscdpMessage(Root.Notify, "Catalog", 7, device, Map.of(), "DeviceList",
                List.of(Map.of("DeviceID", channel, "Event", event, "Name", "事件通道", "Status", "ON")), 1);
    }

    Map<String, Object> channel(String device, String channel) {
        return jdbc.queryForMap("SELECT * FROM gb_channel WHERE device_code = ? AND channel_code = ?", device, channel);
    }

    Map<String, Object> registration(String device) {
        return jdbc.queryForMap("SELECT * FROM gb_registration WHERE device_code = ?", device);
    }

    @Test
    void aFreshRegistrationIsAskedForItsInfoCatalogAndStatusAndSubscribedTo() {
        String nvr = code("118");
        register(nvr);
        queries.onRegistered(new GbDeviceRegistered(nvr, true));
        // Introductions are paced on their own thread (GbIntroductions).
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> outbound.to(nvr).size() >= 4);
        assertThat(outbound.to(nvr)).containsExactly("MESSAGE DeviceInfo", "MESSAGE Catalog", "MESSAGE DeviceStatus",
                "SUBSCRIBE Catalog");
        assertThat(outbound.all(nvr)).allSatisfy(s -> {
            assertThat(s.body().root()).isEqualTo(Root.Query);
            assertThat(s.body().deviceId()).isEqualTo(nvr);
        });
        assertThat(outbound.all(nvr).stream().map(s -> s.body().sn()).distinct()).hasSize(4);
        assertThat(outbound.all(nvr).get(3).expires()).isEqualTo(3600);
        Map<String, Object> row = registration(nvr);
        assertThat(row.get("status_asked_at")).isNotNull();
        assertThat(row.get("subscribed_until")).isNotNull();
    }

    @Test
    void aCatalogOverSeveralMessagesIsStoredPartByPartAndRemovesWhatItNoLongerLists() {
        String nvr = code("118");
        register(nvr);
        String gone = code("131");
        catalog.handle(nvr, catalogPart(nvr, 1, 1, gone), now);
        assertThat(channel(nvr, gone).get("removed_at")).isNull();

        String[] cams = {code("131"), code("131"), code("131"), code("131"), code("131")};
        catalog.handle(nvr, catalogPart(nvr, 2, 5, cams[0], cams[1]), now.plusSeconds(1));
        catalog.handle(nvr, catalogPart(nvr, 2, 5, cams[2], cams[3]), now.plusSeconds(2));
        // Not complete yet: the channel missing from the new answer so far is kept.
        assertThat(channel(nvr, gone).get("removed_at")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_channel WHERE device_code = ? AND removed_at IS NULL",
                Integer.class, nvr)).isEqualTo(5);

        catalog.handle(nvr, catalogPart(nvr, 2, 5, cams[4]), now.plusSeconds(3));
        assertThat(channel(nvr, gone).get("removed_at")).isNotNull();
        for (String cam : cams) {
            Map<String, Object> row = channel(nvr, cam);
            assertThat(row.get("removed_at")).isNull();
            assertThat(row.get("status")).isEqualTo("ON");
            assertThat(row.get("manufacturer")).isEqualTo("Hikvision");
            assertThat(row.get("ptz_type")).isEqualTo(1);
            assertThat(((java.math.BigDecimal) row.get("longitude")).doubleValue()).isEqualTo(110.97);
        }
        assertThat(registration(nvr).get("catalog_at")).isNotNull();
    }

    @Test
    void aCatalogThatNeverCompletesKeepsWhatCameAndRemovesNothing() {
        String nvr = code("118");
        register(nvr);
        String old = code("131");
        catalog.handle(nvr, catalogPart(nvr, 10, 1, old), now);
        Object completeAt = registration(nvr).get("catalog_at");
        assertThat(completeAt).isNotNull();
        String fresh = code("131");
        catalog.handle(nvr, catalogPart(nvr, 11, 8, fresh), now.plusSeconds(1)); // 1 of 8, the rest never comes
        assertThat(channel(nvr, old).get("removed_at")).isNull();
        assertThat(channel(nvr, fresh).get("removed_at")).isNull();
        assertThat(registration(nvr).get("catalog_at")).isEqualTo(completeAt);
        // The next answer starts a new round; the incomplete one still removed nothing, and this one completes.
        catalog.handle(nvr, catalogPart(nvr, 12, 1, fresh), now.plusSeconds(2));
        assertThat(channel(nvr, old).get("removed_at")).isNotNull();
        assertThat(channel(nvr, fresh).get("removed_at")).isNull();
    }

    @Test
    void groupingItemsAndMalformedCodesAreNotChannelsButCountTowardsSumNum() {
        String nvr = code("118");
        register(nvr);
        String cam = code("131");
        String group = "14082400992160000001"; // a virtual organisation
        ManscdpMessage answer = catalogPart(nvr, 3, 3, cam, group, "not-a-code");
        catalog.handle(nvr, answer, now);
        assertThat(jdbc.queryForList("SELECT channel_code FROM gb_channel WHERE device_code = ?", String.class, nvr))
                .containsExactly(cam);
        assertThat(registration(nvr).get("catalog_at")).as("3 of 3 items came").isNotNull();
    }

    @Test
    void catalogEventsChangeOneChannelEach() {
        String nvr = code("118");
        register(nvr);
        String a = code("131");
        String b = code("131");
        catalog.handle(nvr, catalogPart(nvr, 20, 2, a, b), now);

        catalog.handle(nvr, event(nvr, a, "VLOST"), now.plusSeconds(5));
        assertThat(channel(nvr, a)).containsEntry("status", "VLOST").containsEntry("last_event", "VLOST");
        assertThat(channel(nvr, b)).containsEntry("status", "ON");

        catalog.handle(nvr, event(nvr, a, "OFF"), now.plusSeconds(6));
        assertThat(channel(nvr, a)).containsEntry("status", "OFF");
        catalog.handle(nvr, event(nvr, a, "DEFECT"), now.plusSeconds(7));
        assertThat(channel(nvr, a)).containsEntry("status", "DEFECT");
        catalog.handle(nvr, event(nvr, a, "ON"), now.plusSeconds(8));
        assertThat(channel(nvr, a)).containsEntry("status", "ON").containsEntry("last_event", "ON");
        assertThat(channel(nvr, a).get("event_at")).isNotNull();

        catalog.handle(nvr, event(nvr, b, "DEL"), now.plusSeconds(9));
        assertThat(channel(nvr, b).get("removed_at")).isNotNull();
        assertThat(channel(nvr, b)).containsEntry("last_event", "DEL");

        String added = code("131");
        catalog.handle(nvr, event(nvr, added, "ADD"), now.plusSeconds(10));
        assertThat(channel(nvr, added)).containsEntry("name", "事件通道").containsEntry("status", "ON")
                .containsEntry("last_event", "ADD");
        catalog.handle(nvr, new ManscdpMessage(Root.Notify, "Catalog", 8, nvr, Map.of(), "DeviceList",
                List.of(Map.of("DeviceID", added, "Event", "UPDATE", "Name", "改名通道")), 1), now.plusSeconds(11));
        assertThat(channel(nvr, added)).containsEntry("name", "改名通道").containsEntry("status", "ON")
                .containsEntry("last_event", "UPDATE");

        // An event for a channel no catalog listed yet creates it with the event's status.
        String unknown = code("131");
        catalog.handle(nvr, event(nvr, unknown, "OFF"), now.plusSeconds(12));
        assertThat(channel(nvr, unknown)).containsEntry("status", "OFF");
        // Events are no catalog answer: no round was completed or started by them.
        assertThat(registration(nvr).get("catalog_at")).isNotNull();
        assertThat(jdbc.queryForObject("SELECT sn FROM gb_catalog_round WHERE device_code = ?", Long.class, nvr)).isEqualTo(20);
    }

    @Test
    void anAnswerFromADeviceThatNeverRegisteredIsNotStored() {
        String stranger = code("132");
        catalog.handle(stranger, catalogPart(stranger, 1, 1, code("131")), now);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_channel WHERE device_code = ?", Integer.class, stranger)).isZero();
    }

    @Test
    void deviceInfoFillsManufacturerModelFirmwareAndChannelCount() {
        String nvr = code("118");
        register(nvr);
        deviceInfo.handle(nvr, ManscdpMessage.of(Root.Response, "DeviceInfo", 5, nvr, Map.of("Result", "OK",
                "Manufacturer", "海康威视", "Model", "DS-7816N-K2", "Firmware", "V4.30.005", "Channel", "16")), now);
        assertThat(registration(nvr)).containsEntry("manufacturer", "海康威视").containsEntry("model", "DS-7816N-K2")
                .containsEntry("firmware", "V4.30.005").containsEntry("channel_count", 16);
        // An ERROR answer changes nothing.
        deviceInfo.handle(nvr, ManscdpMessage.of(Root.Response, "DeviceInfo", 6, nvr, Map.of("Result", "ERROR",
                "Model", "other")), now);
        assertThat(registration(nvr)).containsEntry("model", "DS-7816N-K2");
    }

    @Test
    void deviceStatusStoresOnlineRecordAlarmAndTheClockOffset() {
        String ipc = code("132");
        register(ipc);
        Instant received = now;
        String deviceTime = GbLocalTime.format(received.plusSeconds(90), ZONE);
        ManscdpMessage answer = new ManscdpMessage(Root.Response, "DeviceStatus", 9, ipc, Map.of("Result", "OK",
                "Online", "ONLINE", "Status", "OK", "Record", "ON", "DeviceTime", deviceTime), "Alarmstatus",
                List.of(Map.of("DeviceID", ipc, "DutyStatus", "ONDUTY"), Map.of("DeviceID", ipc, "DutyStatus", "ALARM")), 2);
        deviceStatus.handle(ipc, answer, received);
        Map<String, Object> row = registration(ipc);
        assertThat(row).containsEntry("status_online", "ONLINE").containsEntry("status_record", "ON")
                .containsEntry("alarm_status", "ALARM");
        // DeviceTime has whole seconds: the offset is 90 s less the received instant's milliseconds.
        assertThat(((Number) row.get("clock_offset_ms")).longValue())
                .isEqualTo(Duration.between(received, received.plusSeconds(90).truncatedTo(ChronoUnit.SECONDS)).toMillis());
        assertThat(row.get("status_at")).isNotNull();
    }

    @Test
    void recordInfoOverTwoPartsStoresTheIntervalsCutToTheWindowAndReplacesThemNextTime() {
        String nvr = code("118");
        String cam = code("131");
        register(nvr);
        assertThat(queries.askRecords(nvr, cam)).isTrue();
        ManscdpMessage query = outbound.all(nvr).get(0).body();
        assertThat(query.cmdType()).isEqualTo("RecordInfo");
        assertThat(query.deviceId()).isEqualTo(cam);
        Instant start = GbLocalTime.parse(query.field("StartTime"), ZONE).orElseThrow();
        Instant end = GbLocalTime.parse(query.field("EndTime"), ZONE).orElseThrow();
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(24));
        assertThat(jdbc.queryForObject("SELECT outcome FROM gb_record_query WHERE channel_code = ?", String.class, cam))
                .isEqualTo("PENDING");

        recordInfo.handle(nvr, recordAnswer(cam, query.sn(), 3, interval(start.minusSeconds(3600), start.plusSeconds(600))), now);
        assertThat(jdbc.queryForMap("SELECT outcome, interval_count FROM gb_record_query WHERE channel_code = ?", cam))
                .containsEntry("outcome", "PARTIAL").containsEntry("interval_count", 1);
        recordInfo.handle(nvr, recordAnswer(cam, query.sn(), 3, interval(start.plusSeconds(3600), start.plusSeconds(7200)),
                interval(start.plusSeconds(9000), end.plusSeconds(600))), now);
        assertThat(jdbc.queryForMap("SELECT outcome, interval_count FROM gb_record_query WHERE channel_code = ?", cam))
                .containsEntry("outcome", "OK").containsEntry("interval_count", 3);
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT start_at, end_at FROM gb_record_interval"
                + " WHERE channel_code = ? ORDER BY start_at", cam);
        assertThat(stored).hasSize(3);
        assertThat(GbDb.instant((java.sql.Timestamp) stored.get(0).get("start_at"))).isEqualTo(start);
        assertThat(GbDb.instant((java.sql.Timestamp) stored.get(2).get("end_at"))).isEqualTo(end);

        // A late or unasked answer (another SN) is not stored.
        recordInfo.handle(nvr, recordAnswer(cam, query.sn() + 1000, 1, interval(start, end)), now);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_record_interval WHERE channel_code = ?", Integer.class, cam))
                .isEqualTo(3);

        // The next query's answer replaces what the last one stored for the window.
        outbound.sent.clear();
        assertThat(queries.askRecords(nvr, cam)).isTrue();
        ManscdpMessage again = outbound.all(nvr).get(0).body();
        Instant start2 = GbLocalTime.parse(again.field("StartTime"), ZONE).orElseThrow();
        recordInfo.handle(nvr, recordAnswer(cam, again.sn(), 1, interval(start2.plusSeconds(60), start2.plusSeconds(120))), now);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gb_record_interval WHERE channel_code = ? AND end_at > ?",
                Integer.class, cam, GbDb.ts(start2))).isEqualTo(1);
    }

    @Test
    void aRecordQueryToAnUnreachableDeviceIsAnErrorAndAnUnansweredOneTimesOut() {
        String ipc = code("132");
        String channel = code("131");
        outbound.unreachable.add(ipc);
        assertThat(queries.askRecords(ipc, channel)).isFalse();
        assertThat(jdbc.queryForObject("SELECT outcome FROM gb_record_query WHERE channel_code = ?", String.class, channel))
                .isEqualTo("ERROR");

        outbound.unreachable.clear();
        queries.askRecords(ipc, channel);
        records.timeOut(Instant.now().plusSeconds(1));
        assertThat(jdbc.queryForObject("SELECT outcome FROM gb_record_query WHERE channel_code = ?", String.class, channel))
                .isEqualTo("TIMEOUT");
    }

    @Test
    void theScheduleAsksStatusAgainOnlyWhenItIsOldAndNotJustAsked() {
        String due = code("132");
        String fresh = code("132");
        String justAsked = code("132");
        String lapsed = code("132");
        register(due);
        register(fresh);
        register(justAsked);
        register(lapsed);
        jdbc.update("UPDATE gb_registration SET status_at = ? WHERE device_code = ?", GbDb.ts(now.minusSeconds(60)), fresh);
        jdbc.update("UPDATE gb_registration SET status_asked_at = ? WHERE device_code = ?", GbDb.ts(now.minusSeconds(60)), justAsked);
        jdbc.update("UPDATE gb_registration SET expires_at = ? WHERE device_code = ?", GbDb.ts(now.minusSeconds(1)), lapsed);
        schedule.refreshStatus(now);
        assertThat(outbound.to(due)).containsExactly("MESSAGE DeviceStatus");
        assertThat(outbound.to(fresh)).isEmpty();
        assertThat(outbound.to(justAsked)).isEmpty();
        assertThat(outbound.to(lapsed)).isEmpty();
    }

    @Test
    void aRefusedSubscriptionIsNotRenewedUntilTheDeviceRegistersAnew() {
        String refuses = code("132");
        String lapsing = code("132");
        String current = code("132");
        register(refuses);
        register(lapsing);
        register(current);
        queries.onSubscribeAnswered(new GbSubscribeAnswered(refuses, 489));
        jdbc.update("UPDATE gb_registration SET subscribed_until = ? WHERE device_code = ?", GbDb.ts(now.plusSeconds(60)), lapsing);
        jdbc.update("UPDATE gb_registration SET subscribed_until = ? WHERE device_code = ?", GbDb.ts(now.plusSeconds(3000)), current);
        schedule.renewSubscriptions(now);
        assertThat(outbound.to(refuses)).isEmpty();
        assertThat(outbound.to(lapsing)).containsExactly("SUBSCRIBE Catalog");
        assertThat(outbound.to(current)).isEmpty();
        assertThat(registration(refuses)).containsEntry("subscribe_refusal", 489);

        // The device's registration lapses, and it registers anew: the row forgets the refusal, and it is asked again.
        jdbc.update("UPDATE gb_registration SET expires_at = ? WHERE device_code = ?", GbDb.ts(now.minusSeconds(1)), refuses);
        var again = new GbRegistrations.Registration(new GbRegistrations.Address(refuses, "127.0.0.1", 15060, "UDP"), null, 3600, now);
        java.util.Set<String> fresh = tx.execute(status -> registrations.registerAll(List.of(again), "test"));
        assertThat(fresh).containsExactly(refuses);
        assertThat(registration(refuses).get("subscribe_refusal")).isNull();
        assertThat(registration(refuses).get("subscribe_refused_at")).isNull();
        queries.onRegistered(new GbDeviceRegistered(refuses, true));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> outbound.to(refuses).contains("SUBSCRIBE Catalog"));
    }

    @Test
    void aRegistrationWhoseCatalogNeverCameIsIntroducedAgainByTheSchedule() {
        String missed = code("132");
        String answered = code("132");
        String recent = code("132");
        register(missed);
        register(answered);
        register(recent);
        jdbc.update("UPDATE gb_registration SET registered_at = ? WHERE device_code IN (?, ?)",
                GbDb.ts(now.minusSeconds(600)), missed, answered);
        jdbc.update("UPDATE gb_registration SET catalog_at = ? WHERE device_code = ?", GbDb.ts(now.minusSeconds(590)), answered);
        schedule.introduceMissed(now);
        assertThat(outbound.to(missed)).containsExactly("MESSAGE DeviceInfo", "MESSAGE Catalog", "MESSAGE DeviceStatus",
                "SUBSCRIBE Catalog");
        assertThat(outbound.to(answered)).isEmpty();
        assertThat(outbound.to(recent)).isEmpty();
    }

    @Test
    void theScheduleQueriesRecordingsOfRecordersAndCamerasOneChannelPerDeviceAtATime() {
        String nvr = code("118");
        String alarmBox = code("117");
        register(nvr);
        register(alarmBox);
        String[] cams = {code("131"), code("131")};
        catalog.handle(nvr, catalogPart(nvr, 30, 2, cams), now);
        catalog.handle(alarmBox, catalogPart(alarmBox, 31, 1, code("134")), now);

        schedule.queryRecords(now);
        assertThat(outbound.to(nvr)).containsExactly("MESSAGE RecordInfo");
        assertThat(outbound.to(alarmBox)).isEmpty();
        // The first query is still pending: the NVR gets no second one yet.
        schedule.queryRecords(now.plusSeconds(60));
        assertThat(outbound.to(nvr)).hasSize(1);
        String first = outbound.all(nvr).get(0).body().deviceId();
        ManscdpMessage q = outbound.all(nvr).get(0).body();
        recordInfo.handle(nvr, recordAnswer(first, q.sn(), 0), now);
        schedule.queryRecords(now.plusSeconds(120));
        assertThat(outbound.all(nvr).stream().map(s -> s.body().deviceId())).containsExactlyInAnyOrder(cams);
        // Both queried today: nothing more until the interval (P1D) passed.
        recordInfo.handle(nvr, recordAnswer(outbound.all(nvr).get(1).body().deviceId(), outbound.all(nvr).get(1).body().sn(), 0), now);
        schedule.queryRecords(now.plusSeconds(180));
        assertThat(outbound.to(nvr)).hasSize(2);
    }

    static String[] interval(Instant start, Instant end) {
        return new String[] {GbLocalTime.format(start, ZONE), GbLocalTime.format(end, ZONE)};
    }

    static ManscdpMessage recordAnswer(String channel, long sn, int sumNum, String[]... intervals) {
        List<Map<String, String>> items = new ArrayList<>();
        for (String[] i : intervals) {
            items.add(Map.of("DeviceID", channel, "Name", "录像", "StartTime", i[0], "EndTime", i[1], "Type", "time",
                    "Secrecy", "0"));
        }
        return new ManscdpMessage(Root.Response, "RecordInfo", sn, channel, Map.of(), "RecordList", items, sumNum);
    }
}
