package org.xueliang.tracker.monitoring;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the periodic jobs (silence sweeper, rollups, retention). */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
