package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xueliang.tracker.testing.Records.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xueliang.tracker.shared.FieldProblem;

/** Each rule of {@link DeviceFieldsValidator}: one field changed from a valid device, and what it says. */
class DeviceFieldsValidatorTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    static final Site SITE = new Site("CQ-01", "稷峰街与后稷路交叉口", SiteKind.URBAN_POINT, "稷峰镇", null, null, null);
    static final LedgerReference REF = new LedgerReference(Set.of(1L), Set.of("FACE_CAMERA", "SERVER"),
            Map.of(5L, SITE), Map.of("CQ-01", SITE),
            Map.of(7L, new ConstructionItem(1L, 5, "县城区人脸智能摄像机部署", null, null),
                    8L, new ConstructionItem(2L, 1, "另一个项目的建设内容", null, null)),
            Map.of(1L, "140824"));

    /** A valid INSTALLED camera. */
    static final DeviceFields VALID = new DeviceFields(1L, "JS-XL1-FC-001", "人脸摄像机", "FACE_CAMERA", 7L, 5L,
            "海康威视", "iDS-2CD7A46G0", "E55800110", "C0:56:E3:EB:8F:3B", "127.20.1.1", "V5.6.3", Lifecycle.INSTALLED,
            LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), null, null, null, null,
            LocalDate.of(2027, 3, 1), new BigDecimal("12800.00"), "备注", ProbeMethod.ONVIF, 80,
            null, null, null, null, "14082400001320000001");

    static List<String> problems(DeviceFields fields) {
        return DeviceFieldsValidator.validate(fields, REF, TODAY).stream().map(FieldProblem::field).toList();
    }

    @Test
    void acceptsAValidDevice() {
        assertThat(problems(VALID)).isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("projectId", null, "projectId"),
                Arguments.of("projectId", 99L, "projectId"),
                Arguments.of("assetTag", null, "assetTag"),
                Arguments.of("assetTag", "  ", "assetTag"),
                Arguments.of("assetTag", "has space", "assetTag"),
                Arguments.of("assetTag", "-starts-with-dash", "assetTag"),
                Arguments.of("assetTag", "A".repeat(65), "assetTag"),
                Arguments.of("category", null, "category"),
                Arguments.of("category", "TOASTER", "category"),
                Arguments.of("siteId", 99L, "siteId"),
                Arguments.of("constructionItemId", 99L, "constructionItemId"),
                Arguments.of("constructionItemId", 8L, "constructionItemId"),
                Arguments.of("name", "名".repeat(201), "name"),
                Arguments.of("vendor", "v".repeat(101), "vendor"),
                Arguments.of("model", "m".repeat(101), "model"),
                Arguments.of("serialNumber", "s".repeat(101), "serialNumber"),
                Arguments.of("firmware", "f".repeat(101), "firmware"),
                Arguments.of("notes", "n".repeat(1001), "notes"),
                Arguments.of("macAddress", "C0:56:E3:EB:8F", "macAddress"),
                Arguments.of("macAddress", "G0:56:E3:EB:8F:3B", "macAddress"),
                Arguments.of("ipAddress", "256.1.1.1", "ipAddress"),
                Arguments.of("ipAddress", "127.20.1", "ipAddress"),
                Arguments.of("ipAddress", "camera.local", "ipAddress"),
                Arguments.of("unitPrice", new BigDecimal("-0.01"), "unitPrice"),
                Arguments.of("unitPrice", new BigDecimal("12.345"), "unitPrice"),
                Arguments.of("unitPrice", new BigDecimal("10000000000000"), "unitPrice"),
                Arguments.of("probePort", 0, "probePort"),
                Arguments.of("probePort", 65536, "probePort"),
                Arguments.of("installedOn", null, "installedOn"),
                Arguments.of("installedOn", LocalDate.of(2024, 6, 2), "installedOn"),
                Arguments.of("installedOn", LocalDate.of(2024, 1, 31), "installedOn"),
                Arguments.of("deliveredOn", LocalDate.of(2024, 1, 1), "deliveredOn"),
                Arguments.of("acceptedOn", LocalDate.of(2024, 4, 1), "acceptedOn"),
                Arguments.of("inServiceOn", LocalDate.of(2024, 4, 1), "inServiceOn"),
                Arguments.of("faultyOn", LocalDate.of(2024, 4, 1), "faultyOn"),
                Arguments.of("retiredOn", LocalDate.of(2024, 4, 1), "retiredOn"),
                Arguments.of("lifecycle", Lifecycle.ACCEPTED, "acceptedOn"),
                Arguments.of("lifecycle", Lifecycle.RETIRED, "retiredOn"),
                // found by fuzzing (issue 9): MariaDB cannot store year 999,999,999 and answered 409 instead of a field error
                Arguments.of("warrantyEnd", LocalDate.MAX, "warrantyEnd"),
                Arguments.of("warrantyEnd", LocalDate.of(3000, 1, 1), "warrantyEnd"),
                Arguments.of("plannedOn", LocalDate.of(1969, 12, 31), "plannedOn"));
    }

    @ParameterizedTest(name = "{0} = {1} → problem on {2}")
    @MethodSource("invalid")
    void namesTheFieldThatBreaksARule(String field, Object value, String expected) {
        assertThat(problems(with(VALID, field, value))).contains(expected);
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("ipAddress", "fe80::1"),
                Arguments.of("ipAddress", null),
                Arguments.of("macAddress", "c0-56-e3-eb-8f-3b"),
                Arguments.of("siteId", null),
                Arguments.of("constructionItemId", null),
                Arguments.of("assetTag", "JS/XL1_FC.001-a"),
                Arguments.of("unitPrice", new BigDecimal("0")),
                Arguments.of("probePort", 65535),
                Arguments.of("installedOn", TODAY),
                Arguments.of("installedOn", LocalDate.of(2024, 2, 1)),
                Arguments.of("plannedOn", null),
                Arguments.of("warrantyEnd", LocalDate.of(2999, 12, 31)));
    }

    @ParameterizedTest(name = "{0} = {1} is fine")
    @MethodSource("valid")
    void acceptsEdgeValues(String field, Object value) {
        assertThat(problems(with(VALID, field, value))).isEmpty();
    }

    @Test
    void checksTheDatesOfAFaultyAndOfARetiredDevice() {
        DeviceFields faulty = with(with(with(VALID, "lifecycle", Lifecycle.FAULTY), "acceptedOn", LocalDate.of(2024, 3, 5)),
                "inServiceOn", LocalDate.of(2024, 4, 1));
        assertThat(problems(faulty)).containsExactly("faultyOn");
        assertThat(problems(with(faulty, "faultyOn", LocalDate.of(2024, 5, 1)))).isEmpty();
        assertThat(problems(with(faulty, "faultyOn", LocalDate.of(2024, 3, 30)))).contains("faultyOn");
        assertThat(problems(with(faulty, "faultyOn", LocalDate.of(2024, 7, 1)))).contains("faultyOn");

        DeviceFields retired = with(with(VALID, "lifecycle", Lifecycle.RETIRED), "retiredOn", LocalDate.of(2024, 5, 1));
        assertThat(problems(retired)).isEmpty();
        assertThat(problems(with(retired, "retiredOn", LocalDate.of(2024, 2, 15)))).contains("retiredOn");
        assertThat(problems(with(retired, "retiredOn", LocalDate.of(2024, 6, 5)))).contains("retiredOn");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        DeviceFields bad = with(with(with(VALID, "ipAddress", "1.2.3"), "macAddress", "x"), "category", "TOASTER");
        assertThat(problems(bad)).containsExactlyInAnyOrder("ipAddress", "macAddress", "category");
    }
}
