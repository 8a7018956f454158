package org.xueliang.tracker.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Prometheus figures of the clocks, per project (by code) over the last 24 h — not per device, which would be a series
 * per camera: {@code xl_clock_accuracy_ratio} (samples within the threshold ÷ samples; absent without samples) and
 * {@code xl_clock_cameras_over_threshold} (cameras whose latest sample is beyond it). Refreshed from the database
 * every minute, as {@code monitoring.MonitoringMetrics} does.
 */
@Component
class ClockMetrics {

    private final ClockFigures figures;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final Clock clock;
    private final MultiGauge accuracy;
    private final MultiGauge overThreshold;

    ClockMetrics(ClockFigures figures, CameraDirectory cameras, ProjectRepository projects, Clock clock,
                 MeterRegistry meters) {
        this.figures = figures;
        this.cameras = cameras;
        this.projects = projects;
        this.clock = clock;
        this.accuracy = MultiGauge.builder("xl_clock_accuracy_ratio")
                .description("Clock samples of the project's cameras within the threshold ÷ samples, last 24 h")
                .register(meters);
        this.overThreshold = MultiGauge.builder("xl_clock_cameras_over_threshold")
                .description("Cameras of the project whose latest clock sample of the last 24 h is beyond the threshold")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${xl.clock.metrics-ms:60000}", initialDelay = 20_000)
    void refresh() {
        Instant now = clock.instant();
        List<MultiGauge.Row<?>> ratios = new ArrayList<>();
        List<MultiGauge.Row<?>> over = new ArrayList<>();
        for (Project p : projects.findAll()) {
            List<ClockFigures.Tally> tallies = figures.tallies(cameras.ofProject(p.getId()), now.minus(Duration.ofDays(1)), now);
            Tags tags = Tags.of("project", p.getCode());
            long samples = tallies.stream().mapToLong(ClockFigures.Tally::samples).sum();
            if (samples > 0) {
                ratios.add(MultiGauge.Row.of(tags, tallies.stream().mapToLong(ClockFigures.Tally::within).sum() / (double) samples));
            }
            over.add(MultiGauge.Row.of(tags, tallies.stream()
                    .filter(t -> t.latest() != null && !t.latest().within(t.thresholdMs())).count()));
        }
        accuracy.register(ratios, true);
        overThreshold.register(over, true);
    }
}
