package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EnterpriseVendorsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", value = {
            "1.3.6.1.4.1.39165.1.1, Hikvision",
            "1.3.6.1.4.1.1004849.3.2.10, Dahua",
            "1.3.6.1.4.1.2011.2.23.95, Huawei",
            "1.3.6.1.4.1.25506.11.1.24, H3C",
            "1.3.6.1.4.1.12356.101.1.644, Fortinet",
            "1.3.6.1.4.1.4881.1.1.10.1.150, Ruijie",
            "1.3.6.1.4.1.35047, Sangfor",
            "1.3.6.1.4.1.14331.1.4, Topsec",
            "1.3.6.1.4.1.8072.3.2.10, net-snmp",
            ".1.3.6.1.4.1.28557.1.126, Hillstone",   // a leading dot, as some agents and recordings write it
            "1.3.6.1.4.1.50001, -",                  // not in the table: no guess
            "1.3.6.1.2.1.1, -",                      // not under enterprises
            "1.3.6.1.4.1.x, -",
            "'', -",
    })
    void names_the_vendor_of_the_enterprise_number(String sysObjectId, String vendor) {
        assertThat(EnterpriseVendors.of(sysObjectId).orElse(null)).isEqualTo(vendor);
    }
}
