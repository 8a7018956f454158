package org.xueliang.tracker.shared;

import java.math.BigDecimal;
import java.util.List;

/**
 * A position a phone sends (WGS-84 degrees, as the work orders' arrival and the stocktake's scans take it): both parts
 * or neither, within range, at most 6 decimals (about 0.1 m, what a {@code DECIMAL(9, 6)} column keeps).
 */
public final class Coordinates {

    private Coordinates() {
    }

    /** Adds to {@code problems} what is wrong with this latitude/longitude pair (both null is fine). */
    public static void check(BigDecimal latitude, BigDecimal longitude, List<FieldProblem> problems) {
        if ((latitude == null) != (longitude == null)) {
            problems.add(new FieldProblem("latitude", "latitude and longitude go together"));
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0 || latitude.scale() > 6)) {
            problems.add(new FieldProblem("latitude", "must be between -90 and 90, at most 6 decimals"));
        }
        if (longitude != null && (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0 || longitude.scale() > 6)) {
            problems.add(new FieldProblem("longitude", "must be between -180 and 180, at most 6 decimals"));
        }
    }
}
