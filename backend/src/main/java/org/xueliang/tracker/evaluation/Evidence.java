package org.xueliang.tracker.evaluation;

import java.util.List;
import java.util.Map;

/**
 * What produced a computed row's number: the devices selected, the per-device availability figures,
 * the dates or the amounts, as they stood when the row was computed, with the row's formula and a
 * one-line summary as phrases (rendered in the reader's language). Manual rows have the evaluator's
 * note instead. Evidence stored before phrases existed has its summary as text and no formula (the
 * row's formula column holds it).
 */
public record Evidence(String kind, Phrase summary, List<Map<String, Object>> items, Phrase formula) {

    public static Evidence none(Phrase summary) {
        return new Evidence("NONE", summary, List.of(), null);
    }
}
