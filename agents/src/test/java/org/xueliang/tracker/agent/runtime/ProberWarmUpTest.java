package org.xueliang.tracker.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.onvif.OnvifClient;

class ProberWarmUpTest {

    @Test
    void probes_every_method_on_loopback_within_its_budget_and_all_come_up() {
        try (StandardProbers probers = StandardProbers.open(OnvifClient.LOOPBACK_ONLY)) {
            ProberWarmUp.Report r = ProberWarmUp.run(probers.registry(), Duration.ofSeconds(3));
            assertThat(r.probes()).isPositive();
            assertThat(r.notUp()).isEmpty();
            assertThat(r.up()).isEqualTo(r.probes());
            // the budget, plus at most the last probes' own 2 s timeout (and slack for a loaded machine)
            assertThat(r.took()).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void a_zero_budget_turns_it_off() {
        try (StandardProbers probers = StandardProbers.open(OnvifClient.LOOPBACK_ONLY)) {
            assertThat(ProberWarmUp.run(probers.registry(), Duration.ZERO).probes()).isZero();
        }
    }
}
