package org.xueliang.tracker.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.probe.Method;

class StandardProbersTest {

    @Test
    void everyAgentRegistersAProberForEveryMethodAgentsProbe() {
        try (StandardProbers probers = StandardProbers.open()) {
            for (Method m : Method.values()) {
                if (m.probedByAgents()) {
                    assertThat(probers.registry().forMethod(m).method()).isEqualTo(m);
                }
            }
        }
        // the one method no agent probes: the platform observes GB/T 28181 itself
        assertThat(java.util.Arrays.stream(Method.values()).filter(m -> !m.probedByAgents())).containsExactly(Method.GB28181);
    }
}
