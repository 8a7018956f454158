package org.xueliang.tracker.agent.onvif;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Asynchronous SOAP 1.2 over the JDK HttpClient: {@value #CLIENTS} clients per prober, chosen by host, envelopes built as
 * text, answers capped in size and read with {@link SafeXml}. Every call has its own timeout and
 * completes with a body element or an {@link OnvifException} that already carries the probe reason.
 */
public final class OnvifClient implements AutoCloseable {

    /** Any destination: production follows the URIs devices report, unchanged. */
    public static final Predicate<URI> ANY_DESTINATION = u -> true;

    /** Only literal 127.0.0.0/8 addresses or "localhost": the network rule for tests and demos. */
    public static final Predicate<URI> LOOPBACK_ONLY = OnvifClient::isLoopback;

    public static final int MAX_SOAP_BYTES = SafeXml.MAX_BYTES;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * HttpClients per OnvifClient, a camera's requests always through the same one (by host). The JDK client keeps
     * its idle connections in one linked expiry list that every reuse scans, under a lock, with one selector thread:
     * across thousands of cameras several smaller pools cost less CPU (bench/README.md).
     */
    static final int CLIENTS = 16;

    /**
     * One small fixed pool runs every client's callbacks and our parsing stages (nothing in them blocks). The JDK
     * default, a cached pool per client, starts and retires threads all the time under a probe burst; this alone
     * cut the agent's CPU per ONVIF probe by about a third in the benchmark.
     */
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), new ThreadFactory() {
                private final AtomicInteger n = new AtomicInteger();

                @Override
                public Thread newThread(Runnable r) {
                    Thread t = new Thread(r, "onvif-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }
            });

    private final HttpClient[] http;
    private final Predicate<URI> destinations;

    public OnvifClient(Predicate<URI> destinations) {
        this(clients(CLIENTS), destinations);
    }

    public OnvifClient(HttpClient http, Predicate<URI> destinations) {
        this(new HttpClient[] {http}, destinations);
    }

    private OnvifClient(HttpClient[] http, Predicate<URI> destinations) {
        this.http = http;
        this.destinations = destinations;
    }

    private static HttpClient[] clients(int n) {
        HttpClient[] out = new HttpClient[n];
        for (int i = 0; i < n; i++) {
            out[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).executor(WORKERS).build();
        }
        return out;
    }

    /** The client for a host: every request to one camera goes through the same pool. */
    private HttpClient http(URI uri) {
        return http.length == 1 ? http[0] : http[Math.floorMod(String.valueOf(uri.getHost()).hashCode(), http.length)];
    }

    /** An HTTP answer as bytes. */
    public record Reply(int status, HttpHeaders headers, byte[] body) {
    }

    /** Credentials plus the device clock offset that WS-UsernameToken Created must carry. */
    public record Auth(String username, String password, Duration clockOffset) {

        public Instant deviceNow() {
            return Instant.now().plus(clockOffset);
        }
    }

    /**
     * Posts one SOAP request; {@code body} is the operation element. With {@code auth} a fresh
     * WS-UsernameToken goes in the header, and a 401 Digest challenge is answered once.
     */
    public CompletableFuture<XmlNode> call(URI uri, String body, Auth auth, Duration timeout) {
        String header = auth == null || auth.username() == null ? null
                : WsUsernameToken.header(auth.username(), auth.password() == null ? "" : auth.password(),
                auth.deviceNow());
        byte[] payload = Soap.envelope(header, body).getBytes(StandardCharsets.UTF_8);
        return exchange(uri, "POST", payload, auth, timeout, MAX_SOAP_BYTES).thenApply(r -> {
            try {
                return Soap.body(r.body(), r.status());
            } catch (OnvifException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** An HTTP GET (snapshots), answering a Digest or Basic challenge once. */
    public CompletableFuture<Reply> get(URI uri, Auth auth, Duration timeout, int maxBytes) {
        return exchange(uri, "GET", null, auth, timeout, maxBytes);
    }

    private CompletableFuture<Reply> exchange(URI uri, String method, byte[] payload, Auth auth, Duration timeout,
                                              int maxBytes) {
        if (!destinations.test(uri)) {
            return CompletableFuture.failedFuture(new OnvifException(Reason.BAD_RESPONSE,
                    "destination " + uri + " refused by the network rule"));
        }
        long started = System.nanoTime();
        return send(uri, method, payload, null, timeout, maxBytes).thenCompose(r -> {
            if (r.status() != 401 || auth == null || auth.username() == null) {
                return CompletableFuture.completedFuture(r);
            }
            List<String> challenges = r.headers().allValues("www-authenticate");
            String pw = auth.password() == null ? "" : auth.password();
            Optional<String> authorization = HttpDigest.challenge(challenges)
                    .filter(c -> !c.qop().equals("unsupported"))
                    .map(c -> HttpDigest.authorization(c, method, pathAndQuery(uri), auth.username(), pw));
            if (authorization.isEmpty() && challenges.stream().anyMatch(h -> h.trim().toLowerCase(Locale.ROOT).startsWith("basic"))) {
                authorization = Optional.of("Basic " + Base64.getEncoder().encodeToString(
                        (auth.username() + ":" + pw).getBytes(StandardCharsets.UTF_8)));
            }
            if (authorization.isEmpty()) {
                return CompletableFuture.completedFuture(r);
            }
            Duration left = timeout.minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                return CompletableFuture.failedFuture(new OnvifException(Reason.TIMEOUT, "no time left for the digest round"));
            }
            return send(uri, method, payload, authorization.get(), left, maxBytes);
        });
    }

    private CompletableFuture<Reply> send(URI uri, String method, byte[] payload, String authorization,
                                          Duration timeout, int maxBytes) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
        if (payload != null) {
            b.header("Content-Type", Soap.CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpRequest request = b.build();
        long started = System.nanoTime();
        HttpClient http = http(uri);
        return http.sendAsync(request, CappedBody.handler(maxBytes))
                .exceptionallyCompose(e -> {
                    // A pooled keep-alive connection the device closed meanwhile: every ONVIF call we make
                    // only reads, so one retry on a fresh connection is safe.
                    Duration left = timeout.minusNanos(System.nanoTime() - started);
                    if (!staleConnection(e) || left.toMillis() < 1) {
                        return CompletableFuture.failedFuture(e);
                    }
                    return http.sendAsync(HttpRequest.newBuilder(request, (k, v) -> true).timeout(left).build(),
                            CappedBody.handler(maxBytes));
                })
                .thenApply(r -> new Reply(r.statusCode(), r.headers(), r.body()));
    }

    /** The connection closed before a single response byte: typical of a reused idle connection. */
    static boolean staleConnection(Throwable t) {
        Throwable c = unwrap(t);
        if (!(c instanceof IOException) || c instanceof HttpTimeoutException || c instanceof ConnectException) {
            return false;
        }
        String m = String.valueOf(c.getMessage());
        return m.contains("received no bytes") || m.contains("EOF reached") || m.contains("Connection reset");
    }

    static String pathAndQuery(URI uri) {
        String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
    }

    /** The failure inside CompletionException/ExecutionException wrappers. */
    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Maps any failure of a call to a classified exception. */
    public static OnvifException classify(Throwable t) {
        Throwable c = unwrap(t);
        if (c instanceof OnvifException o) {
            return o;
        }
        if (c instanceof HttpTimeoutException) {
            return new OnvifException(Reason.TIMEOUT, "no answer in time", c);
        }
        if (c instanceof ConnectException && !(c instanceof NoRouteToHostException)) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("refused") || c.getMessage() == null) {
                return new OnvifException(Reason.REFUSED, "connection refused", c);
            }
            return new OnvifException(Reason.UNREACHABLE, "cannot connect: " + c.getMessage(), c);
        }
        if (c instanceof IOException) {
            return new OnvifException(Reason.UNREACHABLE, c.getClass().getSimpleName() + ": " + c.getMessage(), c);
        }
        if (c instanceof IllegalArgumentException) {
            return new OnvifException(Reason.BAD_RESPONSE, "unusable URI: " + c.getMessage(), c);
        }
        return new OnvifException(Reason.BAD_RESPONSE, c.getClass().getSimpleName() + ": " + c.getMessage(), c);
    }

    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(host).matches()) {
            return host.startsWith("127.");
        }
        if (host.startsWith("[")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        // HttpClient gained close() only in Java 21; its threads are daemons and idle connections time out.
    }
}
