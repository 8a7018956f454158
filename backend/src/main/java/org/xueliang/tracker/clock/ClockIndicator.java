package org.xueliang.tracker.clock;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.assessment.CountingIndicator;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 时钟准确率 for the monthly assessment: per camera, samples within the threshold of samples; a camera with a sample
 * beyond it gets one finding {@code CLOCK_OFFSET} at its worst sample (time, offset). No samples: not measured.
 */
@Component
class ClockIndicator extends CountingIndicator {

    static final String FINDING = "CLOCK_OFFSET";

    private final ClockFigures figures;
    private final ClockStore store;

    ClockIndicator(ClockFigures figures, ClockStore store) {
        super(Indicator.CLOCK_ACCURACY);
        this.figures = figures;
        this.store = store;
    }

    @Override
    protected Map<Long, Count> counts(List<Camera> cameras, Instant from, Instant to) {
        Map<Long, Count> out = new HashMap<>();
        for (ClockFigures.Tally t : figures.tallies(cameras, from, to)) {
            if (t.measured()) {
                out.put(t.camera().id(), new Count(t.within(), t.samples(), t.offending()
                        ? List.of(new Finding(FINDING, t.worst().at(), null, ClockFigures.seconds(t.worst().offsetMs())))
                        : List.of()));
            }
        }
        return out;
    }

    @Override
    protected boolean anySynthetic(List<Long> deviceIds, Instant from, Instant to) {
        return store.anySynthetic(deviceIds, from, to);
    }
}
