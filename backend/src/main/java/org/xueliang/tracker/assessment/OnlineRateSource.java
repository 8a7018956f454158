package org.xueliang.tracker.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.xueliang.tracker.availability.AvailabilityPolicy;
import org.xueliang.tracker.availability.AvailabilityService;
import org.xueliang.tracker.availability.Figures;
import org.xueliang.tracker.availability.GroupBy;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.status.StatusQueries;

/**
 * 在线率 per camera from the availability engine, under the default policy (maintenance and unmeasured time left
 * out), so it agrees with the 自评表's time-based 在线率: achieved = S − W − U − D, expected = S − W − U
 * (docs/AVAILABILITY.md). Its findings are the camera's DOWN intervals in the period (code {@code DOWN}, clipped to
 * the period, value = hours). {@link #faultSeconds} is D per camera, for the "hours of faults" rule.
 */
@Component
class OnlineRateSource implements IndicatorSource {

    private final AvailabilityService availability;
    private final StatusQueries status;
    private final Clock clock;

    OnlineRateSource(AvailabilityService availability, StatusQueries status, Clock clock) {
        this.availability = availability;
        this.status = status;
        this.clock = clock;
    }

    @Override
    public Indicator indicator() {
        return Indicator.ONLINE_RATE;
    }

    @Override
    public List<CameraFigure> figures(long projectId, List<Camera> cameras, Instant from, Instant to) {
        return measure(projectId, cameras, from, to).figures();
    }

    /** Whether a daily rollup of the project's devices on a county day of the period is synthetic (availability engine). */
    @Override
    public boolean touchesSynthetic(long projectId, List<Camera> cameras, Instant from, Instant to) {
        ZoneId zone = clock.getZone();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate().minusDays(1);
        return !last.isBefore(first) && availability.touchesSynthetic(projectId, first, last);
    }

    /** The figures and each camera's DOWN seconds (D of the availability engine) in the period. */
    record Measured(List<CameraFigure> figures, Map<Long, Long> faultSeconds) {
    }

    Measured measure(long projectId, List<Camera> cameras, Instant from, Instant to) {
        ZoneId zone = clock.getZone();
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate().minusDays(1);
        Map<String, Figures> byDevice = new HashMap<>();
        for (AvailabilityService.Group g : availability.figures(projectId, first, last, GroupBy.DEVICE, AvailabilityPolicy.DEFAULT)) {
            byDevice.put(g.key(), g.figures());
        }
        List<CameraFigure> out = new ArrayList<>();
        Map<Long, Long> faults = new HashMap<>();
        for (Camera c : cameras) {
            Figures f = byDevice.get(Long.toString(c.id()));
            if (f == null) {
                out.add(new CameraFigure(c.id(), 0, 0, List.of()));
                faults.put(c.id(), 0L);
                continue;
            }
            long counted = Math.max(0, f.inServiceSeconds() - f.maintenanceSeconds() - f.unknownSeconds());
            long down = Math.min(counted, f.downSeconds());
            faults.put(c.id(), down);
            out.add(new CameraFigure(c.id(), counted - down, counted, down > 0 ? downFindings(c.id(), from, to) : List.of()));
        }
        return new Measured(out, faults);
    }

    private List<Finding> downFindings(long deviceId, Instant from, Instant periodEnd) {
        Instant now = clock.instant();
        Instant to = periodEnd.isAfter(now) ? now : periodEnd;
        List<Finding> out = new ArrayList<>();
        for (StatusQueries.Interval i : status.intervals(deviceId, from, to, DeviceState.DOWN)) {
            if (out.size() == Finding.MAX_PER_CAMERA) {
                break;
            }
            Instant start = i.start().isBefore(from) ? from : i.start();
            Instant end = i.end() == null || i.end().isAfter(to) ? to : i.end();
            out.add(new Finding("DOWN", start, end, String.format(java.util.Locale.ROOT, "%.1f h", (end.getEpochSecond() - start.getEpochSecond()) / 3600.0)));
        }
        return out;
    }
}
