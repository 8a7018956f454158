package org.xueliang.tracker.vqd;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.xueliang.tracker.agent.vqd.VqdClass;

/**
 * One picture-quality check of a camera (a {@code vqd_check} row): when, the classes at fault and every judged class's
 * score (stored compactly as {@code BLUR=0.930,NOISE=0.120}).
 */
public record VqdCheck(long deviceId, Instant at, List<VqdClass> faults, Map<VqdClass, Double> scores, boolean synthetic) {

    public VqdCheck {
        faults = List.copyOf(faults);
        scores = Map.copyOf(scores);
    }

    public boolean clean() {
        return faults.isEmpty();
    }

    String faultsText() {
        return faults.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    String scoresText() {
        return Arrays.stream(VqdClass.values()).filter(scores::containsKey)
                .map(c -> c.name() + "=" + String.format(Locale.ROOT, "%.3f", scores.get(c))).collect(Collectors.joining(","));
    }

    /** Class names of a comma list; unknown names are left out. */
    static List<VqdClass> classes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(VqdCheck::known).map(VqdClass::valueOf).distinct()
                .toList();
    }

    /** {@code CLASS=score} pairs of a comma list; malformed or unknown pairs are left out. */
    static Map<VqdClass, Double> scores(String text) {
        Map<VqdClass, Double> scores = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return scores;
        }
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && known(kv[0].trim())) {
                score(kv[1]).ifPresent(s -> scores.put(VqdClass.valueOf(kv[0].trim()), s));
            }
        }
        return scores;
    }

    static Optional<Double> score(String text) {
        try {
            double s = Double.parseDouble(text.trim());
            return s >= 0 && s <= 1 ? Optional.of(s) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static boolean known(String name) {
        return Arrays.stream(VqdClass.values()).anyMatch(c -> c.name().equals(name));
    }
}
