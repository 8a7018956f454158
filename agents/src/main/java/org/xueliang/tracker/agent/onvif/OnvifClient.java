package org.xueliang.tracker.agent.onvif;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.xueliang.tracker.agent.net.http.BadResponseException;
import org.xueliang.tracker.agent.net.http.HttpFields;
import org.xueliang.tracker.agent.net.http.KeepAliveHttpClient;
import org.xueliang.tracker.agent.probe.Reason;

/**
 * Asynchronous SOAP 1.2 for the ONVIF prober. Plain-http devices (nearly all) go through the project's own
 * keep-alive client ({@link KeepAliveHttpClient}: selector threads, connections pooled per camera, TCP_NODELAY),
 * https ones through the JDK HttpClient. Envelopes are built as text, answers capped in size and read with
 * {@link SafeXml}. Every call has its own timeout and completes with a body element or an {@link OnvifException}
 * that already carries the probe reason.
 *
 * <p>Why not the JDK client for everything: profiling the probing benchmark showed it at ~475 µs CPU per SOAP
 * exchange, most of it in its per-request machinery (a locked expiry list scanned on every reuse, a cascade of
 * futures, a thread hop per stage); the keep-alive client does the same exchange in a fraction (docs/BENCHMARKS.md).
 */
public final class OnvifClient implements AutoCloseable {

    /** Any destination: production follows the URIs devices report, unchanged. */
    public static final Predicate<URI> ANY_DESTINATION = u -> true;

    /** Only literal 127.0.0.0/8 addresses or "localhost": the network rule for tests and demos. */
    public static final Predicate<URI> LOOPBACK_ONLY = OnvifClient::isLoopback;

    public static final int MAX_SOAP_BYTES = SafeXml.MAX_BYTES;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String[] NO_HEADERS = {};

    /**
     * Shared by every client in the JVM, like the connections it pools: one agent runs one ONVIF prober, and
     * tests that make many clients should not make many selector threads.
     */
    private static final class Transports {
        static final KeepAliveHttpClient PLAIN = new KeepAliveHttpClient("onvif-http");
        /** https only; its callbacks run on a small fixed pool instead of the JDK default cached one. */
        static final HttpClient TLS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "onvif-https");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    private final Predicate<URI> destinations;

    public OnvifClient(Predicate<URI> destinations) {
        this.destinations = destinations;
    }

    /** An HTTP answer as bytes. */
    public record Reply(int status, HttpFields headers, byte[] body) {
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
            List<String> challenges = r.headers().all("www-authenticate");
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
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            String[] headers = payload == null
                    ? (authorization == null ? NO_HEADERS : new String[] {"Authorization", authorization})
                    : (authorization == null ? new String[] {"Content-Type", Soap.CONTENT_TYPE}
                    : new String[] {"Content-Type", Soap.CONTENT_TYPE, "Authorization", authorization});
            return Transports.PLAIN.send(method, uri, payload, timeout, maxBytes, headers)
                    .thenApply(r -> new Reply(r.status(), r.headers(), r.body()));
        }
        return sendTls(uri, method, payload, authorization, timeout, maxBytes);
    }

    private CompletableFuture<Reply> sendTls(URI uri, String method, byte[] payload, String authorization,
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
        HttpClient http = Transports.TLS;
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
                .thenApply(r -> new Reply(r.statusCode(), HttpFields.of(r.headers().map()), r.body()));
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
        if (c instanceof BadResponseException) {
            return new OnvifException(Reason.BAD_RESPONSE, c.getMessage(), c);
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
        // The transports are shared by the JVM's clients; their threads are daemons and idle connections time out.
    }
}
