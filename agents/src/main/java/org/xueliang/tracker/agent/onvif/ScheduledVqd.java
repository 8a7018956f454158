package org.xueliang.tracker.agent.onvif;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.xueliang.tracker.agent.vqd.VqdAnalyzer;
import org.xueliang.tracker.agent.vqd.VqdFinding;
import org.xueliang.tracker.agent.vqd.VqdImages;
import org.xueliang.tracker.agent.vqd.VqdReport;

/**
 * Video-quality diagnosis of ONVIF snapshots on the agent's own schedule (docs/VQD.md "Scheduled checks"): at most one
 * check per camera per interval ({@code onvif.vqdInterval}, default PT4H; PT0S switches it off), each camera at its
 * own moment in the interval (its phase = device id hash mod interval), so a fleet's checks are spread evenly. The
 * first snapshot of a camera after the agent starts is not checked: its first check comes at its next phase moment.
 * FREEZE is not judged here (two snapshots hours apart always differ; identical snapshots are {@code FROZEN_VIDEO}
 * on every probe) and SCENE_CHANGE has no reference yet. The last check's faults are remembered per camera (bounded)
 * so every probe until the next check stays DEGRADED {@code VQD_FAULT}.
 */
public final class ScheduledVqd {

    public static final String INTERVAL = "onvif.vqdInterval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(4);
    public static final String CHECKED_AT = "vqd.checkedAt";
    public static final String FAULTS = "vqd.faults";
    public static final String SCORE_PREFIX = "vqd.";

    /** A check's facts and the detail of its faults (null when clean). */
    public record Outcome(Map<String, String> facts, String faultDetail) {
    }

    private final VqdAnalyzer analyzer = new VqdAnalyzer();
    private final Map<Long, Long> lastSlot;
    private final Map<Long, String> lastFaults;

    public ScheduledVqd(int maxDevices) {
        this.lastSlot = bounded(maxDevices);
        this.lastFaults = bounded(maxDevices);
    }

    public ScheduledVqd() {
        this(100_000);
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

    /** Runs the check on a snapshot when it is due; empty when not due or the picture cannot be read. */
    public Optional<Outcome> check(long deviceId, byte[] image, Instant now, Duration interval) {
        if (!due(deviceId, now, interval)) {
            return Optional.empty();
        }
        VqdReport report;
        try {
            report = analyzer.analyze(VqdImages.decode(image, SnapshotCheck.MAX_PIXELS));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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

    /** The faults of the camera's last check (null when it was clean or never checked by this agent). */
    public String lastFaults(long deviceId) {
        synchronized (lastFaults) {
            return lastFaults.get(deviceId);
        }
    }
}
