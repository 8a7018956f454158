package org.xueliang.tracker.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.audit.AuditMarkers;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.DeviceRepository;
import org.xueliang.tracker.ledger.DeviceRoster;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.ProbeInput;
import org.xueliang.tracker.ledger.ProbeMethod;

/**
 * Points the devices on a loopback address at the demo simulators, through {@link DeviceService} —
 * validated, credentials encrypted, one audit entry per changed device (actor {@code system}).
 *
 * <p>Once per database (the first demo start after seeding): the demo ONVIF account, SNMP v2c
 * community {@code public}, and every probe interval {@code xl.demo.interval-seconds} (30) so the
 * board moves; a final {@code DEMO_SETUP} audit entry marks the database as done, so a later change
 * of these by a user is never undone by a restart. ICMP keeps its settings (loopback always answers).
 *
 * <p>Every start: the port of each simulated device becomes the one its simulator bound this start
 * ({@link DemoFleet}); a device already on it is left alone, so a rerun on the same ports writes nothing.
 */
@Component
@ConditionalOnBooleanProperty("xl.demo")
class DemoProbeSettings {

    /** The ONVIF account of every simulated camera (documented in docs/DEMO.md; demo data, not a secret). */
    static final String ONVIF_USER = "admin";
    static final String ONVIF_PASSWORD = "xl-demo-onvif-2021";
    static final String SNMP_COMMUNITY = "public";
    static final String MARKER_ACTION = "DEMO_SETUP";
    /** The demo's picture-quality checks come every 10 minutes per camera (4 hours outside the demo): docs/DEMO.md. */
    static final String VQD_INTERVAL = OnvifProber.VQD_INTERVAL;
    static final String VQD_EVERY = "PT10M";

    private static final Logger log = LoggerFactory.getLogger(DemoProbeSettings.class);

    private final AuditMarkers markers;
    private final DeviceRoster roster;
    private final DeviceRepository devices;
    private final DeviceService deviceService;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final int intervalSeconds;

    DemoProbeSettings(AuditMarkers markers, DeviceRoster roster, DeviceRepository devices, DeviceService deviceService,
                      AuditTrail audit, TransactionTemplate transactions, @Value("${xl.demo.interval-seconds:30}") int intervalSeconds) {
        this.markers = markers;
        this.roster = roster;
        this.devices = devices;
        this.deviceService = deviceService;
        this.audit = audit;
        this.transactions = transactions;
        this.intervalSeconds = intervalSeconds;
    }

    boolean done() {
        return markers.recorded(MARKER_ACTION);
    }

    /**
     * Points the devices at the simulators' ports of this start (device id → port), with the one-time
     * demo settings when not done before; returns the number of devices changed.
     */
    /**
     * Not one transaction: each device's change is its own ({@link DeviceService} is transactional), and so is the
     * final marker. Every audited write locks the audit chain's head until it commits, so one transaction over every
     * device would make each request that audits (a login) wait for the whole loop on the first start. A start that
     * stops half-way has no marker yet and simply applies the first-time settings again; they are the same values.
     */
    public int apply(Map<Long, Integer> servedOn) {
        boolean first = !done();
        List<Long> ids = first
                ? roster.probedIds()
                : List.copyOf(servedOn.keySet());
        if (ids.isEmpty()) {
            return 0; // nothing seeded or imported yet: the first-time settings wait for the next start
        }
        int changed = 0;
        for (long id : ids) {
            var device = devices.findById(id).orElseThrow();
            String host = device.getProbeHost() != null ? device.getProbeHost() : device.getIpAddress();
            if (!isLoopback(host)) {
                continue; // network rule: the demo touches only devices on 127.0.0.0/8
            }
            Integer port = servedOn.get(id);
            ProbeInput probe;
            if (first) {
                probe = firstTime(device.getProbeMethod(), port);
            } else if (port != null && !port.equals(device.getProbePort())) {
                probe = new ProbeInput(null, null, port, null, null, null, null, null, null);
            } else {
                continue;
            }
            deviceService.replace(id, device.fields(), probe);
            changed++;
        }
        if (first) {
            int count = changed;
            transactions.executeWithoutResult(t -> audit.recordAs(AuditTrail.SYSTEM_ACTOR, MARKER_ACTION, "Demo",
                    "probe-settings", "Demo mode: " + count + " devices on loopback addresses pointed at the simulators"
                    + " (demo credentials, interval " + intervalSeconds + " s, ports of the simulators)", null, null));
        }
        if (changed > 0) {
            log.info("Demo mode: probe settings of {} devices pointed at the simulators{}", changed, first ? " (first demo start)" : "");
        }
        return changed;
    }

    /** The one-time demo settings of a device; {@code port} null keeps its port (ICMP, or not served). */
    ProbeInput firstTime(ProbeMethod method, Integer port) {
        return switch (method) {
            case ONVIF -> new ProbeInput(null, null, port, intervalSeconds, null, null, Map.of(VQD_INTERVAL, VQD_EVERY),
                    null, new ProbeInput.Onvif(ONVIF_USER, ONVIF_PASSWORD));
            case SNMP -> new ProbeInput(null, null, port, intervalSeconds, null, null, null,
                    new ProbeInput.Snmp("2c", SNMP_COMMUNITY, null, null, null, null, null), null);
            case TCP, RTSP, ICMP -> new ProbeInput(null, null, port, intervalSeconds, null, null, null, null, null);
        };
    }

    /** The TCP/RTSP port under a configured offset: the device's own port (443) moved up (18443) unless already above. */
    static int demoTcpPort(int port, int offset) {
        return port < offset ? offset + port : port;
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
