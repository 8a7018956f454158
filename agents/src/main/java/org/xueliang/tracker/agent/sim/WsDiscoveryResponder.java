package org.xueliang.tracker.agent.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.onvif.OnvifException;
import org.xueliang.tracker.agent.onvif.WsDiscovery;
import org.xueliang.tracker.agent.onvif.WsDiscovery.Match;
import org.xueliang.tracker.agent.sim.net.LoopbackAddresses;

/**
 * Answers WS-Discovery Probes for a set of simulated cameras, on one loopback UDP address:port (a unicast
 * stand-in for the multicast group, which tests never use). Each camera that is not down answers with its
 * own ProbeMatches datagram, sent from a socket bound to the camera's own loopback address, so the sender
 * address is the camera's as on a real network; its XAddrs name {@code http://<camera>:<onvifPort>/onvif/device_service}.
 * Probes from non-loopback peers are ignored. One daemon thread; {@link #close()} stops it.
 */
public final class WsDiscoveryResponder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WsDiscoveryResponder.class);

    private final DatagramChannel channel;
    private final List<SimCamera> cameras;
    private final List<Match> announcements;
    private final Clock clock;
    private final Thread thread;
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();

    private WsDiscoveryResponder(DatagramChannel channel, Collection<? extends SimCamera> cams, int onvifPort, Clock clock) {
        this.channel = channel;
        this.cameras = List.copyOf(cams);
        this.clock = clock;
        List<Match> ann = new ArrayList<>();
        for (SimCamera c : cameras) {
            ann.add(announcement(c, onvifPort));
        }
        this.announcements = List.copyOf(ann);
        this.thread = new Thread(this::run, "ws-discovery-sim");
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens on {@code listen} (127.0.0.0/8 only; port 0 = any free port) for Probes about {@code cams}. */
    public static WsDiscoveryResponder start(InetSocketAddress listen, Collection<? extends SimCamera> cams, int onvifPort,
                                             Clock clock) throws IOException {
        LoopbackAddresses.requireLoopback(listen.getAddress());
        for (SimCamera c : cams) {
            LoopbackAddresses.requireLoopback(c.address());
        }
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.bind(listen);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new WsDiscoveryResponder(ch, cams, onvifPort, clock);
    }

    public static WsDiscoveryResponder start(InetSocketAddress listen, Collection<? extends SimCamera> cams, int onvifPort)
            throws IOException {
        return start(listen, cams, onvifPort, Clock.systemUTC());
    }

    /** What a camera announces: a stable urn:uuid from its address, its device service, name/hardware/location scopes. */
    static Match announcement(SimCamera cam, int onvifPort) {
        String host = cam.address().getHostAddress();
        String name;
        String hardware;
        if (cam instanceof SimulatedCamera s) {
            name = s.identity().serial();
            hardware = s.identity().model();
        } else if (cam instanceof RecordedCamera r) {
            name = r.dir().getFileName().toString();
            hardware = "recorded";
        } else {
            name = "sim-" + host;
            hardware = "sim";
        }
        String epr = "urn:uuid:" + UUID.nameUUIDFromBytes(("xl-sim-camera/" + host).getBytes(StandardCharsets.UTF_8));
        return new Match(epr, List.of("http://" + host + ":" + onvifPort + "/onvif/device_service"),
                WsDiscovery.scopes(name, hardware, "xl-sim"), List.of("dn:NetworkVideoTransmitter", "tds:Device"), "1", null);
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public long probes() {
        return probes.get();
    }

    public long answers() {
        return answers.get();
    }

    private void run() {
        ByteBuffer buf = ByteBuffer.allocate(65_536);
        while (channel.isOpen()) {
            try {
                SocketAddress from = channel.receive(buf.clear());
                if (!(from instanceof InetSocketAddress peer) || !peer.getAddress().isLoopbackAddress()) {
                    continue;
                }
                buf.flip();
                byte[] datagram = new byte[buf.remaining()];
                buf.get(datagram);
                answer(datagram, peer);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                log.warn("WS-Discovery responder: {}", e.toString());
            }
        }
    }

    private void answer(byte[] datagram, InetSocketAddress peer) throws IOException {
        WsDiscovery.Probe probe;
        try {
            probe = WsDiscovery.parseProbe(datagram);
        } catch (OnvifException e) {
            log.debug("not a Probe from {}: {}", peer, e.getMessage());
            return;
        }
        probes.incrementAndGet();
        if (!probe.wantsVideoTransmitters()) {
            return;
        }
        for (int i = 0; i < cameras.size(); i++) {
            SimCamera cam = cameras.get(i);
            if (cam.isDown(clock.instant())) {
                continue;
            }
            byte[] reply = WsDiscovery.probeMatchesMessage(WsDiscovery.newMessageId(), probe.messageId(),
                    List.of(announcements.get(i))).getBytes(StandardCharsets.UTF_8);
            sendFrom(cam.address(), reply, peer);
            answers.incrementAndGet();
        }
    }

    /** Sends from the camera's own address (an ephemeral port on it); falls back to the listening socket. */
    private void sendFrom(InetAddress camera, byte[] reply, InetSocketAddress peer) throws IOException {
        try (DatagramChannel own = DatagramChannel.open()) {
            own.bind(new InetSocketAddress(camera, 0));
            own.send(ByteBuffer.wrap(reply), peer);
        } catch (IOException e) {
            channel.send(ByteBuffer.wrap(reply), peer);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            thread.join(2_000);
        } catch (IOException e) {
            log.debug("closing the responder: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
