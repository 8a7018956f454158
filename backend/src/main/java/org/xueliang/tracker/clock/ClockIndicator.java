package org.xueliang.tracker.clock;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 时钟准确率 for the monthly assessment: per camera, samples within the threshold of samples; a camera with a sample
 * beyond it gets one finding {@code CLOCK_OFFSET} at its worst sample (time, offset). No samples: not measured.
 */
@Component
class ClockIndicator implements IndicatorSource {

    static final String FINDING = "CLOCK_OFFSET";

    private final ClockFigures figures;

    ClockIndicator(ClockFigures figures) {
        this.figures = figures;
    }

    @Override
    public Indicator indicator() {
        return Indicator.CLOCK_ACCURACY;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
        return figures.tallies(cameras, from, to).stream().map(t -> new CameraFigure(t.camera().id(), t.within(),
                t.samples(), t.offending()
                        ? List.of(new Finding(FINDING, t.worst().at(), null, ClockFigures.seconds(t.worst().offsetMs())))
                        : List.of())).toList();
    }
}
