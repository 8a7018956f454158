package org.xueliang.tracker.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.vqd.VqdClass;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.vqd.VqdCheck;
import org.xueliang.tracker.vqd.VqdChecks;

/**
 * The demo's picture-quality past (docs/DEMO.md "VQD checks"): once per database, after the synthetic history
 * ({@code @Order(31)}), one synthetic check of every camera every 4 hours for the {@link #DAYS} days before this
 * start, so 图像完好率 has a value for past months. Most pictures are clean; every eleventh camera is blurred for two
 * weeks (a lens out of focus until a visit), every thirteenth has a colour cast at night (a stuck IR-cut filter), every
 * seventeenth is occluded for its last 20 days; any check is faulty by chance 1 time in 60. Marked synthetic.
 */
@Component
@Order(31)
@SyntheticPast
class DemoVqdHistory implements ApplicationRunner {

    static final int DAYS = 62;
    private static final List<VqdClass> JUDGED = List.of(VqdClass.SIGNAL_LOSS, VqdClass.BLUR, VqdClass.COLOR_CAST,
            VqdClass.TOO_BRIGHT, VqdClass.TOO_DARK, VqdClass.NOISE, VqdClass.OCCLUSION);
    private static final Logger log = LoggerFactory.getLogger(DemoVqdHistory.class);

    private final VqdChecks checks;
    private final DemoCameras fleet;
    private final Clock clock;
    private final long seed;

    DemoVqdHistory(VqdChecks checks, DemoCameras fleet, Clock clock,
                   @Value("${xl.demo.history-seed:" + SyntheticHistory.DEFAULT_SEED + "}") long seed) {
        this.checks = checks;
        this.fleet = fleet;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (checks.anySynthetic()) {
            return;
        }
        List<Camera> all = fleet.all();
        Instant until = clock.instant().truncatedTo(ChronoUnit.HOURS);
        List<VqdCheck> past = generate(all, until.minus(Duration.ofDays(DAYS)), until, seed);
        checks.addSynthetic(past);
        log.info("Demo: {} synthetic VQD checks of {} cameras", past.size(), all.size());
    }

    /** The checks of {@code fleet} in [from, to), each camera at its own minute: a pure function of its arguments. */
    static List<VqdCheck> generate(List<Camera> fleet, Instant from, Instant to, long seed) {
        List<VqdCheck> out = new ArrayList<>();
        long hours = Duration.between(from, to).toHours();
        for (int i = 0; i < fleet.size(); i++) {
            long id = fleet.get(i).id();
            SplittableRandom random = new SplittableRandom(seed * 17 + id);
            for (long h = i % 4; h < hours; h += 4) {
                long day = h / 24;
                Map<VqdClass, Double> scores = new EnumMap<>(VqdClass.class);
                JUDGED.forEach(c -> scores.put(c, random.nextInt(5, 35) / 100.0));
                if (i % 11 == 3 && day >= 20 && day < 34) {
                    scores.put(VqdClass.BLUR, random.nextInt(62, 95) / 100.0);
                }
                if (i % 13 == 5 && (h % 24 < 6 || h % 24 >= 20)) {
                    scores.put(VqdClass.COLOR_CAST, random.nextInt(55, 90) / 100.0);
                }
                if (i % 17 == 8 && day >= DAYS - 20) {
                    scores.put(VqdClass.OCCLUSION, random.nextInt(60, 99) / 100.0);
                }
                if (random.nextInt(60) == 0) {
                    scores.put(JUDGED.get(random.nextInt(JUDGED.size())), random.nextInt(51, 80) / 100.0);
                }
                List<VqdClass> faults = scores.entrySet().stream().filter(e -> e.getValue() >= 0.5).map(Map.Entry::getKey).toList();
                out.add(new VqdCheck(id, from.plus(Duration.ofHours(h)).plusSeconds(id % 3600), faults, scores, true));
            }
        }
        return out;
    }
}
