package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.monitoring.rollup.DailyRollup;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.SyntheticHistoryImport;

/** The synthetic history is deterministic, complete and as available as docs/DEMO.md says. */
class SyntheticHistoryTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate IN_SERVICE = LocalDate.of(2021, 8, 24);
    static final Instant NOW = Instant.parse("2026-03-10T05:17:23Z");

    /** The reference fleet's shape: 53 front-end (45 cameras, 8 TCP terminals), 41 back-end. */
    static List<SyntheticHistory.DeviceInfo> fleet() {
        List<SyntheticHistory.DeviceInfo> out = new ArrayList<>();
        add(out, 40, "FACE_CAMERA", "FRONT_END", "ONVIF");
        add(out, 5, "CHECKPOINT_CAMERA", "FRONT_END", "ONVIF");
        add(out, 8, "VIDEO_CONFERENCE", "FRONT_END", "TCP");
        add(out, 16, "SPLICE_SCREEN", "BACK_END", "TCP");
        add(out, 12, "SERVER", "BACK_END", "SNMP");
        add(out, 13, "CLOUD_CLIENT", "BACK_END", "ICMP");
        return out;
    }

    /** Appends {@code count} devices with the next ids. */
    private static void add(List<SyntheticHistory.DeviceInfo> out, int count, String category, String tier, String method) {
        for (int i = 0; i < count; i++) {
            out.add(new SyntheticHistory.DeviceInfo(out.size() + 1, category, tier, method, IN_SERVICE, null));
        }
    }

    static SyntheticHistoryImport.Past generate(long seed) {
        Map<Long, Instant> endOf = new HashMap<>();
        fleet().forEach(d -> endOf.put(d.id(), NOW));
        return SyntheticHistory.generate(fleet(), endOf, ZONE, seed);
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        var a = generate(SyntheticHistory.DEFAULT_SEED);
        var b = generate(SyntheticHistory.DEFAULT_SEED);
        assertThat(b.intervals()).isEqualTo(a.intervals());
        assertThat(b.rollups()).isEqualTo(a.rollups());
        assertThat(b.reboots()).isEqualTo(a.reboots());
        assertThat(b.windows()).isEqualTo(a.windows());
        assertThat(generate(7).intervals()).isNotEqualTo(a.intervals());
    }

    @Test
    void intervalsTileEachDeviceFromInServiceToNow() {
        var h = generate(SyntheticHistory.DEFAULT_SEED);
        Map<Long, List<SyntheticHistoryImport.Interval>> byDevice = new HashMap<>();
        h.intervals().forEach(i -> byDevice.computeIfAbsent(i.deviceId(), k -> new ArrayList<>()).add(i));
        assertThat(byDevice).hasSize(94);
        byDevice.forEach((id, list) -> {
            assertThat(list.get(0).start()).isEqualTo(IN_SERVICE.atStartOfDay(ZONE).toInstant());
            assertThat(list.get(list.size() - 1).end()).isEqualTo(NOW);
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i).start()).isEqualTo(list.get(i - 1).end());
                assertThat(list.get(i).state()).isNotEqualTo(list.get(i - 1).state());
            }
        });
        long months = Duration.between(IN_SERVICE.atStartOfDay(ZONE).toInstant(), NOW).toDays() / 30;
        long frontDown = h.intervals().stream().filter(i -> i.deviceId() <= 53 && i.state() == DeviceState.DOWN).count();
        long backDown = h.intervals().stream().filter(i -> i.deviceId() > 53 && i.state() == DeviceState.DOWN).count();
        // about 1.5 outages a month per front-end device (plus the firmware-upgrade restarts), 0.8 per back-end device
        assertThat((double) frontDown / 53 / months).isBetween(1.2, 2.2);
        assertThat((double) backDown / 41 / months).isBetween(0.6, 1.0);
        assertThat(h.intervals().stream().filter(i -> i.state() == DeviceState.DOWN)
                .filter(i -> Duration.between(i.start(), i.end()).toDays() >= 1).count()).isGreaterThan(10);
        // quarterly firmware upgrades of the largest front-end category, all before now
        assertThat(h.windows()).hasSizeBetween(17, 19).allSatisfy(w -> {
            assertThat(w.category()).isEqualTo("FACE_CAMERA");
            assertThat(Duration.between(w.start(), w.end())).isEqualTo(Duration.ofHours(2));
        });
        // reboots only for SNMP back-end devices
        assertThat(h.reboots()).isNotEmpty().allSatisfy(r -> assertThat(r.deviceId()).isBetween(70L, 81L));
    }

    @Test
    void everyRolledUpDayAddsUpToItsLength() {
        var h = generate(SyntheticHistory.DEFAULT_SEED);
        long days = IN_SERVICE.until(NOW.atZone(ZONE).toLocalDate(), java.time.temporal.ChronoUnit.DAYS);
        assertThat(h.rollups()).hasSize((int) (94 * days));
        for (DailyRollup r : h.rollups()) {
            assertThat(r.upSeconds() + r.degradedSeconds() + r.downSeconds() + r.unknownSeconds() + r.maintenanceSeconds())
                    .as("device %d on %s", r.deviceId(), r.day()).isEqualTo(86_400);
            assertThat(r.unknownSeconds()).isZero();
        }
        assertThat(h.rollups().stream().filter(r -> r.deviceId() <= 40).mapToLong(DailyRollup::maintenanceSeconds).sum())
                .isEqualTo(40L * h.windows().size() * 7200);
        assertThat(h.rollups().stream().mapToInt(DailyRollup::reboots).sum()).isEqualTo(h.reboots().size());
    }

    @Test
    void firstServiceYearAvailabilityIsPlausible() {
        var h = generate(SyntheticHistory.DEFAULT_SEED);
        LocalDate end = IN_SERVICE.plusYears(1);
        long[] front = new long[2];
        long[] back = new long[2];
        for (DailyRollup r : h.rollups()) {
            if (r.day().isBefore(end)) {
                long[] acc = r.deviceId() <= 53 ? front : back;
                acc[0] += r.upSeconds() + r.degradedSeconds();
                acc[1] += r.upSeconds() + r.degradedSeconds() + r.downSeconds();
            }
        }
        assertThat((double) front[0] / front[1]).isBetween(0.97, 0.995);
        assertThat((double) back[0] / back[1]).isBetween(0.995, 0.999);
    }
}
