package org.xueliang.tracker.agent.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.onvif.OnvifException;
import org.xueliang.tracker.agent.onvif.SafeXml;
import org.xueliang.tracker.agent.onvif.XmlNode;
import org.xueliang.tracker.agent.sim.SimCamera.Answer;
import org.xueliang.tracker.agent.sim.net.http.LoopbackHttpServer;
import org.xueliang.tracker.agent.sim.net.http.SimHttpReply;
import org.xueliang.tracker.agent.sim.net.http.SimHttpRequest;

/**
 * Serves many ONVIF cameras from ONE listening socket. Each camera has its own 127.x.y.z address;
 * the socket is bound to that address when there is only one, otherwise to the wildcard on one port,
 * and a request is routed by the local address it arrived on. That keeps a 10,000-camera fleet to
 * one listening descriptor (the open-file limit here is 20,000). Requests from non-loopback peers
 * are refused with 403, so a wildcard bind does not serve the LAN. HTTP is the simulators' own
 * {@link LoopbackHttpServer} on two selector threads: the cameras answer on those threads (nothing
 * they do blocks), and a SLOW camera's answer is written later by a timer.
 */
public final class OnvifSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnvifSimulator.class);
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    /** Selector threads: the machines it runs on have two cores, shared with the agent under test. */
    private static final int THREADS = 2;
    private static final SimHttpReply FORBIDDEN = SimHttpReply.of(403, "text/plain",
            "loopback clients only".getBytes(StandardCharsets.US_ASCII));

    private final Map<InetAddress, SimCamera> cameras = new ConcurrentHashMap<>();
    /** http://address:port of each camera, made once: the answers' service addresses start with it. */
    private final Map<InetAddress, String> bases = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LoopbackHttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final List<AutoCloseable> companions = new CopyOnWriteArrayList<>();

    private OnvifSimulator(Collection<? extends SimCamera> cams, InetSocketAddress bind, Clock clock) throws IOException {
        this.clock = clock;
        for (SimCamera c : cams) {
            if (cameras.put(c.address(), c) != null) {
                throw new IllegalArgumentException("two cameras on " + c.address().getHostAddress());
            }
        }
        server = LoopbackHttpServer.start("onvif-sim", bind, THREADS, MAX_REQUEST_BYTES, this::handle);
        for (SimCamera c : cams) {
            bases.put(c.address(), "http://" + c.address().getHostAddress() + ":" + port());
        }
    }
    /**
     * Starts serving {@code cams} on {@code port} (0 = any free port). One address → bound to it;
     * several → bound to the wildcard and told apart by local address.
     */
    public static OnvifSimulator start(Collection<? extends SimCamera> cams, int port, Clock clock) throws IOException {
        long distinct = cams.stream().map(SimCamera::address).distinct().count();
        InetSocketAddress bind = distinct == 1
                ? new InetSocketAddress(cams.iterator().next().address(), port)
                : new InetSocketAddress(port);
        for (SimCamera c : cams) {
            if (!c.address().isLoopbackAddress()) {
                throw new IllegalArgumentException(c.address() + " is not a loopback address (network rule: 127.0.0.0/8 only)");
            }
        }
        return new OnvifSimulator(cams, bind, clock);
    }

    public static OnvifSimulator start(Collection<? extends SimCamera> cams, int port) throws IOException {
        return start(cams, port, Clock.systemUTC());
    }

    public int port() {
        return server.boundTo().getPort();
    }

    public InetSocketAddress boundTo() {
        return server.boundTo();
    }

    public long requests() {
        return requests.get();
    }

    public SimCamera camera(InetAddress address) {
        return cameras.get(address);
    }

    private SimHttpReply handle(SimHttpRequest r) {
        requests.incrementAndGet();
        if (!r.remote().getAddress().isLoopbackAddress()) {
            return FORBIDDEN;
        }
        InetAddress local = r.local().getAddress();
        SimCamera cam = cameras.get(local);
        Instant now = clock.instant();
        if (cam == null) {
            return reply(Answers.notFound(), Duration.ZERO);
        }
        if (cam.isDown(now)) {
            return SimHttpReply.DROP; // no headers sent: the connection is dropped, as with a dead device
        }
        Answer answer;
        try {
            answer = answer(r, cam, bases.get(local), now);
        } catch (RuntimeException e) {
            log.warn("simulated camera {} failed", local.getHostAddress(), e);
            answer = new Answer(500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8), null);
        }
        return reply(answer, cam.delay());
    }

    private static Answer answer(SimHttpRequest r, SimCamera cam, String base, Instant now) {
        if (r.method().equals("GET")) {
            return cam.get(r.target(), r.authorization(), now);
        }
        if (!r.method().equals("POST")) {
            return new Answer(405, "text/plain", "POST or GET".getBytes(StandardCharsets.US_ASCII), null);
        }
        if (r.body() == null) {
            return Answers.badRequest("request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        try {
            XmlNode env = SafeXml.parse(r.body());
            XmlNode op = env.child("Body").filter(b -> !b.children().isEmpty()).map(b -> b.children().get(0))
                    .orElseThrow(() -> new OnvifException(null, "no operation in the SOAP Body"));
            return cam.soap(env, op, base, now);
        } catch (OnvifException e) {
            return Answers.badRequest(e.getMessage());
        }
    }

    private static SimHttpReply reply(Answer a, Duration delay) {
        return new SimHttpReply(a.status(), a.contentType(), a.body(), a.headers(), delay.toMillis());
    }

    /** Something that serves alongside (a WS-Discovery responder) and is closed with the simulator. */
    public void alsoClose(AutoCloseable companion) {
        companions.add(companion);
    }

    @Override
    public void close() {
        for (AutoCloseable c : companions) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing {}: {}", c, e.toString());
            }
        }
        server.close();
    }
}
