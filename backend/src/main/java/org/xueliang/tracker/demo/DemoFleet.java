package org.xueliang.tracker.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OctetString;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.sim.CameraFaults;
import org.xueliang.tracker.agent.sim.OnvifSimulator;
import org.xueliang.tracker.agent.sim.SimulatedCamera;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;
import org.xueliang.tracker.agent.sim.snmp.SimulatedSnmpAgent;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;
import org.xueliang.tracker.agent.sim.snmp.SnmpFault;
import org.xueliang.tracker.ledger.DeviceRoster;
import org.xueliang.tracker.ledger.ProbeMethod;
import org.xueliang.tracker.shared.PortCheck;

/**
 * The simulated devices of demo mode, in-process: one ONVIF camera per ONVIF device (one
 * {@link OnvifSimulator} socket for all of them), one SNMP agent per SNMP device (synthetic recording, with
 * sysDescr and sysName from the ledger), one TCP/RTSP listener per TCP/RTSP device, each on the
 * device's own loopback address. Only devices on 127.0.0.0/8 are served.
 *
 * <p>Ports: a configured port ({@code XL_DEMO_ONVIF_PORT}, {@code XL_DEMO_SNMP_PORT},
 * {@code XL_DEMO_TCP_PORT_OFFSET} + the device's port) is bound or the start fails naming it
 * ({@link DemoPortInUse}); unset (0), each simulator takes the port of the last start when it is still
 * free, else any free port. Then {@link DemoProbeSettings#apply} points the devices at the ports bound
 * this start, so nothing stored from an earlier start (another machine, a port taken since) can break
 * this one.
 *
 * <p>Scripted faults, chosen deterministically by position in asset-tag order (docs/DEMO.md lists
 * what that gives for the reference data): ONVIF cameras #3 flapping (4 min up, 4 min down), #7
 * rejecting the credentials (DEGRADED AUTH_FAILED), #11 with its clock 10 minutes ahead (DEGRADED
 * CLOCK_DRIFT), #15 with frozen video (DEGRADED FROZEN_VIDEO), #9/#13/#17 serving blurred/colour-cast/occluded
 * pictures (DEGRADED VQD_FAULT after their first picture check, docs/VQD.md), #19 reporting a firmware newer than the
 * ledger's (an inventory discrepancy, still UP); the last TCP device of the splice-screen kind (else
 * the last TCP device) refusing connections (DOWN); the last SNMP switch (else the last SNMP device)
 * going silent for 2 minutes and coming back with sysUpTime reset, 5 minutes after start and every
 * 20 minutes after that (a DOWN and a reboot).
 *
 * <p>A {@link SmartLifecycle} that starts before the web server and the embedded agent (lower phase)
 * and stops after them, so a configured port that is taken stops the start before anything is served.
 * On the very first start the devices exist only after seeding, so {@link DemoSetup} calls
 * {@link #reload()} then.
 */
@Component
@ConditionalOnBooleanProperty("xl.demo")
class DemoFleet implements SmartLifecycle {

