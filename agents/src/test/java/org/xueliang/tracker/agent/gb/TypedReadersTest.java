package org.xueliang.tracker.agent.gb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.gb.ManscdpMessage.Root;

/** The typed readers on real-looking answers, on the junk devices put in optional fields, and written back. */
class TypedReadersTest {

    @Test
    void catalog_items_of_a_gb2312_answer() throws Exception {
        ManscdpMessage m = Manscdp.parse(ManscdpTest.gb(ManscdpTest.CATALOG));
        CatalogItem first = CatalogItem.from(m.items().get(0));
        assertThat(first).isEqualTo(new CatalogItem("14082400001310000001", "稷山县汾河大桥东口", "Hikvision", "DS-2CD3T46WD",
                "Owner", "140824", "稷峰镇汾河大桥东", false, "14082400001180000001", "ON", 110.978210, 35.600412, 1, null));
        assertThat(first.online()).isTrue();
        CatalogItem second = CatalogItem.from(m.items().get(1));
        assertThat(second.name()).isEqualTo("喆园小区 北门");
        assertThat(second.online()).isFalse();
        assertThat(second.ptzType()).isNull();
        assertThat(second.longitude()).isNull();
    }

    @Test
    void junk_in_optional_catalog_fields_is_absent_not_fatal() throws Exception {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("DeviceID", " 14082400001310000009 ");
        item.put("Name", "   ");
        item.put("Parental", "yes");
        item.put("Status", "online");
        item.put("Longitude", "181.5");
        item.put("Latitude", "NaN");
        item.put("PTZType", "9");
        item.put("Event", "vlost");
        CatalogItem c = CatalogItem.from(item);
        assertThat(c.deviceId()).isEqualTo("14082400001310000009");
        assertThat(c.name()).isNull();
        assertThat(c.parental()).isNull();
        assertThat(c.status()).isEqualTo("ONLINE");
        assertThat(c.online()).isTrue();
        assertThat(c.longitude()).isNull();
        assertThat(c.latitude()).isNull();
        assertThat(c.ptzType()).isNull();
        assertThat(c.event()).isEqualTo("VLOST");

        assertThat(CatalogItem.from(Map.of("DeviceID", "1", "Longitude", "0", "Latitude", "0.000000")).longitude())
                .as("0,0 is what a device without a position sends").isNull();
        assertThat(CatalogItem.from(Map.of("DeviceID", "1", "PTZType", "3")).ptzType()).as("PTZType outside Info").isEqualTo(3);
        assertThat(CatalogItem.from(Map.of("DeviceID", "1", "Status", "DEFECT")).online()).isNull();
        assertThatThrownBy(() -> CatalogItem.from(Map.of("Name", "无编码"))).isInstanceOf(ManscdpException.class)
                .hasMessageContaining("without DeviceID");
    }

