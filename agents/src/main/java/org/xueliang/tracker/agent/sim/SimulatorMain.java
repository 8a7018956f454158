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
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;

/**
 * Command line of the device simulator ({@code java -jar agents/target/xueliang-simulator.jar}), one
 * entry for every kind of simulated device; everything stays on 127.0.0.0/8.
 * <pre>
 *   [onvif] --onvif-recording DIR --listen 127.0.0.1:PORT      replay one recorded camera
 *   [onvif] --cameras N --base 127.21.0.1 --port P [--user admin] --password X   a synthetic fleet
 *           either, plus --discovery 127.0.0.1:3702     a WS-Discovery responder (unicast, loopback) for those cameras
 *           and any number of --fault INDEX=KIND, KIND: down | flapping[-SECONDS] | auth | black | frozen | blurred | cast | occluded | dark
 *           | still (one frame re-encoded: 画面冻结 on schedule) | turned (the view moved: 场景变更 against a reference)
 *           | slow[-MILLIS] | drift-SECONDS (negative: behind) | reboot-every-SECONDS (down for 20 s each time)
 *           | record-gaps[-MINUTES] (a recording gap every 6 h, 30 min by default) | retention-DAYS (oldest
 *           recording, 31 by default) | no-recording-search (no Profile G)
 *   snmp    the SNMP agents: see {@link org.xueliang.tracker.agent.sim.snmp.SnmpSimulatorMain}
 *   tcp     --devices N --base 127.23.0.1 --port P [--kind tcp|rtsp] [--fault INDEX=down|silent|auth]
 *   gb28181 --server 127.0.0.1:PORT --server-id ID20 --domain ID10 --ipcs N [--nvrs M --channels K]
 *           --base-code CODE20 --password X [--transport udp|tcp] [--keepalive-seconds S]
 *           [--fault INDEX=KIND]…, KIND: stop-keepalive[-AFTER_S] | wrong-password | vlost=CHANNEL[@AFTER_S]
 *           | drift-SECONDS | record-gaps[-MINUTES] | slow-catalog-MS | partial-catalog
 *           GB/T 28181 IPCs and NVRs registering to a platform, all on one SIP socket; Expires 0 when stopped.
 *           Everything else: {@link org.xueliang.tracker.agent.sim.gb.GbSimulatorMain}
 * </pre>
 * Prints what it serves and runs until SIGINT/SIGTERM.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("snmp")) {
            org.xueliang.tracker.agent.sim.snmp.SnmpSimulatorMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        AutoCloseable sim;
        try {
            if (args.length > 0 && args[0].equals("gb28181")) {
                String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
                org.xueliang.tracker.agent.sim.gb.GbSimulator gb = org.xueliang.tracker.agent.sim.gb.GbSimulatorMain.start(rest, System.out);
                var reporter = org.xueliang.tracker.agent.sim.gb.GbSimulatorMain.report(gb, System.out,
                        org.xueliang.tracker.agent.sim.gb.GbSimulatorMain.reportSeconds(rest));
                sim = () -> {
                    reporter.shutdownNow();
                    gb.close();
                };
            } else if (args.length > 0 && args[0].equals("tcp")) {
                sim = startTcp(java.util.Arrays.copyOfRange(args, 1, args.length), System.out);
            } else {
                sim = start(args.length > 0 && args[0].equals("onvif") ? java.util.Arrays.copyOfRange(args, 1, args.length) : args,
                        System.out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sim.close();
            } catch (Exception ignored) {
                // the JVM is ending anyway
            }
            stop.countDown();
        }, "sim-stop"));
        stop.await();
    }

    /** The TCP/RTSP devices: parses the arguments, starts them and lists them on {@code out}. */
    public static TcpDeviceSimulator startTcp(String[] args, PrintStream out) throws IOException {
        Map<String, String> a = parse(args, null);
        List<String> faults = new ArrayList<>();
        parse(args, faults);
        int n = Integer.parseInt(a.getOrDefault("devices", "1"));
        TcpDeviceSimulator.Kind kind = TcpDeviceSimulator.Kind.valueOf(a.getOrDefault("kind", "tcp").toUpperCase(java.util.Locale.ROOT));
        TcpDeviceSimulator sim = new TcpDeviceSimulator();
        List<TcpDeviceSimulator.Device> devices;
        try {
            devices = sim.addFleet(kind, n, loopback(a.getOrDefault("base", "127.23.0.1")),
                    Integer.parseInt(a.getOrDefault("port", kind == TcpDeviceSimulator.Kind.RTSP ? "8554" : "8080")));
            for (String f : faults) {
                int eq = f.indexOf('=');
                TcpDeviceSimulator.Device d = devices.get(index(f, eq, devices.size()));
                d.fault(switch (f.substring(eq + 1).toLowerCase(java.util.Locale.ROOT)) {
                    case "down" -> TcpDeviceSimulator.Fault.DOWN;
                    case "silent" -> TcpDeviceSimulator.Fault.SILENT;
                    case "auth" -> TcpDeviceSimulator.Fault.AUTH_REQUIRED;
                    default -> throw new IllegalArgumentException("unknown TCP fault in " + f + " (down, silent, auth)");
                });
            }
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        out.println(n + " " + kind + " devices on " + devices.get(0).host() + " .. " + devices.get(devices.size() - 1).host()
                + " port " + devices.get(0).port() + faultsLine(faults));
        return sim;
    }

    private static String faultsLine(List<String> faults) {
        return faults.isEmpty() ? "" : ", faults " + String.join(" ", faults);
    }

    private static int index(String spec, int eq, int size) {
        if (eq < 1) {
            throw new IllegalArgumentException("--fault wants INDEX=KIND, got " + spec);
        }
        int i = Integer.parseInt(spec.substring(0, eq));
        if (i < 0 || i >= size) {
            throw new IllegalArgumentException("--fault " + spec + ": index out of 0.." + (size - 1));
        }
        return i;
    }

    /** One camera's scripted fault from the command line (see the class comment). */
    static void applyFault(CameraFaults f, String kind) {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        if (k.equals("down")) {
            f.set(CameraFaults.Fault.DOWN);
        } else if (k.equals("flapping") || k.startsWith("flapping-")) {
            f.set(CameraFaults.Fault.FLAPPING);
            if (k.startsWith("flapping-")) {
                f.flapPeriod(java.time.Duration.ofSeconds(Long.parseLong(k.substring("flapping-".length()))));
            }
        } else if (k.equals("auth")) {
            f.set(CameraFaults.Fault.AUTH_FAILURE);
        } else if (k.equals("black")) {
            f.set(CameraFaults.Fault.BLACK_VIDEO);
        } else if (k.equals("frozen")) {
            f.set(CameraFaults.Fault.FROZEN_VIDEO);
        } else if (k.equals("blurred")) {
            f.set(CameraFaults.Fault.BLURRED_VIDEO);
        } else if (k.equals("cast")) {
            f.set(CameraFaults.Fault.COLOR_CAST_VIDEO);
        } else if (k.equals("occluded")) {
            f.set(CameraFaults.Fault.OCCLUDED_VIDEO);
        } else if (k.equals("dark")) {
            f.set(CameraFaults.Fault.DARK_VIDEO);
        } else if (k.equals("still")) {
            f.set(CameraFaults.Fault.STILL_VIDEO);
        } else if (k.equals("turned")) {
            f.set(CameraFaults.Fault.TURNED_VIDEO);
        } else if (k.equals("slow") || k.startsWith("slow-")) {
            f.set(CameraFaults.Fault.SLOW);
            if (k.startsWith("slow-")) {
                f.slowDelay(java.time.Duration.ofMillis(Long.parseLong(k.substring("slow-".length()))));
            }
        } else if (k.equals("record-gaps") || k.startsWith("record-gaps-")) {
            f.set(CameraFaults.Fault.RECORDING_GAPS);
            if (k.startsWith("record-gaps-")) {
                f.recordingGaps(java.time.Duration.ofHours(6),
                        java.time.Duration.ofMinutes(Long.parseLong(k.substring("record-gaps-".length()))));
            }
        } else if (k.startsWith("retention-")) {
            f.retention(java.time.Duration.ofDays(Long.parseLong(k.substring("retention-".length()))));
        } else if (k.equals("no-recording-search")) {
            f.set(CameraFaults.Fault.NO_RECORDING_SEARCH);
        } else if (k.startsWith("drift-")) {
            f.clockDrift(java.time.Duration.ofSeconds(Long.parseLong(k.substring("drift-".length()))));
        } else if (k.startsWith("reboot-every-")) {
            long every = Long.parseLong(k.substring("reboot-every-".length()));
            Thread t = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(every * 1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    f.reboot(java.time.Instant.now(), java.time.Duration.ofSeconds(20));
                }
            }, "camera-reboots");
            t.setDaemon(true);
            t.start();
        } else {
            throw new IllegalArgumentException("unknown camera fault " + kind
                    + " (down, flapping[-S], auth, black, frozen, blurred, cast, occluded, dark, still, turned, slow[-MS], drift-S, reboot-every-S, record-gaps[-MIN],"
                    + " retention-DAYS, no-recording-search)");
        }
    }

    /** Parses the arguments, starts the simulator and describes it on {@code out}. */
    public static OnvifSimulator start(String[] args, PrintStream out) throws IOException {
        Map<String, String> a = parse(args, null);
        List<String> faults = new ArrayList<>();
        parse(args, faults);
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
            for (String f : faults) {
                int eq = f.indexOf('=');
                applyFault(cams.get(index(f, eq, cams.size())).faults(), f.substring(eq + 1));
            }
            OnvifSimulator sim = OnvifSimulator.start(cams, Integer.parseInt(a.getOrDefault("port", "0")));
            out.println(n + " ONVIF cameras on " + addrs.get(0).getHostAddress() + " .. "
                    + addrs.get(addrs.size() - 1).getHostAddress() + " port " + sim.port() + " (one socket bound to "
                    + sim.boundTo() + "), user " + a.getOrDefault("user", "admin") + faultsLine(faults));
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
        return "usage: SimulatorMain [onvif] --onvif-recording DIR --listen 127.0.0.1:PORT\n"
                + "       SimulatorMain [onvif] --cameras N --base 127.21.0.1 --port P [--user admin] --password X"
                + " [--fault INDEX=down|flapping[-S]|auth|black|frozen|blurred|cast|occluded|dark|still|turned|slow[-MS]|drift-S|reboot-every-S|record-gaps[-MIN]|retention-D|no-recording-search]...\n"
                + "       either with --discovery 127.0.0.1:3702 (WS-Discovery responder, unicast on loopback)\n"
                + "       SimulatorMain snmp --agents N --base 127.22.0.1 --port P [--snmprec DIR] [--fault INDEX=KIND]...\n"
                + "       SimulatorMain tcp --devices N --base 127.23.0.1 --port P [--kind tcp|rtsp] [--fault INDEX=down|silent|auth]...\n"
                + org.xueliang.tracker.agent.sim.gb.GbSimulatorMain.usage();
    }

    /** Options as a map; every --fault value goes to {@code faults} when given (they repeat). Every subcommand's parser. */
    public static Map<String, String> parse(String[] args, List<String> faults) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            String value = args[++i];
            if (key.equals("fault")) {
                if (faults != null) {
                    faults.add(value);
                }
            } else {
                m.put(key, value);
            }
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