    /**
     * Before the web server (it starts at {@code DEFAULT_PHASE - 2048}) and the embedded agent
     * ({@code DEFAULT_PHASE - 1}): the devices must be there before the agent probes them.
     */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    /** The probe methods the fleet has simulators for (ICMP needs none: loopback always answers). */
    private static final List<ProbeMethod> SIMULATED = List.of(ProbeMethod.ONVIF, ProbeMethod.SNMP, ProbeMethod.TCP, ProbeMethod.RTSP);
    /** A port of an earlier start is reused only above the privileged range (a reference port such as 80 is not). */
    static final int FIRST_UNPRIVILEGED_PORT = 1024;
    static final Duration FLAP_PERIOD = Duration.ofMinutes(4);
    static final Duration CLOCK_DRIFT = Duration.ofMinutes(10);
    static final Duration REBOOT_FIRST = Duration.ofMinutes(5);
    static final Duration REBOOT_EVERY = Duration.ofMinutes(20);
    static final Duration REBOOT_SILENCE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);

    /** One device as the fleet sees it. */
    record SimDevice(long id, String assetTag, String category, String vendor, String model, String firmware, String serial,
                     String method, String host, int port) {
    }

    /** The scripted faults, for the log, the docs and the tests: asset tag → what it does. */
    private final Map<String, String> scripted = new LinkedHashMap<>();
    private final DeviceRoster roster;
    private final DemoProbeSettings settings;
    private final int onvifPort;
    private final int snmpPort;
    private final int tcpPortOffset;
    private final long flapMillis;
    private final List<OnvifSimulator> onvif = new ArrayList<>();
    private SnmpAgentSimulator snmp;
    private TcpDeviceSimulator tcp;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    DemoFleet(DeviceRoster roster, DemoProbeSettings settings, @Value("${xl.demo.flap-period:PT4M}") Duration flapPeriod,
              @Value("${xl.demo.onvif-port:0}") int onvifPort, @Value("${xl.demo.snmp-port:0}") int snmpPort,
              @Value("${xl.demo.tcp-port-offset:0}") int tcpPortOffset) {
        this.roster = roster;
        this.settings = settings;
        this.flapMillis = flapPeriod.toMillis();
        this.onvifPort = onvifPort;
        this.snmpPort = snmpPort;
        this.tcpPortOffset = tcpPortOffset;
    }

    @Override
    public synchronized void start() {
        serveAndPoint();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Serves the devices as they are now (after seeding) and points them at this start's ports. */
    synchronized void reload() {
        close();
        serveAndPoint();
    }

    private void serveAndPoint() {
        settings.apply(serve(devices()));
    }

    synchronized Map<String, String> scripted() {
        return Map.copyOf(scripted);
    }

    List<SimDevice> devices() {
        return roster.probedInOperation(SIMULATED).stream().map(d -> new SimDevice(d.id(), d.assetTag(), d.category(),
                        d.vendor(), d.model(), d.firmware(), d.serialNumber(), d.method().name(), d.host(),
                        d.port() == null ? 0 : d.port()))
                .filter(d -> DemoProbeSettings.isLoopback(d.host()) && d.port() > 0).toList();
    }

    /** Starts the simulators; returns the port each device is served on (device id → port). */
    private Map<Long, Integer> serve(List<SimDevice> all) {
        scripted.clear();
        Map<Long, Integer> ports = new LinkedHashMap<>();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-fleet-faults");
            t.setDaemon(true);
            return t;
        });
        try {
            serveCameras(all.stream().filter(d -> d.method().equals("ONVIF")).toList(), ports);
        } catch (IOException e) {
            throw new UncheckedIOException("Demo mode: cannot start the ONVIF simulator: " + e.getMessage(), e);
        }
        serveSnmp(all.stream().filter(d -> d.method().equals("SNMP")).toList(), ports);
        serveTcp(all.stream().filter(d -> d.method().equals("TCP") || d.method().equals("RTSP")).toList(), ports);
        log.info("Demo fleet: {} simulated devices on loopback; scripted faults {}", all.size(), scripted);
        return ports;
    }

    private void serveCameras(List<SimDevice> cams, Map<Long, Integer> ports) throws IOException {
        if (cams.isEmpty()) {
            return;
        }
        List<SimulatedCamera> simulated = new ArrayList<>();
        for (int i = 0; i < cams.size(); i++) {
            SimDevice d = cams.get(i);
            String firmware = i == 18 ? "V5.7.9 build 230815" : d.firmware();
            SimulatedCamera cam = new SimulatedCamera(InetAddress.getByName(d.host()), new SimulatedCamera.Identity(
                    nonNull(d.vendor(), "Xueliang Sim"), nonNull(d.model(), "XL-IPC-2000"), nonNull(firmware, "V1.0.0"),
                    nonNull(d.serial(), "SIM-" + d.id()), d.assetTag()), DemoProbeSettings.ONVIF_USER, DemoProbeSettings.ONVIF_PASSWORD);
            switch (i) {
                case 2 -> script(d, "FLAPPING every " + Duration.ofMillis(flapMillis).toMinutes() + " min",
                        cam.faults().flapPeriod(Duration.ofMillis(flapMillis)).set(CameraFaults.Fault.FLAPPING));
                case 4 -> script(d, "recording gaps, kept 12 days", cam.faults().set(CameraFaults.Fault.RECORDING_GAPS).retention(Duration.ofDays(12)));
                case 6 -> script(d, "AUTH_FAILURE", cam.faults().set(CameraFaults.Fault.AUTH_FAILURE));
                case 8 -> script(d, "picture BLURRED (VQD)", cam.faults().set(CameraFaults.Fault.BLURRED_VIDEO));
                case 10 -> script(d, "clock drift +10 min", cam.faults().clockDrift(CLOCK_DRIFT));
                case 12 -> script(d, "picture COLOR_CAST (VQD)", cam.faults().set(CameraFaults.Fault.COLOR_CAST_VIDEO));
                case 16 -> script(d, "picture OCCLUDED (VQD)", cam.faults().set(CameraFaults.Fault.OCCLUDED_VIDEO));
                case 14 -> script(d, "FROZEN_VIDEO", cam.faults().set(CameraFaults.Fault.FROZEN_VIDEO));
                case 18 -> scripted.put(d.assetTag(), "reports firmware " + firmware + " (ledger: " + d.firmware() + ")");
                default -> { }
            }
            simulated.add(cam);
        }
        // one socket for every camera (routed by local address), on the port all of them had last start
        OnvifSimulator server = bind(onvifPort, cams.get(0).port(), PortCheck.ANY_ADDRESS, false, "XL_DEMO_ONVIF_PORT",
                "xl.demo.onvif-port", port -> OnvifSimulator.start(simulated, port));
        onvif.add(server);
        cams.forEach(d -> ports.put(d.id(), server.port()));
    }

    private void serveSnmp(List<SimDevice> agents, Map<Long, Integer> ports) {
        if (agents.isEmpty()) {
            return;
        }
        snmp = new SnmpAgentSimulator();
        var recording = SnmpAgentSimulator.synthetic();
        SimDevice rebooting = lastOf(agents, "SWITCH");
        for (SimDevice d : agents) {
            SimulatedSnmpAgent agent = bind(snmpPort, d.port(), d.host(), true, "XL_DEMO_SNMP_PORT", "xl.demo.snmp-port",
                    port -> snmp.add(InetAddress.getByName(d.host()), port, recording));
            ports.put(d.id(), agent.address().getPort());
            String descr = String.join(" ", nonNull(d.vendor(), ""), nonNull(d.model(), ""), nonNull(d.firmware(), "")).trim();
            agent.set("1.3.6.1.2.1.1.1.0", utf8(descr.isEmpty() ? "Xueliang simulated agent" : descr));
            agent.set("1.3.6.1.2.1.1.5.0", utf8(d.assetTag().toLowerCase(java.util.Locale.ROOT)));
            agent.set("1.3.6.1.2.1.1.6.0", utf8("demo simulator"));
            if (d == rebooting) {
                scripted.put(d.assetTag(), "silent " + REBOOT_SILENCE.toMinutes() + " min then sysUpTime reset, first after "
                        + REBOOT_FIRST.toMinutes() + " min, every " + REBOOT_EVERY.toMinutes() + " min");
                scheduler.scheduleAtFixedRate(() -> {
                    agent.fault(SnmpFault.DOWN);
                    scheduler.schedule(() -> agent.fault(SnmpFault.NONE).reboot(), REBOOT_SILENCE.toMillis(), TimeUnit.MILLISECONDS);
                }, REBOOT_FIRST.toMillis(), REBOOT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void serveTcp(List<SimDevice> devices, Map<Long, Integer> ports) {
        if (devices.isEmpty()) {
            return;
        }
        tcp = new TcpDeviceSimulator();
        SimDevice down = lastOf(devices, "SPLICE_SCREEN");
        for (SimDevice d : devices) {
            var kind = d.method().equals("RTSP") ? TcpDeviceSimulator.Kind.RTSP : TcpDeviceSimulator.Kind.TCP;
            int configured = tcpPortOffset > 0 ? DemoProbeSettings.demoTcpPort(d.port(), tcpPortOffset) : 0;
            var device = bind(configured, d.port(), d.host(), false, "XL_DEMO_TCP_PORT_OFFSET", "xl.demo.tcp-port-offset",
                    port -> tcp.add(kind, InetAddress.getByName(d.host()), port));
            ports.put(d.id(), device.port());
            if (d == down) {
                device.fault(TcpDeviceSimulator.Fault.DOWN);
                scripted.put(d.assetTag(), "DOWN (connection refused)");
            }
        }
    }

    /** Opens a simulator socket on {@code port} (0: any free port); the simulators' constructors. */
    @FunctionalInterface
    interface Binder<T> {
        T bind(int port) throws IOException;
    }

    /**
     * Binds the configured port, or fails the start naming it; with none configured, the port of the
     * last start when it is still free (so a rerun changes nothing), else any free port.
     */
    private static <T> T bind(int configured, int previous, String host, boolean udp, String variable, String property,
                              Binder<T> binder) {
        if (configured > 0) {
            try {
                return binder.bind(configured);
            } catch (IOException | UncheckedIOException e) {
                throw new DemoPortInUse(new PortCheck.Wanted(configured, host, udp, variable, property), e);
            }
        }
        if (previous >= FIRST_UNPRIVILEGED_PORT) {
            try {
                return binder.bind(previous);
            } catch (IOException | UncheckedIOException takenSince) {
                log.info("Demo fleet: port {} of the last start is taken on {}; a free one instead", previous, host);
            }
        }
        try {
            return binder.bind(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last device of the category in asset-tag order, else the last device. */
    private static SimDevice lastOf(List<SimDevice> devices, String category) {
        return devices.stream().filter(d -> category.equals(d.category())).max(Comparator.comparing(SimDevice::assetTag))
                .orElse(devices.get(devices.size() - 1));
    }

    private void script(SimDevice d, String what, CameraFaults faults) {
        scripted.put(d.assetTag(), what);
    }

    private void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        onvif.forEach(OnvifSimulator::close);
        onvif.clear();
        if (snmp != null) {
            snmp.close();
            snmp = null;
        }
        if (tcp != null) {
            tcp.close();
            tcp = null;
        }
    }

    private static OctetString utf8(String s) {
        return new OctetString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String nonNull(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
