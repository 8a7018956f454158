package org.xueliang.tracker.assessment;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * Every {@link IndicatorSource} bean of the application, one per {@link Indicator}: what the monthly sheet, the
 * grouped figures of {@code /api/v1/metrics/indicators} and the Prometheus gauges read. An indicator whose module is
 * absent simply has no source.
 */
@Component
class IndicatorSources {

    private static final Logger log = LoggerFactory.getLogger(IndicatorSources.class);

    private final Map<Indicator, IndicatorSource> sources = new EnumMap<>(Indicator.class);

    IndicatorSources(List<IndicatorSource> beans) {
        for (IndicatorSource s : beans) {
            IndicatorSource earlier = sources.putIfAbsent(s.indicator(), s);
            if (earlier != null) {
                log.warn("Two sources of {}: {} is used, {} ignored", s.indicator(), earlier.getClass().getName(), s.getClass().getName());
            }
        }
    }

    /** The indicators that have a source, in {@link Indicator} order. */
    Set<Indicator> indicators() {
        return Collections.unmodifiableSet(sources.keySet());
    }

    /** The source of {@code indicator}; the caller asks only for one of {@link #indicators()}. */
    IndicatorSource of(Indicator indicator) {
        IndicatorSource s = sources.get(indicator);
        if (s == null) {
            throw new IllegalArgumentException("No source of " + indicator);
        }
        return s;
    }

    List<CameraFigure> figures(Indicator indicator, long projectId, List<Camera> cameras, Instant from, Instant to) {
        return of(indicator).figures(projectId, cameras, from, to);
    }

    /** Whether any source's figures of the cameras over [from, to) rest on synthetic data (the OR of all). */
    boolean touchSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to) {
        return sources.values().stream().anyMatch(s -> s.touchesSynthetic(projectId, cameras, from, to));
    }
}
