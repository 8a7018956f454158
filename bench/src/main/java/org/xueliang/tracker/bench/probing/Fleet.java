package org.xueliang.tracker.bench.probing;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;

/**
 * The simulated fleet's layout, known to both processes: ONVIF cameras on 127.30.x.y (one HTTP socket on
 * {@link #ONVIF_PORT} for all), SNMP agents on 127.31.x.y:{@link #SNMP_PORT} (one UDP socket each), TCP devices on
 * 127.32.x.y:{@link #TCP_PORT} (one listener each). Ports are below the ephemeral range so that no client socket
 * can hold them.
 */
record Fleet(int onvif, int snmp, int tcp) {

    static final InetAddress ONVIF_BASE = LoopbackAddresses.parse("127.30.0.1");
    static final InetAddress SNMP_BASE = LoopbackAddresses.parse("127.31.0.1");
    static final InetAddress TCP_BASE = LoopbackAddresses.parse("127.32.0.1");
    static final int ONVIF_PORT = 28000;
    static final int SNMP_PORT = 28161;
    static final int TCP_PORT = 28554;
    static final String USER = "admin";
    static final String PASSWORD = "bench-pass";
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** {@code total} devices in thirds (ONVIF gets the remainder). */
    static Fleet ofTotal(int total) {
        return new Fleet(total - 2 * (total / 3), total / 3, total / 3);
    }

    int total() {
        return onvif + snmp + tcp;
    }

    static List<InetAddress> addresses(InetAddress base, int n) {
        List<InetAddress> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(LoopbackAddresses.nth(base, i));
        }
        return out;
    }

    /** The ONVIF cameras' targets; {@code snapshot=false} stops after GetDeviceInformation (2 SOAP exchanges). */
    List<ProbeTarget> onvifTargets(int n, boolean snapshot) {
        List<ProbeTarget> out = new ArrayList<>(n);
        for (InetAddress a : addresses(ONVIF_BASE, Math.min(n, onvif))) {
            out.add(new ProbeTarget(1_000_000 + out.size(), Method.ONVIF, a.getHostAddress(), ONVIF_PORT, TIMEOUT,
                    Map.of(OnvifProber.SNAPSHOT, Boolean.toString(snapshot)), Secrets.onvif(USER, PASSWORD)));
        }
        return out;
    }

    /** One v2c GET per agent (system group, no uplinks configured). */
    List<ProbeTarget> snmpTargets() {
        List<ProbeTarget> out = new ArrayList<>(snmp);
        for (InetAddress a : addresses(SNMP_BASE, snmp)) {
            out.add(new ProbeTarget(2_000_000 + out.size(), Method.SNMP, a.getHostAddress(), SNMP_PORT, TIMEOUT,
                    Map.of(), Secrets.community("public")));
        }
        return out;
    }

    /** TCP connect, closed at once. */
    List<ProbeTarget> tcpTargets() {
        List<ProbeTarget> out = new ArrayList<>(tcp);
        for (InetAddress a : addresses(TCP_BASE, tcp)) {
            out.add(new ProbeTarget(3_000_000 + out.size(), Method.TCP, a.getHostAddress(), TCP_PORT, TIMEOUT,
                    Map.of(), Secrets.NONE));
        }
        return out;
    }

    /** Every device once, interleaved (ONVIF, SNMP, TCP, ONVIF, …) as a real assignment mixes them. */
    List<ProbeTarget> mixedTargets(boolean snapshot) {
        List<List<ProbeTarget>> parts = List.of(onvifTargets(onvif, snapshot), snmpTargets(), tcpTargets());
        List<ProbeTarget> out = new ArrayList<>(total());
        for (int i = 0; out.size() < total(); i++) {
            for (List<ProbeTarget> p : parts) {
                if (i < p.size()) {
                    out.add(p.get(i));
                }
            }
        }
        return out;
    }
}
