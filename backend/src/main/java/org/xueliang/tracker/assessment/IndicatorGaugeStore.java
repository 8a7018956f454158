package org.xueliang.tracker.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.xueliang.tracker.assessment.IndicatorGroups.Sums;

/** The SQL of table {@code assessment_indicator_gauge}: the latest computed month-so-far indicators of each project. */
@Repository
class IndicatorGaugeStore {

    private final JdbcTemplate jdbc;

    IndicatorGaugeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored gauge value; {@code ratio} null when no camera was measured. */
    record Row(long projectId, String indicator, String month, Double ratio) {
    }

    /** Replaces the project's rows by {@code totals} of {@code month}. */
    void replace(long projectId, String month, Map<Indicator, Sums> totals, Instant at) {
        jdbc.update("DELETE FROM assessment_indicator_gauge WHERE project_id = ?", projectId);
        jdbc.batchUpdate("INSERT INTO assessment_indicator_gauge (project_id, indicator, period_month, achieved, expected,"
                + " ratio, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", totals.entrySet().stream()
                .map(e -> new Object[] {projectId, e.getKey().apiName(), month, e.getValue().achieved(), e.getValue().expected(),
                        e.getValue().ratio(), AssessmentStore.ts(at)}).toList());
    }

    /** Drops the rows of projects not in {@code keep} (a project deleted since). */
    void retainOnly(List<Long> keep) {
        if (keep.isEmpty()) {
            jdbc.update("DELETE FROM assessment_indicator_gauge");
            return;
        }
        jdbc.update("DELETE FROM assessment_indicator_gauge WHERE project_id NOT IN ("
                + String.join(",", keep.stream().map(id -> "?").toList()) + ")", keep.toArray());
    }

    List<Row> all() {
        return jdbc.query("SELECT project_id, indicator, period_month, ratio FROM assessment_indicator_gauge"
                + " ORDER BY project_id, indicator", (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, Double.class)));
    }
}
