package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.api.Test;
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

    @ParameterizedTest(name = "{0} ticks, then {2} ticks {1} s later: dropped={3}")
    @CsvSource({
            "4294967000, 60, 5704, false",         // the 32-bit wrap after ~497 days, as predicted
            "4294967295, 1, 95, false",            // the wrap at its very edge
            "4294967000, 60, 500000, true",        // below, but not where the wrap would be
            "100000, 60, 200, true",               // a restart
            "10000, 3600, 20000, false",           // grew too little: a reboot for the agent, not a drop
    })
    void a_drop_is_a_reboot_unless_it_is_the_wrap(long before, long seconds, long after, boolean dropped) {
        var previous = new SysUpTime.Reading(before, T0);
        var current = new SysUpTime.Reading(after, T0.plusSeconds(seconds));
        assertThat(SysUpTime.dropped(previous, current)).isEqualTo(dropped);
    }

    @Test
    void the_first_observation_of_a_device_is_never_a_reboot() {
        var justStarted = new SysUpTime.Reading(200, T0);
        assertThat(SysUpTime.rebooted(null, justStarted)).isFalse();
        assertThat(SysUpTime.dropped(null, justStarted)).isFalse();
        RebootDetector detector = new RebootDetector();
        assertThat(detector.record(7, justStarted)).as("first reading: a baseline").isFalse();
        assertThat(detector.record(7, new SysUpTime.Reading(100, T0.plusSeconds(60)))).as("then a drop").isTrue();
        assertThat(detector.record(8, new SysUpTime.Reading(4294967000L, T0))).as("another device's first").isFalse();
        assertThat(detector.record(8, new SysUpTime.Reading(5704, T0.plusSeconds(60)))).as("its wrap").isFalse();
    }
}
