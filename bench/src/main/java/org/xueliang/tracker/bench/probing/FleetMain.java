package org.xueliang.tracker.bench.probing;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xueliang.tracker.agent.sim.OnvifSimulator;
import org.xueliang.tracker.agent.sim.SimulatedCamera;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;

/**
 * The simulated fleet in its own JVM (so that the agent's sockets and the devices' sockets do not share one
 * open-file limit): {@code FleetMain ONVIF SNMP TCP}. Prints {@code READY} when every device listens and serves
 * until its standard input closes (the benchmark holds the other end, so the fleet never outlives it).
 */
public final class FleetMain {

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
            System.out.println("READY " + fleet + " onvif on " + onvif.boundTo());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark goes away
            }
        }
    }
}
