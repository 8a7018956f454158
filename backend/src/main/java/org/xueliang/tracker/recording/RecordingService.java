package org.xueliang.tracker.recording;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.assessment.IndicatorSource.Finding;
import org.xueliang.tracker.gb28181.GbRecordings;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.recording.RecordingStore.Retention;
import org.xueliang.tracker.recording.Spans.Span;

/**
 * 录像完整率 and retention per camera over county days: both sources united (a second recorded by either counts),
 * the windows either answered as the measured time ({@link RecordingCalculator}), the oldest recording against
 * 录像保存天数, and the findings that explain a shortfall. Read-only.
 */
@Service
class RecordingService {

    static final String GAP = "RECORDING_GAP";
    static final String NOT_QUERIED = "RECORDING_NOT_QUERIED";
    static final String RETENTION_SHORT = "RECORDING_RETENTION_SHORT";

    private final GbRecordings gb;
    private final RecordingStore store;
    private final RecordingSettings settings;
    private final Clock clock;

    RecordingService(GbRecordings gb, RecordingStore store, RecordingSettings settings, Clock clock) {
        this.gb = gb;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a camera's recordings reach back to, against what it must keep; {@code ok} null when not reported. */
    record RetentionView(String source, Instant earliest, Instant latest, Instant reportedAt, Double days,
                         int requiredDays, Boolean ok) {
    }

    /** One camera over the period: the figure, its recorded intervals (period-clipped), retention and findings. */
    record CameraRecording(Camera camera, RecordingCalculator.Result result, List<Span> recorded, RetentionView retention,
                           List<Finding> findings, boolean synthetic) {
    }

    ZoneId zone() {
        return clock.getZone();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The expected recording window as configured (county time, every day). */
    String expectedWindow() {
        return settings.windowText();
    }

    /** The cameras' recordings over the county days [from, to] (both inclusive), in the cameras' order. */
    @Transactional(readOnly = true)
    public List<CameraRecording> of(List<Camera> cameras, LocalDate from, LocalDate toInclusive) {
        ZoneId zone = zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = toInclusive.plusDays(1).atStartOfDay(zone).toInstant();
        List<Long> ids = cameras.stream().map(Camera::id).toList();
        Map<Long, List<Span>> recorded = new HashMap<>(store.intervals(ids, start, end));
        Map<Long, List<Span>> answered = new HashMap<>(store.windows(ids, start, end));
        Map<String, Long> byCode = new HashMap<>();
        cameras.stream().filter(c -> c.gbCode() != null).forEach(c -> byCode.put(c.gbCode(), c.id()));
        addGb(recorded, gb.intervals(byCode.keySet(), start, end), byCode);
        addGb(answered, gb.lastAnsweredWindows(byCode.keySet(), start, end), byCode);
        Map<Long, List<Retention>> retention = store.retention(ids);
        Map<Long, Integer> requiredDays = settings.retentionDays(cameras);
        java.util.Set<Long> synthetic = store.synthetic(ids, start, end);
        Instant now = clock.instant();
        List<CameraRecording> out = new ArrayList<>();
        for (Camera c : cameras) {
            List<Span> rec = Spans.clip(recorded.getOrDefault(c.id(), List.of()), start, end);
            RecordingCalculator.Result result = RecordingCalculator.compute(from, toInclusive.plusDays(1), zone,
                    settings.window(), d -> c.inServiceDuring(d, d.plusDays(1)), now, rec,
                    answered.getOrDefault(c.id(), List.of()));
            RetentionView r = retention(requiredDays.get(c.id()), retention.getOrDefault(c.id(), List.of()));
            out.add(new CameraRecording(c, result, rec, r, findings(result, r, end, zone), synthetic.contains(c.id())));
        }
        return out;
    }

    private static void addGb(Map<Long, List<Span>> into, Map<String, List<GbRecordings.Span>> byChannel, Map<String, Long> byCode) {
        byChannel.forEach((code, spans) -> {
            Long id = byCode.get(code);
            if (id != null) {
                List<Span> list = new ArrayList<>(into.getOrDefault(id, List.of()));
                spans.forEach(s -> list.add(new Span(s.start(), s.end())));
                into.put(id, list);
            }
        });
    }

    private static RetentionView retention(int required, List<Retention> reports) {
        Retention best = reports.stream().filter(r -> r.earliest() != null)
                .min(Comparator.comparing(Retention::earliest)).orElse(null);
        if (best == null) {
            // a GB/T 28181 retention probe that found no recording as old as required: short, by how much unknown
            return reports.stream().filter(r -> r.source() == RecordingStore.Source.GB28181 && r.reportedAt() != null)
                    .findFirst()
                    .map(r -> new RetentionView(r.source().name(), null, null, r.reportedAt(), null, required, false))
                    .orElse(new RetentionView(null, null, null, null, null, required, null));
        }
        Instant until = best.latest() != null && best.latest().isAfter(best.earliest()) ? best.latest() : best.reportedAt();
        double days = Math.max(0, Duration.between(best.earliest(), until).toSeconds()) / 86_400.0;
        return new RetentionView(best.source().name(), best.earliest(), best.latest(), best.reportedAt(),
                Math.round(days * 10) / 10.0, required, days >= required);
    }

    /**
     * Retention first (when reported before the period's end), then the days not queried (runs of days), then the
     * longest gaps, at most {@link Finding#MAX_PER_CAMERA} in all, in time order after the retention.
     */
    static List<Finding> findings(RecordingCalculator.Result result, RetentionView retention, Instant periodEnd, ZoneId zone) {
        List<Finding> out = new ArrayList<>();
        if (Boolean.FALSE.equals(retention.ok()) && retention.reportedAt().isBefore(periodEnd)) {
            out.add(new Finding(RETENTION_SHORT, retention.reportedAt(), null, retention.days() == null
                    ? String.format(Locale.ROOT, "< %d d / %d d", retention.requiredDays(), retention.requiredDays())
                    : String.format(Locale.ROOT, "%.1f d / %d d", retention.days(), retention.requiredDays())));
        }
        List<Finding> rest = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate d : result.notQueried()) {
            if (runStart != null && !d.equals(previous.plusDays(1))) {
                rest.add(notQueried(runStart, previous, zone));
                runStart = null;
            }
            if (runStart == null) {
                runStart = d;
            }
            previous = d;
        }
        if (runStart != null) {
            rest.add(notQueried(runStart, previous, zone));
        }
        result.gaps().stream().sorted(Comparator.comparingLong(Span::seconds).reversed())
                .limit(Finding.MAX_PER_CAMERA).forEach(g -> rest.add(new Finding(GAP, g.from(), g.to(), minutes(g.seconds()))));
        rest.stream().limit(Finding.MAX_PER_CAMERA - out.size()).sorted(Comparator.comparing(Finding::from)).forEach(out::add);
        return List.copyOf(out);
    }

    private static Finding notQueried(LocalDate first, LocalDate last, ZoneId zone) {
        long days = last.toEpochDay() - first.toEpochDay() + 1;
        return new Finding(NOT_QUERIED, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                days + " d");
    }

    private static String minutes(long seconds) {
        return seconds >= 5400 ? String.format(Locale.ROOT, "%.1f h", seconds / 3600.0) : Math.max(1, Math.round(seconds / 60.0)) + " min";
    }

    /** Sums over cameras. */
    record Totals(int cameras, int measuredCameras, long expectedSeconds, long recordedSeconds, int retentionShort,
                  boolean synthetic) {

        Double completeness() {
            return expectedSeconds == 0 ? null : (double) recordedSeconds / expectedSeconds;
        }

        static Totals of(Collection<CameraRecording> list) {
            int measured = 0;
            int shortRetention = 0;
            boolean synthetic = false;
            long e = 0;
            long r = 0;
            for (CameraRecording c : list) {
                measured += c.result().expectedSeconds() > 0 ? 1 : 0;
                shortRetention += Boolean.FALSE.equals(c.retention().ok()) ? 1 : 0;
                e += c.result().expectedSeconds();
                r += c.result().recordedSeconds();
                synthetic |= c.synthetic();
            }
            return new Totals(list.size(), measured, e, r, shortRetention, synthetic);
        }
    }
}
