package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SysUpTimeTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest(name = "{0} ticks, then {2} ticks {1} s later: rebooted={3}")
    @CsvSource({
            "100000, 60, 106000, false",           // steady
            "100000, 60, 105000, false",           // slow device clock, within tolerance
            "100000, 60, 200, true",               // dropped: restarted 2 s ago
            "100000, 0, 99999, true",              // any drop, even without elapsed time
            "4294967000, 60, 5704, false",         // 32-bit wrap as predicted
            "4294967000, 60, 500000, true",        // below the previous reading but not the predicted wrap
            "10000, 3600, 20000, true",            // grew, but far less than an hour: down and up between polls
            "10000, 3600, 370000, false",          // grew by the hour
    })
    void tells_a_reboot_from_a_wrap(long before, long seconds, long after, boolean rebooted) {
        var previous = new SysUpTime.Reading(before, T0);
        var current = new SysUpTime.Reading(after, T0.plusSeconds(seconds));
        assertThat(SysUpTime.rebooted(previous, current)).isEqualTo(rebooted);
    }
}
