package org.xueliang.tracker.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * An indicator counted per camera from rows of its module (时钟准确率: samples within the threshold of samples;
 * 图像完好率: checks without a fault of checks). The module says what it counted for the cameras it measured and
 * whether a synthetic row lies in the period; this class turns that into {@link CameraFigure}s, a camera without a
 * count being not measured.
 */
public abstract class CountingIndicator implements IndicatorSource {

    /** A measured camera: {@code achieved} of {@code expected} rows, and the findings that explain the shortfall. */
    public record Count(long achieved, long expected, List<Finding> findings) {
    }

    private final Indicator indicator;

    protected CountingIndicator(Indicator indicator) {
        this.indicator = indicator;
    }

    /** The counts of the cameras among {@code cameras} that have rows in [from, to); the others are left out. */
    protected abstract Map<Long, Count> counts(List<Camera> cameras, Instant from, Instant to);

    /** Whether a row of {@code deviceIds} in [from, to) is synthetic. */
    protected abstract boolean anySynthetic(List<Long> deviceIds, Instant from, Instant to);

    @Override
    public Indicator indicator() {
        return indicator;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
        Map<Long, Count> counts = counts(cameras, from, to);
        return cameras.stream().map(c -> {
            Count n = counts.get(c.id());
            return n == null ? new CameraFigure(c.id(), 0, 0, List.of()) : new CameraFigure(c.id(), n.achieved(), n.expected(), n.findings());
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean touchesSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to) {
        return !cameras.isEmpty() && anySynthetic(cameras.stream().map(Camera::id).toList(), from, to);
    }
}
