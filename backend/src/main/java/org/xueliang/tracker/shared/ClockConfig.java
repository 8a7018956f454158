package org.xueliang.tracker.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The system clock in the bureau's time zone (default Asia/Shanghai, {@code XL_TIMEZONE}), so
 * "today" for a lifecycle date means the county's today, not the server's UTC date.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock(@Value("${XL_TIMEZONE:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
