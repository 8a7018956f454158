package org.xueliang.tracker.assessment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.xueliang.tracker.assessment.IndicatorSource.CameraFigure;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * The arithmetic of grouped indicator figures, plain Java: a group's ratio is Σ achieved ÷ Σ expected of its cameras
 * (each camera weighs by what was expected of it, as on the sheet), so the groups of any grouping add up to the
 * project's total.
 */
final class IndicatorGroups {

    /** One group's sums; {@code ratio} null when no camera of it was measured. */
    record Sums(String key, String label, double achieved, double expected, Double ratio, int cameras, int measuredCameras) {
    }

    private IndicatorGroups() {
    }

    /** The sums of {@code figures} as one group. */
    static Sums sum(String key, String label, List<CameraFigure> figures) {
        double achieved = 0;
        double expected = 0;
        int measured = 0;
        for (CameraFigure f : figures) {
            achieved += f.achieved();
            expected += f.expected();
            measured += f.measured() ? 1 : 0;
        }
        return new Sums(key, label, achieved, expected, expected > 0 ? Math.min(1.0, achieved / expected) : null,
                figures.size(), measured);
    }

    /**
     * The figures of {@code cameras} grouped by {@code by}, groups in the cameras' order; a camera without a figure
     * counts as not measured. {@code label} turns a group's raw label into words (a category code into its name).
     */
    static List<Sums> grouped(List<Camera> cameras, List<CameraFigure> figures, CameraGrouping by,
                              Function<String, String> label) {
        Map<Long, CameraFigure> byDevice = new HashMap<>();
        figures.forEach(f -> byDevice.put(f.deviceId(), f));
        return by.group(cameras, c -> c).stream().map(g -> sum(g.key(), label.apply(g.label()), g.members().stream()
                .map(c -> byDevice.getOrDefault(c.id(), new CameraFigure(c.id(), 0, 0, List.of()))).toList())).toList();
    }
}
