package org.xueliang.tracker.monitoring.rollup;

import org.xueliang.tracker.monitoring.DeviceState;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One device's day in seconds (SPEC §5): time in each state OUTSIDE maintenance, plus the time
 * inside approved maintenance whatever the state, so that up + degraded + down + unknown +
 * maintenance = the day's length. Time not covered by any state interval is unknown. Keeping
 * maintenance apart lets an evaluation choose its policy (remove it, or count it as up) exactly.
 */
@org.springframework.modulith.NamedInterface("rollup")
public record DailyRollup(long deviceId, LocalDate day, long upSeconds, long degradedSeconds, long downSeconds,
                          long unknownSeconds, long maintenanceSeconds, int outages, int reboots) {

    /** A stretch of time in one state; {@code end} null means still going on. */
    public record Span(DeviceState state, Instant start, Instant end) {
    }

    /** A maintenance window's time range. */
    public record Window(Instant start, Instant end) {
    }

    /**
     * Computes the rollup of [dayStart, dayEnd) from the device's state intervals and the
     * maintenance windows that apply to it. {@code outages} counts DOWN intervals that start inside
     * the day; {@code reboots} is passed through.
     */
    public static DailyRollup compute(long deviceId, LocalDate day, Instant dayStart, Instant dayEnd, List<Span> spans,
                                      List<Window> windows, int reboots) {
        List<Window> maintenance = merge(windows, dayStart, dayEnd);
        Map<DeviceState, Long> seconds = new EnumMap<>(DeviceState.class);
        long covered = 0;
        int outages = 0;
        for (Span span : spans) {
            Instant start = max(span.start(), dayStart);
            Instant end = min(span.end() == null ? dayEnd : span.end(), dayEnd);
            if (!start.isBefore(end)) {
                continue;
            }
            if (span.state() == DeviceState.DOWN && !span.start().isBefore(dayStart) && span.start().isBefore(dayEnd)) {
                outages++;
            }
            long total = Duration.between(start, end).toSeconds();
            long inMaintenance = overlap(start, end, maintenance);
            seconds.merge(span.state(), total - inMaintenance, Long::sum);
            covered += total - inMaintenance;
        }
        long maintenanceSeconds = maintenance.stream().mapToLong(w -> Duration.between(w.start(), w.end()).toSeconds()).sum();
        long dayLength = Duration.between(dayStart, dayEnd).toSeconds();
        long unknownUncovered = dayLength - maintenanceSeconds - covered;
        return new DailyRollup(deviceId, day, seconds.getOrDefault(DeviceState.UP, 0L),
                seconds.getOrDefault(DeviceState.DEGRADED, 0L), seconds.getOrDefault(DeviceState.DOWN, 0L),
                seconds.getOrDefault(DeviceState.UNKNOWN, 0L) + Math.max(0, unknownUncovered), maintenanceSeconds,
                outages, reboots);
    }

    /** Clips windows to the day and merges overlapping ones, so overlapping windows are not counted twice. */
    static List<Window> merge(List<Window> windows, Instant dayStart, Instant dayEnd) {
        List<Window> clipped = windows.stream()
                .map(w -> new Window(max(w.start(), dayStart), min(w.end(), dayEnd)))
                .filter(w -> w.start().isBefore(w.end()))
                .sorted(Comparator.comparing(Window::start)).toList();
        List<Window> merged = new ArrayList<>();
        for (Window w : clipped) {
            if (!merged.isEmpty() && !w.start().isAfter(merged.get(merged.size() - 1).end())) {
                Window last = merged.remove(merged.size() - 1);
                merged.add(new Window(last.start(), max(last.end(), w.end())));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    static long overlap(Instant start, Instant end, List<Window> merged) {
        long total = 0;
        for (Window w : merged) {
            Instant s = max(start, w.start());
            Instant e = min(end, w.end());
            if (s.isBefore(e)) {
                total += Duration.between(s, e).toSeconds();
            }
        }
        return total;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
