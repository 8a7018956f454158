package org.xueliang.tracker.agent.onvif;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.xueliang.tracker.agent.onvif.OnvifClient.Auth;
import org.xueliang.tracker.agent.onvif.OnvifResponses.DeviceInformation;
import org.xueliang.tracker.agent.onvif.OnvifResponses.DeviceTime;
import org.xueliang.tracker.agent.onvif.OnvifResponses.Profile;
import org.xueliang.tracker.agent.onvif.OnvifResponses.Services;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Prober;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.RecordingFacts;
import org.xueliang.tracker.agent.probe.Status;

/**
 * Probes an ONVIF camera: GetSystemDateAndTime without auth (reachable, clock offset), then with
 * WS-UsernameToken GetDeviceInformation (identity facts), GetServices or GetCapabilities (media
 * XAddr), GetProfiles, GetSnapshotUri and the snapshot itself (video present, not black, not frozen).
 *
 * <p>Settings: {@code onvif.path} (default {@code /onvif/device_service}), {@code onvif.scheme}
 * (http), {@code onvif.clockToleranceSeconds} (300), {@code onvif.snapshot} (true), {@code onvif.recordings} (true:
 * a Profile G recording search, {@link RecordingSearch}, at most once per {@code onvif.recordingSearchInterval}
 * (PT12H) per camera, over the last {@code onvif.recordingWindow} (PT24H); its facts are {@link RecordingFacts}; a
 * camera without Profile G or a failed search changes nothing in the result), {@code onvif.vqdInterval} (PT4H: the
 * picture-quality check of the snapshot, {@link ScheduledVqd}; PT0S = off), {@code vqd.thresholds} and
 * {@code vqd.reference} (the device category's VQD thresholds and the approved reference picture, set by the backend).
 * No answer at all → DOWN (UNREACHABLE/REFUSED/TIMEOUT); any later problem → DEGRADED with the
 * most serious reason; URIs the device reports are followed as given, never rewritten.
 */
public final class OnvifProber implements Prober {

    public static final String PATH = "onvif.path";
    public static final String SCHEME = "onvif.scheme";
    public static final String CLOCK_TOLERANCE = "onvif.clockToleranceSeconds";
    public static final String SNAPSHOT = "onvif.snapshot";
    public static final String RECORDINGS = "onvif.recordings";
    public static final String RECORDING_SEARCH_INTERVAL = "onvif.recordingSearchInterval";
    public static final String RECORDING_WINDOW = "onvif.recordingWindow";
    public static final String VQD_INTERVAL = ScheduledVqd.INTERVAL;

    static final String GET_SYSTEM_DATE_AND_TIME = "<tds:GetSystemDateAndTime/>";
    static final String GET_DEVICE_INFORMATION = "<tds:GetDeviceInformation/>";
    static final String GET_SERVICES = "<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></tds:GetServices>";
    static final String GET_CAPABILITIES = "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>";
    static final String GET_PROFILES = "<trt:GetProfiles/>";

