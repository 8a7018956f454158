package org.xueliang.tracker.assessment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/metrics/indicators}: docs/API.md § Metrics, docs/ASSESSMENT.md "Grouped indicators". */
@RestController
class IndicatorMetricsController {

    private final GroupedIndicators indicators;

    IndicatorMetricsController(GroupedIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/metrics/indicators")
    GroupedIndicators.Response indicators(@RequestParam(required = false) String projectId,
                                          @RequestParam(required = false) String indicator,
                                          @RequestParam(required = false) String groupBy,
                                          @RequestParam(required = false) String month,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to) {
        return indicators.query(projectId, indicator, groupBy, month, from, to);
    }
}
