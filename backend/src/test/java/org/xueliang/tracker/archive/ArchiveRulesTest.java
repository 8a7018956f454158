package org.xueliang.tracker.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xueliang.tracker.archive.ArchiveRules.Context;
import org.xueliang.tracker.archive.ArchiveRules.CountyBox;
import org.xueliang.tracker.archive.ArchiveRules.Status;
import org.xueliang.tracker.archive.ArchiveRules.Verdict;

/** The 一机一档 field rules as a case table: field, value, expected status and problem (docs/ARCHIVE.md "Rules"). */
class ArchiveRulesTest {

    /** 稷山县 (140824) and a box around its county town. */
    static final Context JISHAN = new Context("140824", new CountyBox(110.8, 35.5, 111.2, 35.8));

    @ParameterizedTest(name = "{0} = ''{1}'' → {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            GB_CODE         | 14082400001320000001 | OK      | null
            GB_CODE         | 14082400001310000001 | OK      | null
            GB_CODE         | 1408240000132000001  | INVALID | GB_FORMAT
            GB_CODE         | 1408240000132000000A | INVALID | GB_FORMAT
            GB_CODE         | 14082500001320000001 | INVALID | GB_REGION
            GB_CODE         | 14082400009990000001 | INVALID | GB_TYPE
            GB_CODE         | 14082400001180000001 | INVALID | GB_NOT_CAMERA
            GB_CODE         | '  '                 | MISSING | null
            NAME            | 人脸摄像机-1            | OK      | null
            REGION_CODE     | 140824               | OK      | null
            REGION_CODE     | 14082                | INVALID | REGION_FORMAT
            REGION_CODE     | 1408240              | INVALID | REGION_FORMAT
            REGION_CODE     | 140825               | INVALID | REGION_OTHER
            LONGITUDE       | 110.9786             | OK      | null
            LONGITUDE       | 110.978612           | OK      | null
            LONGITUDE       | 110.9786123          | INVALID | COORDINATE_FORMAT
            LONGITUDE       | 110,97               | INVALID | COORDINATE_FORMAT
            LONGITUDE       | 181                  | INVALID | COORDINATE_FORMAT
            LONGITUDE       | 112.5                | INVALID | OUTSIDE_COUNTY
            LONGITUDE       | 0                    | INVALID | OUTSIDE_COUNTY
            LATITUDE        | 35.6031              | OK      | null
            LATITUDE        | 110.9786             | INVALID | COORDINATE_FORMAT
            LATITUDE        | 36.5                 | INVALID | OUTSIDE_COUNTY
            CAMERA_TYPE     | DOME                 | OK      | null
            CAMERA_TYPE     | REMOTE_BULLET        | OK      | null
            CAMERA_TYPE     | dome                 | INVALID | UNKNOWN_CODE
            CAMERA_TYPE     | 球机                   | INVALID | UNKNOWN_CODE
            POSITION_TYPE   | TRAFFIC_ARTERY       | OK      | null
            POSITION_TYPE   | AIRPORT              | INVALID | UNKNOWN_CODE
            ROOM_TYPE       | INDOOR               | OK      | null
            SUPPLY_LIGHT    | LASER                | OK      | null
            DIRECTION       | NW                   | OK      | null
            DIRECTION       | NNW                  | INVALID | UNKNOWN_CODE
            POINT_CLASS     | CLASS_3              | OK      | null
            POINT_CLASS     | CLASS_4              | INVALID | UNKNOWN_CODE
            FUNCTIONS       | FACE                 | OK      | null
            FUNCTIONS       | 'FACE, VIDEO'        | OK      | null
            FUNCTIONS       | 'FACE,FACE'          | INVALID | DUPLICATE_CODE
            FUNCTIONS       | 'FACE,,VIDEO'        | INVALID | UNKNOWN_CODE
            FUNCTIONS       | WIFI                 | INVALID | UNKNOWN_CODE
            IP_ADDRESS      | 127.20.1.1           | OK      | null
            IP_ADDRESS      | 10.0.0.256           | INVALID | IP_FORMAT
            IP_ADDRESS      | 10.0.0               | INVALID | IP_FORMAT
            MAC_ADDRESS     | C0:56:E3:EB:8F:3B    | OK      | null
            MAC_ADDRESS     | c0-56-e3-eb-8f-3b    | OK      | null
            MAC_ADDRESS     | C0:56:E3-EB:8F:3B    | INVALID | MAC_FORMAT
            MAC_ADDRESS     | C0:56:E3:EB:8F       | INVALID | MAC_FORMAT
            INSTALLED_ON    | 2021-04-06           | OK      | null
            INSTALLED_ON    | 2021-02-30           | INVALID | DATE_FORMAT
            CONTACT_PHONE   | 0359-5522110         | OK      | null
            CONTACT_PHONE   | 03595522110          | OK      | null
            CONTACT_PHONE   | 010-12345678-123     | OK      | null
            CONTACT_PHONE   | 13912345678          | OK      | null
            CONTACT_PHONE   | 12912345678          | INVALID | PHONE_FORMAT
            CONTACT_PHONE   | 5522110              | INVALID | PHONE_FORMAT
            CONTACT_PHONE   | 张警官                  | INVALID | PHONE_FORMAT
            RETENTION_DAYS  | 30                   | OK      | null
            RETENTION_DAYS  | 3650                 | OK      | null
            RETENTION_DAYS  | 0                    | INVALID | DAYS_RANGE
            RETENTION_DAYS  | 3651                 | INVALID | DAYS_RANGE
            RETENTION_DAYS  | 30.5                 | INVALID | DAYS_RANGE
            MAINTENANCE_UNIT | null                | MISSING | null
            """)
    void judgesEachFieldByItsRule(ArchiveField field, String value, Status status, String problem) {
        Verdict v = ArchiveRules.judge(field, value, JISHAN);
        assertThat(v.status()).isEqualTo(status);
        assertThat(v.problem()).isEqualTo(problem);
    }

    @Test
    void textFieldsAreBoundedByTheirColumns() {
        assertThat(ArchiveRules.judge(ArchiveField.MANAGEMENT_UNIT, "局".repeat(200), JISHAN).status()).isEqualTo(Status.OK);
        assertThat(ArchiveRules.judge(ArchiveField.MANAGEMENT_UNIT, "局".repeat(201), JISHAN).problem()).isEqualTo("TOO_LONG");
        assertThat(ArchiveRules.judge(ArchiveField.INSTALL_ADDRESS, "路".repeat(300), JISHAN).status()).isEqualTo(Status.OK);
    }

    @Test
    void withoutAProjectRegionAnySixDigitRegionAndCodeRegionPass() {
        Context any = new Context(null, CountyBox.WORLD);
        assertThat(ArchiveRules.judge(ArchiveField.REGION_CODE, "110101", any).status()).isEqualTo(Status.OK);
        assertThat(ArchiveRules.judge(ArchiveField.GB_CODE, "11010100001320000001", any).status()).isEqualTo(Status.OK);
        assertThat(ArchiveRules.judge(ArchiveField.LONGITUDE, "-179.5", any).status()).isEqualTo(Status.OK);
    }

    @Test
    void theCountyBoxIsTheSitesWidenedByTheMargin() {
        CountyBox box = CountyBox.around(List.of(new double[] {110.97, 35.60}, new double[] {111.05, 35.55}), 0.1);
        org.assertj.core.data.Offset<Double> e = org.assertj.core.data.Offset.offset(1e-9);
        assertThat(box.minLongitude()).isCloseTo(110.87, e);
        assertThat(box.minLatitude()).isCloseTo(35.45, e);
        assertThat(box.maxLongitude()).isCloseTo(111.15, e);
        assertThat(box.maxLatitude()).isCloseTo(35.70, e);
        assertThat(CountyBox.around(List.of(), 0.1)).isEqualTo(CountyBox.WORLD);
        assertThat(CountyBox.parse(" 110.8, 35.5 ,111.2,35.8")).isEqualTo(JISHAN.box());
    }

    @Test
    void aRecordCountsItsValidRequiredFieldsOnly() {
        Map<ArchiveField, String> values = new EnumMap<>(ArchiveField.class);
        values.put(ArchiveField.GB_CODE, "14082400001320000001");
        values.put(ArchiveField.NAME, "人脸摄像机");
        values.put(ArchiveField.CONTACT_PHONE, "电话");     // required, invalid
        values.put(ArchiveField.DIRECTION, "NE");           // valid, not required
        List<Verdict> verdicts = ArchiveRules.judge(values, JISHAN);
        assertThat(verdicts).hasSize(ArchiveField.values().length);
        assertThat(ArchiveRules.validRequired(verdicts)).isEqualTo(2);
        assertThat(ArchiveField.requiredFields()).hasSize(20).doesNotContain(ArchiveField.DIRECTION,
                ArchiveField.SUPPLY_LIGHT, ArchiveField.INSTALLED_ON);
    }

    @Test
    void theCodesCarryTheirGbValues() {
        assertThat(ArchiveCodes.cameraTypeOfGb(3)).contains(ArchiveCodes.CameraType.FIXED_BULLET);
        assertThat(ArchiveCodes.cameraTypeOfGb(5)).isEmpty();
        assertThat(ArchiveCodes.PositionType.TRAFFIC_ARTERY.gb()).isEqualTo(10);
        assertThat(ArchiveCodes.RoomType.INDOOR.gb()).isEqualTo(2);
        assertThat(ArchiveCodes.SupplyLight.LASER.gb()).isEqualTo(4);
        assertThat(ArchiveCodes.SupplyLight.OTHER.gb()).isEqualTo(9);
        assertThat(ArchiveCodes.Direction.NW.gb()).isEqualTo(8);
        assertThat(ArchiveCodes.codes(ArchiveCodes.SupplyLight.class)).containsExactly("NONE", "INFRARED", "WHITE", "LASER", "OTHER");
    }
}
