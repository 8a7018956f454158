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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.sim.CameraFaults;
import org.xueliang.tracker.agent.sim.OnvifSimulator;
import org.xueliang.tracker.agent.sim.SimulatedCamera;
import org.xueliang.tracker.agent.sim.net.TcpDeviceSimulator;
import org.xueliang.tracker.agent.sim.snmp.SimulatedSnmpAgent;
import org.xueliang.tracker.agent.sim.snmp.SnmpAgentSimulator;
import org.xueliang.tracker.agent.sim.snmp.SnmpFault;

/**
 * The simulated devices of demo mode, in-process: one ONVIF camera per ONVIF device (one
 * {@link OnvifSimulator} socket per port), one SNMP agent per SNMP device (synthetic recording, with
 * sysDescr and sysName from the ledger), one TCP/RTSP listener per TCP/RTSP device, each on the
 * device's own loopback address and configured port. Only devices on 127.0.0.0/8 are served.
 *
 * <p>Scripted faults, chosen deterministically by position in asset-tag order (docs/DEMO.md lists
 * what that gives for the reference data): ONVIF cameras #3 flapping (4 min up, 4 min down), #7
 * rejecting the credentials (DEGRADED AUTH_FAILED), #11 with its clock 10 minutes ahead (DEGRADED
 * CLOCK_DRIFT), #15 with frozen video (DEGRADED FROZEN_VIDEO), #19 reporting a firmware newer than the
 * ledger's (an inventory discrepancy, still UP); the last TCP device of the splice-screen kind (else
 * the last TCP device) refusing connections (DOWN); the last SNMP switch (else the last SNMP device)
 * going silent for 2 minutes and coming back with sysUpTime reset, 5 minutes after start and every
 * 20 minutes after that (a DOWN and a reboot).
 *
 * <p>A {@link SmartLifecycle} that starts before the embedded agent (lower phase) and stops after it.
 * On the very first start the devices are configured for the demo only after seeding, so
 * {@link DemoSetup} calls {@link #reload()} then.
 */
@Component
@ConditionalOnBooleanProperty("xl.demo")
class DemoFleet implements SmartLifecycle {

    /** The embedded agent runs at {@code DEFAULT_PHASE - 1}; the devices must be there before it probes. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2;
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
    private final JdbcTemplate jdbc;
    private final long flapMillis;
    private final List<OnvifSimulator> onvif = new ArrayList<>();
    private SnmpAgentSimulator snmp;
    private TcpDeviceSimulator tcp;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    DemoFleet(JdbcTemplate jdbc, @Value("${xl.demo.flap-period:PT4M}") Duration flapPeriod) {
        this.jdbc = jdbc;
        this.flapMillis = flapPeriod.toMillis();
    }

    @Override
    public synchronized void start() {
        serve(devices());
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

    /** Serves the devices as they are configured now (after the first demo configuration). */
    synchronized void reload() {
        close();
        serve(devices());
    }

    synchronized Map<String, String> scripted() {
        return Map.copyOf(scripted);
    }

    List<SimDevice> devices() {
        return jdbc.query("SELECT id, asset_tag, category_code, vendor, model, firmware, serial_number, probe_method,"
                        + " COALESCE(probe_host, ip_address) AS host, probe_port FROM device WHERE probe_method IN ('ONVIF','SNMP','TCP','RTSP')"
                        + " AND lifecycle IN ('INSTALLED','ACCEPTED','IN_SERVICE','FAULTY') ORDER BY asset_tag",
                (rs, n) -> new SimDevice(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("category_code"),
                        rs.getString("vendor"), rs.getString("model"), rs.getString("firmware"), rs.getString("serial_number"),
                        rs.getString("probe_method"), rs.getString("host"), rs.getObject("probe_port") == null ? 0 : rs.getInt("probe_port")))
                .stream().filter(d -> DemoProbeSettings.isLoopback(d.host()) && d.port() > 0).toList();
    }

    private void serve(List<SimDevice> all) {
        scripted.clear();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-fleet-faults");
            t.setDaemon(true);
            return t;
        });
        try {
            serveCameras(all.stream().filter(d -> d.method().equals("ONVIF")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo mode: cannot start the ONVIF simulator: " + e.getMessage(), e);
        }
        serveSnmp(all.stream().filter(d -> d.method().equals("SNMP")).toList());
        serveTcp(all.stream().filter(d -> d.method().equals("TCP") || d.method().equals("RTSP")).toList());
        log.info("Demo fleet: {} simulated devices on loopback; scripted faults {}", all.size(), scripted);
    }

    private void serveCameras(List<SimDevice> cams) throws IOException {
        Map<Integer, List<SimulatedCamera>> byPort = new LinkedHashMap<>();
        for (int i = 0; i < cams.size(); i++) {
            SimDevice d = cams.get(i);
            String firmware = i == 18 ? "V5.7.9 build 230815" : d.firmware();
            SimulatedCamera cam = new SimulatedCamera(InetAddress.getByName(d.host()), new SimulatedCamera.Identity(
                    nonNull(d.vendor(), "Xueliang Sim"), nonNull(d.model(), "XL-IPC-2000"), nonNull(firmware, "V1.0.0"),
                    nonNull(d.serial(), "SIM-" + d.id()), d.assetTag()), DemoProbeSettings.ONVIF_USER, DemoProbeSettings.ONVIF_PASSWORD);
            switch (i) {
                case 2 -> script(d, "FLAPPING every " + Duration.ofMillis(flapMillis).toMinutes() + " min",
                        cam.faults().flapPeriod(Duration.ofMillis(flapMillis)).set(CameraFaults.Fault.FLAPPING));
                case 6 -> script(d, "AUTH_FAILURE", cam.faults().set(CameraFaults.Fault.AUTH_FAILURE));
                case 10 -> script(d, "clock drift +10 min", cam.faults().clockDrift(CLOCK_DRIFT));
                case 14 -> script(d, "FROZEN_VIDEO", cam.faults().set(CameraFaults.Fault.FROZEN_VIDEO));
                case 18 -> scripted.put(d.assetTag(), "reports firmware " + firmware + " (ledger: " + d.firmware() + ")");
                default -> { }
            }
            byPort.computeIfAbsent(d.port(), p -> new ArrayList<>()).add(cam);
        }
        for (var e : byPort.entrySet()) {
            onvif.add(OnvifSimulator.start(e.getValue(), e.getKey()));
        }
    }

    private void serveSnmp(List<SimDevice> agents) {
        if (agents.isEmpty()) {
            return;
        }
        snmp = new SnmpAgentSimulator();
        var recording = SnmpAgentSimulator.synthetic();
        SimDevice rebooting = lastOf(agents, "SWITCH");
        for (SimDevice d : agents) {
            SimulatedSnmpAgent agent;
            try {
                agent = snmp.add(InetAddress.getByName(d.host()), d.port(), recording);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    private void serveTcp(List<SimDevice> devices) {
        if (devices.isEmpty()) {
            return;
        }
        tcp = new TcpDeviceSimulator();
        SimDevice down = lastOf(devices, "SPLICE_SCREEN");
        for (SimDevice d : devices) {
            try {
                var kind = d.method().equals("RTSP") ? TcpDeviceSimulator.Kind.RTSP : TcpDeviceSimulator.Kind.TCP;
                var device = tcp.add(kind, InetAddress.getByName(d.host()), d.port());
                if (d == down) {
                    device.fault(TcpDeviceSimulator.Fault.DOWN);
                    scripted.put(d.assetTag(), "DOWN (connection refused)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
