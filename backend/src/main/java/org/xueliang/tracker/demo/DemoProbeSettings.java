package org.xueliang.tracker.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.DeviceRepository;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.ProbeInput;
import org.xueliang.tracker.ledger.ProbeMethod;

/**
 * Once per database (on the first demo start after seeding): points every device on a loopback
 * address at the simulator. The reference data uses the devices' real ports (80, 161, 443, …),
 * which need root to listen on, so ONVIF goes to {@code xl.demo.onvif-port} (18080) with the demo
 * ONVIF account, SNMP to {@code xl.demo.snmp-port} (16161) with community {@code public} (v2c), TCP
 * and RTSP to {@code xl.demo.tcp-port-offset} (18000) + their port; ICMP stays (loopback always answers). Every probe interval becomes
 * {@code xl.demo.interval-seconds} (30) so the board moves. The changes go through
 * {@link DeviceService} — validated, credentials encrypted, one audit entry per device (actor
 * {@code system}) — and a final {@code DEMO_SETUP} audit entry marks the database as done, so a
 * later change by a user is never undone by a restart.
 */
@Component
@ConditionalOnBooleanProperty("xl.demo")
class DemoProbeSettings {

    /** The ONVIF account of every simulated camera (documented in docs/DEMO.md; demo data, not a secret). */
    static final String ONVIF_USER = "admin";
    static final String ONVIF_PASSWORD = "xl-demo-onvif-2021";
    static final String SNMP_COMMUNITY = "public";
    static final String MARKER_ACTION = "DEMO_SETUP";

    private static final Logger log = LoggerFactory.getLogger(DemoProbeSettings.class);

    private final JdbcTemplate jdbc;
    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final AuditTrail audit;
    private final int onvifPort;
    private final int snmpPort;
    private final int intervalSeconds;
    private final int tcpPortOffset;

    DemoProbeSettings(JdbcTemplate jdbc, DeviceRepository devices, DeviceService deviceService, AuditTrail audit,
                      @Value("${xl.demo.onvif-port:18080}") int onvifPort, @Value("${xl.demo.snmp-port:16161}") int snmpPort,
                      @Value("${xl.demo.interval-seconds:30}") int intervalSeconds,
                      @Value("${xl.demo.tcp-port-offset:18000}") int tcpPortOffset) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.deviceService = deviceService;
        this.audit = audit;
        this.onvifPort = onvifPort;
        this.snmpPort = snmpPort;
        this.intervalSeconds = intervalSeconds;
        this.tcpPortOffset = tcpPortOffset;
    }

    boolean done() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = ?", Integer.class, MARKER_ACTION) > 0;
    }

    /** Applies the demo probe settings unless done before or there is nothing to configure; returns the devices changed. */
    @Transactional
    public int applyOnce() {
        if (done()) {
            return 0;
        }
        List<Long> ids = jdbc.queryForList("SELECT id FROM device WHERE probe_method IS NOT NULL ORDER BY id", Long.class);
        if (ids.isEmpty()) {
            return 0; // nothing seeded or imported yet: try again on the next start
        }
        int changed = 0;
        for (long id : ids) {
            var device = devices.findById(id).orElseThrow();
            String host = device.getProbeHost() != null ? device.getProbeHost() : device.getIpAddress();
            if (!isLoopback(host)) {
                continue; // network rule: the demo touches only devices on 127.0.0.0/8
            }
            ProbeInput probe = probeFor(device.getProbeMethod(), device.getProbePort());
            deviceService.replace(id, device.fields(), probe);
            changed++;
        }
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, MARKER_ACTION, "Demo", "probe-settings", "Demo mode: " + changed
                + " devices on loopback addresses pointed at the simulator (ONVIF :" + onvifPort + ", SNMP :" + snmpPort
                + ", TCP/RTSP :" + tcpPortOffset + "+port, interval " + intervalSeconds + " s)", null, null);
        log.info("Demo mode: probe settings of {} devices pointed at the simulator", changed);
        return changed;
    }

    ProbeInput probeFor(ProbeMethod method, Integer port) {
        return switch (method) {
            case ONVIF -> new ProbeInput(null, null, onvifPort, intervalSeconds, null, null, null, null,
                    new ProbeInput.Onvif(ONVIF_USER, ONVIF_PASSWORD));
            case SNMP -> new ProbeInput(null, null, snmpPort, intervalSeconds, null, null, null,
                    new ProbeInput.Snmp("2c", SNMP_COMMUNITY, null, null, null, null, null), null);
            case TCP, RTSP -> new ProbeInput(null, null, demoTcpPort(method, port, tcpPortOffset), intervalSeconds, null, null, null, null, null);
            case ICMP -> new ProbeInput(null, null, null, intervalSeconds, null, null, null, null, null);
        };
    }

    static int demoTcpPort(ProbeMethod method, Integer port, int offset) {
        int p = port != null ? port : method == ProbeMethod.RTSP ? 554 : 80;
        return p < offset ? offset + p : p;
    }

    static boolean isLoopback(String host) {
        if (host == null || !host.matches("[0-9.]+")) {
            return false; // a name would need DNS; the demo only takes literal loopback addresses
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
