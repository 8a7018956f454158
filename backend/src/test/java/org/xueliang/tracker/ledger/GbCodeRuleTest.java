package org.xueliang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.testing.BundleTexts;

/** The national code (gbCode) of a device write: the case table of what passes and what each refusal says. */
class GbCodeRuleTest {

    /** Project 1 is 稷山县 (140824); project 2 has no region code yet. */
    static final LedgerReference REF = new LedgerReference(Set.of(1L, 2L), Set.of("FACE_CAMERA"), Map.of(), Map.of(),
            Map.of(), regions());

    static Map<Long, String> regions() {
        Map<Long, String> regions = new java.util.HashMap<>();
        regions.put(1L, "140824");
        regions.put(2L, null);
        return regions;
    }

    // no repository: check() never looks at other devices (taken() does, covered by the API tests)
    final GbCodeRule rule = new GbCodeRule(null, BundleTexts.texts());

    @BeforeEach
    void chinese() {
        // what LanguageResolver makes of a request without lang or Accept-Language
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void defaultLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    static DeviceFields withCode(long projectId, String code) {
        DeviceFields v = DeviceFieldsValidatorTest.VALID;
        return new DeviceFields(projectId, v.assetTag(), v.name(), v.category(), null, null, null, null, null, null,
                null, null, Lifecycle.PLANNED, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, code);
    }

    Optional<String> problem(long projectId, String code) {
        return rule.check(withCode(projectId, code), REF).map(FieldProblem::message);
    }

    @ParameterizedTest(name = "project {0}: ''{1}'' → {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            1 | 14082400001320000001   | OK
            1 | 14082400001310000045   | OK
            1 | 14082400001180000048   | OK
            1 | 14082400002000000050   | OK
            1 | ' 14082400001320000001 ' | OK
            1 | NULL                   | OK
            1 | ''                     | OK
            1 | '   '                  | OK
            1 | 1408240000132000001    | 国标编码须为 20 位数字
            1 | 140824000013200000011  | 国标编码须为 20 位数字
            1 | 14082400001320A00001   | 国标编码须为 20 位数字
            1 | １４０８２４００００１３２００００００１ | 国标编码须为 20 位数字
            1 | 1408240000132-000001   | 国标编码须为 20 位数字
            1 | 14082500001320000001   | 国标编码须以本项目的行政区划代码 140824 开头
            1 | 11010500001320000001   | 国标编码须以本项目的行政区划代码 140824 开头
            2 | 14082500001320000001   | OK
            1 | 14082400009990000001   | 第 11–13 位类型编码 999 不是 GB/T 28181 的设备类型（如 111 DVR、118 NVR、131 摄像机、132 网络摄像机、200 平台）
            2 | 11010500001000000001   | 第 11–13 位类型编码 100 不是 GB/T 28181 的设备类型（如 111 DVR、118 NVR、131 摄像机、132 网络摄像机、200 平台）
            """)
    void caseTable(long projectId, String code, String expected) {
        assertThat(problem(projectId, code)).isEqualTo("OK".equals(expected) ? Optional.empty() : Optional.of(expected));
    }

    @Test
    void theProblemIsTheGbCodeFieldsAndSpeaksTheRequestsLanguage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        FieldProblem region = rule.check(withCode(1, "14082500001320000001"), REF).orElseThrow();
        assertThat(region.field()).isEqualTo("gbCode");
        assertThat(region.message()).isEqualTo("The national code must start with the project's administrative division code 140824");
        assertThat(problem(1, "123")).contains("A national code (GB/T 28181) has 20 digits");
    }

    @Test
    void aCodeOfADeviceWithoutAProjectIsCheckedForFormAndTypeOnly() {
        DeviceFields noProject = withCode(1, "11010500001320000001");
        noProject = new DeviceFields(null, noProject.assetTag(), null, noProject.category(), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, "11010500001320000001");
        assertThat(rule.check(noProject, REF)).isEmpty();
        assertThat(rule.check(withCode(1, "11010500001320000001"), REF)).isPresent();
    }
}
