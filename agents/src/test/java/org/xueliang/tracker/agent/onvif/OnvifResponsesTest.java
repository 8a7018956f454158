package org.xueliang.tracker.agent.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OnvifResponsesTest {

    @Test
    void posix_time_zones_have_inverted_signs() {
        assertThat(OnvifResponses.posixOffset("CST-8")).contains(ZoneOffset.ofHours(8));
        assertThat(OnvifResponses.posixOffset("EST-1:00:00")).contains(ZoneOffset.ofHours(1));
        assertThat(OnvifResponses.posixOffset("BRT3")).contains(ZoneOffset.ofHours(-3));
        assertThat(OnvifResponses.posixOffset("<+0530>-5:30")).contains(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(OnvifResponses.posixOffset("garbage")).isEmpty();
    }

    @Test
    void local_time_only_devices_are_converted_with_their_time_zone() throws Exception {
        String xml = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
                + "<GetSystemDateAndTimeResponse><SystemDateAndTime><TimeZone><TZ>CST-8</TZ></TimeZone><LocalDateTime>"
                + "<Time><Hour>20</Hour><Minute>0</Minute><Second>5</Second></Time>"
                + "<Date><Year>2026</Year><Month>1</Month><Day>2</Day></Date></LocalDateTime></SystemDateAndTime>"
                + "</GetSystemDateAndTimeResponse></s:Body></s:Envelope>";
        var t = OnvifResponses.systemDateAndTime(Soap.body(xml.getBytes(StandardCharsets.UTF_8), 200));
        assertThat(t.utc()).isEqualTo(Instant.parse("2026-01-02T12:00:05Z"));
        assertThat(t.fromLocalTime()).isTrue();
    }
}
