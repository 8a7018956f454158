package org.xueliang.tracker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeTokensTest {

    @Test
    void codesAreFoundAndKnownAbbreviationsAreNot() {
        assertThat(CodeTokens.offending("口径 维护=EXCLUDE 未知=EXCLUDE 质量指标1=AVAILABILITY，状态 DRAFT，检查（WARNING）ACTUAL_MISSING"))
                .containsExactly("EXCLUDE", "EXCLUDE", "AVAILABILITY", "DRAFT", "WARNING", "ACTUAL_MISSING");
        assertThat(CodeTokens.offending("快照 SHA-256：ab12，PDF 第 1 页，ONVIF/SNMP 探测，LED 屏，IP 地址，MTTR 2.5 h，Draft, Total, ID 7"))
                .isEmpty();
    }
}
