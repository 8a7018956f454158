package org.xueliang.tracker.agent.vqd;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The score at and above which a class is a fault, per class. Every default is 0.5 (each check's ramp is placed so
 * that 0.5 is its boundary). Settings read {@code BLUR=0.7,NOISE=0.4} ({@link #parse}); immutable.
 */
public final class VqdThresholds {

    public static final double DEFAULT = 0.5;
    private static final VqdThresholds DEFAULTS = new VqdThresholds(new EnumMap<>(VqdClass.class));

    private final Map<VqdClass, Double> values;

    private VqdThresholds(Map<VqdClass, Double> values) {
        this.values = values;
    }

    public static VqdThresholds defaults() {
        return DEFAULTS;
    }

    public double of(VqdClass c) {
        return values.getOrDefault(c, DEFAULT);
    }

    public VqdThresholds with(VqdClass c, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("a VQD threshold is in (0, 1], got " + threshold + " for " + c);
        }
        EnumMap<VqdClass, Double> copy = new EnumMap<>(VqdClass.class);
        copy.putAll(values);
        copy.put(c, threshold);
        return new VqdThresholds(copy);
    }

    /** {@code CLASS=value} pairs separated by commas on top of these thresholds; blank = unchanged. */
    public VqdThresholds parse(String spec) {
        VqdThresholds t = this;
        if (spec == null || spec.isBlank()) {
            return t;
        }
        for (String pair : spec.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("a VQD threshold reads CLASS=value, got '" + pair.trim() + "'");
            }
            VqdClass c;
            try {
                c = VqdClass.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown VQD class '" + kv[0].trim() + "'", e);
            }
            try {
                t = t.with(c, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a VQD threshold is a number, got '" + kv[1].trim() + "'", e);
            }
        }
        return t;
    }
}
