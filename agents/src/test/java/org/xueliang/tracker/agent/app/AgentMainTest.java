package org.xueliang.tracker.agent.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.agent.net.NioClient;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.snmp.SnmpTransport;

class AgentMainTest {

    @Test
    void the_standalone_agent_registers_every_prober_of_this_build() {
        try (NioClient nio = new NioClient(); SnmpTransport snmp = new SnmpTransport();
             ProberRegistry registry = new ProberRegistry(AgentMain.probers(nio, snmp))) {
            for (Method m : Method.values()) {
                assertThat(registry.forMethod(m).method()).isEqualTo(m);
            }
        }
    }
}
