package org.xueliang.tracker.agent.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.onvif.OnvifException;
import org.xueliang.tracker.agent.onvif.SafeXml;
import org.xueliang.tracker.agent.onvif.XmlNode;
import org.xueliang.tracker.agent.sim.SimCamera.Answer;

/**
 * Serves many ONVIF cameras from ONE listening socket. Each camera has its own 127.x.y.z address;
 * the socket is bound to that address when there is only one, otherwise to the wildcard on one port,
 * and a request is routed by the local address it arrived on. That keeps a 10,000-camera fleet to
 * one listening descriptor (the open-file limit here is 20,000). Requests from non-loopback peers
 * are refused with 403, so a wildcard bind does not serve the LAN.
 */
public final class OnvifSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnvifSimulator.class);
    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    static {
        // Read once when the JDK server classes load: without it small answers wait for delayed ACKs (~1,800 req/s).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The default keeps at most 200 idle keep-alive connections and closes the rest under a fleet's load.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
    }

    private final Map<InetAddress, SimCamera> cameras = new ConcurrentHashMap<>();
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final AtomicLong requests = new AtomicLong();
    private final List<AutoCloseable> companions = new CopyOnWriteArrayList<>();

    private OnvifSimulator(Collection<? extends SimCamera> cams, InetSocketAddress bind, Clock clock, int threads)
            throws IOException {
        this.clock = clock;
        for (SimCamera c : cams) {
            if (cameras.put(c.address(), c) != null) {
                throw new IllegalArgumentException("two cameras on " + c.address().getHostAddress());
            }
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, r -> daemon(r, "onvif-sim-" + n.incrementAndGet()));
        delays = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "onvif-sim-delay"));
        server = HttpServer.create(bind, 1024);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
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
        return new OnvifSimulator(cams, bind, clock, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    public static OnvifSimulator start(Collection<? extends SimCamera> cams, int port) throws IOException {
        return start(cams, port, Clock.systemUTC());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress boundTo() {
        return server.getAddress();
    }

    public long requests() {
        return requests.get();
    }

    public SimCamera camera(InetAddress address) {
        return cameras.get(address);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        InetAddress local = ex.getLocalAddress().getAddress();
        if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            reply(ex, new Answer(403, "text/plain", "loopback clients only".getBytes(), null));
            return;
        }
        SimCamera cam = cameras.get(local);
        Instant now = clock.instant();
        if (cam == null) {
            reply(ex, Answers.notFound());
            return;
        }
        if (cam.isDown(now)) {
            ex.close(); // no headers sent: the connection is dropped, as with a dead device
            return;
        }
        Answer answer;
        try {
            answer = answer(ex, cam, now);
        } catch (RuntimeException e) {
            log.warn("simulated camera {} failed", local.getHostAddress(), e);
            answer = new Answer(500, "text/plain", String.valueOf(e).getBytes(), null);
        }
        Duration delay = cam.delay();
        if (delay.isZero()) {
            reply(ex, answer);
        } else {
            Answer late = answer;
            delays.schedule(() -> workers.execute(() -> {
                try {
                    reply(ex, late);
                } catch (IOException e) {
                    ex.close(); // the client gave up waiting
                }
            }), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Answer answer(HttpExchange ex, SimCamera cam, Instant now) throws IOException {
        String base = "http://" + ex.getLocalAddress().getAddress().getHostAddress() + ":" + ex.getLocalAddress().getPort();
        String pathAndQuery = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        if (ex.getRequestMethod().equals("GET")) {
            return cam.get(pathAndQuery, ex.getRequestHeaders().getFirst("Authorization"), now);
        }
        if (!ex.getRequestMethod().equals("POST")) {
            return new Answer(405, "text/plain", "POST or GET".getBytes(), null);
        }
        byte[] body = readCapped(ex.getRequestBody());
        if (body == null) {
            return Answers.badRequest("request larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        try {
            XmlNode env = SafeXml.parse(body);
            XmlNode op = env.child("Body").filter(b -> !b.children().isEmpty()).map(b -> b.children().get(0))
                    .orElseThrow(() -> new OnvifException(null, "no operation in the SOAP Body"));
            return cam.soap(env, op, base, now);
        } catch (OnvifException e) {
            return Answers.badRequest(e.getMessage());
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return b.length > MAX_REQUEST_BYTES ? null : b;
    }

    private static void reply(HttpExchange ex, Answer a) throws IOException {
        ex.getResponseHeaders().set("Content-Type", a.contentType());
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(a.body());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
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
        server.stop(0);
        delays.shutdownNow();
        workers.shutdownNow();
    }
}
