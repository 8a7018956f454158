package org.xueliang.tracker.agent.onvif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xueliang.tracker.agent.vqd.Frame;
import org.xueliang.tracker.agent.vqd.ReducedPicture;
import org.xueliang.tracker.agent.vqd.VqdAnalyzer;
import org.xueliang.tracker.agent.vqd.VqdFinding;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.agent.vqd.VqdReport;
import org.xueliang.tracker.agent.vqd.VqdThresholds;

/**
 * Video-quality diagnosis of ONVIF snapshots on the agent's own schedule (docs/VQD.md "Scheduled checks"): at most one
 * check per camera per interval ({@code onvif.vqdInterval}, default PT4H; PT0S switches it off), each camera at its
 * own moment in the interval (its phase = device id hash mod interval), so a fleet's checks are spread evenly. The
 * first snapshot of a camera after the agent starts is not checked: its first check comes at its next phase moment.
 * Each check judges FREEZE against the camera's previous checked snapshot ({@link PreviousSnapshots}, on the agent's
 * disk, so a restart keeps it; none there = FREEZE not judged) and SCENE_CHANGE against the reference the technician
 * approved, which the assignment carries with the category's thresholds (settings {@value #THRESHOLDS},
 * {@value #REFERENCE}). The last check's faults are remembered per camera (bounded) so every probe until the next
 * check stays DEGRADED {@code VQD_FAULT}. The checked picture, reduced, goes to a {@link VqdSnapshotSink} so the
 * device page can show what was judged.
 */
public final class ScheduledVqd {

    private static final Logger log = LoggerFactory.getLogger(ScheduledVqd.class);

    public static final String INTERVAL = "onvif.vqdInterval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(4);
    public static final String CHECKED_AT = "vqd.checkedAt";
    public static final String FAULTS = "vqd.faults";
    public static final String SCORE_PREFIX = "vqd.";
    /** Setting: the device category's thresholds, {@code BLUR=0.7,NOISE=0.4} (absent = every default). */
    public static final String THRESHOLDS = "vqd.thresholds";
    /** Setting: the approved reference picture, base64 of a {@link ReducedPicture} (absent = none approved). */
    public static final String REFERENCE = "vqd.reference";

    /** A check's facts and the detail of its faults (null when clean). */
    public record Outcome(Map<String, String> facts, String faultDetail) {
    }

    /**
     * How a camera's check judges, as its assignment's settings give it; read only when a check is due (the
     * reference is decoded then, not on every probe). Unreadable settings fall back to the defaults / no reference
     * (the backend validates both before it sends them).
     */
    public record Judging(String thresholdSpec, String referenceBase64) {

        public static final Judging DEFAULT = new Judging(null, null);

        VqdThresholds thresholds() {
            try {
                return VqdThresholds.defaults().parse(thresholdSpec);
            } catch (IllegalArgumentException e) {
                return VqdThresholds.defaults();
            }
        }

        Frame reference() {
            if (referenceBase64 == null || referenceBase64.isBlank()) {
                return null;
            }
            try {
                return Frame.of(VqdImages.decode(Base64.getDecoder().decode(referenceBase64.trim()), SnapshotCheck.MAX_PIXELS));
            } catch (IOException | IllegalArgumentException e) {
                return null;
            }
        }
    }

    private final VqdAnalyzer analyzer = new VqdAnalyzer();
    private final PreviousSnapshots previous;
    private final VqdSnapshotSink snapshots;
    private final Map<Long, Long> lastSlot;
    private final Map<Long, String> lastFaults;

    /** {@code snapshots}: receives the picture of every check that ran (the device page shows it). */
    public ScheduledVqd(int maxDevices, PreviousSnapshots previous, VqdSnapshotSink snapshots) {
        this.previous = previous;
        this.snapshots = snapshots;
        this.lastSlot = bounded(maxDevices);
        this.lastFaults = bounded(maxDevices);
    }

    public ScheduledVqd(int maxDevices, PreviousSnapshots previous) {
        this(maxDevices, previous, VqdSnapshotSink.NONE);
    }

