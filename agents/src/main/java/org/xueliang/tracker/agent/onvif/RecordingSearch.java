package org.xueliang.tracker.agent.onvif;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.xueliang.tracker.agent.onvif.OnvifClient.Auth;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.agent.probe.RecordingFacts;

/**
 * ONVIF Profile G recording search (search service, {@value #SEARCH_NS}): GetRecordingSummary gives the oldest and
 * newest recorded instant (retention); FindRecordings + GetRecordingSearchResults list the recordings, whose
 * EarliestRecording/LatestRecording and tracks' DataFrom/DataTo are taken as recorded intervals and cut to the
 * searched window. A device that starts a new recording after an interruption (as the simulator and many NVRs do)
 * shows its gaps this way; one that keeps a single recording across a gap hides it (FindEvents would show it; not
 * used). Answers are read with {@link SafeXml} (no DTDs, no external entities) through {@link OnvifClient}.
 */
public final class RecordingSearch {

    public static final String SEARCH_NS = "http://www.onvif.org/ver10/search/wsdl";
    static final String NS = " xmlns:tse=\"" + SEARCH_NS + "\"";
    static final int MAX_RESULTS = 100;
    static final int MAX_ROUNDS = 20;

    private final OnvifClient client;

    public RecordingSearch(OnvifClient client) {
        this.client = client;
    }

    /** The search service's address from GetServices, else the device service (many cameras serve all there). */
    public static URI searchUri(URI deviceUri, OnvifResponses.Services services) {
        return services == null ? deviceUri : Optional.ofNullable(services.xaddrs().get(SEARCH_NS))
                .map(x -> OnvifProber.resolve(deviceUri, x)).orElse(deviceUri);
    }

    /**
     * Summary and the recorded intervals of [windowStart, windowEnd), as {@link RecordingFacts}. Fails (with an
     * {@link OnvifException}) when the device does not answer the search, e.g. ActionNotSupported without Profile G.
     */
    public CompletableFuture<Map<String, String>> search(URI uri, Auth auth, Instant windowStart, Instant windowEnd,
                                                         Supplier<Duration> left) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        return client.call(uri, "<tse:GetRecordingSummary" + NS + "/>", auth, left.get())
                .thenCompose(summary -> {
                    Summary s = parse(() -> summary(summary));
                    s.from().ifPresent(f -> facts.put(RecordingFacts.EARLIEST, f.toString()));
                    s.until().ifPresent(u -> facts.put(RecordingFacts.LATEST, u.toString()));
                    return client.call(uri, "<tse:FindRecordings" + NS + "><tse:Scope/><tse:MaxMatches>1000</tse:MaxMatches>"
                            + "<tse:KeepAliveTime>PT10S</tse:KeepAliveTime></tse:FindRecordings>", auth, left.get());
                })
                .thenCompose(found -> {
                    String token = parse(() -> searchToken(found));
                    return results(uri, auth, token, left, new ArrayList<>(), 0);
                })
                .thenApply(intervals -> {
                    facts.putAll(RecordingFacts.encode(windowStart, windowEnd, intervals));
                    return facts;
                });
    }

    private CompletableFuture<List<RecordingFacts.Interval>> results(URI uri, Auth auth, String token, Supplier<Duration> left,
                                                                   List<RecordingFacts.Interval> so, int round) {
        String body = "<tse:GetRecordingSearchResults" + NS + "><tse:SearchToken>" + SafeXml.escape(token)
                + "</tse:SearchToken><tse:MinResults>1</tse:MinResults><tse:MaxResults>" + MAX_RESULTS
                + "</tse:MaxResults><tse:WaitTime>PT1S</tse:WaitTime></tse:GetRecordingSearchResults>";
        return client.call(uri, body, auth, left.get()).thenCompose(answer -> {
            Page page = parse(() -> searchResults(answer));
            so.addAll(page.intervals());
            if (page.completed() || round + 1 >= MAX_ROUNDS) {
                return CompletableFuture.completedFuture(so);
            }
            return results(uri, auth, token, left, so, round + 1);
        });
    }

    /** GetRecordingSummary: DataFrom and DataUntil (absent when the device holds no recording). */
    record Summary(Optional<Instant> from, Optional<Instant> until) {
    }

    /** One GetRecordingSearchResults answer: the intervals it listed and whether the search is complete. */
    record Page(List<RecordingFacts.Interval> intervals, boolean completed) {
    }

    static Summary summary(XmlNode body) throws OnvifException {
        expect(body, "GetRecordingSummaryResponse");
        XmlNode s = body.child("Summary").orElseThrow(() -> bad("GetRecordingSummaryResponse without Summary"));
        return new Summary(s.child("DataFrom").flatMap(n -> dateTime(n.text())),
                s.child("DataUntil").flatMap(n -> dateTime(n.text())));
    }

    static String searchToken(XmlNode body) throws OnvifException {
        expect(body, "FindRecordingsResponse");
        String token = body.findText("SearchToken").orElse("");
        if (token.isEmpty()) {
            throw bad("FindRecordingsResponse without a SearchToken");
        }
        return token;
    }

    static Page searchResults(XmlNode body) throws OnvifException {
        expect(body, "GetRecordingSearchResultsResponse");
        XmlNode list = body.child("ResultList").orElseThrow(() -> bad("GetRecordingSearchResultsResponse without ResultList"));
        List<RecordingFacts.Interval> out = new ArrayList<>();
        for (XmlNode info : list.childrenNamed("RecordingInformation")) {
            interval(info, "EarliestRecording", "LatestRecording").ifPresent(out::add);
            for (XmlNode track : info.childrenNamed("Track")) {
                interval(track, "DataFrom", "DataTo").ifPresent(out::add);
            }
        }
        boolean completed = list.child("SearchState").map(n -> n.text().trim()).orElse("Completed").equals("Completed");
        return new Page(List.copyOf(out), completed);
    }

    private static Optional<RecordingFacts.Interval> interval(XmlNode n, String from, String to) {
        Optional<Instant> f = n.child(from).flatMap(x -> dateTime(x.text()));
        Optional<Instant> t = n.child(to).flatMap(x -> dateTime(x.text()));
        return f.isPresent() && t.isPresent() && f.get().isBefore(t.get())
                ? Optional.of(new RecordingFacts.Interval(f.get(), t.get())) : Optional.empty();
    }

    /** An xs:dateTime; without a zone it is read as UTC (ONVIF times are UTC). */
    static Optional<Instant> dateTime(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException e) {
            try {
                return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e2) {
                return Optional.empty();
            }
        }
    }

    private static void expect(XmlNode body, String local) throws OnvifException {
        if (!body.localName().equals(local)) {
            throw bad("expected " + local + " but the device answered " + body.localName());
        }
    }

    private static OnvifException bad(String message) {
        return new OnvifException(Reason.BAD_RESPONSE, message);
    }

    private interface Parse<T> {
        T get() throws OnvifException;
    }

    private static <T> T parse(Parse<T> p) {
        try {
            return p.get();
        } catch (OnvifException e) {
            throw new CompletionException(e);
        }
    }
}
