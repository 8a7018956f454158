package org.xueliang.tracker.agent.sim.gb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.gb.Manscdp;
import org.xueliang.tracker.agent.gb.ManscdpMessage;

/** The MANSCDP a simulated device answers with, and its faults, without SIP. */
class GbSimDeviceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START = LocalDateTime.of(2026, 12, 6, 10, 30).atZone(ZONE).toInstant();

    private static GbSimDevice nvr(int channels, String... faults) {
        GbFaults f = new GbFaults();
        for (String s : faults) {
            f.add(s);
        }
        List<String> codes = IntStream.range(0, channels).mapToObj(i -> String.format("14082400111310%06d", 500 + i)).toList();
        return new GbSimDevice("14082400111180000001", GbSimDevice.Kind.NVR, "pw", codes, f, ZONE, START);
    }

    @Test
    void aLargeCatalogComesInPartsOfEightEachAnnouncingTheTotal() throws Exception {
        List<ManscdpMessage> parts = nvr(20).catalog(7);

        assertThat(parts).hasSize(3);
        assertThat(parts).extracting(ManscdpMessage::sumNum).containsOnly(20);
        assertThat(parts).extracting(p -> p.items().size()).containsExactly(8, 8, 4);
        // as the server reads it: GB2312 bytes through the codec
        ManscdpMessage read = Manscdp.parse(Manscdp.write(parts.get(2), Charset.forName("GB18030")));
        assertThat(read.cmdType()).isEqualTo("Catalog");
        assertThat(read.sn()).isEqualTo(7);
        assertThat(read.items()).extracting(i -> i.get("DeviceID")).containsExactly("14082400111310000516",
                "14082400111310000517", "14082400111310000518", "14082400111310000519");
        assertThat(read.items().get(0)).containsEntry("Name", "通道17").containsEntry("ParentID", "14082400111180000001")
                .containsEntry("Status", "ON").containsEntry("Info.PTZType", "3");
    }

    @Test
    void aDescribedChannelReportsItsOwnNameModelAndPositionTheOthersThePlaceholders() {
        GbSimDevice d = new GbSimDevice("14082400111180000001", GbSimDevice.Kind.NVR, "pw",
                List.of("14082400111310000500", "14082400111310000501"), new GbFaults(), ZONE, START,
                Map.of("14082400111310000500", new GbSimDevice.Described("稷峰街口", "DS-2CD7A46", "110.9787", null)));
        List<Map<String, String>> items = d.catalog(1).get(0).items();
        assertThat(items.get(0)).containsEntry("Name", "稷峰街口").containsEntry("Model", "DS-2CD7A46")
                .containsEntry("Longitude", "110.9787").containsEntry("Latitude", "35.60");
        assertThat(items.get(1)).containsEntry("Name", "通道2").containsEntry("Model", "XL-IPC-2000");
    }

    @Test
    void aPartialCatalogNeverSendsItsLastPart() {
        assertThat(nvr(20, "partial-catalog").catalog(1)).hasSize(2).extracting(ManscdpMessage::sumNum).containsOnly(20);
        List<ManscdpMessage> small = nvr(4, "partial-catalog").catalog(1);
        assertThat(small).hasSize(1);
        assertThat(small.get(0).items()).hasSize(2);
        assertThat(small.get(0).sumNum()).isEqualTo(4);
    }

    @Test
    void deviceStatusCarriesTheDriftedClockInLocalTimeAndTheLostChannelAsAnAlarm() {
        GbSimDevice d = nvr(3, "drift-90", "vlost=1@60");

        ManscdpMessage before = d.deviceStatus(1, START.plusSeconds(30));
        ManscdpMessage after = d.deviceStatus(2, START.plusSeconds(61));

        assertThat(before.field("DeviceTime")).isEqualTo("2026-12-06T10:32:00");
        assertThat(before.items()).extracting(i -> i.get("DutyStatus")).containsOnly("OFFDUTY");
        assertThat(after.items()).filteredOn(i -> i.get("DutyStatus").equals("ALARM"))
                .extracting(i -> i.get("DeviceID")).containsExactly("14082400111310000501");
        assertThat(d.lostChannel(START.plusSeconds(59))).isNull();
        assertThat(d.channelEvent(3, "14082400111310000501", "VLOST").items().get(0)).containsEntry("Event", "VLOST");
    }

    @Test
    void aVideoLostForAWhileComesBackAtItsEndAndIsLostFromItsExactStart() {
        GbSimDevice d = nvr(3, "vlost=2@10+20");
        String ch = "14082400111310000502";

        assertThat(d.videoLostAt()).isEqualTo(START.plusSeconds(10));
        assertThat(d.videoBackAt()).isEqualTo(START.plusSeconds(30));
        assertThat(d.lostChannel(START.plusSeconds(10))).isEqualTo(ch); // the timer asks with the instant it stands for
        assertThat(d.lostChannel(START.plusMillis(9999))).isNull();
        assertThat(d.lostChannel(START.plusMillis(29_999))).isEqualTo(ch);
        assertThat(d.lostChannel(START.plusSeconds(30))).isNull();
        assertThat(d.vlostChannel()).isEqualTo(ch);
        assertThat(nvr(3, "vlost=1@60").videoBackAt()).isNull();
        assertThat(nvr(3, "vlost=7").videoLostAt()).isNull(); // no such channel
        assertThat(new GbFaults().add("vlost=2@10+20")).hasToString("vlost=2@10+20");
        assertThatThrownBy(() -> new GbFaults().add("vlost=2@10+0")).hasMessageContaining("out of range");
    }

    @Test
    void recordInfoListsHourFilesUpToNowAndLeavesTheConfiguredGapsOut() {
        Instant now = LocalDateTime.of(2026, 12, 6, 8, 20).atZone(ZONE).toInstant();
        String channel = "14082400111310000500";
        LocalDateTime from = LocalDateTime.of(2026, 12, 5, 8, 20);
        LocalDateTime to = LocalDateTime.of(2026, 12, 6, 8, 20);

        List<Map<String, String>> whole = items(nvr(1).recordInfo(1, channel, from, to, now));
        List<Map<String, String>> gaps = items(nvr(1, "record-gaps-40").recordInfo(1, channel, from, to, now));

        assertThat(whole).hasSize(25);
        assertThat(whole.get(0)).containsEntry("StartTime", "2026-12-05T08:20:00").containsEntry("EndTime", "2026-12-05T09:00:00");
        assertThat(whole.get(24)).containsEntry("StartTime", "2026-12-06T08:00:00").containsEntry("EndTime", "2026-12-06T08:20:00");
        assertThat(gaps).filteredOn(i -> i.get("StartTime").startsWith("2026-12-05T12:"))
                .extracting(i -> i.get("StartTime")).containsExactly("2026-12-05T12:40:00");
        assertThat(gaps).filteredOn(i -> i.get("StartTime").startsWith("2026-12-06T00:"))
                .extracting(i -> i.get("StartTime")).containsExactly("2026-12-06T00:40:00");
        assertThat(gaps).hasSize(25); // the gaps shorten four files, they remove none
        assertThat(items(nvr(1).recordInfo(1, "14082400111310009999", from, to, now))).isEmpty();
    }

    @Test
    void keepDaysListsNothingOlderThanItsStorageHolds() {
        Instant now = LocalDateTime.of(2026, 12, 6, 8, 0).atZone(ZONE).toInstant();
        String channel = "14082400111310000500";
        // 30 days back, over one day: a device keeping 10 days has nothing there, one keeping 40 days has it all
        LocalDateTime from = LocalDateTime.of(2026, 11, 5, 8, 0);
        LocalDateTime to = LocalDateTime.of(2026, 11, 6, 8, 0);
        assertThat(items(nvr(1, "keep-days-10").recordInfo(1, channel, from, to, now))).isEmpty();
        assertThat(items(nvr(1, "keep-days-40").recordInfo(1, channel, from, to, now))).hasSize(24);
        List<Map<String, String>> recent = items(nvr(1, "keep-days-1").recordInfo(1, channel, from.plusDays(30), now
                .atZone(ZONE).toLocalDateTime(), now));
        assertThat(recent.get(0)).containsEntry("StartTime", "2026-12-05T08:00:00");
    }

    @Test
    void recordInfoComesInPartsWithSumNum() {
        Instant now = LocalDateTime.of(2026, 12, 6, 8, 0).atZone(ZONE).toInstant();
        List<ManscdpMessage> parts = nvr(1).recordInfo(9, "14082400111310000500", LocalDateTime.of(2026, 12, 5, 8, 0),
                LocalDateTime.of(2026, 12, 6, 8, 0), now);
        assertThat(parts).hasSize(3).extracting(ManscdpMessage::sumNum).containsOnly(24);
        assertThat(parts).extracting(ManscdpMessage::deviceId).containsOnly("14082400111310000500");
    }

    @Test
    void faultsInTheCommandLinesWords() {
        GbFaults f = new GbFaults().add("stop-keepalive-120").add("wrong-password").add("slow-catalog-500");
        assertThat(f.keepsAlive(java.time.Duration.ofSeconds(119))).isTrue();
        assertThat(f.keepsAlive(java.time.Duration.ofSeconds(120))).isFalse();
        assertThat(f.wrongPassword()).isTrue();
        assertThat(f.toString()).isEqualTo("stop-keepalive-120 wrong-password slow-catalog-500");
        assertThat(new GbFaults().add("drift--30").drift()).hasSeconds(-30);
        assertThatThrownBy(() -> new GbFaults().add("melt")).hasMessageContaining("partial-catalog");
        assertThatThrownBy(() -> new GbFaults().add("vlost=x")).hasMessageContaining("bad number");
    }

    private static List<Map<String, String>> items(List<ManscdpMessage> parts) {
        return parts.stream().flatMap(p -> p.items().stream()).toList();
    }
}
