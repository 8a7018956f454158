package org.xueliang.tracker.demo;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sip.SipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.sim.gb.GbFaults;
import org.xueliang.tracker.agent.sim.gb.GbSimDevice;
import org.xueliang.tracker.agent.sim.gb.GbSimulator;
import org.xueliang.tracker.gb28181.GbSettings;
import org.xueliang.tracker.ledger.DeviceRoster;
import org.xueliang.tracker.ledger.GbDirectory;

/**
 * Part of the demo fleet registers to the tracker's own GB/T 28181 server from an in-process simulator (one SIP socket
 * on {@link #LISTEN_HOST}, UDP): the devices {@link DemoGbPlan} picks, each with the REGISTER password the ledger holds
 * for it ({@link GbDirectory#passwordOf}) or else the server's default ({@code xl.gb.password}, which
 * {@link DemoGbSettings} sets for the demo). Started after seeding (an {@link ApplicationRunner} after
 * {@link DemoSetup}), when the server is already listening; stopped before the server (a higher lifecycle phase),
 * so every device unregisters with Expires 0 first.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("xl.demo")
class DemoGbFleet implements ApplicationRunner, SmartLifecycle {

    /** Demo devices live on 127.20.0.0/16; the GB devices share one address of it. */
    static final String LISTEN_HOST = "127.20.255.254";

    private static final Logger log = LoggerFactory.getLogger(DemoGbFleet.class);

    private final DeviceRoster roster;
    private final GbSettings settings;
    private final GbDirectory directory;
    private final Environment env;
    private volatile GbSimulator simulator;
    private volatile List<DemoGbPlan.Device> plan = List.of();
    private volatile boolean running;
    /** The county's clock: devices write MANSCDP times in its zone, as the server reads them (else a −8 h offset). */
    private final java.time.Clock clock;

    DemoGbFleet(DeviceRoster roster, GbSettings settings, GbDirectory directory, Environment env, java.time.Clock clock) {
        this.clock = clock;
        this.roster = roster;
        this.settings = settings;
        this.directory = directory;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        start(Instant.now());
    }

    synchronized void start(Instant now) {
        if (simulator != null) {
            return;
        }
        if (!settings.enabled() || settings.sipPort() == 0) {
            log.info("Demo fleet: no device registers over GB/T 28181 (the server is {})",
                    settings.enabled() ? "on a port chosen at start; set XL_GB_SIP_PORT to a number" : "off: XL_GB_ENABLED=false");
            return;
        }
        List<DeviceRoster.Coded> coded = roster.coded();
        List<DemoGbPlan.Device> planned = DemoGbPlan.plan(coded.stream().filter(DeviceRoster.Coded::inOperation)
                .map(d -> new DemoGbPlan.Row(d.assetTag(), d.gbCode(), d.siteId())).toList());
        if (planned.isEmpty()) {
            log.info("Demo fleet: no device carries a GB/T 28181 code (gbCode), so none registers over GB/T 28181");
            return;
        }
        Map<String, GbSimDevice.Described> described = DemoGbPlan.described(planned, ledgerOf(coded));
        String fallback = env.getProperty("xl.gb.password", "");
        List<GbSimDevice> devices = new ArrayList<>();
        for (DemoGbPlan.Device d : planned) {
            GbFaults faults = new GbFaults();
            d.faults().forEach(faults::add);
            String password = directory.passwordOf(d.code()).orElse(fallback);
            devices.add(new GbSimDevice(d.code(), d.recorder() ? GbSimDevice.Kind.NVR : GbSimDevice.Kind.IPC, password,
                    d.channels(), faults, clock.getZone(), now, described));
        }
        GbSimulator.Options options = new GbSimulator.Options(settings.sipHost(), settings.sipPort(), settings.serverId(),
                settings.domain(), "udp", settings.keepaliveInterval(), 3600, LISTEN_HOST, 0, 50, Duration.ofSeconds(30),
                Charset.forName("GB18030"));
        try {
            simulator = GbSimulator.start(options, devices);
            plan = planned;
            log.info("Demo fleet: {} devices register over GB/T 28181 to {}:{} from {}:{}; scripted faults {}", devices.size(),
                    settings.sipHost(), settings.sipPort(), LISTEN_HOST, simulator.port(), DemoGbPlan.scripted(planned));
        } catch (SipException | RuntimeException e) {
            log.warn("Demo fleet: the GB/T 28181 devices did not start: {}", e.getMessage());
        }
    }

    /** Name, model and site position of every coded device, by national code. */
    private static Map<String, DemoGbPlan.Ledger> ledgerOf(List<DeviceRoster.Coded> coded) {
        Map<String, DemoGbPlan.Ledger> out = new java.util.HashMap<>();
        coded.forEach(d -> out.put(d.gbCode(), new DemoGbPlan.Ledger(d.name(), d.model(), d.longitude(), d.latitude())));
        return out;
    }

    /** The devices registering now (empty before the start or when none carries a code). */
    List<DemoGbPlan.Device> plan() {
        return plan;
    }

    GbSimulator simulator() {
        return simulator;
    }

    @Override
    public void start() {
        running = true; // the devices start from run(), once the ledger is seeded
    }

    @Override
    public synchronized void stop() {
        running = false;
        GbSimulator s = simulator;
        simulator = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the GB/T 28181 server, so that the devices' Expires 0 still reaches it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
