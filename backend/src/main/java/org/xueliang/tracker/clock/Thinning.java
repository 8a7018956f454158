package org.xueliang.tracker.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which new measurements become samples (plain Java): a measurement is kept when it is later than the last kept one
 * of its device and source by at least {@code spacing} (a repeated measurement, same time, is never kept twice; an
 * older one than the last kept is dropped).
 */
final class Thinning {

    record Key(long deviceId, ClockSource source) {
    }

    private Thinning() {
    }

    static List<ClockSample> keep(List<ClockSample> candidates, Map<Key, Instant> lastKept, Duration spacing) {
        Map<Key, Instant> last = new HashMap<>(lastKept);
        List<ClockSample> kept = new ArrayList<>();
        candidates.stream().sorted(Comparator.comparing(ClockSample::at)).forEach(s -> {
            Key key = new Key(s.deviceId(), s.source());
            Instant before = last.get(key);
            if (before == null || (s.at().isAfter(before) && !s.at().isBefore(before.plus(spacing)))) {
                kept.add(s);
                last.put(key, s.at());
            }
        });
        return kept;
    }
}
