package org.xueliang.tracker.agent.sim.snmp;

import org.snmp4j.SNMP4JSettings;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;
import org.xueliang.tracker.agent.sim.net.SelectorLoop;
import org.xueliang.tracker.agent.snmp.rec.SnmprecFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * Serves many simulated SNMP agents, each on its own loopback address (127.x.y.z:port), from snmpsim
 * recordings or a synthetic system group.
 *
 * <p>Sockets: one non-blocking UDP socket per agent address, all watched by a few selector threads (no
 * thread per agent). A socket bound to 0.0.0.0 would receive for every address, but Java cannot tell
 * which local address a datagram was sent to, so the agents could not be told apart; one socket per
 * address costs one file descriptor each, which fits up to ~15,000 agents per process under the
 * 20,000 open-file limit (beyond: several processes, or one port per block of agents).
 *
 * <p>Credentials: v2c community {@code public}; v3 user {@code xl-v3}, SHA / AES-128, passphrases
 * {@code xl-auth-pass} / {@code xl-priv-pass} (see {@link #DEFAULT_V3_USER}). Test data, not secrets.
 */
public final class SnmpAgentSimulator implements AutoCloseable {

    public static final String DEFAULT_COMMUNITY = "public";
    public static final String DEFAULT_V3_USER = "xl-v3";
    public static final String DEFAULT_V3_AUTH = "xl-auth-pass";
    public static final String DEFAULT_V3_PRIV = "xl-priv-pass";

    private final String community;
    private final UsmUser v3User;
    private final Worker[] workers;
    private final ScheduledExecutorService delayed;
    private final List<SimulatedSnmpAgent> agents = new CopyOnWriteArrayList<>();
    private int next;

    public SnmpAgentSimulator() {
        this(2, DEFAULT_COMMUNITY, DEFAULT_V3_USER, DEFAULT_V3_AUTH, DEFAULT_V3_PRIV);
    }

    public SnmpAgentSimulator(int selectorThreads, String community, String v3User, String authPass, String privPass) {
        SecurityProtocols.getInstance().addDefaultProtocols();
        SecurityProtocols.getInstance().addAuthenticationProtocol(new AuthSHA());
        SecurityProtocols.getInstance().addPrivacyProtocol(new PrivAES128());
        // Like net-snmp: a report about an unknown user cannot be authenticated, so send it noAuthNoPriv
        // (snmp4j's default tries the request's level and sends nothing). JVM-wide, harmless for a manager.
        SNMP4JSettings.setReportSecurityLevelStrategy(SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
        this.community = community;
        this.v3User = v3User == null ? null : new UsmUser(new OctetString(v3User), AuthSHA.ID, new OctetString(authPass),
                PrivAES128.ID, new OctetString(privPass));
        this.delayed = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "snmp-sim-delay"));
        this.workers = new Worker[Math.max(1, selectorThreads)];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker("snmp-sim-" + i);
        }
    }

    /** Starts an agent on {@code address:port} (port 0: any free port) replaying {@code recording}. */
    public SimulatedSnmpAgent add(InetAddress address, int port, SnmprecFile recording) {
        LoopbackAddresses.requireLoopback(address);
        try {
            DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
            ch.bind(new InetSocketAddress(address, port));
            ch.configureBlocking(false);
            InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
            SimulatedSnmpAgent agent = new SimulatedSnmpAgent(bound, ch, recording, community, v3User, delayed);
            Worker w;
            synchronized (this) {
                w = workers[next++ % workers.length];
            }
            w.register(ch, agent);
            agents.add(agent);
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind a simulated SNMP agent to " + address.getHostAddress() + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code count} agents on consecutive loopback addresses from {@code base}, all on {@code port},
     * replaying the recordings in turn (a synthetic agent when the list is empty).
     */
    public List<SimulatedSnmpAgent> addFleet(int count, InetAddress base, int port, List<SnmprecFile> recordings) {
        List<SimulatedSnmpAgent> out = new ArrayList<>(count);
        SnmprecFile synthetic = recordings.isEmpty() ? synthetic() : null;
        for (int i = 0; i < count; i++) {
            SnmprecFile rec = synthetic != null ? synthetic : recordings.get(i % recordings.size());
            out.add(add(LoopbackAddresses.nth(base, i), port, rec));
        }
        return out;
    }

    public List<SimulatedSnmpAgent> agents() {
        return List.copyOf(agents);
    }

    /** Every {@code *.snmprec} in {@code dir}, sorted by name. */
    public static List<SnmprecFile> readRecordings(Path dir) throws IOException {
        List<SnmprecFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".snmprec")).sorted().toList()) {
                out.add(SnmprecFile.read(p));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("No .snmprec files in " + dir);
        }
        return out;
    }

    /** A small Linux-like agent: system group and two interfaces, both up. */
    public static SnmprecFile synthetic() {
        return SnmprecFile.parse("synthetic", String.join("\n",
                "1.3.6.1.2.1.1.1.0|4|Linux xl-sim 6.1.0 #1 SMP x86_64 (Xueliang simulated agent)",
                "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
                "1.3.6.1.2.1.1.3.0|67|360000",
                "1.3.6.1.2.1.1.4.0|4|ops@example.invalid",
                "1.3.6.1.2.1.1.5.0|4|xl-sim",
                "1.3.6.1.2.1.1.6.0|4|simulator",
                "1.3.6.1.2.1.2.1.0|2|2",
                "1.3.6.1.2.1.2.2.1.1.1|2|1",
                "1.3.6.1.2.1.2.2.1.1.2|2|2",
                "1.3.6.1.2.1.2.2.1.2.1|4|eth0",
                "1.3.6.1.2.1.2.2.1.2.2|4|eth1",
                "1.3.6.1.2.1.2.2.1.8.1|2|1",
                "1.3.6.1.2.1.2.2.1.8.2|2|1"));
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            w.close();
        }
        for (SimulatedSnmpAgent a : agents) {
            try {
                a.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        delayed.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One selector thread serving a share of the agents' sockets. */
    private static final class Worker {
        private final SelectorLoop loop;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);

        Worker(String name) {
            loop = new SelectorLoop(name, this::read);
        }

        void register(DatagramChannel ch, SimulatedSnmpAgent agent) {
            loop.register(ch, SelectionKey.OP_READ, agent);
        }

        private void read(SelectionKey key) {
            DatagramChannel ch = (DatagramChannel) key.channel();
            SimulatedSnmpAgent agent = (SimulatedSnmpAgent) key.attachment();
            try {
                for (int i = 0; i < 64; i++) {
                    buffer.clear();
                    InetSocketAddress from = (InetSocketAddress) ch.receive(buffer);
                    if (from == null) {
                        return;
                    }
                    buffer.flip();
                    ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
                    copy.put(buffer).flip();
                    agent.receive(from, copy);
                }
            } catch (IOException | RuntimeException e) {
                // a malformed datagram or a closed socket must not stop the other agents
                if (!ch.isOpen()) {
                    key.cancel();
                }
            }
        }

        void close() {
            loop.close();
        }
    }
}
