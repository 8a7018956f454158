package org.xueliang.tracker.assessment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.assessment.AssessmentStore.Header;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus figures of the latest signed sheet of each project: {@code xl_assessment_score{project, month}} and
 * {@code xl_assessment_indicator{project, month, indicator}} (a share in [0, 1]; an unmeasured indicator has no
 * series). Refreshed from the database every 60 s (the database is the truth, shared by replicas; no lease needed,
 * each replica only reads).
 */
@Component
class AssessmentMetrics {

    private final AssessmentStore store;
    private final JsonMapper json;
    private final MultiGauge scores;
    private final MultiGauge indicators;

    AssessmentMetrics(AssessmentStore store, JsonMapper json, MeterRegistry meters) {
        this.store = store;
        this.json = json;
        this.scores = MultiGauge.builder("xl_assessment_score")
                .description("Score of each project's latest signed monthly assessment sheet (100 − deductions)").register(meters);
        this.indicators = MultiGauge.builder("xl_assessment_indicator")
                .description("Indicators of each project's latest signed monthly assessment sheet, as shares in [0, 1]")
                .register(meters);
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 10_000)
    void refresh() {
        List<MultiGauge.Row<?>> scoreRows = new ArrayList<>();
        List<MultiGauge.Row<?>> indicatorRows = new ArrayList<>();
        for (Header h : store.latestSigned()) {
            Tags tags = Tags.of("project", String.valueOf(h.projectId()), "month", h.month());
            scoreRows.add(MultiGauge.Row.of(tags, h.score().doubleValue()));
            AssessmentSheet sheet = json.readValue(store.sheetJson(h.id()), AssessmentSheet.class);
            sheet.indicators().stream().filter(v -> v.value() != null)
                    .forEach(v -> indicatorRows.add(MultiGauge.Row.of(tags.and("indicator", v.indicator()), v.value())));
        }
        scores.register(scoreRows, true);
        indicators.register(indicatorRows, true);
    }
}
