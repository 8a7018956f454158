package org.xueliang.tracker.agent.snmp;

import org.xueliang.tracker.agent.TestData;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;
import org.xueliang.tracker.agent.sim.snmp.SimulatedSnmpAgent;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;
import org.xueliang.tracker.agent.snmp.rec.SnmprecFile;

import java.io.IOException;

/**
 * The simulator, one transport and one prober for a test class: agents on consecutive loopback addresses from
 * {@code firstAddress} (each test class its own range), a recording from shared/testdata/snmp or the synthetic agent.
 */
final class SimulatedSnmp implements AutoCloseable {

    final SnmpAgentSimulator sim = new SnmpAgentSimulator();
    final SnmpTransport transport = new SnmpTransport();
    final SnmpProber prober = new SnmpProber(transport);
    private final String firstAddress;
    private int nextHost;

    SimulatedSnmp(String firstAddress) {
        this.firstAddress = firstAddress;
    }

    /** A new agent replaying {@code recording}.snmprec, or the synthetic agent when null. */
    synchronized SimulatedSnmpAgent agent(String recording) throws IOException {
        SnmprecFile rec = recording == null ? SnmpAgentSimulator.synthetic()
                : SnmprecFile.read(TestData.dir("snmp").resolve(recording + ".snmprec"));
        return sim.add(LoopbackAddresses.nth(LoopbackAddresses.parse(firstAddress), nextHost++), 0, rec);
    }

    @Override
    public void close() {
        prober.close();
        transport.close();
        sim.close();
    }
}
