package org.xueliang.tracker.agent.net.http;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plain-HTTP/1.1 client for the probers: a few selector threads ({@link HttpEventLoop}), kept-alive connections
 * with TCP_NODELAY pooled per host:port, answers read whole into memory up to a cap. Built for thousands of
 * small request/answer exchanges a second with little CPU each; it does no TLS, no redirects, no proxies, no
 * cookies (ONVIF over https goes through the JDK client instead).
 *
 * <p>A device's requests always go through the same loop (chosen by host:port), so an ONVIF probe's second
 * request finds the connection its first one left idle. Idle connections close after {@code idleTimeout}, or when
 * the device closes them; at most {@code maxIdle} are kept per loop.
 */
public final class KeepAliveHttpClient implements AutoCloseable {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_IDLE = 8192;
    private static final String USER_AGENT = "xueliang-agent";

    /** Host names (rare: devices are configured by address) are looked up off the event loops. */
    private static final Executor RESOLVER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "http-resolve");
        t.setDaemon(true);
        return t;
    });

    private final HttpEventLoop[] loops;

    public KeepAliveHttpClient(String name) {
        this(name, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), DEFAULT_MAX_IDLE,
                DEFAULT_IDLE_TIMEOUT);
    }

    public KeepAliveHttpClient(String name, int threads, int maxIdle, Duration idleTimeout) {
        loops = new HttpEventLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new HttpEventLoop(name + "-" + (i + 1),
                    new IdleConnections(Math.max(1, maxIdle / threads), 4, idleTimeout.toNanos()));
        }
    }

    /**
     * Sends one request; the future completes with the whole answer, or fails with a {@link java.net.ConnectException}
     * (refused, unreachable), {@link java.net.http.HttpTimeoutException} (no complete answer in time),
     * {@link BadResponseException} (not readable HTTP, or a body over {@code maxBody}) or another IOException.
     *
     * @param headers name, value, name, value… (Host, User-Agent and Content-Length are added)
     */
    public CompletableFuture<HttpReply> send(String method, URI uri, byte[] body, Duration timeout, int maxBody,
                                             String... headers) {
        try {
            return submit(method, uri, body, timeout, maxBody, headers);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<HttpReply> submit(String method, URI uri, byte[] body, Duration timeout, int maxBody,
                                                String... headers) {
        long deadline = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeout.toNanos());
        String host = uri.getHost();
        if (host == null || !"http".equalsIgnoreCase(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an http:// URI with a host: " + uri));
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        byte[] request = requestBytes(method, uri, host, body, headers);
        String poolKey = bare + ":" + port;
        HttpEventLoop loop = loops[Math.floorMod(poolKey.hashCode(), loops.length)];
        boolean head = method.equals("HEAD");
        if (isLiteral(bare)) {
            Exchange x = new Exchange(new InetSocketAddress(literal(bare), port), poolKey, request, head, maxBody, deadline);
            loop.submit(x);
            return x.result;
        }
        return CompletableFuture.supplyAsync(() -> new InetSocketAddress(bare, port), RESOLVER).thenCompose(address -> {
            if (address.isUnresolved()) {
                return CompletableFuture.failedFuture(new UnknownHostException(bare));
            }
            Exchange x = new Exchange(address, poolKey, request, head, maxBody, deadline);
            loop.submit(x);
            return x.result;
        });
    }

    static byte[] requestBytes(String method, URI uri, String host, byte[] body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(host);
        if (uri.getPort() >= 0) {
            head.append(':').append(uri.getPort());
        }
        head.append("\r\nUser-Agent: ").append(USER_AGENT).append("\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(token(headers[i])).append(": ").append(fieldValue(headers[i + 1])).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null || body.length == 0) {
            return h;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length + body.length);
        out.writeBytes(h);
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** A header name may not smuggle separators; a value may not smuggle a line break (request splitting). */
    private static String token(String name) {
        if (name.isEmpty() || !name.chars().allMatch(ch -> ch > 32 && ch < 127 && ch != ':')) {
            throw new IllegalArgumentException("bad header name: " + name);
        }
        return name;
    }

    private static String fieldValue(String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value with a line break");
        }
        return value;
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(ch -> (ch >= '0' && ch <= '9') || ch == '.');
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // a literal address: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address " + host, e);
        }
    }

    @Override
    public void close() {
        for (HttpEventLoop l : loops) {
            l.close();
        }
    }
}
