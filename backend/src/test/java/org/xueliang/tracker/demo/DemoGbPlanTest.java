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
}
