package org.xueliang.tracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which demo devices register over GB/T 28181, with which channels and faults. */
class DemoGbPlanTest {

    private static DemoGbPlan.Row row(String tag, String code, Long site) {
        return new DemoGbPlan.Row(tag, code, site);
    }

    @Test
    void recordersTakeTheCamerasOfTheirSiteAndOneSiteWithoutARecorderRegistersItsCamerasAsIpcs() {
        List<DemoGbPlan.Device> plan = DemoGbPlan.plan(List.of(
                row("A-01", "14082400001180000001", 1L),   // NVR at site 1
                row("A-02", "14082400001320000002", 1L),   // camera at site 1 → channel of A-01
                row("A-03", "14082400001310000003", 1L),   // camera at site 1 → channel of A-01
                row("AA-1", "14082400001320000009", 5L),   // site 5: one camera only, fewer than site 2
                row("B-01", "14082400001320000004", 2L),   // site 2: no recorder and the most cameras: IPCs
                row("B-02", "14082400001320000005", 2L),
                row("B-03", "14082400001320000006", 2L),
                row("C-01", "14082400001320000007", 3L),   // site 3: fewer cameras, stays out
                row("D-01", "14082400002000000008", 4L),   // a platform (200): neither
                row("E-01", null, 2L),                      // no code: out
                row("F-01", "1408240000132000000", 2L)));   // 19 digits: out

        assertThat(plan).extracting(DemoGbPlan.Device::assetTag).containsExactly("A-01", "B-01", "B-02", "B-03");
        assertThat(plan.get(0).recorder()).isTrue();
        assertThat(plan.get(0).channels()).containsExactly("14082400001320000002", "14082400001310000003");
        assertThat(plan.get(1).channels()).containsExactly("14082400001320000004");
        assertThat(DemoGbPlan.scripted(plan)).containsExactly(
                java.util.Map.entry("A-01", "vlost=0@60"), java.util.Map.entry("B-03", "stop-keepalive-300"));
    }

    @Test
    void recordersInASiteWithoutCamerasRecordTheCamerasOfOtherSitesOneSiteEach() {
        // the reference dataset's shape: two CVRs in the 机房 (site 9), cameras elsewhere, single-camera sites (卡口) first
        // in asset-tag order
        List<DemoGbPlan.Device> plan = DemoGbPlan.plan(List.of(
                row("CK-1", "14082400001320000008", 5L),                                             // site 5: one camera
                row("FC-1", "14082400001320000001", 1L), row("FC-2", "14082400001320000002", 1L),
                row("FC-3", "14082400001320000003", 1L),                                             // site 1: IPCs
                row("FC-4", "14082400001320000004", 2L), row("FC-5", "14082400001320000005", 2L),   // site 2: the most → CVR-1
                row("FC-6", "14082400001320000006", 3L),                     // site 3: one camera, after site 5: nobody's
                row("FC-7", "14082400001320000007", 4L),                                             // site 4: nobody's
                row("SV-1", "14082400001180000048", 9L), row("SV-2", "14082400001180000049", 9L)));

        assertThat(plan).extracting(DemoGbPlan.Device::assetTag).containsExactly("SV-1", "SV-2", "FC-1", "FC-2", "FC-3");
        assertThat(plan.get(0).channels()).containsExactly("14082400001320000004", "14082400001320000005");
        assertThat(plan.get(1).channels()).containsExactly("14082400001320000008"); // site 5: one camera, first on the tie
        assertThat(plan.get(2).channels()).containsExactly("14082400001320000001");
        // the VLOST fault is on a recorder's channel now, the silence on the last IPC
        assertThat(DemoGbPlan.scripted(plan)).containsExactly(
                java.util.Map.entry("SV-1", "vlost=0@60"), java.util.Map.entry("FC-3", "stop-keepalive-300"));
    }

    @Test
    void withoutRecordersTheFirstIpcLosesItsVideo() {
        List<DemoGbPlan.Device> plan = DemoGbPlan.plan(List.of(row("B-01", "14082400001320000004", 2L),
                row("B-02", "14082400001320000005", 2L)));

        assertThat(DemoGbPlan.scripted(plan)).containsExactly(java.util.Map.entry("B-01", "vlost=0@60"),
                java.util.Map.entry("B-02", "stop-keepalive-300"));
    }

    @Test
    void noCodedDeviceMeansNoPlan() {
        assertThat(DemoGbPlan.plan(List.of(row("X", null, 1L)))).isEmpty();
    }

    @Test
    void channelsReportTheLedgersValuesExceptThreeDeliberateMismatches() {
        List<DemoGbPlan.Device> plan = List.of(
                new DemoGbPlan.Device("A-01", "14082400001180000001", true,
                        List.of("14082400001320000002", "14082400001320000003"), List.of()),
                new DemoGbPlan.Device("B-01", "14082400001320000004", false, List.of("14082400001320000004"), List.of()),
                new DemoGbPlan.Device("B-02", "14082400001320000005", false, List.of("14082400001320000005"), List.of()));
        java.math.BigDecimal lon = new java.math.BigDecimal("110.978700");
        java.math.BigDecimal lat = new java.math.BigDecimal("35.603200");
        java.util.Map<String, DemoGbPlan.Ledger> ledger = new java.util.HashMap<>();
        for (String code : List.of("14082400001320000002", "14082400001320000003", "14082400001320000004",
                "14082400001320000005")) {
            ledger.put(code, new DemoGbPlan.Ledger("摄像机-" + code.substring(16), "iDS-2CD7A46G0", lon, lat));
        }
        var described = DemoGbPlan.described(plan, ledger);

        assertThat(described.get("14082400001320000002"))
                .isEqualTo(new org.xueliang.tracker.agent.sim.gb.GbSimDevice.Described("IPC-0002", "iDS-2CD7A46G0",
                        "110.9787", "35.6032"));
        assertThat(described.get("14082400001320000003"))
                .isEqualTo(new org.xueliang.tracker.agent.sim.gb.GbSimDevice.Described("摄像机-0003", "iDS-2CD7A46G0",
                        "110.9817", "35.6032"));
        assertThat(described.get("14082400001320000004").model()).isEqualTo(DemoGbPlan.SWAPPED_MODEL);
        assertThat(described.get("14082400001320000005"))
                .as("the rest say what the ledger says")
                .isEqualTo(new org.xueliang.tracker.agent.sim.gb.GbSimDevice.Described("摄像机-0005", "iDS-2CD7A46G0",
                        "110.9787", "35.6032"));
    }
}
