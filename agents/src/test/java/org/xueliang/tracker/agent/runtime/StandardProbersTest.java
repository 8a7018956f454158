package org.xueliang.tracker.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;

class StandardProbersTest {

    @Test
    void everyAgentRegistersAProberForEveryMethodAgentsProbe() {
        try (StandardProbers probers = StandardProbers.open()) {
            for (Method m : Method.values()) {
                if (!m.probedByAgents()) {
                    continue;
                }
                assertThat(probers.registry().forMethod(m).method()).isEqualTo(m);
            }
        }
    }
}