    public ScheduledVqd(int maxDevices) {
        this(maxDevices, PreviousSnapshots.none());
    }

    public ScheduledVqd(PreviousSnapshots previous) {
        this(100_000, previous);
    }

    public ScheduledVqd(PreviousSnapshots previous, VqdSnapshotSink snapshots) {
        this(100_000, previous, snapshots);
    }

    private static <V> Map<Long, V> bounded(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > max;
            }
        };
    }

    /** Where in each interval the camera's check falls, in milliseconds from the epoch's interval boundaries. */
    static long phaseMillis(long deviceId, Duration interval) {
        long h = deviceId * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return Math.floorMod(h, interval.toMillis());
    }

    /** The interval (counted from the epoch, shifted by the camera's phase) that {@code now} falls in. */
    static long slot(long deviceId, Instant now, Duration interval) {
        return Math.floorDiv(now.toEpochMilli() - phaseMillis(deviceId, interval), interval.toMillis());
    }

    /** Whether this probe of the camera should run the check; records the slot when it does. */
    public boolean due(long deviceId, Instant now, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return false;
        }
        long s = slot(deviceId, now, interval);
        synchronized (lastSlot) {
            Long last = lastSlot.put(deviceId, s);
            if (last == null || last >= s) {
                if (last != null && last > s) {
                    lastSlot.put(deviceId, last);
                }
                return false;
            }
            return true;
        }
    }

    /** As {@link #check(long, byte[], Instant, Duration, Judging)} with default thresholds and no reference. */
    public Optional<Outcome> check(long deviceId, byte[] image, Instant now, Duration interval) {
        return check(deviceId, image, now, interval, Judging.DEFAULT);
    }

    /**
     * Runs the check on a snapshot when it is due; empty when not due or the picture cannot be read. The snapshot
     * then becomes the camera's previous one for the next check's FREEZE.
     */
    public Optional<Outcome> check(long deviceId, byte[] image, Instant now, Duration interval, Judging judging) {
        if (!due(deviceId, now, interval)) {
            return Optional.empty();
        }
        VqdReport report;
        byte[] reduced;
        try {
            BufferedImage current = VqdImages.decode(image, SnapshotCheck.MAX_PIXELS);
            Frame before = previous.load(deviceId).map(ScheduledVqd::frameOrNull).orElse(null);
            report = analyzer.analyze(Frame.of(current), before, judging.reference(), judging.thresholds());
            reduced = ReducedPicture.of(current);
            previous.save(deviceId, reduced);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        handOver(deviceId, now, reduced);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(CHECKED_AT, now.toString());
        for (VqdFinding f : report.findings()) {
            facts.put(SCORE_PREFIX + f.type().name(), String.format(Locale.ROOT, "%.3f", f.score()));
        }
        List<VqdFinding> faults = report.faults();
        facts.put(FAULTS, faults.stream().map(f -> f.type().name()).collect(Collectors.joining(",")));
        String detail = faults.isEmpty() ? null : "picture faults: " + faults.stream()
                .map(f -> String.format(Locale.ROOT, "%s %.2f", f.type().name(), f.score())).collect(Collectors.joining(", "));
        synchronized (lastFaults) {
            if (detail == null) {
                lastFaults.remove(deviceId);
            } else {
                lastFaults.put(deviceId, detail);
            }
        }
        return Optional.of(new Outcome(facts, detail));
    }

    /** The picture is evidence beside the facts: a sink that fails must not cost the check its facts. */
    private void handOver(long deviceId, Instant checkedAt, byte[] reduced) {
        try {
            snapshots.checked(deviceId, checkedAt, reduced);
        } catch (RuntimeException e) {
            log.warn("VQD snapshot of device {} not handed over: {}", deviceId, e.toString());
        }
    }

    private static Frame frameOrNull(byte[] reduced) {
        try {
            return Frame.of(VqdImages.decode(reduced, SnapshotCheck.MAX_PIXELS));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The faults of the camera's last check (null when it was clean or never checked by this agent). */
    public String lastFaults(long deviceId) {
        synchronized (lastFaults) {
            return lastFaults.get(deviceId);
        }
    }
}
