package org.xueliang.tracker.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.clock.ClockSample;
import org.xueliang.tracker.clock.ClockSamples;
import org.xueliang.tracker.clock.ClockSource;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.ProjectRepository;

/**
 * The demo's clock past (docs/DEMO.md "Clock samples"): once per database, after the synthetic history
 * ({@code @Order(30)}), synthetic clock samples of every camera for the {@link #DAYS} days before this start — ONVIF
 * every 2 h, GB/T 28181 every 6 h for cameras with a national code — so 时钟准确率 and its offenders show something.
 * Most clocks stay within a second; every ninth camera drifts 0.6 s a day and is set right every ten days (beyond
 * 3 s part of the time); every fifteenth is 8 s behind. Marked synthetic; live samples follow from the simulators.
 */
@Component
@Order(30)
@SyntheticPast
class DemoClockHistory implements ApplicationRunner {

    static final int DAYS = 62;
    private static final Logger log = LoggerFactory.getLogger(DemoClockHistory.class);

    private final ClockSamples samples;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final Clock clock;
    private final long seed;

    DemoClockHistory(ClockSamples samples, CameraDirectory cameras, ProjectRepository projects, Clock clock,
                     @Value("${xl.demo.history-seed:" + SyntheticHistory.DEFAULT_SEED + "}") long seed) {
        this.samples = samples;
        this.cameras = cameras;
        this.projects = projects;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (samples.anySynthetic()) {
            return;
        }
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<Camera> all = new ArrayList<>();
        projects.findAll().forEach(p -> all.addAll(cameras.ofProject(p.getId())));
        List<ClockSample> past = generate(all, end.minus(Duration.ofDays(DAYS)), end, seed);
        for (int from = 0; from < past.size(); from += 5_000) {
            samples.addSynthetic(past.subList(from, Math.min(past.size(), from + 5_000)));
        }
        log.info("Demo: {} synthetic clock samples of {} cameras", past.size(), all.size());
    }

    /** The samples of {@code cameras} in [from, to): a pure function of its arguments. */
    static List<ClockSample> generate(List<Camera> cameras, Instant from, Instant to, long seed) {
        List<ClockSample> out = new ArrayList<>();
        for (int i = 0; i < cameras.size(); i++) {
            Camera c = cameras.get(i);
            SplittableRandom random = new SplittableRandom(seed * 31 + c.id());
            for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofHours(2))) {
                long days = Duration.between(from, at).toHours() / 24;
                long base = i % 9 == 4 ? (days % 10) * 600 + Duration.between(from, at).toHours() % 24 * 25
                        : i % 15 == 7 ? -8_000 : 0;
                out.add(new ClockSample(c.id(), ClockSource.ONVIF, at, base + random.nextLong(-800, 801), true));
                if (c.gbCode() != null && Duration.between(from, at).toHours() % 6 == 0) {
                    out.add(new ClockSample(c.id(), ClockSource.GB28181, at.plusSeconds(60), base + random.nextLong(-800, 801),
                            true));
                }
            }
        }
        return out;
    }
}
