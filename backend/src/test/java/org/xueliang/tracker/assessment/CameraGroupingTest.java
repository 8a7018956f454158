package org.xueliang.tracker.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.shared.ApiException;

/** Keys and labels of a camera per grouping, the group of cameras lacking what is grouped by, and the 400. */
class CameraGroupingTest {

    private static Camera camera(long id, Long siteId, String site, String township, String vendor) {
        return new Camera(id, 1, "T-" + id, "摄像机" + id, "CAMERA_BULLET", siteId, site, township, vendor, null, null, null,
                null, Lifecycle.IN_SERVICE, null, LocalDate.of(2024, 1, 1), null, null);
    }

    @Test
    void camerasWithoutTheGroupedValueFallInTheNoneGroupAndGroupsKeepTheCamerasOrder() {
        List<Camera> cams = List.of(camera(1, 10L, "稷峰镇政府", "稷峰镇", "海康威视"), camera(2, null, null, " ", null),
                camera(3, 10L, "稷峰镇政府", "稷峰镇", "大华"), camera(4, 11L, null, "西社镇", "海康威视"));
        assertThat(CameraGrouping.VENDOR.group(cams, c -> c)).extracting(CameraGrouping.Group::key, g -> g.members().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("海康威视", 2), org.assertj.core.groups.Tuple.tuple("-", 1),
                        org.assertj.core.groups.Tuple.tuple("大华", 1));
        assertThat(CameraGrouping.TOWNSHIP.key(cams.get(1))).as("a blank township is none").isEqualTo(CameraGrouping.NONE);
        assertThat(CameraGrouping.SITE.label(cams.get(1))).isEqualTo(CameraGrouping.NONE);
        assertThat(CameraGrouping.SITE.label(cams.get(3))).as("a site without a name is labelled by its id").isEqualTo("11");
        assertThat(CameraGrouping.DEVICE.key(cams.get(0))).isEqualTo("1");
        assertThat(CameraGrouping.DEVICE.label(cams.get(0))).isEqualTo("摄像机1");
        assertThat(CameraGrouping.CATEGORY.label(cams.get(0))).as("the code; callers put words on it").isEqualTo("CAMERA_BULLET");
    }

    @Test
    void theQueryParameterIsCaseInsensitiveAndAnythingElseIsA400OnItsField() {
        assertThat(CameraGrouping.parse("groupBy", " Vendor ")).isEqualTo(CameraGrouping.VENDOR);
        assertThat(CameraGrouping.VENDOR.apiName()).isEqualTo("vendor");
        assertThatThrownBy(() -> CameraGrouping.parse("groupBy", "colour")).isInstanceOf(ApiException.class)
                .hasMessageContaining("vendor");
        assertThatThrownBy(() -> CameraGrouping.parse("groupBy", null)).isInstanceOf(ApiException.class);
    }
}
