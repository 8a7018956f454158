package org.xueliang.tracker.agent.app;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.metrics.AgentMetrics;
import org.xueliang.tracker.agent.metrics.MetricsServer;
import org.xueliang.tracker.agent.runtime.AgentRuntime;
import org.xueliang.tracker.agent.runtime.AgentSettings;
import org.xueliang.tracker.agent.runtime.ProberWarmUp;
import org.xueliang.tracker.agent.runtime.StandardProbers;
import org.xueliang.tracker.agent.spool.Spool;
import org.xueliang.tracker.agent.transport.AckLog;
import org.xueliang.tracker.agent.transport.BatchSink;
import org.xueliang.tracker.agent.transport.FailoverClient;
import org.xueliang.tracker.agent.transport.VqdSnapshotUpload;

/** The standalone agent: {@code java -jar xueliang-agent.jar --server URL --spool DIR} (see {@link AgentConfig}). */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "xl-agent-logback.xml");
        }
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.print(AgentConfig.USAGE);
            return;
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
        // The previous scheduled snapshots (VQD FREEZE) live beside the spool: the agent's one directory of its own.
        FailoverClient backend = FailoverClient.of(config.servers(), config.token());
        // Each check's picture is uploaded for the device page (best effort, see VqdSnapshotUpload).
        StandardProbers probers = StandardProbers.open(config.spool().resolve("vqd-previous"),
                new VqdSnapshotUpload(backend::current, config.token()));
        Spool spool = Spool.open(config.spool(), config.spoolMaxBytes(), metrics);
        log.info("Spool epoch {}", spool.epoch());
        AckLog ackLog = config.ackLog() == null ? null : new AckLog(config.ackLog(), backend);
        BatchSink batches = ackLog == null ? backend : ackLog;
        AgentRuntime runtime = new AgentRuntime(probers.registry(), backend, batches, backend, spool, Clock.systemUTC(),
                AgentSettings.defaults().withConcurrency(config.concurrency()), metrics);
        MetricsServer server = config.metrics() == null ? null : new MetricsServer(config.metrics(), metrics);
        if (server != null) {
            log.info("Metrics at http://{}:{}/metrics", server.address().getHostString(), server.address().getPort());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            spool.close();
            if (ackLog != null) {
                ackLog.close();
            }
            probers.close();
            if (server != null) {
                server.close();
            }
            stopped.countDown();
        }, "xl-agent-shutdown"));
        ProberWarmUp.Report warm = ProberWarmUp.run(probers.registry(), config.warmUp());
        if (warm.probes() > 0) {
            log.info("Warm-up: {} probes of loopback simulators ({} up{}) in {} ms", warm.probes(), warm.up(),
                    warm.notUp().isEmpty() ? "" : ", others " + warm.notUp(), warm.took().toMillis());
        }
        runtime.start();
        stopped.await();
    }

    /**
     * Every prober this build has, one per method (TCP and RTSP share one NIO client, SNMP one UDP transport).
     * Adding a protocol: one entry here.
     */
}
