package org.xueliang.tracker.agent.app;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.metrics.MetricsServer;
import org.xueliang.tracker.agent.net.IcmpProber;
import org.xueliang.tracker.agent.net.NioClient;
import org.xueliang.tracker.agent.net.RtspProber;
import org.xueliang.tracker.agent.net.TcpProber;
import org.xueliang.tracker.agent.onvif.OnvifProber;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.ProberRegistry;
import org.xueliang.tracker.agent.runtime.AgentRuntime;
import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.agent.snmp.SnmpProber;
import org.xueliang.tracker.agent.snmp.SnmpTransport;
import org.xueliang.tracker.agent.spool.Spool;
import org.xueliang.tracker.agent.transport.BackendClient;

/** The standalone agent: {@code java -jar xueliang-agent.jar --server URL --spool DIR} (see {@link AgentConfig}). */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "xl-agent-logback.xml");
        }
        AgentConfig config;
        try {
            config = AgentConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(AgentConfig.USAGE);
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(AgentMain.class);
        log.info("Starting agent: {}", config);
        AgentMetrics metrics = new AgentMetrics();
        NioClient nio = new NioClient();
        SnmpTransport snmp = new SnmpTransport();
        ProberRegistry probers = new ProberRegistry(probers(nio, snmp));
        Spool spool = Spool.open(config.spool(), config.spoolMaxBytes(), metrics);
        BackendClient backend = new BackendClient(config.server(), config.token());
        AgentRuntime runtime = new AgentRuntime(probers, backend, backend, backend, spool, Clock.systemUTC(),
                AgentSettings.defaults().withConcurrency(config.concurrency()), metrics);
        MetricsServer server = config.metrics() == null ? null : new MetricsServer(config.metrics(), metrics);
        if (server != null) {
            log.info("Metrics at http://{}:{}/metrics", server.address().getHostString(), server.address().getPort());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            spool.close();
            probers.close();
            snmp.close();
            nio.close();
            if (server != null) {
                server.close();
            }
            stopped.countDown();
        }, "xl-agent-shutdown"));
        runtime.start();
        stopped.await();
    }

    /**
     * Every prober this build has, one per method (TCP and RTSP share one NIO client, SNMP one UDP transport).
     * Adding a protocol: one entry here.
     */
    static List<Prober> probers(NioClient nio, SnmpTransport snmp) {
        return List.of(new OnvifProber(), new SnmpProber(snmp), new TcpProber(nio), new RtspProber(nio), new IcmpProber());
    }
}
