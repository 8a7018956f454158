package org.xueliang.tracker.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.assessment.CameraGrouping;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 时钟准确率 of cameras over a period (docs/CLOCK.md): per camera, samples within its category's threshold ÷ samples,
 * its worst and latest sample; grouped, the sums of both parts (Σ within ÷ Σ samples). Reads only.
 */
@Service
class ClockFigures {

    private final ClockStore store;
    private final ClockSettings settings;

    ClockFigures(ClockStore store, ClockSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** A camera's samples over the period; {@code worst} and {@code latest} are null when it has none. */
    record Tally(Camera camera, long thresholdMs, long samples, long within, boolean synthetic, ClockSample worst,
                 ClockSample latest) {

        boolean measured() {
            return samples > 0;
        }

        Double accuracy() {
            return samples == 0 ? null : (double) within / samples;
        }

        /** Whether some sample of the period was beyond the threshold. */
        boolean offending() {
            return worst != null && !worst.within(thresholdMs);
        }
    }

    /** A group's sums: cameras, those with samples, samples, samples within, cameras with a sample beyond. */
    record Group(String key, String label, int cameras, int measuredCameras, long samples, long within,
                 int camerasOverThreshold, boolean synthetic) {

        public Double accuracy() {
            return samples == 0 ? null : (double) within / samples;
        }
    }

    @Transactional(readOnly = true)
    List<Tally> tallies(List<Camera> cameras, Instant from, Instant to) {
        Map<Long, List<Long>> byThreshold = new LinkedHashMap<>();
        Map<Long, Long> thresholdOf = new LinkedHashMap<>();
        for (Camera c : cameras) {
            long t = settings.thresholdMs(c.categoryCode());
            thresholdOf.put(c.id(), t);
            byThreshold.computeIfAbsent(t, k -> new ArrayList<>()).add(c.id());
        }
        Map<Long, ClockStore.Count> counts = new LinkedHashMap<>();
        byThreshold.forEach((t, ids) -> counts.putAll(store.counts(ids, t, from, to)));
        Collection<Long> measured = counts.keySet();
        Map<Long, ClockSample> worst = measured.isEmpty() ? Map.of() : store.worst(measured, from, to);
        Map<Long, ClockSample> latest = measured.isEmpty() ? Map.of() : store.latest(measured, from, to);
        return cameras.stream().map(c -> {
            ClockStore.Count n = counts.getOrDefault(c.id(), new ClockStore.Count(0, 0, false));
            return new Tally(c, thresholdOf.get(c.id()), n.samples(), n.within(), n.synthetic(), worst.get(c.id()),
                    latest.get(c.id()));
        }).toList();
    }

    /** The offending cameras, worst |offset| first, at most {@code limit}. */
    static List<Tally> offenders(List<Tally> tallies, int limit) {
        return tallies.stream().filter(Tally::offending)
                .sorted(Comparator.comparingLong((Tally t) -> Math.abs(t.worst().offsetMs())).reversed()
                        .thenComparing(t -> t.camera().assetTag(), Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit).toList();
    }

    /** Sums the tallies by {@code by}, groups in order of first appearance (the cameras' asset-tag order). */
    static List<Group> group(List<Tally> tallies, CameraGrouping by) {
        return by.group(tallies, Tally::camera).stream().map(g -> {
            List<Tally> members = g.members();
            return new Group(g.key(), g.label(), members.size(), (int) members.stream().filter(Tally::measured).count(),
                    members.stream().mapToLong(Tally::samples).sum(), members.stream().mapToLong(Tally::within).sum(),
                    (int) members.stream().filter(Tally::offending).count(), members.stream().anyMatch(Tally::synthetic));
        }).toList();
    }

    /** An offset for people: signed seconds with one decimal ("+12.4 s", "−0.5 s" written with '-'). */
    static String seconds(long offsetMs) {
        return String.format(Locale.ROOT, "%+.1f s", offsetMs / 1000.0);
    }
}
