package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityPolicy.QualityMetric;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 质量指标1 from the video assessment's indicators (issue 11 §5): 录像完整率, 图像完好率, or the weighted composite of
 * 在线率, 录像完整率 and 图像完好率 over the project's cameras judged in the period. Each indicator's figure is
 * Σ achieved ÷ Σ expected over the cameras (the assessment's {@link IndicatorSource} beans, found by
 * {@link IndicatorSource#indicator()}); the composite is Σ weight × figure over the measured indicators, the
 * weights of unmeasured ones left out and the rest rescaled. Per camera the parts are the evidence.
 */
@Component
class IndicatorQualityFigures {

    /**
     * @param share     the figure as a fraction, null when nothing was measured
     * @param parts     each indicator's figure (fraction, null when not measured) and weight, in order
     * @param perCamera one evidence row per camera: its parts, {@code measured} false when no indicator measured it
     */
    record CameraQuality(BigDecimal share, int cameras, int measured, List<Part> parts, List<Map<String, Object>> perCamera) {
    }

    record Part(Indicator indicator, BigDecimal weight, BigDecimal share) {
    }

    private final Map<Indicator, IndicatorSource> sources = new EnumMap<>(Indicator.class);
    private final CameraDirectory cameras;
    private final Clock clock;

    IndicatorQualityFigures(List<IndicatorSource> sources, CameraDirectory cameras, Clock clock) {
        sources.forEach(s -> this.sources.putIfAbsent(s.indicator(), s)); // in bean order: a higher-precedence source wins
        this.cameras = cameras;
        this.clock = clock;
    }

    /** Whether {@code metric} is computed here rather than by the availability engine. */
    static boolean handles(QualityMetric metric) {
        return metric == QualityMetric.RECORDING_COMPLETENESS || metric == QualityMetric.IMAGE_INTACTNESS
                || metric == QualityMetric.COMPOSITE;
    }

    /** The figure over the project's cameras on the county days [from, to] (both inclusive). */
    CameraQuality of(long projectId, LocalDate from, LocalDate to, AvailabilityPolicy policy) {
        Map<Indicator, BigDecimal> weights = new LinkedHashMap<>();
        switch (policy.qualityMetric()) {
            case RECORDING_COMPLETENESS -> weights.put(Indicator.RECORDING_COMPLETENESS, BigDecimal.ONE);
            case IMAGE_INTACTNESS -> weights.put(Indicator.IMAGE_INTACTNESS, BigDecimal.ONE);
            case COMPOSITE -> {
                weights.put(Indicator.ONLINE_RATE, policy.qualityWeights().onlineRate());
                weights.put(Indicator.RECORDING_COMPLETENESS, policy.qualityWeights().recordingCompleteness());
                weights.put(Indicator.IMAGE_INTACTNESS, policy.qualityWeights().imageIntactness());
            }
            default -> throw new IllegalArgumentException(policy.qualityMetric() + " is the availability engine's");
        }
        List<Camera> judged = cameras.judgedDuring(projectId, from, to.plusDays(1));
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        judged.forEach(c -> rows.put(c.id(), TemplateBuilder.item("deviceId", c.id(), "device", c.assetTag() + " " + c.name(),
                "measured", false)));
        List<Part> parts = new ArrayList<>();
        for (Map.Entry<Indicator, BigDecimal> w : weights.entrySet()) {
            IndicatorSource source = sources.get(w.getKey());
            double achieved = 0;
            double expected = 0;
            if (source != null && !judged.isEmpty()) {
                for (IndicatorSource.CameraFigure f : source.figures(projectId, judged, start, end)) {
                    Map<String, Object> row = rows.get(f.deviceId());
                    if (row == null) {
                        continue;
                    }
                    achieved += f.achieved();
                    expected += f.expected();
                    row.put(w.getKey().apiName(), f.measured() ? decimal(f.ratio()) : null);
                    if (f.measured()) {
                        row.put("measured", true);
                    }
                }
            }
            parts.add(new Part(w.getKey(), w.getValue(), expected > 0 ? decimal(Math.min(1.0, achieved / expected)) : null));
        }
        BigDecimal weighed = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Part p : parts) {
            if (p.share() != null) {
                weighed = weighed.add(p.weight().multiply(p.share()));
                total = total.add(p.weight());
            }
        }
        BigDecimal share = total.signum() == 0 ? null : weighed.divide(total, 6, RoundingMode.HALF_UP);
        int measured = (int) rows.values().stream().filter(r -> Boolean.TRUE.equals(r.get("measured"))).count();
        return new CameraQuality(share, judged.size(), measured, parts, List.copyOf(rows.values()));
    }

    private static BigDecimal decimal(double share) {
        return BigDecimal.valueOf(share).setScale(6, RoundingMode.HALF_UP);
    }
}