    /**
     * Decoding and judging snapshots takes milliseconds: off the HTTP client's selector threads, which every other
     * camera's exchanges wait on.
     */
    private static final java.util.concurrent.Executor JUDGING = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread th = new Thread(r, "onvif-judge");
                th.setDaemon(true);
                return th;
            });

    private final OnvifClient client;
    private final SnapshotCheck snapshots;
    private final ScheduledVqd vqd;
    private final RecordingSearch recordings;
    /** When each camera's recordings were last searched (in this agent's memory: a restart searches again). */
    private final Map<Long, Instant> lastSearch = new ConcurrentHashMap<>();

    /** Production: follows whatever URIs devices report. */
    public OnvifProber() {
        this(OnvifClient.ANY_DESTINATION, new SnapshotCheck());
    }

    public OnvifProber(Predicate<URI> destinations, SnapshotCheck snapshots) {
        this(destinations, snapshots, PreviousSnapshots.none());
    }

    /** {@code previous}: where the scheduled picture check keeps each camera's last checked snapshot (FREEZE). */
    public OnvifProber(Predicate<URI> destinations, SnapshotCheck snapshots, PreviousSnapshots previous) {
        this(destinations, snapshots, previous, VqdSnapshotSink.NONE);
    }

    /** {@code checkedPictures}: receives the picture of each scheduled check (shown on the device page). */
    public OnvifProber(Predicate<URI> destinations, SnapshotCheck snapshots, PreviousSnapshots previous,
                       VqdSnapshotSink checkedPictures) {
        this.client = new OnvifClient(destinations);
        this.snapshots = snapshots;
        this.vqd = new ScheduledVqd(previous, checkedPictures);
        this.recordings = new RecordingSearch(client);
    }

    @Override
    public Method method() {
        return Method.ONVIF;
    }

    @Override
    public CompletableFuture<ProbeResult> probe(ProbeTarget target) {
        Run run = new Run(target);
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(target.timeout().toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> result.complete(run.finish(Reason.TIMEOUT, "probe did not finish within " + target.timeout())));
        try {
            run.start().whenComplete((r, e) -> result.complete(r != null ? r : run.failed(e)));
        } catch (RuntimeException e) {
            result.complete(run.failed(e));
        }
        return result;
    }

    /** Ends the chain early with a finished result. */
    private static final class Stop extends RuntimeException {
        final ProbeResult result;

        Stop(ProbeResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private record Problem(Reason reason, String detail) {
    }

    private final class Run {
        final ProbeTarget t;
        final Instant startedAt = Instant.now();
        final long startNanos = System.nanoTime();
        final Map<String, String> facts = new ConcurrentHashMap<>();
        final List<Problem> problems = new ArrayList<>();
        volatile boolean reachable;
        Duration offset = Duration.ZERO;
        Auth auth;
        URI deviceUri;
        URI mediaUri;
        Services services;

        Run(ProbeTarget t) {
            this.t = t;
        }

        CompletableFuture<ProbeResult> start() {
            String path = t.setting(PATH, "/onvif/device_service");
            deviceUri = URI.create(t.setting(SCHEME, "http") + "://" + hostPort() + (path.startsWith("/") ? path : "/" + path));
            long sent = System.nanoTime();
            return client.call(deviceUri, GET_SYSTEM_DATE_AND_TIME, null, left())
                    .handle((body, err) -> afterSystemTime(body, err, sent))
                    .thenCompose(x -> client.call(deviceUri, GET_DEVICE_INFORMATION, auth, left()))
                    .handle(this::afterDeviceInformation)
                    .thenCompose(x -> Boolean.parseBoolean(t.setting(SNAPSHOT, "true")) ? video() : done())
                    .thenCompose(this::withRecordings);
        }

        /**
         * The recording search when it is due for this camera and the camera answered with our credentials; within
         * this probe's time but leaving a tenth of it, so a slow search never turns into a probe timeout.
         */
        CompletableFuture<ProbeResult> withRecordings(ProbeResult r) {
            Instant now = Instant.now();
            Instant last = lastSearch.get(t.deviceId());
            Duration every = duration(t.setting(RECORDING_SEARCH_INTERVAL, "PT12H"), Duration.ofHours(12));
            Duration margin = t.timeout().dividedBy(10);
            if (!Boolean.parseBoolean(t.setting(RECORDINGS, "true")) || r.status() == Status.DOWN
                    || r.reason() == Reason.AUTH_FAILED || (last != null && last.plus(every).isAfter(now))
                    || left().minus(margin).toMillis() < 200) {
                return CompletableFuture.completedFuture(r);
            }
            lastSearch.put(t.deviceId(), now);
            Duration window = duration(t.setting(RECORDING_WINDOW, "PT24H"), Duration.ofHours(24));
            Supplier<Duration> budget = () -> {
                Duration d = left().minus(margin);
                return d.toMillis() < 1 ? Duration.ofMillis(1) : d;
            };
            return recordings.search(RecordingSearch.searchUri(deviceUri, services), auth, now.minus(window), now, budget)
                    .handle((facts, e) -> facts == null ? r : r.withFacts(facts));
        }

        Void afterSystemTime(XmlNode body, Throwable err, long sentNanos) {
            if (err != null) {
                OnvifException e = OnvifClient.classify(err);
                if (isNetwork(e.reason())) {
                    throw new Stop(finish(e.reason(), "GetSystemDateAndTime: " + e.getMessage()));
                }
                reachable = true; // it answered; some devices want auth even for the time
                if (e.reason() == Reason.BAD_RESPONSE) {
                    problems.add(new Problem(Reason.BAD_RESPONSE, "GetSystemDateAndTime: " + e.getMessage()));
                }
            } else {
                reachable = true;
                try {
                    DeviceTime dt = OnvifResponses.systemDateAndTime(body);
                    Instant localAtAnswer = Instant.now().minusNanos((System.nanoTime() - sentNanos) / 2);
                    offset = Duration.between(localAtAnswer, dt.utc());
                    facts.put(Facts.CLOCK_OFFSET_MS, Long.toString(offset.toMillis()));
                    long tolerance = Long.parseLong(t.setting(CLOCK_TOLERANCE, "300"));
                    if (Math.abs(offset.toSeconds()) > tolerance) {
                        problems.add(new Problem(Reason.CLOCK_DRIFT, "device clock off by " + offset.toSeconds()
                                + " s (tolerance " + tolerance + " s)"));
                    }
                } catch (OnvifException e) {
                    problems.add(new Problem(Reason.BAD_RESPONSE, "GetSystemDateAndTime: " + e.getMessage()));
                }
            }
            auth = new Auth(t.secrets().username(), t.secrets().password(), offset);
            return null;
        }

        Void afterDeviceInformation(XmlNode body, Throwable err) {
            rethrowStop(err);
            OnvifException e = err == null ? null : OnvifClient.classify(err);
            if (e == null) {
                try {
                    DeviceInformation di = OnvifResponses.deviceInformation(body);
                    putFact(Facts.MANUFACTURER, di.manufacturer());
                    putFact(Facts.MODEL, di.model());
                    putFact(Facts.FIRMWARE, di.firmware());
                    putFact(Facts.SERIAL, di.serial());
                    putFact(Facts.HARDWARE_ID, di.hardwareId());
                    return null;
                } catch (OnvifException parse) {
                    e = parse;
                }
            }
            throw new Stop(finish(e.reason(), "GetDeviceInformation: " + e.getMessage()));
        }

        CompletableFuture<ProbeResult> video() {
            return client.call(deviceUri, GET_SERVICES, auth, left())
                    .thenApply(b -> sneaky(() -> OnvifResponses.services(b)))
                    .exceptionallyCompose(e -> client.call(deviceUri, GET_CAPABILITIES, auth, left())
                            .thenApply(b -> sneaky(() -> OnvifResponses.capabilities(b))))
                    .handle((Services s, Throwable e) -> {
                        services = s;
                        mediaUri = s == null ? deviceUri : s.mediaXAddr().map(x -> resolve(deviceUri, x)).orElse(deviceUri);
                        return mediaUri;
                    })
                    .thenCompose(m -> client.call(m, GET_PROFILES, auth, left()))
                    .thenApply(b -> sneaky(() -> OnvifResponses.profiles(b)))
                    .thenCompose(this::snapshotUri)
                    .thenCompose(uri -> client.get(uri, auth, left(), SnapshotCheck.MAX_BYTES))
                    .thenApplyAsync(this::judge, JUDGING)
                    .exceptionally(e -> {
                        rethrowStop(e);
                        OnvifException o = OnvifClient.classify(e);
                        return finish(o.reason(), "media: " + o.getMessage());
                    });
        }

        CompletableFuture<URI> snapshotUri(List<Profile> profiles) {
            if (profiles.isEmpty()) {
                throw new Stop(finish(Reason.NO_VIDEO, "no media profile"));
            }
            String body = "<trt:GetSnapshotUri><trt:ProfileToken>" + SafeXml.escape(profiles.get(0).token())
                    + "</trt:ProfileToken></trt:GetSnapshotUri>";
            return client.call(mediaUri, body, auth, left())
                    .thenApply(b -> resolve(mediaUri, sneaky(() -> OnvifResponses.snapshotUri(b))));
        }

        ProbeResult judge(OnvifClient.Reply r) {
            if (r.status() == 401) {
                return finish(Reason.AUTH_FAILED, "snapshot: HTTP 401");
            }
            if (r.status() != 200) {
                return finish(Reason.NO_VIDEO, "snapshot: HTTP " + r.status());
            }
            facts.put(Facts.SNAPSHOT_BYTES, Integer.toString(r.body().length));
            SnapshotCheck.Verdict v = snapshots.check(t.deviceId(), r.body());
            if (v.reason() == Reason.OK) {
                String iv = t.setting(VQD_INTERVAL, "PT4H").trim();
                Duration every = "PT0S".equals(iv) ? Duration.ZERO : duration(iv, ScheduledVqd.DEFAULT_INTERVAL);
                ScheduledVqd.Judging judging = new ScheduledVqd.Judging(t.setting(ScheduledVqd.THRESHOLDS, null),
                        t.setting(ScheduledVqd.REFERENCE, null));
                vqd.check(t.deviceId(), r.body(), Instant.now(), every, judging).ifPresent(o -> facts.putAll(o.facts()));
                String faults = vqd.lastFaults(t.deviceId());
                return faults == null ? finish(null, null) : finish(Reason.VQD_FAULT, faults);
            }
            return finish(v.reason(), v.detail());
        }

        CompletableFuture<ProbeResult> done() {
            return CompletableFuture.completedFuture(finish(null, null));
        }

        ProbeResult failed(Throwable e) {
            Throwable c = OnvifClient.unwrap(e);
            if (c instanceof Stop s) {
                return s.result;
            }
            OnvifException o = OnvifClient.classify(c);
            return finish(o.reason(), o.getMessage());
        }

        /** The result from what was seen so far plus an optional last problem. */
        synchronized ProbeResult finish(Reason last, String detail) {
            List<Problem> all = new ArrayList<>(problems);
            if (last != null) {
                all.add(new Problem(last, detail));
            }
            Duration latency = Duration.ofNanos(System.nanoTime() - startNanos);
            if (!reachable) {
                Reason r = last == null ? Reason.UNREACHABLE : last;
                return ProbeResult.of(t, startedAt, latency, Status.DOWN, r, detail, facts);
            }
            if (all.isEmpty()) {
                return ProbeResult.up(t, startedAt, latency, facts);
            }
            Problem worst = all.stream().min(Comparator.comparingInt(p -> p.reason().ordinal())).orElseThrow();
            String text = all.stream().map(Problem::detail).reduce((a, b) -> a + "; " + b).orElse(null);
            return ProbeResult.of(t, startedAt, latency, Status.DEGRADED, worst.reason(), text, facts);
        }

        Duration left() {
            Duration d = t.timeout().minusNanos(System.nanoTime() - startNanos);
            return d.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : d;
        }

        String hostPort() {
            String h = t.host().contains(":") && !t.host().startsWith("[") ? "[" + t.host() + "]" : t.host();
            return t.port() > 0 ? h + ":" + t.port() : h;
        }

        void putFact(String key, String value) {
            if (value != null && !value.isEmpty()) {
                facts.put(key, value);
            }
        }
    }

    /** A {@link Stop} already holds the result: let it pass through handle/exceptionally stages. */
    private static void rethrowStop(Throwable err) {
        if (err instanceof Stop s) {
            throw s;
        }
        if (err != null && err.getCause() instanceof Stop s) {
            throw s;
        }
    }

    private static Duration duration(String iso, Duration fallback) {
        try {
            Duration d = Duration.parse(iso.trim());
            return d.isNegative() || d.isZero() ? fallback : d;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static boolean isNetwork(Reason r) {
        return r == Reason.UNREACHABLE || r == Reason.REFUSED || r == Reason.TIMEOUT;
    }

    static URI resolve(URI base, String reported) {
        try {
            return base.resolve(reported.trim());
        } catch (IllegalArgumentException e) {
            throw new CompletionException(new OnvifException(Reason.BAD_RESPONSE, "unusable URI from the device: " + reported));
        }
    }

    private interface Parse<T> {
        T get() throws OnvifException;
    }

    private static <T> T sneaky(Parse<T> p) {
        try {
            return p.get();
        } catch (OnvifException e) {
            throw new CompletionException(e);
        }
    }
}
