package org.xueliang.tracker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeTokensTest {

    @Test
    void codesAreFoundAndTheAllowedAbbreviationsAreNot() {
        assertThat(CodeTokens.offending("口径 维护=EXCLUDE 未知=EXCLUDE 质量指标1=AVAILABILITY")).containsExactly("EXCLUDE", "EXCLUDE",
                "AVAILABILITY");
        assertThat(CodeTokens.offending("检查（WARNING）：ACTUAL_MISSING；状态 DRAFT")).containsExactly("WARNING", "ACTUAL_MISSING", "DRAFT");
        assertThat(CodeTokens.offending("快照 SHA-256 ab12，PDF 导出，ONVIF/SNMP 设备 MTTR 2.5 小时，资产 XL-QJ-001，IPv4")).isEmpty();
        assertThat(CodeTokens.offending("53 front-end devices, availability 99.06%")).isEmpty();
        assertThat(CodeTokens.offending(null)).isEmpty();
    }
}
