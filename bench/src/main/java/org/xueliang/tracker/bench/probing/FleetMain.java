package org.xueliang.tracker.bench.probing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.runtime.StandardProbers;
import org.xueliang.tracker.agent.sim.OnvifSimulator;
import org.xueliang.tracker.agent.sim.SimulatedCamera;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;

/**
 * The simulated fleet in its own JVM (so that the agent's sockets and the devices' sockets do not share one
 * open-file limit): {@code FleetMain ONVIF SNMP TCP}. Prints {@code READY} when every device listens and serves
 * until its standard input closes (the benchmark holds the other end, so the fleet never outlives it).
 *
 * <p>Before READY the fleet warms itself up: every device is probed a few times from inside this JVM, so that the
 * simulator's own class loading and JIT are done. Real devices are never "cold"; without this the agent's cold
 * first cycle would mostly measure the simulator's (docs/BENCHMARKS.md).
 */
public final class FleetMain {

    private static final int WARM_UP_ROUNDS = 4;
    private static final int WARM_UP_DEVICES = 500;

    private FleetMain() {
    }

    public static void main(String[] args) throws IOException {
        Fleet fleet = new Fleet(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        List<SimulatedCamera> cams = new ArrayList<>(fleet.onvif());
        for (InetAddress a : Fleet.addresses(Fleet.ONVIF_BASE, fleet.onvif())) {
            cams.add(SimulatedCamera.standard(a, Fleet.USER, Fleet.PASSWORD));
        }
        try (OnvifSimulator onvif = OnvifSimulator.start(cams, Fleet.ONVIF_PORT);
             SnmpAgentSimulator snmp = new SnmpAgentSimulator();
             TcpDeviceSimulator tcp = new TcpDeviceSimulator()) {
            snmp.addFleet(fleet.snmp(), Fleet.SNMP_BASE, Fleet.SNMP_PORT, List.of());
            tcp.addFleet(TcpDeviceSimulator.Kind.TCP, fleet.tcp(), Fleet.TCP_BASE, Fleet.TCP_PORT);
            warmUp(fleet);
            System.out.println("READY " + fleet + " onvif on " + onvif.boundTo());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark goes away
            }
        }
    }

    /**
     * {@value #WARM_UP_ROUNDS} rounds over a sample of {@value #WARM_UP_DEVICES} devices of each kind (ONVIF with and
     * without snapshots), at most 256 in flight. A sample, not the fleet: the warm-up's kept-alive connections stay
     * open in this JVM until they idle out, and the fleet already holds most of the open-file limit.
     */
    private static void warmUp(Fleet fleet) {
        Fleet sample = new Fleet(Math.min(fleet.onvif(), WARM_UP_DEVICES), Math.min(fleet.snmp(), WARM_UP_DEVICES),
                Math.min(fleet.tcp(), WARM_UP_DEVICES));
        List<ProbeTarget> targets = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            targets.addAll(sample.mixedTargets(false));
            targets.addAll(sample.onvifTargets(sample.onvif(), true));
        }
        Semaphore inFlight = new Semaphore(256);
        try (StandardProbers probers = StandardProbers.open(OnvifClient.LOOPBACK_ONLY)) {
            List<CompletableFuture<?>> all = new ArrayList<>(targets.size());
            for (ProbeTarget t : targets) {
                inFlight.acquireUninterruptibly();
                all.add(probers.registry().forMethod(t.method()).probe(t).whenComplete((r, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
    }
}
