package org.xueliang.tracker.agent.sim.gb;

import org.xueliang.tracker.agent.sim.SimulatorMain;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sip.SipException;

/**
 * {@code xueliang-simulator.jar gb28181 …}: a fleet of GB/T 28181 IPCs and NVRs registering to a platform.
 * <pre>
 *   --server 127.0.0.1:5060        the platform (loopback only)
 *   --server-id 14082400002000000001 --domain 1408240000
 *   --ipcs N --nvrs M --channels K  the fleet (codes: see {@link GbFleet})
 *   --base-code 14082400111320000001   --password X
 *   [--transport udp|tcp] (udp)  [--keepalive-seconds 60]  [--expires 3600]
 *   [--listen 127.0.0.1:0]  where the devices' one SIP socket listens (0: a free port)
 *   [--register-window 200] REGISTERs in flight at most   [--retry-seconds 30]
 *   [--report-seconds 10]  a progress line this often (0: none)
 *   [--fault INDEX=KIND]…  KIND: stop-keepalive[-AFTER_S] | wrong-password | vlost=CHANNEL[@AFTER_S]
 *                          | drift-SECONDS | record-gaps[-MINUTES] | slow-catalog-MS | partial-catalog
 * </pre>
 * Prints one line on start ({@code gb28181: N devices …}), {@code gb28181: all N registered in MS ms} once every
 * device holds a registration, and the progress lines; on SIGINT/SIGTERM it unregisters every device (Expires 0).
 */
public final class GbSimulatorMain {

    private static final Set<String> KNOWN = Set.of("server", "server-id", "domain", "ipcs", "nvrs", "channels", "base-code",
            "password", "transport", "keepalive-seconds", "expires", "listen", "register-window", "retry-seconds",
            "report-seconds", "zone");

    private GbSimulatorMain() {
    }

    public static String usage() {
        return "       SimulatorMain gb28181 --server 127.0.0.1:PORT --server-id ID20 --domain ID10 --ipcs N [--nvrs M --channels K]\n"
                + "                 --base-code CODE20 --password X [--transport udp|tcp] [--keepalive-seconds 60] [--expires 3600]\n"
                + "                 [--listen 127.0.0.1:0] [--register-window 200] [--retry-seconds 30] [--report-seconds 10]\n"
                + "                 [--zone ZONE (the devices' wall clock, as the platform's XL_TIMEZONE; default this JVM's)]\n"
                + "                 [--fault INDEX=" + GbFaults.KINDS.replace(", ", "|") + "]...";
    }

    /** Parses the arguments, starts the fleet and describes it on {@code out}; the caller closes it. */
    public static GbSimulator start(String[] args, PrintStream out) throws SipException {
        List<String> faultSpecs = new ArrayList<>();
        Map<String, String> a = SimulatorMain.parse(args, faultSpecs);
        a.keySet().stream().filter(key -> !KNOWN.contains(key)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown option --" + key);
        });
        Map<Integer, List<String>> faults = new LinkedHashMap<>();
        for (String value : faultSpecs) {
            int eq = value.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--fault wants INDEX=KIND, got " + value);
            }
            faults.computeIfAbsent(number(value.substring(0, eq), "--fault index"), k -> new ArrayList<>())
                    .add(value.substring(eq + 1));
        }
        String server = required(a, "server");
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--server wants ADDRESS:PORT, got " + server);
        }
        String listen = a.getOrDefault("listen", "127.0.0.1:0");
        int listenColon = listen.lastIndexOf(':');
        if (listenColon < 0) {
            throw new IllegalArgumentException("--listen wants ADDRESS:PORT, got " + listen);
        }
        GbSimulator.Options options = new GbSimulator.Options(server.substring(0, colon),
                number(server.substring(colon + 1), "--server port"), required(a, "server-id"), required(a, "domain"),
                a.getOrDefault("transport", "udp"), Duration.ofSeconds(number(a.getOrDefault("keepalive-seconds", "60"), "--keepalive-seconds")),
                number(a.getOrDefault("expires", "3600"), "--expires"), listen.substring(0, listenColon),
                number(listen.substring(listenColon + 1), "--listen port"),
                number(a.getOrDefault("register-window", "200"), "--register-window"),
                Duration.ofSeconds(number(a.getOrDefault("retry-seconds", "30"), "--retry-seconds")), Charset.forName("GB18030"));
        GbFleet.Spec spec = new GbFleet.Spec(required(a, "base-code"), number(a.getOrDefault("ipcs", "0"), "--ipcs"),
                number(a.getOrDefault("nvrs", "0"), "--nvrs"), number(a.getOrDefault("channels", "0"), "--channels"),
                required(a, "password"));
        ZoneId zone;
        try {
            zone = ZoneId.of(a.getOrDefault("zone", ZoneId.systemDefault().getId()));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--zone wants a time zone such as Asia/Shanghai, got " + a.get("zone"));
        }
        List<GbSimDevice> fleet = GbFleet.build(spec, faults, zone, Instant.now());
        GbSimulator sim = GbSimulator.start(options, fleet);
        out.println("gb28181: " + fleet.size() + " devices (" + spec.ipcs() + " IPCs, " + spec.nvrs() + " NVRs × " + spec.channels()
                + " channels) from " + fleet.get(0).code() + " on " + options.listenHost() + ":" + sim.port() + "/"
                + options.transport() + " → " + server + ", keepalive " + options.keepalive().toSeconds() + " s"
                + (faults.isEmpty() ? "" : ", faults " + faults));
        out.flush();
        return sim;
    }

    /**
     * Prints the "all registered" line as soon as it is true and a progress line every {@code seconds}; the returned
     * executor is shut down by the caller.
     */
    public static ScheduledExecutorService report(GbSimulator sim, PrintStream out, int seconds) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gb-sim-report");
            t.setDaemon(true);
            return t;
        });
        boolean[] announced = {false};
        long[] last = {System.nanoTime()};
        s.scheduleAtFixedRate(() -> {
            GbSimulator.Stats st = sim.stats();
            if (!announced[0] && st.allRegisteredMillis() >= 0) {
                announced[0] = true;
                out.println("gb28181: all " + st.devices() + " registered in " + st.allRegisteredMillis() + " ms");
            }
            if (seconds > 0 && System.nanoTime() - last[0] >= TimeUnit.SECONDS.toNanos(seconds)) {
                last[0] = System.nanoTime();
                out.println("gb28181: registered " + st.registered() + "/" + st.devices() + ", keepalives " + st.keepalivesOk()
                        + "/" + st.keepalivesSent() + " answered, refused " + st.refused() + ", query answers " + st.queriesAnswered()
                        + ", notifies " + st.notifies());
            }
            out.flush();
        }, 200, 200, TimeUnit.MILLISECONDS);
        return s;
    }

    public static int reportSeconds(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--report-seconds")) {
                return number(args[i + 1], "--report-seconds");
            }
        }
        return 10;
    }

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return v;
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: " + text);
        }
    }
}
