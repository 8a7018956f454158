package org.xueliang.tracker.agent.sim;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.xueliang.tracker.agent.onvif.OnvifClient;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.onvif.SnapshotCheck;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Secrets;

/** Probe targets and probers for simulator tests; every prober here obeys the loopback-only network rule. */
final class SimTargets {

    static final String USER = "admin";
    static final String PASSWORD = "Xl-Sim#2026";
    private static final AtomicLong IDS = new AtomicLong(1000);

    private SimTargets() {
    }

    static OnvifProber loopbackProber() {
        return new OnvifProber(OnvifClient.LOOPBACK_ONLY, new SnapshotCheck());
    }

    static ProbeTarget target(InetAddress addr, int port, Duration timeout, String... settings) {
        return target(IDS.incrementAndGet(), addr, port, timeout, PASSWORD, settings);
    }

    static ProbeTarget target(long id, InetAddress addr, int port, Duration timeout, String password, String... settings) {
        Map<String, String> s = new HashMap<>();
        for (int i = 0; i + 1 < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        return new ProbeTarget(id, Method.ONVIF, addr.getHostAddress(), port, timeout, s, Secrets.onvif(USER, password));
    }
}