    @Test
    void a_catalog_item_written_reads_back_the_same() throws Exception {
        CatalogItem c = new CatalogItem("14082400001310000003", "汾河 & <桥>", "Dahua", "IPC-HFW", "Owner", "140824", "稷峰镇",
                false, "14082400001180000001", "ON", 110.5, 35.25, 3, "ADD");
        ManscdpMessage m = new ManscdpMessage(Root.Notify, "Catalog", 3, "14082400001180000001", Map.of(), "DeviceList",
                List.of(c.toFields()), 1);
        ManscdpMessage back = Manscdp.parse(Manscdp.write(m, ManscdpTest.GB18030));
        assertThat(CatalogItem.from(back.items().get(0))).isEqualTo(c);
        assertThat(new String(Manscdp.write(m, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .contains("<Info><PTZType>3</PTZType>").contains("<Longitude>110.500000</Longitude>");
    }

    @Test
    void record_items_and_their_instants() throws Exception {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("DeviceID", "14082400001310000001");
        item.put("Name", "汾河大桥东口");
        item.put("StartTime", "2026-12-05T20:00:00");
        item.put("EndTime", "2026-12-06 03:12:45.5");
        item.put("Secrecy", "0");
        item.put("Type", "Time");
        item.put("FileSize", "1073741824");
        RecordItem r = RecordItem.from(item);
        assertThat(r.startTime()).isEqualTo(LocalDateTime.of(2026, 12, 5, 20, 0));
        assertThat(r.start(GbTime.CHINA)).isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(r.end(GbTime.CHINA)).isEqualTo(Instant.parse("2026-12-05T19:12:45.5Z"));
        assertThat(r.type()).isEqualTo("time");
        assertThat(r.secrecy()).isZero();
        assertThat(r.fileSize()).isEqualTo(1_073_741_824L);

        RecordItem back = RecordItem.from(r.toFields());
        assertThat(back.endTime()).as("written to the second").isEqualTo(LocalDateTime.of(2026, 12, 6, 3, 12, 45));
        assertThat(back.withoutFraction()).isEqualTo(r.withoutFraction());
    }

    @Test
    void record_items_without_sound_times_are_refused() {
        assertThatThrownBy(() -> RecordItem.from(Map.of("DeviceID", "1", "StartTime", "2026-12-05T20:00:00")))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("without EndTime");
        assertThatThrownBy(() -> RecordItem.from(Map.of("DeviceID", "1", "StartTime", "2026-12-05T20:00:00",
                "EndTime", "2026-12-05T19:59:59"))).isInstanceOf(ManscdpException.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> RecordItem.from(Map.of("DeviceID", "1", "StartTime", "2026-13-05T20:00:00",
                "EndTime", "2026-12-05T21:00:00"))).isInstanceOf(ManscdpException.class).hasMessageContaining("not a MANSCDP time");
        assertThatThrownBy(() -> RecordItem.from(Map.of("StartTime", "2026-12-05T20:00:00", "EndTime", "2026-12-05T21:00:00")))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("without DeviceID");
    }

    @Test
    void a_device_status_report_with_its_clock_offset() throws Exception {
        ManscdpMessage m = Manscdp.parse(ManscdpTest.gb("""
                <?xml version="1.0" encoding="GB2312"?>
                <Response><CmdType>DeviceStatus</CmdType><SN>6</SN><DeviceID>14082400001180000001</DeviceID>
                <Result>OK</Result><Online>ONLINE</Online><Status>OK</Status><Encode>ON</Encode><Record>off</Record>
                <DeviceTime>2026-12-06T20:31:07</DeviceTime>
                <Alarmstatus Num="2"><Item><DeviceID>14082400001340000001</DeviceID><DutyStatus>OFFDUTY</DutyStatus></Item>
                <Item><DeviceID>14082400001340000002</DeviceID><DutyStatus>ONDUTY</DutyStatus></Item></Alarmstatus></Response>"""));
        DeviceStatusReport r = DeviceStatusReport.from(m);
        assertThat(r.deviceId()).isEqualTo("14082400001180000001");
        assertThat(r.isOnline()).isTrue();
        assertThat(r.record()).isEqualTo("OFF");
        assertThat(r.isRecording()).isFalse();
        assertThat(r.alarms()).extracting(DeviceStatusReport.Alarm::dutyStatus).containsExactly("OFFDUTY", "ONDUTY");
        assertThat(r.alarmSummary()).isEqualTo("ONDUTY");
        // the device's 20:31:07 Beijing time arrived at 12:31:10 UTC: its clock is 3 s behind
        assertThat(r.clockOffset(GbTime.CHINA, Instant.parse("2026-12-06T12:31:10Z"))).contains(Duration.ofSeconds(-3));
    }

    @Test
    void a_device_status_report_with_a_junk_clock_keeps_the_rest() throws Exception {
        DeviceStatusReport r = DeviceStatusReport.from(ManscdpMessage.of(Root.Response, "DeviceStatus", 1, "1",
                Map.of("Online", "OFFLINE", "DeviceTime", "yesterday")));
        assertThat(r.isOnline()).isFalse();
        assertThat(r.deviceTime()).isNull();
        assertThat(r.clockOffset(GbTime.CHINA, Instant.EPOCH)).isEmpty();
        assertThat(r.alarmSummary()).isNull();
        assertThat(r.isRecording()).isNull();
        assertThatThrownBy(() -> DeviceStatusReport.from(ManscdpMessage.of(Root.Response, "DeviceInfo", 1, "1", Map.of())))
                .isInstanceOf(ManscdpException.class);
        assertThatThrownBy(() -> DeviceStatusReport.from(ManscdpMessage.of(Root.Query, "DeviceStatus", 1, "1", Map.of())))
                .isInstanceOf(ManscdpException.class);
    }

    @Test
    void a_device_info_report() throws Exception {
        DeviceInfoReport r = DeviceInfoReport.from(ManscdpMessage.of(Root.Response, "DeviceInfo", 5, "14082400001180000001",
                Map.of("DeviceName", "城区NVR-01", "Result", "ok", "Manufacturer", "海康威视", "Model", "DS-7932N-R4",
                        "Firmware", "V4.22.005", "Channel", "32")));
        assertThat(r).isEqualTo(new DeviceInfoReport("14082400001180000001", "城区NVR-01", "OK", "海康威视", "DS-7932N-R4",
                "V4.22.005", 32));
        assertThat(DeviceInfoReport.from(ManscdpMessage.of(Root.Response, "DeviceInfo", 5, "1", Map.of("Channel", "-1")))
                .channel()).isNull();
        assertThatThrownBy(() -> DeviceInfoReport.from(ManscdpQueries.deviceInfo("1", 1))).isInstanceOf(ManscdpException.class);
    }

    @Test
    void queries_and_the_keepalive_as_devices_expect_them() throws Exception {
        String code = "14082400001310000001";
        String recordInfo = new String(Manscdp.write(ManscdpQueries.recordInfo(code, 77,
                Instant.parse("2026-12-05T12:00:00Z"), Instant.parse("2026-12-06T12:00:00Z"), GbTime.CHINA),
                ManscdpTest.GB18030), ManscdpTest.GB18030);
        assertThat(recordInfo).startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>").containsSubsequence("<Query>",
                "<CmdType>RecordInfo</CmdType>", "<SN>77</SN>", "<DeviceID>" + code + "</DeviceID>",
                "<StartTime>2026-12-05T20:00:00</StartTime>", "<EndTime>2026-12-06T20:00:00</EndTime>",
                "<Secrecy>0</Secrecy>", "<Type>all</Type>", "</Query>");

        for (ManscdpMessage q : List.of(ManscdpQueries.catalog(code, 1), ManscdpQueries.deviceInfo(code, 2),
                ManscdpQueries.deviceStatus(code, 3))) {
            ManscdpMessage back = Manscdp.parse(Manscdp.write(q, ManscdpTest.GB18030));
            assertThat(back).isEqualTo(q);
            assertThat(back.root()).isEqualTo(Root.Query);
            assertThat(back.fields()).isEmpty();
        }
        assertThat(List.of(ManscdpQueries.catalog(code, 1), ManscdpQueries.deviceInfo(code, 2), ManscdpQueries.deviceStatus(code, 3)))
                .extracting(ManscdpMessage::cmdType).containsExactly("Catalog", "DeviceInfo", "DeviceStatus");

        ManscdpMessage keepalive = Manscdp.parse(Manscdp.write(ManscdpQueries.keepalive(code, 9), ManscdpTest.GB18030));
        assertThat(keepalive).isEqualTo(ManscdpMessage.of(Root.Notify, "Keepalive", 9, code, Map.of("Status", "OK")));

        assertThatThrownBy(() -> ManscdpQueries.recordInfo(code, 1, Instant.parse("2026-12-06T12:00:00Z"),
                Instant.parse("2026-12-05T12:00:00Z"), GbTime.CHINA)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ManscdpQueries.catalog(" ", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gb_times_read_and_refused() throws Exception {
        Map<String, LocalDateTime> read = new LinkedHashMap<>();
        read.put("2026-12-06T20:31:07", LocalDateTime.of(2026, 12, 6, 20, 31, 7));
        read.put(" 2026-12-06T20:31:07.123 ", LocalDateTime.of(2026, 12, 6, 20, 31, 7, 123_000_000));
        read.put("2026-12-06 20:31:07", LocalDateTime.of(2026, 12, 6, 20, 31, 7));
        read.put("2026-12-06T20:31:07.5", LocalDateTime.of(2026, 12, 6, 20, 31, 7, 500_000_000));
        read.put("2024-02-29T00:00:00", LocalDateTime.of(2024, 2, 29, 0, 0));
        for (Map.Entry<String, LocalDateTime> e : read.entrySet()) {
            assertThat(GbTime.parseLocal(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (String junk : new String[] {null, "", "2026-12-06", "2026-12-06T20:31", "2026-12-06T20:31:07Z",
                "2026-12-06T20:31:07+08:00", "2026-12-06T24:00:00", "2025-02-29T00:00:00", "2026-12-06T 20:31:07",
                "2026-12-0620:31:07", "20261206T203107", "2026-12-06T20:31:07.1234567890", "x".repeat(100)}) {
            assertThatThrownBy(() -> GbTime.parseLocal(junk)).as(String.valueOf(junk)).isInstanceOf(ManscdpException.class);
        }
        Instant t = Instant.parse("2026-12-06T12:31:07.123456Z");
        assertThat(GbTime.format(t, GbTime.CHINA)).isEqualTo("2026-12-06T20:31:07");
        assertThat(GbTime.formatMillis(t, GbTime.CHINA)).isEqualTo("2026-12-06T20:31:07.123");
        assertThat(GbTime.parse("2026-12-06T20:31:07.123", GbTime.CHINA)).isEqualTo(Instant.parse("2026-12-06T12:31:07.123Z"));
    }
}
