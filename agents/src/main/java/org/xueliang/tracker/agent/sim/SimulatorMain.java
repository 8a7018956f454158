package org.xueliang.tracker.agent.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;

/**
 * Command line of the ONVIF simulator.
 * <pre>
 *   --onvif-recording DIR --listen 127.0.0.1:PORT      replay one recorded camera
 *   --cameras N --base 127.21.0.1 --port P [--user admin] --password X   a synthetic fleet
 *   either, plus --discovery 127.0.0.1:3702     a WS-Discovery responder (unicast, loopback) for those cameras
 * </pre>
 * Prints what it serves and runs until SIGINT/SIGTERM.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        OnvifSimulator sim;
        try {
            sim = start(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stop.countDown();
        }, "onvif-sim-stop"));
        stop.await();
    }

    /** Parses the arguments, starts the simulator and describes it on {@code out}. */
    public static OnvifSimulator start(String[] args, PrintStream out) throws IOException {
        Map<String, String> a = parse(args);
        if (a.containsKey("onvif-recording")) {
            InetSocketAddress listen = listenAddress("--listen", a.getOrDefault("listen", "127.0.0.1:0"));
            InetAddress addr = listen.getAddress();
            RecordedCamera cam = new RecordedCamera(addr, Path.of(a.get("onvif-recording")));
            OnvifSimulator sim = OnvifSimulator.start(List.of(cam), listen.getPort());
            out.println("ONVIF recording " + cam.dir() + " on http://" + addr.getHostAddress() + ":" + sim.port()
                    + "/onvif/device_service");
            return withDiscovery(a, sim, List.of(cam), out);
        }
        if (a.containsKey("cameras")) {
            int n = Integer.parseInt(a.get("cameras"));
            String password = a.get("password");
            if (password == null) {
                throw new IllegalArgumentException("--cameras needs --password");
            }
            List<InetAddress> addrs = addresses(loopback(a.getOrDefault("base", "127.21.0.1")), n);
            List<SimulatedCamera> cams = new ArrayList<>();
            for (InetAddress ad : addrs) {
                cams.add(SimulatedCamera.standard(ad, a.getOrDefault("user", "admin"), password));
            }
            OnvifSimulator sim = OnvifSimulator.start(cams, Integer.parseInt(a.getOrDefault("port", "0")));
            out.println(n + " ONVIF cameras on " + addrs.get(0).getHostAddress() + " .. "
                    + addrs.get(addrs.size() - 1).getHostAddress() + " port " + sim.port() + " (one socket bound to "
                    + sim.boundTo() + "), user " + a.getOrDefault("user", "admin"));
            return withDiscovery(a, sim, cams, out);
        }
        throw new IllegalArgumentException("give --onvif-recording DIR or --cameras N");
    }

    private static OnvifSimulator withDiscovery(Map<String, String> a, OnvifSimulator sim, List<? extends SimCamera> cams,
                                                PrintStream out) throws IOException {
        String listen = a.get("discovery");
        if (listen == null) {
            return sim;
        }
        WsDiscoveryResponder responder;
        try {
            responder = WsDiscoveryResponder.start(listenAddress("--discovery", listen), cams, sim.port());
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        sim.alsoClose(responder);
        out.println("WS-Discovery responder for " + cams.size() + " camera(s) on udp://"
                + responder.address().getAddress().getHostAddress() + ":" + responder.address().getPort());
        return sim;
    }

    private static InetSocketAddress listenAddress(String option, String listen) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " wants ADDRESS:PORT, got " + listen);
        }
        return new InetSocketAddress(loopback(listen.substring(0, colon)), Integer.parseInt(listen.substring(colon + 1)));
    }

    static String usage() {
        return "usage: SimulatorMain --onvif-recording DIR --listen 127.0.0.1:PORT\n"
                + "       SimulatorMain --cameras N --base 127.21.0.1 --port P [--user admin] --password X\n"
                + "       either with --discovery 127.0.0.1:3702 (WS-Discovery responder, unicast on loopback)";
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    static InetAddress loopback(String literal) {
        return LoopbackAddresses.parse(literal);
    }

    /** {@code n} consecutive addresses from {@code base}, skipping .0 and .255 host parts, all inside 127/8. */
    public static List<InetAddress> addresses(InetAddress base, int n) {
        List<InetAddress> out = new ArrayList<>(n);
        InetAddress next = LoopbackAddresses.nth(base, 0);
        while (out.size() < n) {
            out.add(next);
            next = LoopbackAddresses.nth(next, 1);
        }
        return out;
    }
}
