package org.xueliang.tracker.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.recording.SyntheticRecordings;
import org.xueliang.tracker.recording.SyntheticRecordings.Recorded;

/**
 * Demo mode's synthetic recording past (录像完整率, docs/DEMO.md), once per database after the demo set-up: for every
 * camera and each of the {@value #DAYS} county days before today, a synthetic search of that day, marked synthetic.
 * Deterministic by the camera's place in asset-tag order: every 7th has two gaps a day (15–95 min), every 11th
 * recorded nothing one day in six, every 13th was not queried one day in five, every 9th keeps its recordings 12
 * days only; the rest recorded all day and keep 40 days. Today comes from the live simulators (ONVIF Profile G and
 * GB/T 28181 RecordInfo), where the demo fleet's fifth camera (JS-XL1-DM-001) has gaps and keeps 12 days.
 */
@Component
@Order(30)
@SyntheticPast
class DemoRecordings implements ApplicationRunner {

    static final int DAYS = 35;
    private static final Logger log = LoggerFactory.getLogger(DemoRecordings.class);

    private final SyntheticRecordings recordings;
    private final CameraDirectory cameras;
    private final ProjectRepository projects;
    private final Clock clock;

    DemoRecordings(SyntheticRecordings recordings, CameraDirectory cameras, ProjectRepository projects, Clock clock) {
        this.recordings = recordings;
        this.cameras = cameras;
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (recordings.written()) {
            return;
        }
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        int written = 0;
        for (Project p : projects.findAll()) {
            List<Camera> list = cameras.ofProject(p.getId());
            for (int i = 0; i < list.size(); i++) {
                Camera c = list.get(i);
                for (LocalDate d = today.minusDays(DAYS); d.isBefore(today); d = d.plusDays(1)) {
                    if (!c.inServiceDuring(d, d.plusDays(1)) || (i % 13 == 8 && d.toEpochDay() % 5 == 0)) {
                        continue;
                    }
                    Instant start = d.atStartOfDay(zone).toInstant();
                    Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
                    recordings.searched(c.id(), start, end, day(i, c.id(), d, start, end));
                    written++;
                }
                recordings.retention(c.id(), clock.instant().minus(Duration.ofDays(i % 9 == 4 ? 12 : 40)));
            }
        }
        log.info("Demo mode: {} synthetic camera-days of recordings written (docs/DEMO.md)", written);
    }

    /** What camera number {@code i} recorded on day {@code d}. */
    static List<Recorded> day(int i, long id, LocalDate d, Instant start, Instant end) {
        if (i % 11 == 5 && d.toEpochDay() % 6 == 0) {
            return List.of();
        }
        if (i % 7 != 3) {
            return List.of(new Recorded(start, end));
        }
        long seed = id * 31 + d.toEpochDay();
        List<Recorded> out = new ArrayList<>();
        Instant cursor = start;
        for (int g = 0; g < 2; g++) {
            Instant gapStart = start.plus(Duration.ofHours(1 + g * 12 + Math.floorMod(seed + g * 5, 10)));
            Instant gapEnd = gapStart.plus(Duration.ofMinutes(15 + Math.floorMod(seed * 7 + g, 81)));
            out.add(new Recorded(cursor, gapStart));
            cursor = gapEnd;
        }
        out.add(new Recorded(cursor, end));
        return out;
    }
}
