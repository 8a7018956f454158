package org.xueliang.tracker.clock;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The clock settings (docs/CONFIGURATION.md): the threshold {@code xl.clock.threshold-seconds} (3 s; per category
 * {@code xl.clock.category.<CODE>.threshold-seconds}, e.g. {@code XL_CLOCK_CATEGORY_FACE_CAMERA_THRESHOLD_SECONDS}),
 * and the spacing of kept samples {@code xl.clock.sample-minutes} (15; 0 keeps every new measurement). Samples are
 * kept as long as raw probe results ({@code shared.MeasurementRetention}).
 */
@Component
class ClockSettings {

    private final long thresholdMs;
    private final Duration spacing;
    private final Environment env;

    ClockSettings(@Value("${xl.clock.threshold-seconds:3}") double thresholdSeconds,
                  @Value("${xl.clock.sample-minutes:15}") int sampleMinutes, Environment env) {
        this.thresholdMs = millis("xl.clock.threshold-seconds", thresholdSeconds);
        if (sampleMinutes < 0) {
            throw new IllegalStateException("xl.clock.sample-minutes (XL_CLOCK_SAMPLE_MINUTES) must be 0 or more, not " + sampleMinutes);
        }
        this.spacing = Duration.ofMinutes(sampleMinutes);
        this.env = env;
    }

    /** The threshold of category {@code categoryCode} in milliseconds: its own setting, else the default. */
    long thresholdMs(String categoryCode) {
        if (categoryCode == null) {
            return thresholdMs;
        }
        String key = "xl.clock.category." + categoryCode + ".threshold-seconds";
        Double own = env.getProperty(key, Double.class);
        return own == null ? thresholdMs : millis(key, own);
    }

    long defaultThresholdMs() {
        return thresholdMs;
    }

    Duration spacing() {
        return spacing;
    }

    private static long millis(String key, double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new IllegalStateException(key + " must be more than 0 and at most 86400 seconds, not " + seconds);
        }
        return Math.round(seconds * 1000);
    }
}
