package org.xueliang.tracker.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.Status;
import org.xueliang.tracker.monitoring.SourceStatus;

/**
 * The two-source rule as a case table. A source is written "METHOD:STATUS:REASON@minute"; the incoming observation
 * arrives at minute 10; "fresh" is 5 minutes. Expected: "STATUS:REASON" (+ " decisive"), or "nothing".
 */
class SourceRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
    private final SourceRule rule = new SourceRule(Duration.ofMinutes(5));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("without GB an ONVIF failure passes as it is (debounced later)", List.of(),
                        "ONVIF:DOWN:TIMEOUT@10", "DOWN:TIMEOUT"),
                Arguments.of("without GB an SNMP success passes as it is", List.of("ONVIF:DOWN:TIMEOUT@9"),
                        "SNMP:UP:OK@10", "UP:OK"),
                Arguments.of("a GB UP alone is UP", List.of(), "GB28181:UP:OK@10", "UP:OK"),
                Arguments.of("GB DOWN is decisive", List.of("ONVIF:UP:OK@9"),
                        "GB28181:DOWN:GB_KEEPALIVE_TIMEOUT@10", "DOWN:GB_KEEPALIVE_TIMEOUT decisive"),
                Arguments.of("ONVIF UP does not lift a GB DOWN", List.of("GB28181:DOWN:GB_UNREGISTERED@9"),
                        "ONVIF:UP:OK@10", "nothing"),
                Arguments.of("ONVIF DOWN while GB says DOWN changes nothing", List.of("GB28181:DOWN:GB_KEEPALIVE_TIMEOUT@9"),
                        "ONVIF:DOWN:TIMEOUT@10", "nothing"),
                Arguments.of("ONVIF DOWN while GB says UP is DEGRADED with ONVIF's reason", List.of("GB28181:UP:OK@9"),
                        "ONVIF:DOWN:TIMEOUT@10", "DEGRADED:TIMEOUT"),
                Arguments.of("ONVIF auth failure while GB says UP is DEGRADED", List.of("GB28181:UP:OK@9"),
                        "ONVIF:DEGRADED:AUTH_FAILED@10", "DEGRADED:AUTH_FAILED"),
                Arguments.of("ONVIF UP while GB says UP is UP", List.of("GB28181:UP:OK@9"), "ONVIF:UP:OK@10", "UP:OK"),
                Arguments.of("GB UP with a failing ONVIF stays DEGRADED", List.of("ONVIF:DOWN:REFUSED@9"),
                        "GB28181:UP:OK@10", "DEGRADED:REFUSED"),
                Arguments.of("a DOWN other source beats a DEGRADED one", List.of("ONVIF:DEGRADED:AUTH_FAILED@9", "SNMP:DOWN:TIMEOUT@8"),
                        "GB28181:UP:OK@10", "DEGRADED:TIMEOUT"),
                Arguments.of("ONVIF recovering clears its own DEGRADED", List.of("GB28181:UP:OK@9", "ONVIF:DOWN:TIMEOUT@8"),
                        "ONVIF:UP:OK@10", "UP:OK"),
                Arguments.of("GB's own DEGRADED (video lost) comes before another source's", List.of("ONVIF:DOWN:TIMEOUT@9"),
                        "GB28181:DEGRADED:VIDEO_LOST@10", "DEGRADED:VIDEO_LOST"),
                Arguments.of("a stale other source does not degrade a GB UP", List.of("ONVIF:DOWN:TIMEOUT@2"),
                        "GB28181:UP:OK@10", "UP:OK"),
                Arguments.of("a stale GB no longer decides: ONVIF passes as it is", List.of("GB28181:UP:OK@2"),
                        "ONVIF:DOWN:TIMEOUT@10", "DOWN:TIMEOUT"),
                Arguments.of("a stale GB DOWN no longer holds the device down", List.of("GB28181:DOWN:GB_KEEPALIVE_TIMEOUT@2"),
                        "ONVIF:UP:OK@10", "UP:OK"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void combinesTheSources(String name, List<String> before, String incoming, String expected) {
        Map<Method, SourceStatus> latest = new EnumMap<>(Method.class);
        before.stream().map(SourceRuleTest::source).forEach(s -> latest.put(s.source(), s));
        String actual = rule.combine(source(incoming), latest)
                .map(o -> o.status() + ":" + o.reason() + (o.decisive() ? " decisive" : ""))
                .orElse("nothing");
        assertThat(actual).isEqualTo(expected);
    }

    private static SourceStatus source(String text) {
        String[] at = text.split("@");
        String[] parts = at[0].split(":");
        return new SourceStatus(Method.valueOf(parts[0]), Status.valueOf(parts[1]), Reason.valueOf(parts[2]),
                T0.plus(Duration.ofMinutes(Integer.parseInt(at[1]))), null);
    }
}
