package org.xueliang.tracker.assessment;

import java.time.Instant;
import java.util.List;

import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * One indicator of the video assessment, computed by the module that owns its measurements (a Spring bean there;
 * this module finds every bean of this type). The figures are per camera, in the indicator's own unit, so the sheet
 * can sum them for any grouping (project, site, township, 维保单位) and drill down to the camera and its findings.
 */
public interface IndicatorSource {

    Indicator indicator();

    /**
     * A figure for each of {@code cameras} (all of project {@code projectId}) over the county-time period
     * [{@code from}, {@code to}). A camera the indicator could not measure in the period gets a figure with
     * {@code expected} 0 (shown as 未测, counted in neither part). Must not write anything.
     */
    List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to);

    /**
     * Whether the figures of {@code cameras} over [{@code from}, {@code to}) rest on synthetic (demo) data: some
     * measurement behind them is marked synthetic. The sheet's {@code synthetic} flag is the OR over every source,
     * so a sheet that any demo row reaches is never signed as measured. Must not write anything.
     */
    boolean touchesSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to);

    /**
     * A camera's part of the indicator: {@code achieved} of {@code expected} (seconds recorded of seconds expected,
     * samples within the threshold of samples, valid fields of required fields, checks without a fault of checks),
     * with the findings that explain the shortfall.
     */
    record CameraFigure(long deviceId, double achieved, double expected, List<Finding> findings) {

        public CameraFigure {
            if (achieved < 0 || expected < 0 || achieved > expected + 1e-9) {
                throw new IllegalArgumentException("need 0 ≤ achieved ≤ expected, got " + achieved + " of " + expected);
            }
            findings = List.copyOf(findings);
        }

        public boolean measured() {
            return expected > 0;
        }

        /** achieved ÷ expected in [0, 1], or null when not measured. */
        public Double ratio() {
            return measured() ? Math.min(1.0, achieved / expected) : null;
        }
    }

    /**
     * Evidence of one shortfall: a machine code the UI and exports label from the bundles
     * ({@code assessment.finding.<code>}: RECORDING_GAP, CLOCK_OFFSET, VQD_BLUR, ARCHIVE_FIELD_INVALID, DOWN, …),
     * the interval it covers ({@code to} null for an instant or a timeless finding like an archive field) and a
     * value for people (the offset "+12.4 s", the field name "longitude", the score "0.93"). At most
     * {@link #MAX_PER_CAMERA} per camera; the rest are summed into the figure, not listed.
     */
    record Finding(String code, Instant from, Instant to, String value) {
        public static final int MAX_PER_CAMERA = 50;
    }
}
