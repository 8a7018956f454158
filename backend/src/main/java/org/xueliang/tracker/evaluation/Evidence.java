package org.xueliang.tracker.evaluation;

import java.util.List;
import java.util.Map;

/**
 * What produced a computed row's number: the devices selected, the per-device availability figures,
 * the dates or the amounts, as they stood when the row was computed. Manual rows have the evaluator's note instead.
 */
public record Evidence(String kind, String summary, List<Map<String, Object>> items) {

    public static Evidence none(String summary) {
        return new Evidence("NONE", summary, List.of());
    }
}
