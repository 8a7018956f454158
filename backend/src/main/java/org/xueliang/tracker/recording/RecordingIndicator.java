package org.xueliang.tracker.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.assessment.Indicator;
import org.xueliang.tracker.assessment.IndicatorSource;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;

/**
 * 录像完整率 for the assessment: seconds recorded of seconds expected and measured, per camera; findings
 * RECORDING_GAP (from/to), RECORDING_NOT_QUERIED (days no source answered for: not measured) and
 * RECORDING_RETENTION_SHORT (oldest recording younger than 录像保存天数).
 */
@Component
class RecordingIndicator implements IndicatorSource {

    private final RecordingService service;
    private final SyntheticRecordings synthetic;

    RecordingIndicator(RecordingService service, SyntheticRecordings synthetic) {
        this.service = service;
        this.synthetic = synthetic;
    }

    @Override
    public Indicator indicator() {
        return Indicator.RECORDING_COMPLETENESS;
    }

    @Override
    public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
        ZonedDateTime start = from.atZone(service.zone());
        ZonedDateTime end = to.atZone(service.zone());
        LocalDate last = end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : end.toLocalDate();
        if (last.isBefore(start.toLocalDate())) {
            return cameras.stream().map(c -> new CameraFigure(c.id(), 0, 0, List.of())).toList();
        }
        return service.of(cameras, start.toLocalDate(), last).stream()
                .map(c -> new CameraFigure(c.camera().id(), c.result().recordedSeconds(), c.result().expectedSeconds(),
                        c.findings()))
                .toList();
    }

    @Override
    public boolean touchesSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to) {
        return !cameras.isEmpty() && synthetic.touches(cameras.stream().map(Camera::id).toList(), from, to);
    }
}
